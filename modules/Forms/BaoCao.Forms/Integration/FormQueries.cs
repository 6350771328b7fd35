using BaoCao.Forms.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;

namespace BaoCao.Forms.Integration;

/// <summary>Answers other modules' questions about forms (Forms' Contracts).</summary>
internal sealed class FormQueries(FormsDbContext db) : IQueryHandler<FindFormsUsingIndicator, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(FindFormsUsingIndicator query, CancellationToken cancellationToken)
    {
        var code = query.IndicatorCode.Trim().ToUpperInvariant();
        var candidates = await db.FormVersions.AsNoTracking().Where(v => v.Status == FormStatus.Published).ToListAsync(cancellationToken);
        var formIds = candidates.Where(v => v.Layout.Rows.Any(r => r.Indicator == code)).Select(v => v.FormId).ToHashSet();
        return await db.Forms.AsNoTracking().Where(f => formIds.Contains(f.Id)).Select(f => f.Code).OrderBy(c => c).ToListAsync(cancellationToken);
    }
}
