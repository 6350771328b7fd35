namespace BaoCao.SharedKernel.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Leader = "Leader";
    public const string DataEntry = "DataEntry";
    /// <summary>Assigned to receive the reports other units send to this unit (Đ10.1d, Đ17.2).</summary>
    public const string ReportReceiver = "ReportReceiver";
}
