using BaoCao.Forms.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Features;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Forms.Integration;

/// <summary>Answers other modules' questions about forms (Forms' Contracts).</summary>
internal sealed class FormQueries(FormsDbContext db, ISender sender)
    : IQueryHandler<FindFormsUsingIndicator, IReadOnlyList<string>>, IQueryHandler<GetFormValues, FormValues?>
{
    public async ValueTask<IReadOnlyList<string>> Handle(FindFormsUsingIndicator query, CancellationToken cancellationToken)
    {
        var code = query.IndicatorCode.Trim().ToUpperInvariant();
        var candidates = await db.FormVersions.AsNoTracking().Where(v => v.Status == FormStatus.Published).ToListAsync(cancellationToken);
        var formIds = candidates.Where(v => v.Layout.Rows.Any(r => r.Indicator == code)).Select(v => v.FormId).ToHashSet();
        return await db.Forms.AsNoTracking().Where(f => formIds.Contains(f.Id)).Select(f => f.Code).OrderBy(c => c).ToListAsync(cancellationToken);
    }

    public async ValueTask<FormValues?> Handle(GetFormValues query, CancellationToken cancellationToken)
    {
        var formCode = query.FormCode.Trim().ToUpperInvariant();
        var unitCode = query.UnitCode.Trim().ToUpperInvariant();
        var resolved = await EnterFormData.ResolveAsync(db, sender, formCode, unitCode, query.Period.Trim(), cancellationToken);
        if (resolved.Value is not { } target)
            return null;
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.FormCode == formCode && v.UnitCode == unitCode && v.Period == target.Period.Code && (v.Number != null || v.Text != null))
            .Select(v => new FormValue(v.Indicator, v.Column, v.Disaggregation, v.Number, v.Text))
            .ToListAsync(cancellationToken);
        var blockers = new List<string>();
        foreach (var row in target.Version.Layout.Rows.Where(r => r.Required))
        {
            if (!values.Any(v => v.Indicator == row.Indicator && v.Column == "current" && v.Disaggregation == ""))
                blockers.Add($"Chưa nhập chỉ tiêu bắt buộc: {target.Indicators[row.Indicator].Name} ({row.Indicator}).");
        }
        var totals = values.Where(v => v.Column == "current" && v.Disaggregation == "").ToDictionary(v => v.Indicator, v => v.Number);
        foreach (var violation in await sender.Send(new CheckDataRules(totals, [.. target.Indicators.Keys]), cancellationToken))
        {
            if (violation.Importance == "High")
                blockers.Add($"{violation.Message} ({violation.Left:0.##} {violation.Operator} {violation.Right:0.##})");
        }
        return new FormValues(target.Version.Number, values, blockers);
    }
}
