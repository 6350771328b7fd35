using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Forms.Domain;

/// <summary>
/// One entered cell: (form, unit, period, indicator, column, disaggregation). Numbers are exact decimals; text and
/// yes/no answers are kept as text. <see cref="Version"/> lets two people saving the same cell find out instead of
/// overwriting each other; every change is kept in <see cref="DataValueChange"/>.
/// </summary>
internal sealed class DataValue : IVersioned
{
    private DataValue() { }

    public DataValue(string formCode, int formVersion, string unitCode, string period, string indicator, int indicatorVersion, string column, string disaggregation)
    {
        Id = Guid.NewGuid();
        FormCode = formCode;
        FormVersion = formVersion;
        UnitCode = unitCode;
        Period = period;
        Indicator = indicator;
        IndicatorVersion = indicatorVersion;
        Column = column;
        Disaggregation = disaggregation;
        Version = 1; // written by a bulk insert, which the context's versioning does not see
    }

    public Guid Id { get; private set; }
    public string FormCode { get; private set; } = "";
    public int FormVersion { get; private set; }
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string Indicator { get; private set; } = "";
    public int IndicatorVersion { get; private set; }
    /// <summary>"current" or "plan" (the entered columns).</summary>
    public string Column { get; private set; } = "";
    /// <summary>Option codes joined by '.', or "" for the total.</summary>
    public string Disaggregation { get; private set; } = "";
    public decimal? Number { get; private set; }
    public string? Text { get; private set; }
    public string? Comment { get; private set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public bool Same(decimal? number, string? text, string? comment) => Number == number && Text == text && Comment == comment;

    public DataValueChange Set(decimal? number, string? text, string? comment, DateTimeOffset at, string by, string source)
    {
        var change = new DataValueChange(Id, Display(Number, Text), Display(number, text), Comment != comment ? comment : null, at, by, source);
        Number = number;
        Text = text;
        Comment = comment;
        UpdatedAt = at;
        UpdatedBy = by;
        return change;
    }

    public static string? Display(decimal? number, string? text) =>
        number is { } n ? SharedKernel.Text.Decimals.Normalize(n).ToString(System.Globalization.CultureInfo.InvariantCulture) : text;
}

/// <summary>One change of a cell: the value before and after, who, when and through what (form, file, API).</summary>
internal sealed class DataValueChange
{
    private DataValueChange() { }

    public DataValueChange(Guid dataValueId, string? before, string? after, string? comment, DateTimeOffset at, string by, string source)
    {
        Id = Guid.NewGuid();
        DataValueId = dataValueId;
        Before = before;
        After = after;
        Comment = comment;
        At = at;
        By = by;
        Source = source;
    }

    public Guid Id { get; private set; }
    public Guid DataValueId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string Source { get; private set; } = "";
}

/// <summary>The answer given to a request with an Idempotency-Key, so a replay gets the same answer and writes nothing.</summary>
internal sealed class IdempotentRequest
{
    private IdempotentRequest() { }

    public IdempotentRequest(string key, string userName, string requestHash, string response, DateTimeOffset at)
    {
        Key = key;
        UserName = userName;
        RequestHash = requestHash;
        Response = response;
        At = at;
    }

    public string Key { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public string Response { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
