using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Forms.Integration;

/// <summary>
/// A form with its versions, its regime and its assignments, in memory: every read and save of form data resolves them
/// (three queries), and they change when the province office edits a regime, publishes a form or assigns it. A change
/// saved on this node clears the cache at once; one saved on another node is seen within <see cref="Lifetime"/>. The
/// cached entities are read, never changed.
/// </summary>
internal sealed class FormCache(TimeProvider clock)
    : NodeCache<string, FormCache.Entry?>(clock, Lifetime, [typeof(Regime), typeof(FormDesign), typeof(FormVersion), typeof(Assignment)])
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    internal sealed record Entry(FormDesign Form, Regime Regime, IReadOnlyList<Assignment> Assignments);

    /// <summary>The form with that (normalised) code, or null when there is none.</summary>
    public Task<Entry?> GetAsync(FormsDbContext db, string formCode, CancellationToken cancellationToken) =>
        GetAsync(formCode, async () =>
        {
            var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == formCode, cancellationToken);
            if (form is null)
                return null;
            var regime = await db.Regimes.AsNoTracking().SingleAsync(r => r.Code == form.RegimeCode, cancellationToken);
            var assignments = await db.Assignments.AsNoTracking().Where(a => a.FormCode == form.Code).ToListAsync(cancellationToken);
            return new Entry(form, regime, assignments);
        });
}
