using BaoCao.Deadlines.Domain;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Http;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaoCao.Deadlines.Features;

/// <summary>A user (or another system) asks which day lies N working days after a date.</summary>
internal static class CountWorkingDays
{
    internal const int MaxDays = 366;

    internal sealed record Command(DateOnly? From, int? Days) : ICommand<Result<Response>>;

    internal sealed record Response(DateOnly From, int Days, DateOnly Date);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.From).NotNull().WithMessage("Cần nhập ngày bắt đầu (định dạng YYYY-MM-DD).");
            RuleFor(c => c.Days).NotNull().WithMessage("Cần nhập số ngày làm việc.")
                .InclusiveBetween(-MaxDays, MaxDays).WithMessage($"Số ngày làm việc phải trong khoảng từ -{MaxDays} đến {MaxDays}.");
        }
    }

    internal sealed class Handler(WorkingCalendar calendar) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var from = command.From!.Value;
            var days = command.Days!.Value;
            return new Response(from, days, (await calendar.LoadAsync(cancellationToken)).AddWorkingDays(from, days));
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/calendar/working-days/add",
                    async (Command command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .AllowAnonymous()
                .WithTags("Lịch làm việc")
                .WithSummary("Cộng (trừ) một số ngày làm việc vào một ngày");
    }
}
