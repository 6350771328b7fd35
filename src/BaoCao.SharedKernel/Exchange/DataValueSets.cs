namespace BaoCao.SharedKernel.Exchange;

/// <summary>The dataValueSets vocabulary shared by the modules that read and write it (Forms imports, Workflow exports).</summary>
public static class DataValueSets
{
    /// <summary>DHIS2's name for "no disaggregation" (categoryOptionCombo) and "no attribute" (attributeOptionCombo).</summary>
    public const string DefaultCombo = "default";

    /// <summary>The form column that is the figure itself; other columns travel as attributeOptionCombo.</summary>
    public const string CurrentColumn = "current";

    /// <summary>The packet type (QCVN 125's report data message) whose body is a dataValueSet.</summary>
    public const string ReportDataPacket = "report-data";

    /// <summary>The packet type (QCVN 125's list-type report data) whose body is a <see cref="ListReportData"/>.</summary>
    public const string ListReportDataPacket = "list-report-data";

    public const string IdSchemeMessage = "idScheme chỉ nhận code hoặc id (trong BaoCao mã chính là định danh).";

    /// <summary>BaoCao addresses forms, indicators and units by their codes, so code, id and uid name the same.</summary>
    public static bool IsKnownIdScheme(string? scheme) =>
        string.IsNullOrWhiteSpace(scheme) || scheme.Trim().ToLowerInvariant() is "code" or "id" or "uid";

    /// <summary>A categoryOptionCombo as stored: "" for none.</summary>
    public static string Disaggregation(string? combo) =>
        string.IsNullOrWhiteSpace(combo) || IsDefault(combo) ? "" : Text.Codes.Normalize(combo);

    /// <summary>An attributeOptionCombo as a form column key.</summary>
    public static string Column(string? combo) =>
        string.IsNullOrWhiteSpace(combo) || IsDefault(combo) ? CurrentColumn : combo.Trim().ToLowerInvariant();

    public static string Combo(string disaggregation) => disaggregation.Length == 0 ? DefaultCombo : disaggregation;

    public static string? Attribute(string column) => column == CurrentColumn ? null : column;

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsDefault(string combo) => combo.Trim().Equals(DefaultCombo, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A dataValueSets document as other systems send it: each value may name its own dataSet, orgUnit and period,
/// else the set's.</summary>
public sealed record DataValueSetInput(string? DataSet, string? Period, string? OrgUnit, IReadOnlyList<DataValueInput?>? DataValues);

/// <param name="Value">A JSON string (DHIS2 sends "1234.5") or number.</param>
public sealed record DataValueInput(string? DataSet, string? DataElement, string? Period, string? OrgUnit, string? CategoryOptionCombo,
    string? AttributeOptionCombo, System.Text.Json.JsonElement? Value, string? Comment);

/// <summary>Approved values in DHIS2's dataValueSets shape: the answer of <c>GET /api/exchange/dataValueSets</c> and the
/// body of a "report-data" packet. Values are invariant text ("1234.5"), as DHIS2 writes them.</summary>
public sealed record DataValueSet(string DataSet, string Period, string OrgUnit, IReadOnlyList<DataValue> DataValues);

public sealed record DataValue(string DataElement, string Period, string OrgUnit, string CategoryOptionCombo, string? AttributeOptionCombo,
    string Value, string? Comment, string LastUpdated);

/// <summary>The body of a "list-report-data" packet (QCVN 125's list-type report data): one form and period, one row per
/// reporting unit — a unit and its sub-units side by side, as the receiving unit's summary table lists them.</summary>
public sealed record ListReportData(string DataSet, string Period, string OrgUnit, IReadOnlyList<ListReportRow> Rows);

/// <param name="OrgUnit">The unit's code in packets (its national administrative code where it has one).</param>
public sealed record ListReportRow(string OrgUnit, string OrgUnitName, IReadOnlyList<ListReportCell> Values);

public sealed record ListReportCell(string DataElement, string CategoryOptionCombo, string? AttributeOptionCombo, string Value);
