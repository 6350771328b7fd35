using BaoCao.Indicators.Domain.Formulas;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Indicators.Domain;

internal enum RuleImportance { High, Medium, Low }

/// <summary>
/// A data check run at entry time: <c>left operator right</c>, both sides formulas over indicators (e.g.
/// <c>[THU_NSNN] &gt;= [THU_NOI_DIA]</c>). A rule whose sides have no value (inputs not entered yet) does not apply.
/// High importance blocks submission; the others are warnings the officer may explain.
/// </summary>
internal sealed class ValidationRule : IVersioned
{
    public static readonly IReadOnlyList<string> Operators = ["=", "<>", "<", "<=", ">", ">="];

    private ValidationRule() { }

    public ValidationRule(string code, string name, string left, string @operator, string right, RuleImportance importance, string message)
    {
        Id = Guid.NewGuid();
        Code = Codes.Normalize(code);
        Change(name, left, @operator, right, importance, message);
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Left { get; private set; } = "";
    public string Operator { get; private set; } = "";
    public string Right { get; private set; } = "";
    public RuleImportance Importance { get; private set; }
    public string Message { get; private set; } = "";
    public bool Active { get; private set; } = true;
    public long Version { get; set; }

    public void Change(string name, string left, string @operator, string right, RuleImportance importance, string message)
    {
        Name = name.Trim();
        Left = left.Trim();
        Operator = @operator;
        Right = right.Trim();
        Importance = importance;
        Message = message.Trim();
    }

    public void Deactivate() => Active = false;

    /// <summary>The rule as one formula, e.g. <c>([A]) &gt;= ([B])</c>: compiled once, evaluated per unit.</summary>
    public string AsFormula => $"({Left}) {Operator} ({Right})";
}

/// <summary>A rule compiled for evaluation on many value sets.</summary>
internal sealed class CompiledRule(ValidationRule rule, CompiledFormula left, CompiledFormula right)
{
    public ValidationRule Rule { get; } = rule;
    public IEnumerable<string> Codes => left.Codes.Concat(right.Codes).Distinct();

    /// <summary>Null when the rule holds or does not apply; the two sides otherwise.</summary>
    public (decimal Left, decimal Right)? Violation(IReadOnlyDictionary<string, decimal?> values)
    {
        var l = left.Evaluate(values).AsNumber;
        var r = right.Evaluate(values).AsNumber;
        if (l is not { } a || r is not { } b)
            return null;
        var holds = Rule.Operator switch
        {
            "=" => a == b, "<>" => a != b, "<" => a < b, "<=" => a <= b, ">" => a > b, _ => a >= b,
        };
        return holds ? null : (a, b);
    }
}
