namespace BaoCao.Indicators.Domain.Formulas;

/// <summary>A value during evaluation: a number, a truth value, or no value with the reason (never an exception).</summary>
internal readonly record struct FormulaValue(decimal Number, bool? Truth, string? Missing)
{
    public bool IsMissing => Missing is not null;
    public bool IsTruth => Truth is not null;

    public static FormulaValue Of(decimal number) => new(number, null, null);
    public static FormulaValue Of(bool truth) => new(0, truth, null);
    public static FormulaValue None(string reason) => new(0, null, reason);

    /// <summary>The value as the API reports it: truth values as 1 and 0.</summary>
    public decimal? AsNumber => IsMissing ? null : IsTruth ? (Truth == true ? 1 : 0) : Number;
}

/// <summary>
/// A formula compiled once into closures over an array of inputs (one slot per referenced key), so evaluating it
/// for thousands of units re-parses nothing. Arithmetic is exact decimal; a missing input, a division by zero or an
/// overflow yields "no value" with the reason. Aggregate functions skip missing arguments; coalesce takes the first
/// present one.
/// </summary>
internal sealed class CompiledFormula
{
    private readonly Func<decimal?[], FormulaValue> _evaluate;

    private CompiledFormula(Node tree, IReadOnlyList<string> keys, Func<decimal?[], FormulaValue> evaluate)
    {
        Tree = tree;
        Keys = keys;
        _evaluate = evaluate;
    }

    public Node Tree { get; }

    /// <summary>The input keys in slot order (CODE, CODE@prev, …): the lineage of any value it computes.</summary>
    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Codes => [.. Keys.Select(k => k.Split('@')[0]).Distinct()];

    public FormulaValue Evaluate(decimal?[] inputs) => _evaluate(inputs);

    public FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> values)
    {
        var inputs = new decimal?[Keys.Count];
        for (var slot = 0; slot < Keys.Count; slot++)
            inputs[slot] = values.TryGetValue(Keys[slot], out var value) ? value : null;
        return _evaluate(inputs);
    }

    public static (CompiledFormula? Formula, FormulaError? Error) Compile(string? text)
    {
        var (tree, error) = FormulaParser.Parse(text);
        if (tree is null)
            return (null, error);
        var keys = new List<string>();
        var evaluate = Build(tree, keys);
        return (new CompiledFormula(tree, keys, evaluate), null);
    }

    private static Func<decimal?[], FormulaValue> Build(Node node, List<string> keys)
    {
        switch (node)
        {
            case NumberNode number:
            {
                var value = FormulaValue.Of(number.Value);
                return _ => value;
            }
            case ReferenceNode reference:
            {
                var slot = keys.IndexOf(reference.Key);
                if (slot < 0)
                {
                    slot = keys.Count;
                    keys.Add(reference.Key);
                }
                var missing = FormulaValue.None($"Thiếu số liệu [{reference.Key}].");
                return inputs => inputs[slot] is { } present ? FormulaValue.Of(present) : missing;
            }
            case UnaryNode { Operator: "-" } negate:
            {
                var operand = Build(negate.Operand, keys);
                return inputs => operand(inputs) is var v && v.IsMissing ? v : v.IsTruth ? NotANumber("-") : FormulaValue.Of(-v.Number);
            }
            case UnaryNode not:
            {
                var operand = Build(not.Operand, keys);
                return inputs => operand(inputs) is var v && v.IsMissing ? v : v.IsTruth ? FormulaValue.Of(v.Truth != true) : NotATruth("not");
            }
            case BinaryNode { Operator: "and" or "or" } logical:
            {
                var left = Build(logical.Left, keys);
                var right = Build(logical.Right, keys);
                var isAnd = logical.Operator == "and";
                return inputs =>
                {
                    var l = left(inputs);
                    if (l.IsMissing) return l;
                    if (!l.IsTruth) return NotATruth(logical.Operator);
                    if (isAnd && l.Truth == false) return FormulaValue.Of(false);
                    if (!isAnd && l.Truth == true) return FormulaValue.Of(true);
                    var r = right(inputs);
                    return r.IsMissing ? r : r.IsTruth ? FormulaValue.Of(r.Truth == true) : NotATruth(logical.Operator);
                };
            }
            case BinaryNode binary:
            {
                var left = Build(binary.Left, keys);
                var right = Build(binary.Right, keys);
                var op = binary.Operator;
                var position = binary.Position + 1;
                return inputs =>
                {
                    var l = left(inputs);
                    if (l.IsMissing) return l;
                    var r = right(inputs);
                    if (r.IsMissing) return r;
                    if (l.IsTruth || r.IsTruth)
                        return op is "=" or "<>" && l.IsTruth && r.IsTruth ? FormulaValue.Of(op == "=" ? l.Truth == r.Truth : l.Truth != r.Truth) : NotANumber(op);
                    try
                    {
                        return op switch
                        {
                            "+" => FormulaValue.Of(l.Number + r.Number),
                            "-" => FormulaValue.Of(l.Number - r.Number),
                            "*" => FormulaValue.Of(l.Number * r.Number),
                            "/" => r.Number == 0 ? FormulaValue.None($"Chia cho 0 (vị trí {position}).") : FormulaValue.Of(l.Number / r.Number),
                            "=" => FormulaValue.Of(l.Number == r.Number),
                            "<>" => FormulaValue.Of(l.Number != r.Number),
                            "<" => FormulaValue.Of(l.Number < r.Number),
                            "<=" => FormulaValue.Of(l.Number <= r.Number),
                            ">" => FormulaValue.Of(l.Number > r.Number),
                            _ => FormulaValue.Of(l.Number >= r.Number),
                        };
                    }
                    catch (OverflowException)
                    {
                        return FormulaValue.None($"Kết quả vượt quá giới hạn số (vị trí {position}).");
                    }
                };
            }
            case CallNode call:
                return BuildCall(call, [.. call.Arguments.Select(a => Build(a, keys))]);
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    private static Func<decimal?[], FormulaValue> BuildCall(CallNode call, Func<decimal?[], FormulaValue>[] arguments)
    {
        switch (call.Function)
        {
            case "if":
                return inputs =>
                {
                    var condition = arguments[0](inputs);
                    if (condition.IsMissing) return condition;
                    if (!condition.IsTruth) return NotATruth("if");
                    return condition.Truth == true ? arguments[1](inputs) : arguments[2](inputs);
                };
            case "coalesce":
                return inputs =>
                {
                    FormulaValue last = default;
                    foreach (var argument in arguments)
                    {
                        last = argument(inputs);
                        if (!last.IsMissing) return last;
                    }
                    return last;
                };
            case "abs":
                return inputs => arguments[0](inputs) is var v && (v.IsMissing || v.IsTruth) ? v.IsMissing ? v : NotANumber("abs") : FormulaValue.Of(Math.Abs(v.Number));
            case "round":
                return inputs =>
                {
                    var value = arguments[0](inputs);
                    var digits = arguments[1](inputs);
                    if (value.IsMissing) return value;
                    if (digits.IsMissing) return digits;
                    if (value.IsTruth || digits.IsTruth || digits.Number != decimal.Truncate(digits.Number) || digits.Number is < 0 or > 10)
                        return FormulaValue.None("round(x, n): n phải là số nguyên từ 0 đến 10.");
                    return FormulaValue.Of(Math.Round(value.Number, (int)digits.Number, MidpointRounding.AwayFromZero));
                };
            default:
                var function = call.Function;
                return inputs =>
                {
                    var present = new List<decimal>(arguments.Length);
                    string? firstMissing = null;
                    foreach (var argument in arguments)
                    {
                        var v = argument(inputs);
                        if (v.IsMissing) { firstMissing ??= v.Missing; continue; }
                        if (v.IsTruth) return NotANumber(function);
                        present.Add(v.Number);
                    }
                    if (present.Count == 0)
                        return FormulaValue.None(firstMissing ?? "Không có số liệu.");
                    try
                    {
                        return function switch
                        {
                            "sum" => FormulaValue.Of(present.Sum()),
                            "avg" => FormulaValue.Of(present.Sum() / present.Count),
                            "min" => FormulaValue.Of(present.Min()),
                            _ => FormulaValue.Of(present.Max()),
                        };
                    }
                    catch (OverflowException)
                    {
                        return FormulaValue.None($"Kết quả của {function} vượt quá giới hạn số.");
                    }
                };
        }
    }

    private static FormulaValue NotANumber(string where) => FormulaValue.None($"'{where}' cần số, không dùng được giá trị đúng/sai.");

    private static FormulaValue NotATruth(string where) => FormulaValue.None($"'{where}' cần điều kiện đúng/sai (phép so sánh).");
}
