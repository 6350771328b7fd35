using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Forms.Domain;

/// <summary>A heading of the narrative part of the report, with the guidance shown to the writer.</summary>
internal sealed record OutlineHeading(string Title, string? Guidance);

/// <summary>A table of the report's table part: indicators of the regime's forms, in order, with the columns shown
/// ("current", "lastyear", "plan", "ytd", "pct_lastyear", "pct_plan").</summary>
internal sealed record ReportTable(string Title, IReadOnlyList<string> Indicators, IReadOnlyList<string> Columns);

/// <summary>A round of a thematic or ad hoc regime: its data window and due date. Its period code is the window,
/// "YYYYMMDD-YYYYMMDD".</summary>
internal sealed record ReportingRound(DateOnly Start, DateOnly End, DateOnly Due)
{
    public string Code => $"{Start:yyyyMMdd}-{End:yyyyMMdd}";
}

/// <summary>
/// A reporting regime ("chế độ báo cáo") with the elements Decree 09/2019 Art. 7 requires. Reporting units are an
/// explicit list and/or unit kinds under a subtree. The due date is day N of the period's last month, N days after
/// the data window ends, or an explicit date (thematic, ad hoc), always moved to a working day by Deadlines.
/// Every change is kept as an amendment with what changed.
/// </summary>
internal sealed class Regime : IVersioned
{
    private Regime() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Content { get; private set; } = "";
    public RegimeKind Kind { get; private set; }
    public Frequency? Frequency { get; private set; }
    /// <summary>"decree09" (Art. 12 cut-off windows) or "calendar".</summary>
    public string PeriodRule { get; private set; } = "decree09";
    public int? DueDay { get; private set; }
    public int? DueDaysAfterWindow { get; private set; }
    /// <summary>Thematic: one or more rounds; ad hoc: one round; periodic: none (periods follow the frequency).</summary>
    public List<ReportingRound> Rounds { get; private set; } = [];
    public string ReportingUnitCodes { get; private set; } = "";
    public string ReportingUnitKinds { get; private set; } = "";
    public string? ReportingSubtree { get; private set; }
    public string ReceivingUnit { get; private set; } = "";
    public string OwnerUnit { get; private set; } = "";
    public string SendingMethod { get; private set; } = "";
    public string? Guidance { get; private set; }
    public LateSubmission LateSubmission { get; private set; }
    /// <summary>Whether a report may be submitted while its table part lacks approved data (the officer confirms and the
    /// report is marked "số liệu chưa đầy đủ"); otherwise such a submission is refused.</summary>
    public bool AllowIncompleteReportTable { get; private set; }
    public List<OutlineHeading> Outline { get; private set; } = [];
    /// <summary>The table part of the report template; empty means one table per form with all its rows.</summary>
    public List<ReportTable> Tables { get; private set; } = [];
    public bool Active { get; private set; } = true;
    public long Version { get; set; }
    public int Amendment { get; private set; }

    public IReadOnlyList<string> UnitCodes => ReportingUnitCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<string> UnitKinds => ReportingUnitKinds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The units that report on <paramref name="day"/>: the listed ones and those of the listed kinds under the
    /// subtree (the whole province when none is set), among the units that exist that day.</summary>
    public IReadOnlyList<string> ReportingUnitsOn(IReadOnlyList<Accounts.Contracts.UnitInfo> units, DateOnly day)
    {
        var existing = units.Where(u => u.ValidFrom <= day && (u.ValidTo is null || u.ValidTo >= day)).ToDictionary(u => u.Code);
        var kinds = UnitKinds.Select(k => Enum.TryParse<Accounts.Contracts.UnitKind>(k, out var kind) ? kind : (Accounts.Contracts.UnitKind?)null).OfType<Accounts.Contracts.UnitKind>().ToHashSet();
        bool Under(Accounts.Contracts.UnitInfo? unit)
        {
            for (; unit is not null; unit = unit.ParentCode is { } parent ? existing.GetValueOrDefault(parent) : null)
            {
                if (ReportingSubtree is null || unit.Code == ReportingSubtree)
                    return true;
            }
            return false;
        }
        return [.. existing.Values.Where(u => UnitCodes.Contains(u.Code) || (kinds.Contains(u.Kind) && Under(u))).Select(u => u.Code).Order(StringComparer.Ordinal)];
    }

    public static Regime Create(string code, RegimeTerms terms)
    {
        var regime = new Regime { Id = Guid.NewGuid(), Code = Codes.Normalize(code) };
        regime.Apply(terms);
        return regime;
    }

    public ReportingRound? FindRound(string periodCode) => Rounds.FirstOrDefault(r => r.Code == periodCode);

    public RegimeTerms Terms => new(Name, Content, Kind, Frequency, PeriodRule, DueDay, DueDaysAfterWindow, Rounds,
        UnitCodes, UnitKinds, ReportingSubtree, ReceivingUnit, OwnerUnit, SendingMethod, Guidance, LateSubmission, Outline, AllowIncompleteReportTable);

    public void DesignTables(IEnumerable<ReportTable> tables)
    {
        Tables = [.. tables];
        Amendment++;
    }

    public void Amend(RegimeTerms terms)
    {
        Apply(terms);
        Amendment++;
    }

    private void Apply(RegimeTerms terms)
    {
        Name = terms.Name.Trim();
        Content = terms.Content.Trim();
        Kind = terms.Kind;
        Frequency = terms.Kind == RegimeKind.Periodic ? terms.Frequency : null;
        PeriodRule = terms.PeriodRule;
        DueDay = terms.DueDay;
        DueDaysAfterWindow = terms.DueDaysAfterWindow;
        Rounds = terms.Kind == RegimeKind.Periodic ? [] : [.. terms.Rounds.OrderBy(r => r.Start)];
        ReportingUnitCodes = string.Join(',', terms.UnitCodes.Select(c => Codes.Normalize(c)).Distinct());
        ReportingUnitKinds = string.Join(',', terms.UnitKinds.Distinct());
        ReportingSubtree = terms.Subtree;
        ReceivingUnit = terms.ReceivingUnit;
        OwnerUnit = terms.OwnerUnit;
        SendingMethod = terms.SendingMethod.Trim();
        Guidance = terms.Guidance?.Trim();
        LateSubmission = terms.LateSubmission;
        AllowIncompleteReportTable = terms.AllowIncompleteReportTable;
        Outline = [.. terms.Outline];
    }
}

internal sealed record RegimeTerms(string Name, string Content, RegimeKind Kind, Frequency? Frequency, string PeriodRule, int? DueDay,
    int? DueDaysAfterWindow, IReadOnlyList<ReportingRound> Rounds, IReadOnlyList<string> UnitCodes,
    IReadOnlyList<string> UnitKinds, string? Subtree, string ReceivingUnit, string OwnerUnit, string SendingMethod, string? Guidance,
    LateSubmission LateSubmission, IReadOnlyList<OutlineHeading> Outline, bool AllowIncompleteReportTable = false);
