using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>A person reads their notifications (newest first) and marks them read; each one also went out by e-mail,
/// and its e-mail status says whether it did.</summary>
internal static class ReadNotifications
{
    internal sealed record List(bool UnreadOnly) : IQuery<Result<IReadOnlyList<NotificationView>>>;

    internal sealed record MarkRead(Guid? Id) : ICommand<Result<int>>;

    internal sealed record NotificationView(Guid Id, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt,
        string EmailStatus, string? EmailError);

    internal sealed class Handler(WorkflowDbContext db, ICurrentUser user, TimeProvider clock)
        : IQueryHandler<List, Result<IReadOnlyList<NotificationView>>>, ICommandHandler<MarkRead, Result<int>>
    {
        public async ValueTask<Result<IReadOnlyList<NotificationView>>> Handle(List query, CancellationToken cancellationToken)
        {
            if (user.UserName is not { } me)
                return Result<IReadOnlyList<NotificationView>>.From(Result.Unauthorized());
            var mine = db.Notifications.AsNoTracking().Where(n => n.Recipient == me);
            if (query.UnreadOnly)
                mine = mine.Where(n => n.ReadAt == null);
            var found = await mine.OrderByDescending(n => n.Id).Take(200).ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<NotificationView>>([.. found.Select(n =>
                new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt, n.EmailStatus.ToString(), n.EmailError))]);
        }

        public async ValueTask<Result<int>> Handle(MarkRead command, CancellationToken cancellationToken)
        {
            if (user.UserName is not { } me)
                return Result<int>.From(Result.Unauthorized());
            var unread = db.Notifications.Where(n => n.Recipient == me && n.ReadAt == null);
            if (command.Id is { } id)
                unread = unread.Where(n => n.Id == id);
            var now = clock.GetUtcNow();
            var marked = await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
            // Someone else's notification is not found among mine, like one that does not exist: no hint that it does.
            if (command.Id is { } asked && marked == 0 && !await db.Notifications.AnyAsync(n => n.Id == asked && n.Recipient == me, cancellationToken))
                return Result<int>.NotFound("Không có thông báo này trong hộp thư của bạn.");
            return marked;
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var notifications = app.MapGroup("/api/workflow/notifications").WithTags("Thông báo");
            notifications.MapGet("", async (bool? unread, ISender sender, CancellationToken ct) => (await sender.Send(new List(unread ?? false), ct)).ToHttpResult())
                .WithSummary("Thông báo của bạn (unread=true: chỉ thông báo chưa đọc)");
            notifications.MapPost("/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new MarkRead(id), ct)).ToHttpResult(n => Results.Ok(new { marked = n })))
                .WithSummary("Đánh dấu một thông báo đã đọc");
            notifications.MapPost("/read-all", async (ISender sender, CancellationToken ct) =>
                    (await sender.Send(new MarkRead(null), ct)).ToHttpResult(n => Results.Ok(new { marked = n })))
                .WithSummary("Đánh dấu mọi thông báo đã đọc");
        }
    }
}
