namespace BaoCao.Deadlines.Domain;

/// <summary>How one unit stood on one regime's reports due in the period.</summary>
internal sealed record ComplianceRow(string UnitCode, string UnitName, string RegimeCode, string RegimeName, int Expected, int Submitted, int OnTime, int Late, int Missing);

/// <param name="OnTimeRate">Reports sent on time over reports owed, in percent: never above 100.</param>
/// <param name="Trend">The unit's on-time rate in the previous periods of the same kind, oldest first.</param>
internal sealed record ComplianceUnit(int Rank, string UnitCode, string UnitName, int Expected, int Submitted, int OnTime, int Late, int Missing,
    decimal OnTimeRate, IReadOnlyList<TrendPoint> Trend);

internal sealed record TrendPoint(string Period, decimal? OnTimeRate);

internal sealed record ComplianceFigures(string Period, DateOnly From, DateOnly To, int Expected, int Submitted, int OnTime, int Late, int Missing,
    decimal OnTimeRate, IReadOnlyList<ComplianceUnit> Units, IReadOnlyList<ComplianceRow> Rows, IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// The compliance report of a month or a quarter (Đ15.3) for the province office: for every report due in the period,
/// whether it was sent on time, late or not at all, by unit and regime, with a ranking and the trend. Kept as generated
/// (a snapshot): a re-run of the job finds it and does nothing; an administrator may regenerate it on purpose.
/// </summary>
internal sealed class ComplianceReport
{
    private ComplianceReport() { }

    public ComplianceReport(string period, ComplianceFigures figures, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Period = period;
        Regenerate(figures, by, at);
    }

    public Guid Id { get; private set; }
    public string Period { get; private set; } = "";
    public ComplianceFigures Figures { get; private set; } = null!;
    public string GeneratedBy { get; private set; } = "";
    public DateTimeOffset GeneratedAt { get; private set; }
    public int Generation { get; private set; }
    public string? EmailStatus { get; private set; }

    public void Regenerate(ComplianceFigures figures, string by, DateTimeOffset at)
    {
        (Figures, GeneratedBy, GeneratedAt, EmailStatus) = (figures, by, at, null);
        Generation++;
    }

    public void Emailed(string status) => EmailStatus = status;
}

/// <summary>
/// One generation of a compliance report as it was issued: its figures and the very .xlsx and .docx files e-mailed,
/// never changed afterwards, so what the province office received can be shown and downloaded again after a
/// regeneration.
/// </summary>
internal sealed class ComplianceGeneration
{
    private ComplianceGeneration() { }

    public ComplianceGeneration(ComplianceReport report, byte[] xlsx, byte[] docx)
    {
        (Period, Generation, Figures, GeneratedBy, GeneratedAt) = (report.Period, report.Generation, report.Figures, report.GeneratedBy, report.GeneratedAt);
        (Xlsx, Docx) = (xlsx, docx);
    }

    public string Period { get; private set; } = "";
    public int Generation { get; private set; }
    public ComplianceFigures Figures { get; private set; } = null!;
    public string GeneratedBy { get; private set; } = "";
    public DateTimeOffset GeneratedAt { get; private set; }
    public byte[] Xlsx { get; private set; } = [];
    public byte[] Docx { get; private set; } = [];
    public string? EmailStatus { get; private set; }

    public void Emailed(string status) => EmailStatus = status;
}

/// <summary>One unit's use of the system in a half-year or year (Đ18.1).</summary>
internal sealed record UsageRow(string UnitCode, string UnitName, int SignIns, int Entries, int Submissions);

internal sealed record UsageFigures(string Period, DateOnly From, DateOnly To, int SignIns, int Entries, int Submissions, IReadOnlyList<UsageRow> Units);

/// <summary>The system-usage report of a half-year or a year (Đ18.1): per unit, sign-ins, values entered and submissions
/// (data submitted for approval and reports sent). Kept as generated; a re-run leaves it; regenerated on purpose.</summary>
internal sealed class UsageReport
{
    private UsageReport() { }

    public UsageReport(string period, UsageFigures figures, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Period = period;
        Regenerate(figures, by, at);
    }

    public Guid Id { get; private set; }
    public string Period { get; private set; } = "";
    public UsageFigures Figures { get; private set; } = null!;
    public string GeneratedBy { get; private set; } = "";
    public DateTimeOffset GeneratedAt { get; private set; }
    public int Generation { get; private set; }

    public void Regenerate(UsageFigures figures, string by, DateTimeOffset at)
    {
        (Figures, GeneratedBy, GeneratedAt) = (figures, by, at);
        Generation++;
    }
}
