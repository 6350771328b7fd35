namespace BaoCao.Deadlines.Domain;

/// <summary>
/// A report a unit owes: (regime, unit, period) with its shifted due date. Planned from the regime's reporting units and
/// the form assignments that existed during the period, one row per owed report, so an on-time rate is a count of these
/// rows and can never exceed 100 %.
/// </summary>
internal sealed class ExpectedReport
{
    private ExpectedReport() { }

    public ExpectedReport(string regimeCode, string unitCode, string period, DateOnly dueDate, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        RegimeCode = regimeCode;
        UnitCode = unitCode;
        Period = period;
        DueDate = dueDate;
        PlannedAt = at;
    }

    public Guid Id { get; private set; }
    public string RegimeCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public DateTimeOffset PlannedAt { get; private set; }
}

/// <summary>A step of the reminder ladder: working days from the due date (negative before it) and whether the unit's
/// leader gets a copy.</summary>
internal sealed record ReminderStep(int Offset, bool CopyLeader)
{
    /// <summary>Three working days before, on the day, one after, three after with the leader copied.</summary>
    public static readonly IReadOnlyList<ReminderStep> DefaultLadder = [new(-3, false), new(0, false), new(1, false), new(3, true)];

    public string Label => Offset switch
    {
        0 => "đúng ngày hạn",
        < 0 => $"{-Offset} ngày làm việc trước hạn",
        _ => $"{Offset} ngày làm việc sau hạn",
    };
}

/// <summary>A regime's own ladder, when it differs from the default.</summary>
internal sealed class ReminderPolicy
{
    public string RegimeCode { get; set; } = "";
    public List<ReminderStep> Steps { get; set; } = [];
}

/// <summary>The reminder e-mail's subject and body, editable by administrators. Placeholders: {NguoiNhan} (recipient),
/// {DanhSach} (one line per pending report), {SoBaoCao} (how many), {Ngay} (today).</summary>
internal sealed class ReminderTemplate : BaoCao.SharedKernel.Persistence.IVersioned
{
    public const string DefaultSubject = "[BaoCao] Nhắc hạn gửi báo cáo: {SoBaoCao} báo cáo chưa gửi";

    public const string DefaultBody = """
        Kính gửi {NguoiNhan},

        Đến ngày {Ngay}, Hệ thống thông tin báo cáo của tỉnh chưa nhận được các báo cáo sau:
        {DanhSach}

        Đề nghị đơn vị hoàn thành và gửi báo cáo đúng thời hạn theo Quy chế (Điều 14). Nếu đã gửi bằng hình thức khác,
        vui lòng cập nhật trên hệ thống.

        Thư này do hệ thống gửi tự động; vui lòng không trả lời.
        """;

    public int Id { get; set; } = 1;
    public string Subject { get; set; } = DefaultSubject;
    public string Body { get; set; } = DefaultBody;
    public long Version { get; set; }
}

/// <summary>How a digest e-mail went. Sending: claimed by a worker, between the claim and the server's answer; one
/// found there after a crash becomes Unknown and is not sent again by itself — a second copy is worse than asking an
/// administrator to check.</summary>
internal enum DigestStatus { Pending, Sending, Sent, Failed, NotConfigured, Unknown }

/// <summary>
/// The ledger of the reminder ladder: one row per (step, regime, unit, period, recipient), written — under a unique
/// key — before anything is sent. A retry, a restart, a second server or a re-triggered job finds the row and sends
/// nothing again; the row points at the digest e-mail that carries it.
/// </summary>
internal sealed class ReminderDelivery
{
    private ReminderDelivery() { }

    public ReminderDelivery(int step, string regimeCode, string unitCode, string period, string recipient, bool leaderCopy, Guid digestId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Step = step;
        RegimeCode = regimeCode;
        UnitCode = unitCode;
        Period = period;
        Recipient = recipient;
        LeaderCopy = leaderCopy;
        DigestId = digestId;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public int Step { get; private set; }
    public string RegimeCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public bool LeaderCopy { get; private set; }
    public Guid DigestId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>One e-mail to one recipient per run, listing all of their pending reports.</summary>
internal sealed class ReminderDigest
{
    public static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    private ReminderDigest() { }

    public ReminderDigest(string recipient, DateOnly runDate, string subject, string body, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Recipient = recipient;
        RunDate = runDate;
        Subject = subject;
        Body = body;
        Status = DigestStatus.Pending;
        CreatedAt = at;
        NextAttemptAt = at;
    }

    public Guid Id { get; private set; }
    public string Recipient { get; private set; } = "";
    public DateOnly RunDate { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DigestStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public void Succeeded(DateTimeOffset at) => (Status, SentAt, LastError) = (DigestStatus.Sent, at, null);

    public void NotConfigured(string reason) => (Status, LastError) = (DigestStatus.NotConfigured, reason);

    /// <summary>The server refused or could not be reached: try again after the next backoff, up to the last one.</summary>
    public void FailedWith(string error, DateTimeOffset at)
    {
        LastError = error;
        Status = DigestStatus.Failed;
        NextAttemptAt = Attempts <= Backoff.Length ? at + Backoff[Math.Min(Attempts - 1, Backoff.Length - 1)] : DateTimeOffset.MaxValue;
    }

    /// <summary>An administrator asks to send it again (a failed one that gave up, or one whose fate is unknown).</summary>
    public void Resend(DateTimeOffset at) => (Status, NextAttemptAt, ClaimedAt) = (DigestStatus.Pending, at, null);
}

/// <summary>
/// When a regime's period accepts reports, when the lead unit sets it otherwise than the default (Đ14.4): by default
/// reception is open from the start of the period and never closes (a report after the due date is late). Days are
/// Vietnamese calendar days, inclusive.
/// </summary>
internal sealed class ReceptionWindow : BaoCao.SharedKernel.Persistence.IVersioned
{
    private ReceptionWindow() { }

    public ReceptionWindow(string regimeCode, string period)
    {
        RegimeCode = regimeCode;
        Period = period;
    }

    public string RegimeCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public DateOnly? OpensOn { get; private set; }
    public DateOnly? ClosesOn { get; private set; }
    public string SetBy { get; private set; } = "";
    public DateTimeOffset SetAt { get; private set; }
    public long Version { get; set; }

    public void Set(DateOnly? opensOn, DateOnly? closesOn, string by, DateTimeOffset at) => (OpensOn, ClosesOn, SetBy, SetAt) = (opensOn, closesOn, by, at);
}
