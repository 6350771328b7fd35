namespace BaoCao.Workflow.Domain;

/// <summary>
/// The unit's aggregate store: one row per change of an approved cell, numbered by a strictly increasing
/// <see cref="Sequence"/> that is assigned in commit order — the change feed Dashboards, Deadlines and the exchange read
/// with "after N". A cell removed by a later approval gets a row with no value.
/// </summary>
internal sealed class ApprovedValue
{
    private ApprovedValue() { }

    public ApprovedValue(long sequence, string formCode, string unitCode, string period, string indicator, string column, string disaggregation,
        decimal? number, string? text, int approval, DateTimeOffset approvedAt)
    {
        Sequence = sequence;
        FormCode = formCode;
        UnitCode = unitCode;
        Period = period;
        Indicator = indicator;
        Column = column;
        Disaggregation = disaggregation;
        Number = number;
        Text = text;
        Approval = approval;
        ApprovedAt = approvedAt;
    }

    public long Sequence { get; private set; }
    public string FormCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string Indicator { get; private set; } = "";
    public string Column { get; private set; } = "";
    public string Disaggregation { get; private set; } = "";
    public decimal? Number { get; private set; }
    public string? Text { get; private set; }
    public int Approval { get; private set; }
    public DateTimeOffset ApprovedAt { get; private set; }
}

/// <summary>The last sequence number handed out. Incrementing it inside the approving transaction holds its row lock
/// until commit, so sequences become visible in order and a reader of "after N" never skips a late commit.</summary>
internal sealed class SequenceCounter
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}
