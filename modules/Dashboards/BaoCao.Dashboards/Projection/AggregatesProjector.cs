using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Persistence;
using BaoCao.Deadlines.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.Workflow.Contracts;
using Microsoft.Extensions.Logging;

namespace BaoCao.Dashboards.Projection;

/// <summary>
/// Keeps the aggregates read model in step with Workflow's approved-value sequence. Each page of changes is applied in
/// one transaction together with the checkpoint, so after a crash the projector resumes exactly where it stopped.
/// Only numeric totals of the "current" column feed the model; computed indicators are not stored (they are evaluated
/// from their inputs when asked, so a ratio of a roll-up is the ratio of rolled inputs).
/// </summary>
internal sealed class AggregatesProjector(DashboardsDbContext db, ISender sender, TimeProvider clock, ProjectionGate gate, ILogger<AggregatesProjector> logger)
{
    public const int PageSize = 5000;

    /// <summary>Applies everything approved since the checkpoint; returns how many changes were read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            var read = 0;
            Metadata? metadata = null;
            while (true)
            {
                db.ChangeTracker.Clear();
                var checkpoint = await db.Checkpoints.SingleOrDefaultAsync(c => c.Name == Checkpoint.Aggregates, cancellationToken);
                if (checkpoint is null)
                    db.Checkpoints.Add(checkpoint = new Checkpoint { Name = Checkpoint.Aggregates });
                var page = await sender.Send(new ListApprovedChanges(checkpoint.Sequence, PageSize), cancellationToken);
                if (page.Count == 0)
                    return read;
                metadata ??= await Metadata.LoadAsync(sender, cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await ApplyAsync(page, metadata, cancellationToken);
                checkpoint.Sequence = page[^1].Sequence;
                checkpoint.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                read += page.Count;
                logger.LogDebug("Dashboards projected {Count} approved changes up to {Sequence}", page.Count, checkpoint.Sequence);
            }
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>Rolls every indicator and period up the unit tree again from the own values (after the unit tree or an
    /// indicator's aggregation rule changed); returns how many (indicator, period) pairs were recomputed.</summary>
    public async Task<int> RebuildRollUpsAsync(CancellationToken cancellationToken)
    {
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            var metadata = await Metadata.LoadAsync(sender, cancellationToken);
            db.ChangeTracker.Clear();
            var pairs = await db.Points.Where(p => !p.Rolled).Select(p => new { p.Indicator, p.Period }).Distinct().ToListAsync(cancellationToken);
            foreach (var chunk in pairs.Chunk(200))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var pair in chunk)
                    await RollUpAsync(pair.Indicator, pair.Period, metadata, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            // Rolled figures of indicators or periods that no longer have own values.
            var orphans = await db.Points.Where(p => p.Rolled && !db.Points.Any(o => !o.Rolled && o.Indicator == p.Indicator && o.Period == p.Period))
                .ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("Dashboards roll-ups rebuilt for {Pairs} indicator periods ({Orphans} orphan figures removed)", pairs.Count, orphans);
            return pairs.Count;
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>Forgets the model and reads the whole approved sequence again.</summary>
    public async Task<int> RebuildFromScratchAsync(CancellationToken cancellationToken)
    {
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Points.ExecuteDeleteAsync(cancellationToken);
            await db.Checkpoints.Where(c => c.Name == Checkpoint.Aggregates).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            gate.Lock.Release();
        }
        return await CatchUpAsync(cancellationToken);
    }

    private async Task ApplyAsync(IReadOnlyList<ApprovedChange> page, Metadata metadata, CancellationToken cancellationToken)
    {
        // The last change of each cell in the page wins; an indicator on two forms takes the later approval.
        var latest = page.Where(c => c.Column == "current" && c.Disaggregation == "" && metadata.Indicators.TryGetValue(c.Indicator, out var i) && !i.IsComputed)
            .GroupBy(c => (c.Indicator, c.Period))
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.UnitCode).ToDictionary(u => u.Key, u => u.MaxBy(c => c.Sequence)!.Number));
        foreach (var ((indicator, period), units) in latest)
        {
            var codes = units.Keys.ToList();
            var existing = await db.Points.Where(p => p.Indicator == indicator && p.Period == period && !p.Rolled && codes.Contains(p.UnitCode))
                .ToDictionaryAsync(p => p.UnitCode, cancellationToken);
            foreach (var (unit, number) in units)
            {
                if (existing.TryGetValue(unit, out var point))
                {
                    if (number is null)
                        db.Points.Remove(point);
                    else
                        point.Value = number.Value;
                }
                else if (number is not null)
                    db.Points.Add(new Point(indicator, unit, period, rolled: false, number.Value));
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // Roll up what changed, and what is weighted by what changed.
        var dirty = latest.Keys.ToHashSet();
        foreach (var (indicator, period) in latest.Keys)
            foreach (var weighted in metadata.Indicators.Values.Where(i => i.WeightIndicator == indicator && !i.IsComputed))
                dirty.Add((weighted.Code, period));
        foreach (var (indicator, period) in dirty)
            await RollUpAsync(indicator, period, metadata, cancellationToken);
    }

    private async Task RollUpAsync(string indicator, string period, Metadata metadata, CancellationToken cancellationToken)
    {
        if (!metadata.Indicators.TryGetValue(indicator, out var info) || await metadata.SpanAsync(sender, period, cancellationToken) is not { } span)
            return;
        var rolled = new Dictionary<string, decimal>();
        if (!info.IsComputed && info.AcrossUnits != UnitAggregation.None)
        {
            var own = await OwnAsync(indicator, period, cancellationToken);
            Dictionary<string, decimal>? weights = null;
            if (info.WeightIndicator is { } weight && metadata.Indicators.TryGetValue(weight, out var weightInfo))
            {
                weights = await OwnAsync(weight, period, cancellationToken);
                foreach (var (unit, value) in metadata.Tree.RollUp(weightInfo, weights, null, span.Start))
                    weights[unit] = value;
            }
            rolled = metadata.Tree.RollUp(info, own, weights, span.Start);
        }
        var stored = await db.Points.Where(p => p.Indicator == indicator && p.Period == period && p.Rolled).ToListAsync(cancellationToken);
        foreach (var point in stored)
        {
            if (rolled.Remove(point.UnitCode, out var value))
            {
                if (point.Value != value)
                    point.Value = value;
            }
            else
                db.Points.Remove(point);
        }
        foreach (var (unit, value) in rolled)
            db.Points.Add(new Point(indicator, unit, period, rolled: true, value));
    }

    private Task<Dictionary<string, decimal>> OwnAsync(string indicator, string period, CancellationToken cancellationToken) =>
        db.Points.AsNoTracking().Where(p => p.Indicator == indicator && p.Period == period && !p.Rolled)
            .ToDictionaryAsync(p => p.UnitCode, p => p.Value, cancellationToken);

    /// <summary>The unit tree, the catalogue and period days, read once per catch-up.</summary>
    internal sealed class Metadata(UnitTree tree, IReadOnlyDictionary<string, IndicatorInfo> indicators)
    {
        private readonly Dictionary<string, PeriodSpan?> _spans = [];

        public UnitTree Tree => tree;
        public IReadOnlyDictionary<string, IndicatorInfo> Indicators => indicators;

        public static async Task<Metadata> LoadAsync(ISender sender, CancellationToken cancellationToken) =>
            new(new UnitTree(await sender.Send(new ListAllUnits(), cancellationToken)),
                (await sender.Send(new GetIndicators(), cancellationToken)).ToDictionary(i => i.Code));

        public async Task<PeriodSpan?> SpanAsync(ISender sender, string period, CancellationToken cancellationToken)
        {
            if (!_spans.TryGetValue(period, out var span))
                _spans[period] = span = (await sender.Send(new ListPeriods(period, period), cancellationToken))?.SingleOrDefault();
            return span;
        }
    }
}

/// <summary>One projector at a time in this process, and the wake-up a new approval sends.</summary>
internal sealed class ProjectionGate
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); }
            catch (SemaphoreFullException) { } // already awake
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
