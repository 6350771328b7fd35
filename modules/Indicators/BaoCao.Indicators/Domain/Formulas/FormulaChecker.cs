using BaoCao.Indicators.Contracts;

namespace BaoCao.Indicators.Domain.Formulas;

/// <summary>What the checker needs to know of a referenced indicator (its current version).</summary>
internal sealed record FormulaReference(string Code, IndicatorValueType ValueType, TimeAggregation OverTime, IndicatorStatus Status, string? Formula);

internal sealed record FormulaCheck(IReadOnlyList<FormulaError> Errors, IReadOnlyList<string> Dependencies)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Checks a formula against the catalogue before it is saved: syntax, unknown or retired codes, types (numbers
/// vs conditions, text indicators, year-to-date of an indicator that does not add up over time) and cycles
/// across computed indicators. Only same-period references close a cycle: <c>[A@prev]</c> inside A is a
/// running total, not a loop.
/// </summary>
internal static class FormulaChecker
{
    private enum Kind { Number, Truth, Unknown }

    public static FormulaCheck Check(string? text, string? selfCode, Func<string, FormulaReference?> lookup)
    {
        var (tree, syntaxError) = FormulaParser.Parse(text);
        if (tree is null)
            return new FormulaCheck([syntaxError!], []);
        var errors = new List<FormulaError>();
        var references = new List<ReferenceNode>();
        var kind = Infer(tree, lookup, errors, references);
        if (kind == Kind.Truth)
            errors.Add(new FormulaError("Công thức phải cho kết quả là một số, không phải điều kiện đúng/sai.", 0));
        var dependencies = references.Select(r => r.Code).Distinct().ToList();
        if (selfCode is not null && errors.Count == 0)
        {
            var self = selfCode.ToUpperInvariant();
            var direct = references.Where(r => r.Offset is PeriodOffset.Current or PeriodOffset.YearToDate).Select(r => r.Code).Distinct();
            if (FindCycle(self, direct, lookup) is { } cycle)
                errors.Add(new FormulaError($"Công thức tạo vòng lặp giữa các chỉ số tính toán: {string.Join(" → ", cycle)}.",
                    references.First(r => r.Code == cycle[1]).Position));
        }
        return new FormulaCheck([.. errors.OrderBy(e => e.Position)], dependencies);
    }

    private static Kind Infer(Node node, Func<string, FormulaReference?> lookup, List<FormulaError> errors, List<ReferenceNode> references)
    {
        switch (node)
        {
            case NumberNode:
                return Kind.Number;
            case ReferenceNode reference:
            {
                references.Add(reference);
                var found = lookup(reference.Code);
                if (found is null)
                {
                    errors.Add(new FormulaError($"Không có chỉ số mã [{reference.Code}] trong danh mục.", reference.Position));
                    return Kind.Unknown;
                }
                if (found.Status == IndicatorStatus.Retired)
                    errors.Add(new FormulaError($"Chỉ số [{reference.Code}] đã ngừng sử dụng.", reference.Position));
                if (found.ValueType == IndicatorValueType.Text)
                {
                    errors.Add(new FormulaError($"Chỉ số [{reference.Code}] có kiểu văn bản, không tính toán được.", reference.Position));
                    return Kind.Unknown;
                }
                if (reference.Offset == PeriodOffset.YearToDate && found.OverTime == TimeAggregation.None)
                    errors.Add(new FormulaError($"Chỉ số [{reference.Code}] không cộng dồn theo thời gian nên không dùng được @ytd.", reference.Position));
                return Kind.Number; // yes/no values enter as 1 and 0
            }
            case UnaryNode unary:
            {
                var operand = Infer(unary.Operand, lookup, errors, references);
                var wanted = unary.Operator == "-" ? Kind.Number : Kind.Truth;
                Expect(operand, wanted, unary.Operator, unary.Position, errors);
                return wanted;
            }
            case BinaryNode binary:
            {
                var left = Infer(binary.Left, lookup, errors, references);
                var right = Infer(binary.Right, lookup, errors, references);
                switch (binary.Operator)
                {
                    case "and" or "or":
                        Expect(left, Kind.Truth, binary.Operator, binary.Position, errors);
                        Expect(right, Kind.Truth, binary.Operator, binary.Position, errors);
                        return Kind.Truth;
                    case "=" or "<>" when left == Kind.Truth && right == Kind.Truth:
                        return Kind.Truth;
                    case "=" or "<>" or "<" or "<=" or ">" or ">=":
                        Expect(left, Kind.Number, binary.Operator, binary.Position, errors);
                        Expect(right, Kind.Number, binary.Operator, binary.Position, errors);
                        return Kind.Truth;
                    default:
                        Expect(left, Kind.Number, binary.Operator, binary.Position, errors);
                        Expect(right, Kind.Number, binary.Operator, binary.Position, errors);
                        return Kind.Number;
                }
            }
            case CallNode call:
            {
                var kinds = call.Arguments.Select(a => Infer(a, lookup, errors, references)).ToList();
                switch (call.Function)
                {
                    case "if":
                        Expect(kinds[0], Kind.Truth, "if", call.Position, errors);
                        if (kinds[1] != Kind.Unknown && kinds[2] != Kind.Unknown && kinds[1] != kinds[2])
                            errors.Add(new FormulaError("Hai nhánh của if(...) phải cùng loại (cùng là số hoặc cùng là điều kiện).", call.Position));
                        return kinds[1] == Kind.Unknown ? kinds[2] : kinds[1];
                    case "coalesce":
                        var known = kinds.Where(k => k != Kind.Unknown).Distinct().ToList();
                        if (known.Count > 1)
                            errors.Add(new FormulaError("Các đối số của coalesce(...) phải cùng loại.", call.Position));
                        return known.Count == 1 ? known[0] : Kind.Unknown;
                    default:
                        foreach (var argument in kinds)
                            Expect(argument, Kind.Number, call.Function, call.Position, errors);
                        return Kind.Number;
                }
            }
            default:
                return Kind.Unknown;
        }
    }

    private static void Expect(Kind actual, Kind wanted, string where, int position, List<FormulaError> errors)
    {
        if (actual == Kind.Unknown || actual == wanted)
            return;
        errors.Add(wanted == Kind.Number
            ? new FormulaError($"'{where}' cần số, không dùng được điều kiện đúng/sai.", position)
            : new FormulaError($"'{where}' cần một điều kiện đúng/sai (một phép so sánh).", position));
    }

    /// <summary>A path self → … → self through same-period references of computed indicators, or null.</summary>
    private static List<string>? FindCycle(string self, IEnumerable<string> direct, Func<string, FormulaReference?> lookup)
    {
        var visited = new HashSet<string>();
        foreach (var start in direct)
        {
            var path = new List<string> { self };
            if (Visit(start, self, lookup, visited, path))
                return path;
        }
        return null;
    }

    private static bool Visit(string code, string self, Func<string, FormulaReference?> lookup, HashSet<string> visited, List<string> path)
    {
        path.Add(code);
        if (code == self)
            return true;
        if (visited.Add(code) && lookup(code)?.Formula is { } formula && FormulaParser.Parse(formula).Tree is { } tree)
        {
            foreach (var next in SamePeriodCodes(tree))
            {
                if (Visit(next, self, lookup, visited, path))
                    return true;
            }
        }
        path.RemoveAt(path.Count - 1);
        return false;
    }

    private static IEnumerable<string> SamePeriodCodes(Node node) => node switch
    {
        ReferenceNode { Offset: PeriodOffset.Current or PeriodOffset.YearToDate } r => [r.Code],
        UnaryNode u => SamePeriodCodes(u.Operand),
        BinaryNode b => SamePeriodCodes(b.Left).Concat(SamePeriodCodes(b.Right)),
        CallNode c => c.Arguments.SelectMany(SamePeriodCodes),
        _ => [],
    };
}
