using System.Globalization;
using System.Text;

namespace BaoCao.Indicators.Domain.Formulas;

/// <summary>A reference to an indicator's value: this period, the previous one, the same period last year, or year to date.</summary>
internal enum PeriodOffset
{
    Current,
    Previous,
    LastYear,
    YearToDate,
}

internal abstract record Node(int Position);

internal sealed record NumberNode(decimal Value, int Position) : Node(Position);

internal sealed record ReferenceNode(string Code, PeriodOffset Offset, int Position) : Node(Position)
{
    /// <summary>The key of the input value: <c>CODE</c>, <c>CODE@prev</c>, <c>CODE@lastyear</c> or <c>CODE@ytd</c>.</summary>
    public string Key => Offset switch
    {
        PeriodOffset.Previous => $"{Code}@prev",
        PeriodOffset.LastYear => $"{Code}@lastyear",
        PeriodOffset.YearToDate => $"{Code}@ytd",
        _ => Code,
    };
}

internal sealed record UnaryNode(string Operator, Node Operand, int Position) : Node(Position);

internal sealed record BinaryNode(string Operator, Node Left, Node Right, int Position) : Node(Position);

internal sealed record CallNode(string Function, IReadOnlyList<Node> Arguments, int Position) : Node(Position);

/// <summary>A syntax error at a (zero-based) character position, in Vietnamese.</summary>
internal sealed record FormulaError(string Message, int Position);

internal static class FormulaPrinter
{
    /// <summary>The canonical text of a formula: fully parenthesised binary operations, so print → parse → print is stable.</summary>
    public static string Print(Node node) => node switch
    {
        NumberNode n => n.Value.ToString(CultureInfo.InvariantCulture),
        ReferenceNode r => $"[{r.Key}]",
        UnaryNode u => u.Operator == "not" ? $"not ({Print(u.Operand)})" : $"-({Print(u.Operand)})",
        BinaryNode b => $"({Print(b.Left)} {b.Operator} {Print(b.Right)})",
        CallNode c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Print))})",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
