using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.SharedKernel.Exchange;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Features;
using BaoCao.Workflow.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaoCao.Workflow.Exchange;

/// <summary>Where packets are pushed (<c>Exchange:Destinations</c>: each destination's inbound packet endpoint, the API
/// token it issued to the province, the packet types it takes) and where figures are fetched for reconciliation
/// (<c>Exchange:Sources</c>).</summary>
internal sealed class ExchangeOptions
{
    public List<Destination> Destinations { get; set; } = [];

    /// <summary>Systems whose dataValueSets exports can be fetched for reconciliation.</summary>
    public List<Source> Sources { get; set; } = [];

    public IEnumerable<Destination> Taking(string type) => Destinations.Where(d => d.Types.Contains(type, StringComparer.OrdinalIgnoreCase) && d.Url is { Length: > 0 });
}

/// <param name="Url">The destination's endpoint that takes <c>{ "packet": "&lt;JWS&gt;" }</c>, e.g. https://…/api/exchange/packets.</param>
internal sealed class Destination
{
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public string Url { get; set; } = "";
    public string? Token { get; set; }
    public List<string> Types { get; set; } = [];
}

/// <param name="Url">A dataValueSets JSON export, e.g. https://…/api/dataValueSets.json (dataSet, period, orgUnit are added).</param>
internal sealed class Source
{
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public string Url { get; set; } = "";
    public string? Token { get; set; }
}

/// <summary>The packet types pushed on their own, and what causes them.</summary>
internal static class PushedTypes
{
    /// <summary>When data is approved: the approved values of that form, unit and period.</summary>
    public const string ReportData = DataValueSets.ReportDataPacket;
    /// <summary>When a report is sent: the report itself, and the regime's reporting status for the period.</summary>
    public const string OutlineSubmission = "outline-submission";
    public const string ReportStatus = "report-status";
}

/// <summary>
/// Queues packets in the caller's transaction and delivers the due ones: builds and signs each under the system's
/// rights the first time, then posts the same packet until the destination takes it. 2xx and 409 (already received)
/// are delivered; unreachable, timeouts, 408, 429 and 5xx wait and retry (1, 2, 4… minutes, at most 6 hours, 10
/// attempts); other refusals need an administrator.
/// </summary>
internal sealed class PacketDelivery(WorkflowDbContext db, ISender sender, IOptionsMonitor<ExchangeOptions> options, IHttpClientFactory http, TimeProvider clock,
    ILogger<PacketDelivery> log)
{
    public const string HttpClientName = "exchange";

    /// <summary>Adds the packets of <paramref name="type"/> owed to every destination taking it; an older packet about the
    /// same data that has not left yet is superseded. Saved with the caller's changes.</summary>
    public async Task QueueAsync(string type, string code, string unitCode, string period, Guid cause, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var destination in options.CurrentValue.Taking(type))
        {
            if (await db.OutboundPackets.AnyAsync(p => p.Destination == destination.Code && p.Type == type && p.Cause == cause, cancellationToken))
                continue; // the same event delivered twice
            foreach (var older in await db.OutboundPackets.Where(p => p.Destination == destination.Code && p.Type == type && p.Code == code && p.UnitCode == unitCode
                         && p.Period == period && p.State == DeliveryState.Pending).ToListAsync(cancellationToken))
                older.Supersede();
            db.OutboundPackets.Add(new OutboundPacket(destination.Code, type, code, unitCode, period, cause, now));
        }
    }

    /// <summary>Attempts every packet that is due, oldest first; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboundPackets.Where(p => p.State == DeliveryState.Pending && p.NextAttemptAt <= now)
            .OrderBy(p => p.CreatedAt).Take(200).Select(p => p.Id).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in due)
        {
            try
            {
                delivered += await AttemptAsync(id, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                log.LogInformation("Gói tin {Id} đang được máy chủ khác gửi.", id); // two servers: the other one saved first
            }
        }
        return delivered;
    }

    private async Task<OutboundPacket?> PendingAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.OutboundPackets.SingleOrDefaultAsync(p => p.Id == id && p.State == DeliveryState.Pending, cancellationToken);
    }

    private async Task<bool> AttemptAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await PendingAsync(id, cancellationToken) is not { } packet)
            return false;
        var now = clock.GetUtcNow();
        var destination = options.CurrentValue.Destinations.FirstOrDefault(d => d.Code == packet.Destination);
        if (destination is null)
        {
            packet.Fail(now, null, $"Nơi nhận '{packet.Destination}' không còn trong cấu hình Exchange:Destinations.");
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        if (packet.NeedsPacket(now))
        {
            var seen = packet.Version;
            var (signed, problem) = await BuildAsync(packet, cancellationToken);
            // Building reads through the mediator with this same context, which may have let go of the row: take it again.
            if (await PendingAsync(id, cancellationToken) is not { } again || again.Version != seen)
                return false; // another server took it meanwhile
            packet = again;
            if (signed is null)
            {
                packet.Fail(now, null, problem!);
                await db.SaveChangesAsync(cancellationToken);
                return false;
            }
            packet.Packed(signed.PacketId, signed.Jws, signed.ExpiresAt);
            await db.SaveChangesAsync(cancellationToken); // claimed: another server saving the same row now gets a concurrency error
        }
        int? status = null;
        string error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url) { Content = JsonContent.Create(new { packet = packet.Jws }) };
            if (destination.Token is { Length: > 0 } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
            {
                packet.Delivered(clock.GetUtcNow(), status.Value);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            error = $"Nơi nhận trả lời {status}: {SharedKernel.Text.OneLine.Of(body, 1500)}";
            if (status is 408 or 429 || status >= 500)
                packet.Retry(clock.GetUtcNow(), status, error);
            else
                packet.Fail(clock.GetUtcNow(), status, error);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = failure is TaskCanceledException ? "Nơi nhận không trả lời trong thời gian chờ." : $"Không kết nối được tới nơi nhận: {SharedKernel.Text.OneLine.Of(failure.Message, 500)}";
            packet.Retry(clock.GetUtcNow(), null, error);
        }
        log.LogWarning("Gửi gói tin {Type} {Subject} tới {Destination} chưa được (lần {Attempts}): {Error}", packet.Type, packet.Subject, packet.Destination, packet.Attempts, error);
        await db.SaveChangesAsync(cancellationToken);
        return false;
    }

    /// <summary>Builds and signs the packet as the system (the same query as the pull endpoint), or says why it cannot.</summary>
    private async Task<(SignedPacket? Signed, string? Problem)> BuildAsync(OutboundPacket packet, CancellationToken cancellationToken)
    {
        var (body, problem) = packet.Type switch
        {
            PushedTypes.ReportData => Serialized(await sender.Send(new ShareReportPackets.ReportData(packet.Code, packet.Period, packet.UnitCode), cancellationToken)),
            PushedTypes.OutlineSubmission => Serialized(await sender.Send(new ShareReportPackets.Submission(packet.Code, packet.Period, packet.UnitCode), cancellationToken)),
            PushedTypes.ReportStatus => Serialized(await sender.Send(new ShareReportPackets.Status(packet.Code, packet.Period), cancellationToken)),
            _ => (null, $"Loại gói tin '{packet.Type}' không được gửi tự động."),
        };
        return body is null ? (null, problem) : (await sender.Send(new SignPacket(packet.Type, body), cancellationToken), null);
    }

    private static (string? Body, string? Problem) Serialized<T>(Result<T> built) =>
        built.Value is { } value ? (ExchangePackets.Serialize(value), null) : (null, string.Join(" ", built.Errors.Select(e => e.Message)));
}
