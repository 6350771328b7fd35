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
    /// <summary>Read and verify the audit trail of data and reports (province-wide).</summary>
    public const string ViewAuditTrail = "audit.view";
    /// <summary>Edit the reminder e-mail template and ladders, preview and run the reminders (province-wide).</summary>
    public const string ManageReminders = "reminders.manage";
    /// <summary>Generate or regenerate the compliance and usage reports (province-wide).</summary>
    public const string GenerateReports = "compliance.generate";
    /// <summary>Publish data to the public page and withdraw it, rebuild the dashboards (province-wide).</summary>
    public const string PublishData = "data.publish";
    /// <summary>Exchange keys, partners and packet pushes with other systems (province-wide).</summary>
    public const string ManageExchange = "exchange.manage";
    /// <summary>Carry out or reject a unit's account request: the province office's duty (Đ9), province-wide.</summary>
    public const string CompleteAccountRequests = "account-requests.complete";
}
