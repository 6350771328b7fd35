using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;

namespace BaoCao.Workflow.Reports;

/// <summary>A report's regime, period and unit, checked, with what the current user may do with it: write and submit
/// (the unit's officers: CreateReports), approve (its leader: ApproveReports), receive (the receiving unit's report
/// receivers: ReceiveReports) — administrators hold all three within their scope.</summary>
internal sealed record ReportScope(RegimeInfo Regime, PeriodInfo Period, string UnitCode, bool CanWrite, bool CanApprove, bool CanReceive)
{
    public string Subject => $"{Regime.Code}/{UnitCode}/{Period.Code}";

    /// <summary>Why the unit starts, submits, approves or sends no report for this period (it was merged before the period
    /// began: the successor reports it), or null. Reading and the receiving unit's answers stay open.</summary>
    public async Task<string?> ClosedAsync(ISender sender, CancellationToken cancellationToken) =>
        await sender.Send(new CheckUnitValidity(UnitCode, Period.Code, Period.Start), cancellationToken);

    public static async Task<Result<ReportScope>> ResolveAsync(ISender sender, string regimeCode, string unitCode, string periodCode, CancellationToken cancellationToken)
    {
        regimeCode = Codes.Normalize(regimeCode);
        unitCode = Codes.Normalize(unitCode);
        periodCode = Codes.Normalize(periodCode);
        if (await sender.Send(new GetRegime(regimeCode), cancellationToken) is not { } regime)
            return Result<ReportScope>.NotFound($"Không có chế độ báo cáo mã '{regimeCode}'.");
        var canWrite = await sender.Send(new CheckAccess(Permissions.CreateReports, unitCode), cancellationToken);
        var canApprove = await sender.Send(new CheckAccess(Permissions.ApproveReports, unitCode), cancellationToken);
        var canReceive = await sender.Send(new CheckAccess(Permissions.ReceiveReports, regime.ReceivingUnit), cancellationToken);
        if (!canWrite && !canApprove && !canReceive)
            return Result<ReportScope>.Forbidden($"Bạn không có quyền với báo cáo của đơn vị {unitCode}.");
        var period = await PeriodOfAsync(sender, regime, periodCode, cancellationToken);
        if (period.Value is not { } info)
            return Result<ReportScope>.From(period);
        // Today's reporting units, or those of the period's first day: a unit merged since still reports the periods it began.
        if (!regime.ReportingUnits.Contains(unitCode) && !(await sender.Send(new ListReportingUnits(regime.Code, info.Start), cancellationToken)).Contains(unitCode))
            return await sender.Send(new CheckUnitValidity(unitCode, info.Code, info.Start), cancellationToken) is { } closed
                ? Result<ReportScope>.Invalid(closed, "period")
                : Result<ReportScope>.Invalid($"Đơn vị {unitCode} không thuộc đối tượng báo cáo của chế độ {regime.Code}.", "unitCode");
        return new ReportScope(regime, info, unitCode, canWrite, canApprove, canReceive);
    }

    /// <summary>A period of the regime's frequency, or one of its rounds, with its shifted due date.</summary>
    public static async Task<Result<PeriodInfo>> PeriodOfAsync(ISender sender, RegimeInfo regime, string periodCode, CancellationToken cancellationToken)
    {
        periodCode = Codes.Normalize(periodCode);
        var round = regime.FindRound(periodCode);
        if (regime.Kind != RegimeKind.Periodic && round is null)
            return Result<PeriodInfo>.Invalid($"Kỳ '{periodCode}' không phải đợt báo cáo của chế độ {regime.Code}; các đợt: {string.Join(", ", regime.Rounds.Select(r => r.Period))}.", "period");
        var period = await sender.Send(new GetPeriodInfo(periodCode, regime.PeriodRule, regime.DueDay, regime.DueDaysAfterWindow, round?.DueDate), cancellationToken);
        return period is null || period.Kind != PeriodKinds.Of(regime.Frequency)
            ? Result<PeriodInfo>.Invalid($"Kỳ báo cáo '{periodCode}' không hợp lệ cho chế độ {regime.Code}.", "period")
            : period;
    }
}
