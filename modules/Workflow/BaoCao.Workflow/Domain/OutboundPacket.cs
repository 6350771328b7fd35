using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Workflow.Domain;

internal enum DeliveryState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,
    Delivered,
    /// <summary>Refused by the destination, or out of attempts: an administrator looks and sends it again.</summary>
    Failed,
    /// <summary>A newer packet about the same data went to the same destination, so this one is not sent.</summary>
    Superseded,
}

/// <summary>
/// A packet owed to a configured destination (the Government's system, a sectoral system), kept in the same database as
/// the approval or report that caused it, so it is never lost. Built and signed on the first attempt and then resent
/// unchanged — the same packet id — until the destination takes it: a destination that already has it answers 409,
/// which counts as delivered, so a retry after a crash never applies anything twice.
/// </summary>
internal sealed class OutboundPacket : IVersioned
{
    public const int MaximumAttempts = 10;
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    private OutboundPacket() { }

    public OutboundPacket(string destination, string type, string code, string unitCode, string period, Guid cause, DateTimeOffset now) =>
        (Id, Destination, Type, Code, UnitCode, Period, Cause, CreatedAt, NextAttemptAt, State) =
        (Guid.CreateVersion7(), destination, type, code, unitCode, period, cause, now, now, DeliveryState.Pending);

    public Guid Id { get; private set; }
    public string Destination { get; private set; } = "";
    public string Type { get; private set; } = "";
    /// <summary>The form (report-data) or regime (outline-submission, report-status) the packet is about.</summary>
    public string Code { get; private set; } = "";
    /// <summary>The unit ("" for report-status, which covers all the regime's units).</summary>
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    /// <summary>The event that queued it, so a redelivered event queues nothing twice.</summary>
    public Guid Cause { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryState State { get; private set; }
    public string? PacketId { get; private set; }
    public string? Jws { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatus { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public long Version { get; set; }

    public string Subject => UnitCode.Length == 0 ? $"{Code}/{Period}" : $"{Code}/{UnitCode}/{Period}";

    /// <summary>Whether the packet must be (re)built: never built, or too close to its end of validity to arrive valid.</summary>
    public bool NeedsPacket(DateTimeOffset now) => Jws is null || ExpiresAt is null || ExpiresAt <= now + TimeSpan.FromHours(1);

    public void Packed(string packetId, string jws, DateTimeOffset expiresAt) => (PacketId, Jws, ExpiresAt) = (packetId, jws, expiresAt);

    public void Delivered(DateTimeOffset now, int status)
    {
        (State, DeliveredAt, LastAttemptAt, LastStatus, LastError) = (DeliveryState.Delivered, now, now, status, null);
        Attempts++;
    }

    /// <summary>A failure worth retrying (unreachable, timeout, 408, 429, 5xx): the wait doubles from a minute, at most 6 hours;
    /// after <see cref="MaximumAttempts"/> it is left for an administrator.</summary>
    public void Retry(DateTimeOffset now, int? status, string error)
    {
        Attempts++;
        (LastAttemptAt, LastStatus, LastError) = (now, status, error);
        var wait = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(Attempts - 1, 20)));
        NextAttemptAt = now + (wait < LongestWait ? wait : LongestWait);
        if (Attempts >= MaximumAttempts)
            State = DeliveryState.Failed;
    }

    /// <summary>A refusal that sending again will not change (400, 401, 403, 404…), or a packet that cannot be built.</summary>
    public void Fail(DateTimeOffset now, int? status, string error)
    {
        Attempts++;
        (State, LastAttemptAt, LastStatus, LastError) = (DeliveryState.Failed, now, status, error);
    }

    /// <summary>An administrator sends it again after fixing the cause; the same packet if it is still valid.</summary>
    public bool SendAgain(DateTimeOffset now)
    {
        if (State != DeliveryState.Failed)
            return false;
        (State, NextAttemptAt, Attempts) = (DeliveryState.Pending, now, 0);
        return true;
    }

    public void Supersede() => State = DeliveryState.Superseded;
}
