namespace BaoCao.SharedKernel.Security;

/// <summary>What a request may need (Đ10). Which roles hold each permission is decided by the Accounts
/// module's access policy, in one place.</summary>
public static class Permissions
{
    public const string ViewUnits = "units.view";
    public const string ManageUnits = "units.manage";
    public const string ViewAccounts = "accounts.view";
    public const string ManageAccounts = "accounts.manage";
    public const string RequestAccounts = "accounts.request";
    public const string ViewSecurityLog = "security-log.view";
    public const string ManageIndicators = "indicators.manage";
    public const string ManageForms = "forms.manage";
    public const string EnterData = "data.enter";
    public const string ApproveData = "data.approve";
    public const string CreateReports = "reports.create";
    public const string ApproveReports = "reports.approve";
    public const string ReceiveReports = "reports.receive";
    public const string TrackReporting = "reporting.track";
    public const string ViewDashboards = "dashboards.view";
    public const string ManageDashboards = "dashboards.manage";
    public const string ManageJobs = "jobs.manage";
    /// <summary>Enter the Government's announced holiday schedules (province-wide administrators).</summary>
    public const string ManageCalendar = "calendar.manage";
}
