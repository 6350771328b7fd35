using BaoCao.Indicators.Contracts;

namespace BaoCao.Indicators.Domain;

/// <summary>Vietnamese names of the catalogue's choices, shown in the UI and in Excel files; files may use either
/// these names or the English codes of the API.</summary>
internal static class Labels
{
    public static readonly IReadOnlyDictionary<IndicatorValueType, string> ValueTypes = new Dictionary<IndicatorValueType, string>
    {
        [IndicatorValueType.Integer] = "Số nguyên", [IndicatorValueType.Decimal] = "Số thập phân", [IndicatorValueType.Percent] = "Tỷ lệ phần trăm",
        [IndicatorValueType.Text] = "Văn bản", [IndicatorValueType.YesNo] = "Có/Không",
    };

    public static readonly IReadOnlyDictionary<UnitAggregation, string> AcrossUnits = new Dictionary<UnitAggregation, string>
    {
        [UnitAggregation.Sum] = "Cộng", [UnitAggregation.Average] = "Trung bình", [UnitAggregation.WeightedAverage] = "Bình quân gia quyền",
        [UnitAggregation.Min] = "Nhỏ nhất", [UnitAggregation.Max] = "Lớn nhất", [UnitAggregation.None] = "Không tổng hợp",
    };

    public static readonly IReadOnlyDictionary<TimeAggregation, string> OverTime = new Dictionary<TimeAggregation, string>
    {
        [TimeAggregation.Sum] = "Cộng dồn", [TimeAggregation.Average] = "Trung bình", [TimeAggregation.LastValue] = "Giá trị cuối kỳ",
        [TimeAggregation.None] = "Không tổng hợp",
    };

    public static readonly IReadOnlyDictionary<IndicatorStatus, string> Statuses = new Dictionary<IndicatorStatus, string>
    {
        [IndicatorStatus.Draft] = "Dự thảo", [IndicatorStatus.Active] = "Đang sử dụng", [IndicatorStatus.Retired] = "Ngừng sử dụng",
    };

    public static readonly IReadOnlyDictionary<RuleImportance, string> Importances = new Dictionary<RuleImportance, string>
    {
        [RuleImportance.High] = "Cao (chặn gửi)", [RuleImportance.Medium] = "Trung bình", [RuleImportance.Low] = "Thấp",
    };

    /// <summary>Reads an English code ("WeightedAverage") or a Vietnamese name ("Bình quân gia quyền"), any case or diacritics.</summary>
    public static T? Parse<T>(string? text, IReadOnlyDictionary<T, string> names) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
            return parsed;
        var key = SharedKernel.Text.VietnameseText.SearchKey(text);
        foreach (var (value, name) in names)
        {
            if (SharedKernel.Text.VietnameseText.SearchKey(name) == key)
                return value;
        }
        return null;
    }

    public static string Choices<T>(IReadOnlyDictionary<T, string> names) where T : notnull => string.Join(", ", names.Values);
}
