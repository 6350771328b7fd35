using BaoCao.Indicators.Domain.Formulas;

namespace BaoCao.Indicators.Features;

/// <summary>
/// Evaluates a formula on values passed in (no catalogue lookup): keys are <c>CODE</c>, <c>CODE@prev</c>,
/// <c>CODE@lastyear</c>, <c>CODE@ytd</c>. Exact decimal arithmetic; a missing input or a division by zero gives
/// <c>value: null</c> with the reason, never an error. A formula that does not parse is a 400 naming the position.
/// </summary>
internal static class EvaluateFormula
{
    internal sealed record Command(string? Formula, IReadOnlyDictionary<string, decimal?>? Values) : ICommand<Result<Evaluated>>;

    internal sealed record Evaluated(decimal? Value, string? Reason);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Formula).NotEmpty().WithMessage("Cần nhập công thức.");
            RuleFor(c => c.Values).Must(v => v is null || v.Count <= 10_000).WithMessage("Tối đa 10.000 giá trị đầu vào.");
        }
    }

    internal sealed class Handler : ICommandHandler<Command, Result<Evaluated>>
    {
        public ValueTask<Result<Evaluated>> Handle(Command command, CancellationToken cancellationToken)
        {
            var (formula, error) = CompiledFormula.Compile(command.Formula);
            if (formula is null)
                return ValueTask.FromResult(Result<Evaluated>.Invalid($"{error!.Message} (vị trí {error.Position + 1})", "formula"));
            var values = FormulaKeys.Normalize(command.Values);
            var value = formula.Evaluate(values);
            return ValueTask.FromResult<Result<Evaluated>>(new Evaluated(value.AsNumber, value.Missing));
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/indicators/formula/evaluate", async (Command command, ISender sender, CancellationToken ct) =>
                    (await sender.Send(command, ct)).ToHttpResult())
                .AllowAnonymous() // pure arithmetic on the values sent: no data of the province is read
                .WithTags("Chỉ số")
                .WithSummary("Tính giá trị một công thức với các giá trị đầu vào gửi kèm");
    }
}
