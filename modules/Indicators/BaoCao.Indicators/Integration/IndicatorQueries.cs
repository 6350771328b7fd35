using BaoCao.Indicators.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Domain.Formulas;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Indicators.Integration;

/// <summary>Answers other modules' questions about the catalogue and evaluates formulas for them (Indicators' Contracts).</summary>
internal sealed class IndicatorQueries(IndicatorsDbContext db, TimeProvider clock, CatalogueCache catalogue)
    : IQueryHandler<GetIndicators, IReadOnlyList<IndicatorInfo>>, IQueryHandler<EvaluateFormula, FormulaResult>,
      IQueryHandler<CompileComputedIndicators, IReadOnlyList<ComputedIndicator>>, IQueryHandler<CheckDataRules, IReadOnlyList<RuleViolation>>,
      IQueryHandler<Contracts.CheckOutlier, OutlierHintInfo?>, IQueryHandler<CompileFormula, ComputedIndicator?>,
      IQueryHandler<ListUnitsOfMeasure, IReadOnlyDictionary<string, string>>, IQueryHandler<ExpandFormulaInputs, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ExpandFormulaInputs query, CancellationToken cancellationToken)
    {
        var computed = (await Handle(new CompileComputedIndicators(query.AsOf), cancellationToken)).ToDictionary(c => c.Code);
        var codes = query.Codes.ToHashSet();
        for (var added = true; added;)
            added = codes.Where(computed.ContainsKey).SelectMany(c => computed[c].Inputs).Select(k => k.Split('@')[0]).ToList()
                .Aggregate(false, (any, input) => codes.Add(input) || any);
        return [.. codes];
    }

    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(ListUnitsOfMeasure query, CancellationToken cancellationToken) =>
        await db.UnitsOfMeasure.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);

    public ValueTask<ComputedIndicator?> Handle(CompileFormula query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CompiledFormula.Compile(query.Formula).Formula is { } formula
            ? new ComputedIndicator("", query.Formula, formula.Keys, values => Evaluate(formula, values))
            : null);

    public async ValueTask<IReadOnlyList<IndicatorInfo>> Handle(GetIndicators query, CancellationToken cancellationToken)
    {
        var day = query.AsOf ?? VietnamTime.Today(clock);
        var (indicators, categories) = await catalogue.GetAsync(db, cancellationToken);
        var found = query.Codes is { } codes
            ? [.. codes.Select(c => c.ToUpperInvariant()).Distinct().Select(indicators.GetValueOrDefault).OfType<Indicator>().OrderBy(i => i.Code, StringComparer.Ordinal)]
            : indicators.Values.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        return [.. found.Select(i =>
        {
            var version = InForceOn(i, day);
            var d = version.Definition;
            var combinations = Category.Combinations([.. d.CategoryCodes.Where(categories.ContainsKey).Select(c => categories[c])]);
            return new IndicatorInfo(i.Code, version.Number, d.Name, d.ShortName, d.UnitOfMeasure, d.ValueType, d.Precision,
                d.AcrossUnits, d.WeightIndicator, d.OverTime, d.OwnerUnit, d.GroupCodes, i.Status, d.Formula,
                [.. combinations.Select(c => new Disaggregation(c.Code, c.Name))]);
        })];
    }

    public ValueTask<FormulaResult> Handle(EvaluateFormula query, CancellationToken cancellationToken)
    {
        var (formula, error) = CompiledFormula.Compile(query.Formula);
        return ValueTask.FromResult(formula is null
            ? new FormulaResult(null, $"{error!.Message} (vị trí {error.Position + 1})", [])
            : Evaluate(formula, query.Values));
    }

    public async ValueTask<IReadOnlyList<ComputedIndicator>> Handle(CompileComputedIndicators query, CancellationToken cancellationToken)
    {
        var indicators = await Handle(new GetIndicators(query.Codes, query.AsOf), cancellationToken);
        var computed = new List<ComputedIndicator>();
        foreach (var indicator in indicators.Where(i => i.Formula is not null))
        {
            // Saved formulas were checked on save; one that no longer parses is left out rather than failing the caller.
            if (CompiledFormula.Compile(indicator.Formula).Formula is { } formula)
                computed.Add(new ComputedIndicator(indicator.Code, indicator.Formula!, formula.Keys, values => Evaluate(formula, values)));
        }
        return computed;
    }

    public async ValueTask<IReadOnlyList<RuleViolation>> Handle(CheckDataRules query, CancellationToken cancellationToken)
    {
        var rules = await db.ValidationRules.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var codes = query.Codes?.Select(c => c.ToUpperInvariant()).ToHashSet();
        var values = FormulaKeys.Normalize(query.Values);
        var violations = new List<RuleViolation>();
        foreach (var rule in rules)
        {
            if (CompiledFormula.Compile(rule.Left).Formula is not { } left || CompiledFormula.Compile(rule.Right).Formula is not { } right)
                continue;
            var compiled = new CompiledRule(rule, left, right);
            if (codes is not null && !compiled.Codes.Any(codes.Contains))
                continue;
            if (compiled.Violation(values) is { } violation)
                violations.Add(new RuleViolation(rule.Code, rule.Name, rule.Importance.ToString(), rule.Message, violation.Left, rule.Operator, violation.Right));
        }
        return violations;
    }

    public ValueTask<OutlierHintInfo?> Handle(Contracts.CheckOutlier query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(OutlierHints.Check(query.Value, query.History) is { } hint ? new OutlierHintInfo(hint.Median, hint.Score, hint.Message) : null);

    private static FormulaResult Evaluate(CompiledFormula formula, IReadOnlyDictionary<string, decimal?> values)
    {
        var result = formula.Evaluate(values);
        return new FormulaResult(result.AsNumber, result.Missing, formula.Keys);
    }

    /// <summary>The version in force on the day; before the first version, the first (data older than the catalogue entry).</summary>
    private static IndicatorVersion InForceOn(Indicator indicator, DateOnly day) =>
        indicator.AsOf(day) ?? (day < indicator.Versions.Min(v => v.ValidFrom) ? indicator.Versions.MinBy(v => v.Number)! : indicator.Current);
}
