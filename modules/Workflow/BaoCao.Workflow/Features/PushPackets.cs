using BaoCao.Accounts.Contracts;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Exchange;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Outbound push (R12): approved data and sent reports go on their own to the destinations configured in
/// <c>Exchange:Destinations</c> — report-data when a form's data is approved, outline-submission and report-status when a
/// report is sent — by the <see cref="Jobs.PushPacketsJob"/>. Province administrators follow every packet here (waiting,
/// delivered, failed with the destination's answer, superseded by a newer one) and send a failed one again once its
/// cause is fixed.
/// </summary>
internal static class PushPackets
{
    internal sealed record List(string? State) : IQuery<Result<Outbox>>;

    internal sealed record SendAgain(Guid Id) : ICommand<Result>, IConflictMessage
    {
        string IConflictMessage.ConflictMessage => "Gói tin vừa được cập nhật; hãy tải lại trang.";
    }

    internal sealed record Outbox(IReadOnlyList<DestinationView> Destinations, IReadOnlyList<PacketView> Packets);

    internal sealed record DestinationView(string Code, string? Name, string Url, IReadOnlyList<string> Types);

    /// <param name="State">Pending, Delivered, Failed or Superseded.</param>
    internal sealed record PacketView(Guid Id, string Destination, string Type, string Subject, string State, string StateLabel, string? PacketId, int Attempts,
        DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastStatus, string? LastError, DateTimeOffset? DeliveredAt);

    private const string Refusal = "Chỉ quản trị hệ thống cấp tỉnh theo dõi và gửi lại các gói tin trao đổi dữ liệu.";

    public static string Label(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "Đang chờ gửi",
        DeliveryState.Delivered => "Đã gửi",
        DeliveryState.Failed => "Gửi không được",
        _ => "Đã có gói tin mới hơn",
    };

    internal sealed class Handler(WorkflowDbContext db, ISender sender, Microsoft.Extensions.Options.IOptionsMonitor<ExchangeOptions> options, TimeProvider clock)
        : IQueryHandler<List, Result<Outbox>>, ICommandHandler<SendAgain, Result>
    {
        public async ValueTask<Result<Outbox>> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageExchange), cancellationToken))
                return Result<Outbox>.Forbidden(Refusal);
            var packets = db.OutboundPackets.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.State))
            {
                if (!Enum.TryParse<DeliveryState>(query.State.Trim(), ignoreCase: true, out var state) || int.TryParse(query.State, out _))
                    return Result<Outbox>.Invalid("Trạng thái (state) là Pending, Delivered, Failed hoặc Superseded.", "state");
                packets = packets.Where(p => p.State == state);
            }
            var found = await packets.OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync(cancellationToken);
            return new Outbox([.. options.CurrentValue.Destinations.Select(d => new DestinationView(d.Code, d.Name, d.Url, d.Types))],
                [.. found.Select(p => new PacketView(p.Id, p.Destination, p.Type, p.Subject, p.State.ToString(), Label(p.State), p.PacketId, p.Attempts, p.CreatedAt,
                    p.State == DeliveryState.Pending ? p.NextAttemptAt : null, p.LastAttemptAt, p.LastStatus, p.LastError, p.DeliveredAt))]);
        }

        public async ValueTask<Result> Handle(SendAgain command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageExchange), cancellationToken))
                return Result.Forbidden(Refusal);
            if (await db.OutboundPackets.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) is not { } packet)
                return Result.NotFound("Không có gói tin này trong hàng đợi gửi đi.");
            if (!packet.SendAgain(clock.GetUtcNow()))
                return Result.Conflict($"Chỉ gửi lại được gói tin gửi không được (gói tin này: {Label(packet.State).ToLowerInvariant()}).");
            await db.SaveChangesAsync(cancellationToken); // updated meanwhile: a 409 (TransactionBehavior, IConflictMessage)
            return Result.Ok();
        }
    }

    /// <summary>Approved data is queued for the destinations that take report-data; a redelivered event queues nothing twice.</summary>
    internal sealed class QueueApprovedData(WorkflowDbContext db, PacketDelivery delivery) : INotificationHandler<DataApproved>
    {
        public async ValueTask Handle(DataApproved notification, CancellationToken cancellationToken)
        {
            await delivery.QueueAsync(PushedTypes.ReportData, notification.FormCode, notification.UnitCode, notification.Period, notification.EventId, cancellationToken);
            if (db.ChangeTracker.HasChanges())
                await db.SaveChangesAsync(cancellationToken);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var outbox = app.MapGroup("/api/exchange/outbox").WithTags("Trao đổi dữ liệu");
            outbox.MapGet("", async (string? state, ISender sender, CancellationToken ct) => (await sender.Send(new List(state), ct)).ToHttpResult())
                .Produces<Outbox>()
                .WithSummary("Các gói tin gửi đi tới hệ thống khác: đang chờ, đã gửi, gửi không được (kèm trả lời của nơi nhận)");
            outbox.MapPost("/{id:guid}/send-again", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new SendAgain(id), ct)).ToHttpResult())
                .Produces(StatusCodes.Status204NoContent)
                .WithSummary("Gửi lại một gói tin gửi không được (sau khi đã khắc phục nguyên nhân)");
        }
    }
}
