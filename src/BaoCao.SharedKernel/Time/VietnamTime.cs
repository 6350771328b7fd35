namespace BaoCao.SharedKernel.Time;

/// <summary>Days and deadlines are Vietnamese calendar days (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>An instant in Vietnam time.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>An instant as an official reads it: "14:05 03/12/2026", Vietnam time.</summary>
    public static string Format(DateTimeOffset at) => Local(at).ToString("HH:mm dd/MM/yyyy", Culture);

    /// <summary>With seconds, where the order of events matters (audit trail, security log): "14:05:09 03/12/2026".</summary>
    public static string FormatWithSeconds(DateTimeOffset at) => Local(at).ToString("HH:mm:ss dd/MM/yyyy", Culture);

    /// <summary>The instant a Vietnamese calendar day ends (exclusive), e.g. the end of a due date.</summary>
    public static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone.BaseUtcOffset).ToUniversalTime();
}
