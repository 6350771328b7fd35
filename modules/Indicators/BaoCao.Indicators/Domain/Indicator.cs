using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Text;

namespace BaoCao.Indicators.Domain;

/// <summary>
/// What an indicator means in one version. <see cref="Groups"/> and <see cref="Categories"/> are comma-separated codes
/// in a fixed order so two definitions compare by value (an unchanged save creates no version).
/// </summary>
internal sealed record IndicatorDefinition(
    string Name, string ShortName, string? Description, string? Method, string UnitOfMeasure, IndicatorValueType ValueType,
    int Precision, UnitAggregation AcrossUnits, string? WeightIndicator, TimeAggregation OverTime, string OwnerUnit,
    string Groups, string Categories, string? Formula)
{
    public IReadOnlyList<string> GroupCodes => Split(Groups);
    public IReadOnlyList<string> CategoryCodes => Split(Categories);
    public bool IsComputed => !string.IsNullOrWhiteSpace(Formula);

    public static string Join(IEnumerable<string>? codes) =>
        string.Join(',', (codes ?? []).Select(c => Codes.Normalize(c)).Where(c => c.Length > 0).Distinct());

    private static string[] Split(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One version of an indicator, valid from a day to a day (open-ended while current). Data entered keeps
/// the number of the version it was entered under.</summary>
internal sealed class IndicatorVersion
{
    private IndicatorVersion() { }

    public IndicatorVersion(int number, IndicatorDefinition definition, DateOnly validFrom, DateTimeOffset changedAt, string changedBy, string? note)
    {
        Id = Guid.NewGuid();
        Number = number;
        Definition = definition;
        ValidFrom = validFrom;
        ChangedAt = changedAt;
        ChangedBy = changedBy;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid IndicatorId { get; private set; }
    public int Number { get; private set; }
    public IndicatorDefinition Definition { get; internal set; } = null!;
    public DateOnly ValidFrom { get; internal set; }
    public DateOnly? ValidTo { get; internal set; }
    public DateTimeOffset ChangedAt { get; internal set; }
    public string ChangedBy { get; internal set; } = "";
    public string? Note { get; internal set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>
/// An indicator of the catalogue: a stable code and its versions. While a draft, edits rewrite the single version
/// (no data can refer to it yet); once active, a change closes the current version the day before the new one starts.
/// </summary>
internal sealed class Indicator : IVersioned
{
    private Indicator() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public IndicatorStatus Status { get; private set; }
    public long Version { get; set; }
    /// <summary>Code and names of the current version without diacritics, for search in SQL.</summary>
    public string SearchKey { get; private set; } = "";
    /// <summary>",SECTOR,FIELD," of the current version, for a LIKE filter by group.</summary>
    public string GroupKey { get; private set; } = "";
    public List<IndicatorVersion> Versions { get; private set; } = [];

    public IndicatorVersion Current => Versions.MaxBy(v => v.Number)!;

    public IndicatorVersion? AsOf(DateOnly day) => Versions.Where(v => v.IsValidOn(day)).MaxBy(v => v.Number);

    public static Indicator Create(string code, IndicatorDefinition definition, bool active, DateOnly validFrom, DateTimeOffset at, string by)
    {
        var indicator = new Indicator
        {
            Id = Guid.NewGuid(),
            Code = Codes.Normalize(code),
            Status = active ? IndicatorStatus.Active : IndicatorStatus.Draft,
        };
        indicator.Versions.Add(new IndicatorVersion(1, definition, validFrom, at, by, "Tạo mới"));
        indicator.Index();
        return indicator;
    }

    /// <summary>Applies a changed definition; returns an error message when the change is not allowed, null otherwise.</summary>
    public string? Amend(IndicatorDefinition definition, DateOnly validFrom, string? note, DateTimeOffset at, string by)
    {
        if (Status == IndicatorStatus.Retired)
            return "Chỉ số đã ngừng sử dụng: không sửa được. Hãy tạo chỉ số mới nếu cần.";
        var current = Current;
        if (current.Definition == definition && (Status == IndicatorStatus.Active || current.ValidFrom == validFrom))
            return null;
        if (Status == IndicatorStatus.Draft)
        {
            current.Definition = definition;
            current.ValidFrom = validFrom;
            current.ChangedAt = at;
            current.ChangedBy = by;
            current.Note = note ?? current.Note;
        }
        else
        {
            if (validFrom <= current.ValidFrom)
                return $"Phiên bản mới phải có hiệu lực sau ngày {current.ValidFrom:dd/MM/yyyy} (ngày bắt đầu của phiên bản hiện hành).";
            current.ValidTo = validFrom.AddDays(-1);
            Versions.Add(new IndicatorVersion(current.Number + 1, definition, validFrom, at, by, note));
        }
        Index();
        return null;
    }

    public string? Activate()
    {
        if (Status != IndicatorStatus.Draft)
            return Status == IndicatorStatus.Active ? "Chỉ số đã được đưa vào sử dụng." : "Chỉ số đã ngừng sử dụng, không đưa vào sử dụng lại được.";
        Status = IndicatorStatus.Active;
        return null;
    }

    public string? Retire(DateOnly lastDay)
    {
        if (Status == IndicatorStatus.Retired)
            return "Chỉ số đã ngừng sử dụng từ trước.";
        var current = Current;
        if (lastDay < current.ValidFrom)
            return $"Ngày cuối cùng không được trước ngày {current.ValidFrom:dd/MM/yyyy} (ngày bắt đầu của phiên bản hiện hành).";
        current.ValidTo = lastDay;
        Status = IndicatorStatus.Retired;
        return null;
    }

    private void Index()
    {
        var definition = Current.Definition;
        SearchKey = VietnameseText.SearchKey($"{Code} {definition.Name} {definition.ShortName}");
        GroupKey = $",{definition.Groups},";
    }
}
