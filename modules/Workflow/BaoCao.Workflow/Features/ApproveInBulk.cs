using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;

namespace BaoCao.Workflow.Features;

/// <summary>
/// The approver picks several pending submissions in the inbox, previews what approving them changes (cells that differ
/// from the last approval, and any that can no longer be approved), then approves them. Each approval is its own step —
/// with its own checks, audit entries and notification — so one that fails (taken by someone else, no longer pending,
/// out of the approver's scope) is reported and the others still go through.
/// </summary>
internal static class ApproveInBulk
{
    public const int MaximumItems = 200;

    /// <summary>Its own transactions: each item is approved by its own command and transaction, so one refused or
    /// conflicting item does not undo the others.</summary>
    internal sealed record Command(IReadOnlyList<Item?>? Items, bool Preview) : ICommand<Result<IReadOnlyList<Outcome>>>, IOwnTransaction;

    internal sealed record Item(string? FormCode, string? UnitCode, string? Period);

    /// <param name="ChangedCells">Cells that differ from the last approval (all cells at a first approval).</param>
    /// <param name="Done">Preview: whether it can be approved now; otherwise whether it was approved.</param>
    internal sealed record Outcome(string FormCode, string UnitCode, string Period, int ChangedCells, bool Done, string? Message);

    internal sealed record Body(IReadOnlyList<Item?>? Items, bool? Preview);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Items).NotEmpty().WithMessage("Cần chọn ít nhất một mục (items).")
                .Must(i => i is null || i.Count <= MaximumItems).WithMessage($"Mỗi lần duyệt tối đa {MaximumItems} mục.");
            RuleForEach(c => c.Items).Must(i => i is not null && !string.IsNullOrWhiteSpace(i.FormCode) && !string.IsNullOrWhiteSpace(i.UnitCode) && !string.IsNullOrWhiteSpace(i.Period))
                .WithMessage("Mỗi mục cần formCode, unitCode và period.");
        }
    }

    internal sealed class Handler(ISender sender) : ICommandHandler<Command, Result<IReadOnlyList<Outcome>>>
    {
        public async ValueTask<Result<IReadOnlyList<Outcome>>> Handle(Command command, CancellationToken cancellationToken)
        {
            var outcomes = new List<Outcome>();
            foreach (var item in command.Items!.DistinctBy(i => (Codes.Normalize(i!.FormCode!), Codes.Normalize(i.UnitCode!), Codes.Normalize(i.Period!))))
            {
                var (form, unit, period) = (Codes.Normalize(item!.FormCode!), Codes.Normalize(item.UnitCode!), Codes.Normalize(item.Period!));
                var diff = await sender.TryQueryAsync(new ListSubmissions.Diff(form, unit, period), cancellationToken);
                if (diff.IsFailure)
                {
                    outcomes.Add(new(form, unit, period, 0, false, Message(diff)));
                    continue;
                }
                var state = await sender.Send(new Contracts.GetSubmissionState(form, unit, period), cancellationToken);
                if (command.Preview)
                {
                    var approvable = state.State == SubmissionState.Submitted;
                    outcomes.Add(new(form, unit, period, diff.Value!.Count, approvable,
                        approvable ? null : $"Đang ở trạng thái “{SubmissionStateMachine.Label(state.State)}”, không duyệt được."));
                    continue;
                }
                var approved = await sender.TrySendAsync(new ActOnSubmission.Command(form, unit, period, SubmissionAction.Approve, null), cancellationToken);
                outcomes.Add(new(form, unit, period, diff.Value!.Count, approved.IsSuccess, approved.IsSuccess ? null : Message(approved)));
            }
            return outcomes;
        }

        private static string Message(Result result) => string.Join(" ", result.Errors.Select(e => e.Message));
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/workflow/submissions/approve-many", async (Body body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Command(body.Items, body.Preview ?? false), ct)).ToHttpResult())
                .WithTags("Duyệt số liệu")
                .WithSummary("Duyệt nhiều số liệu một lần (preview=true: xem trước số ô thay đổi, không ghi gì)");
    }
}
