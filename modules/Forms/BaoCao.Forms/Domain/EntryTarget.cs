using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Forms.Integration;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Forms.Domain;

/// <summary>A form, unit and period that may receive values, with what the checks need: the form version in force for
/// the period, the period's window and due date, and the indicators' definitions on its first day. Every slice that
/// reads or writes a form's values starts here (entry, the grid, the workbook, other modules' value queries).</summary>
internal sealed record EntryTarget(FormDesign Form, FormVersion Version, PeriodInfo Period, IReadOnlyDictionary<string, IndicatorInfo> Indicators)
{
    /// <summary>Finds the form version in force for the period and checks the unit reports it then.</summary>
    /// <param name="withIndicators">False where the indicators' definitions are not needed (reading stored values): it saves
    /// a query across modules for every row of the form.</param>
    internal static async Task<Result<EntryTarget>> ResolveAsync(FormsDbContext db, FormCache forms, ISender sender, string formCode, string unitCode, string periodCode,
        CancellationToken cancellationToken, bool withIndicators = true)
    {
        if (await forms.GetAsync(db, formCode, cancellationToken) is not (var form, var regime, var assignments))
            return Result<EntryTarget>.NotFound($"Không có biểu mẫu mã '{formCode}'.");
        var round = regime.FindRound(periodCode);
        if (regime.Kind != RegimeKind.Periodic && round is null)
            return Result<EntryTarget>.Invalid($"Kỳ '{periodCode}' không phải đợt báo cáo của chế độ {regime.Code}; các đợt: {string.Join(", ", regime.Rounds.Select(r => r.Code))}.", "period");
        var period = await sender.Send(new GetPeriodInfo(periodCode, regime.PeriodRule, regime.DueDay, regime.DueDaysAfterWindow, round?.Due), cancellationToken);
        if (period is null || period.Kind != PeriodKinds.Of(regime.Frequency))
            return Result<EntryTarget>.Invalid($"Kỳ báo cáo '{periodCode}' không hợp lệ cho chế độ {regime.Code} ({Describe(regime.Frequency)}).", "period");
        var version = form.InForceOn(period.Start);
        if (version is null)
            return Result<EntryTarget>.Conflict($"Biểu mẫu {form.Code} chưa được ban hành.");
        if (!assignments.Any(a => a.UnitCode == unitCode && a.From <= period.End && (a.Until is null || a.Until >= period.Start)))
            return Result<EntryTarget>.Invalid($"Đơn vị {unitCode} không được giao báo cáo biểu mẫu {form.Code} trong kỳ {periodCode}.", "unitCode");
        if (!withIndicators)
            return new EntryTarget(form, version, period, new Dictionary<string, IndicatorInfo>());
        var indicators = (await sender.Send(new GetIndicators([.. version.Layout.Rows.Select(r => r.Indicator)], period.Start), cancellationToken)).ToDictionary(i => i.Code);
        return new EntryTarget(form, version, period, indicators);
    }

    private static string Describe(Frequency? frequency) => frequency switch
    {
        Frequency.Month => "kỳ tháng, dạng YYYYMM",
        Frequency.Quarter => "kỳ quý, dạng YYYYQn",
        Frequency.HalfYear => "kỳ 6 tháng, dạng YYYYS1 hoặc YYYYS2",
        Frequency.NineMonths => "kỳ 9 tháng, dạng YYYY9M",
        Frequency.Year => "kỳ năm, dạng YYYY",
        _ => "đợt báo cáo, dạng YYYYMMDD-YYYYMMDD",
    };
}
