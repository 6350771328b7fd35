using BaoCao.Accounts.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Notifications;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>The comment thread of one submission: officers and the deciding leader discuss the figures before a
/// decision. A comment by someone other than the submitter notifies the submitter.</summary>
internal static class DiscussSubmission
{
    internal sealed record Read(string FormCode, string UnitCode, string Period) : IQuery<Result<IReadOnlyList<CommentView>>>;

    internal sealed record Write(string FormCode, string UnitCode, string Period, string? Text) : ICommand<Result<CommentView>>;

    internal sealed record CommentView(Guid Id, string By, string Text, DateTimeOffset At);

    internal sealed record CommentBody(string? Text);

    internal sealed class Validator : AbstractValidator<Write>
    {
        public Validator() =>
            RuleFor(c => c.Text).NotEmpty().WithMessage("Cần nội dung trao đổi.").MaximumLength(4000).WithMessage("Nội dung dài quá 4.000 ký tự.").OverridePropertyName("text");
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender, ICurrentUser user, TimeProvider clock)
        : IQueryHandler<Read, Result<IReadOnlyList<CommentView>>>, ICommandHandler<Write, Result<CommentView>>
    {
        private async Task<Result?> RefusedAsync(string formCode, string unitCode, CancellationToken cancellationToken) =>
            await sender.Send(new CheckAccess(Permissions.EnterData, unitCode, formCode), cancellationToken)
            || await sender.Send(new CheckAccess(Permissions.ApproveData, unitCode, formCode), cancellationToken)
                ? null
                : Result.Forbidden("Bạn không có quyền với số liệu này của đơn vị này.");

        public async ValueTask<Result<IReadOnlyList<CommentView>>> Handle(Read query, CancellationToken cancellationToken)
        {
            var (form, unit, period) = Normalize(query.FormCode, query.UnitCode, query.Period);
            if (await RefusedAsync(form, unit, cancellationToken) is { } refused)
                return Result<IReadOnlyList<CommentView>>.From(refused);
            var comments = await db.SubmissionComments.AsNoTracking().Where(c => c.FormCode == form && c.UnitCode == unit && c.Period == period)
                .OrderBy(c => c.Id).Select(c => new CommentView(c.Id, c.By, c.Text, c.At)).ToListAsync(cancellationToken);
            return comments;
        }

        public async ValueTask<Result<CommentView>> Handle(Write command, CancellationToken cancellationToken)
        {
            var (form, unit, period) = Normalize(command.FormCode, command.UnitCode, command.Period);
            if (await RefusedAsync(form, unit, cancellationToken) is { } refused)
                return Result<CommentView>.From(refused);
            var now = clock.GetUtcNow();
            var me = user.UserName ?? "system";
            var comment = new SubmissionComment(form, unit, period, me, command.Text!.Trim(), now);
            db.SubmissionComments.Add(comment);
            var submitter = await db.Submissions.Where(s => s.FormCode == form && s.UnitCode == unit && s.Period == period).Select(s => s.SubmittedBy).SingleOrDefaultAsync(cancellationToken);
            if (submitter != me)
                Notifier.Notify(db, submitter, $"Trao đổi về số liệu {form} kỳ {period} của {unit}", $"{me}: {comment.Text}", $"/duyet-so-lieu/{form}/{unit}/{period}", now);
            await db.SaveChangesAsync(cancellationToken);
            return new CommentView(comment.Id, comment.By, comment.Text, comment.At);
        }

        private static (string, string, string) Normalize(string form, string unit, string period) =>
            (Codes.Normalize(form), Codes.Normalize(unit), Codes.Normalize(period));
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var comments = app.MapGroup("/api/workflow/submissions/{formCode}/{unitCode}/{period}/comments").WithTags("Duyệt số liệu");
            comments.MapGet("", async (string formCode, string unitCode, string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Read(formCode, unitCode, period), ct)).ToHttpResult())
                .WithSummary("Trao đổi về số liệu trình duyệt");
            comments.MapPost("", async (string formCode, string unitCode, string period, CommentBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Write(formCode, unitCode, period, body.Text), ct)).ToHttpResult(c => Results.Created($"/api/workflow/submissions/{formCode}/{unitCode}/{period}/comments", c)))
                .WithSummary("Gửi ý kiến trao đổi về số liệu trình duyệt");
        }
    }
}
