using System.Globalization;

namespace BaoCao.Indicators.Domain.Formulas;

/// <summary>
/// Parses the formula language: <c>[CODE]</c>, <c>[CODE@prev]</c>, <c>[CODE@lastyear]</c>, <c>[CODE@ytd]</c>; numbers with
/// '.' as the decimal point; <c>+ - * /</c>, unary minus, parentheses; <c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c>;
/// <c>and or not</c>; functions <c>sum avg min max abs round if coalesce</c>. Precedence, loosest first:
/// or, and, not, comparisons, + -, * /, unary minus.
/// </summary>
internal sealed class FormulaParser
{
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Functions = new Dictionary<string, (int, int)>
    {
        ["sum"] = (1, int.MaxValue), ["avg"] = (1, int.MaxValue), ["min"] = (1, int.MaxValue), ["max"] = (1, int.MaxValue),
        ["abs"] = (1, 1), ["round"] = (2, 2), ["if"] = (3, 3), ["coalesce"] = (1, int.MaxValue),
    };

    private readonly string _text;
    private int _at;

    private FormulaParser(string text) => _text = text;

    public static (Node? Tree, FormulaError? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, new FormulaError("Công thức đang để trống.", 0));
        if (text.Length > 4000)
            return (null, new FormulaError("Công thức dài quá 4000 ký tự.", 4000));
        var parser = new FormulaParser(text);
        try
        {
            var tree = parser.Or();
            parser.SkipSpaces();
            return parser._at < text.Length
                ? (null, new FormulaError($"Thừa '{text[parser._at]}' ở vị trí {parser._at + 1}.", parser._at))
                : (tree, null);
        }
        catch (SyntaxException error)
        {
            return (null, new FormulaError(error.Message, error.Position));
        }
    }

    private sealed class SyntaxException(string message, int position) : Exception(message)
    {
        public int Position { get; } = position;
    }

    private SyntaxException Error(string message) => new(message, _at);

    private void SkipSpaces()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            _at++;
    }

    private bool Take(string symbol)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _at, symbol, 0, symbol.Length) != 0)
            return false;
        // Keywords must stand alone: "order" is not "or".
        if (char.IsLetter(symbol[0]) && _at + symbol.Length < _text.Length && (char.IsLetterOrDigit(_text[_at + symbol.Length]) || _text[_at + symbol.Length] == '_'))
            return false;
        _at += symbol.Length;
        return true;
    }

    private Node Or()
    {
        var left = And();
        while (true)
        {
            var at = _at;
            if (!TakeKeyword("or"))
                return left;
            left = new BinaryNode("or", left, And(), at);
        }
    }

    private Node And()
    {
        var left = Not();
        while (true)
        {
            var at = _at;
            if (!TakeKeyword("and"))
                return left;
            left = new BinaryNode("and", left, Not(), at);
        }
    }

    private Node Not()
    {
        SkipSpaces();
        var at = _at;
        return TakeKeyword("not") ? new UnaryNode("not", Not(), at) : Comparison();
    }

    private bool TakeKeyword(string keyword)
    {
        SkipSpaces();
        if (_at + keyword.Length > _text.Length || string.Compare(_text, _at, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return false;
        var next = _at + keyword.Length;
        if (next < _text.Length && (char.IsLetterOrDigit(_text[next]) || _text[next] == '_' || _text[next] == '('))
            return false;
        _at = next;
        return true;
    }

    private Node Comparison()
    {
        var left = Additive();
        foreach (var op in new[] { "<=", ">=", "<>", "=", "<", ">" })
        {
            var at = _at;
            if (Take(op))
                return new BinaryNode(op, left, Additive(), at);
        }
        return left;
    }

    private Node Additive()
    {
        var left = Multiplicative();
        while (true)
        {
            var at = _at;
            if (Take("+"))
                left = new BinaryNode("+", left, Multiplicative(), at);
            else if (Take("-"))
                left = new BinaryNode("-", left, Multiplicative(), at);
            else
                return left;
        }
    }

    private Node Multiplicative()
    {
        var left = Unary();
        while (true)
        {
            var at = _at;
            if (Take("*"))
                left = new BinaryNode("*", left, Unary(), at);
            else if (Take("/"))
                left = new BinaryNode("/", left, Unary(), at);
            else
                return left;
        }
    }

    private Node Unary()
    {
        SkipSpaces();
        var at = _at;
        return Take("-") ? new UnaryNode("-", Unary(), at) : Primary();
    }

    private Node Primary()
    {
        SkipSpaces();
        if (_at >= _text.Length)
            throw Error("Công thức kết thúc đột ngột: còn thiếu số, chỉ số hoặc dấu ngoặc.");
        var at = _at;
        var c = _text[_at];
        if (c == '(')
        {
            _at++;
            var inner = Or();
            if (!Take(")"))
                throw Error($"Thiếu dấu ')' đóng ngoặc mở ở vị trí {at + 1}.");
            return inner;
        }
        if (c == '[')
            return Reference();
        if (char.IsAsciiDigit(c))
            return Number();
        if (char.IsAsciiLetter(c))
            return Call();
        throw Error($"Không hiểu ký tự '{c}' ở vị trí {at + 1}.");
    }

    private NumberNode Number()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] == '.'))
            _at++;
        var text = _text[start.._at];
        if (text.Count(ch => ch == '.') > 1 || text.EndsWith('.'))
            throw new SyntaxException($"Số '{text}' không hợp lệ (dùng dấu chấm cho phần thập phân, ví dụ 12.5).", start);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new SyntaxException($"Số '{text}' quá lớn.", start);
        return new NumberNode(value, start);
    }

    private ReferenceNode Reference()
    {
        var start = _at;
        var close = _text.IndexOf(']', _at);
        if (close < 0)
            throw new SyntaxException($"Thiếu dấu ']' đóng tham chiếu chỉ số mở ở vị trí {start + 1}.", start);
        var inside = _text[(start + 1)..close].Trim();
        _at = close + 1;
        var parts = inside.Split('@');
        var code = parts[0].Trim();
        if (code.Length == 0 || code.Length > 64 || !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.'))
            throw new SyntaxException($"Mã chỉ số '{code}' không hợp lệ (chữ không dấu, số, '_', '-', '.').", start + 1);
        var offset = parts.Length switch
        {
            1 => PeriodOffset.Current,
            2 => parts[1].Trim().ToLowerInvariant() switch
            {
                "prev" => PeriodOffset.Previous,
                "lastyear" => PeriodOffset.LastYear,
                "ytd" => PeriodOffset.YearToDate,
                var other => throw new SyntaxException($"Kỳ '@{other}' không hợp lệ: dùng @prev, @lastyear hoặc @ytd.", start + 1 + code.Length),
            },
            _ => throw new SyntaxException("Một tham chiếu chỉ có một '@'.", start),
        };
        return new ReferenceNode(code.ToUpperInvariant(), offset, start);
    }

    private CallNode Call()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '_'))
            _at++;
        var name = _text[start.._at].ToLowerInvariant();
        if (!Functions.TryGetValue(name, out var arity))
            throw new SyntaxException($"Không có hàm '{name}'. Các hàm: {string.Join(", ", Functions.Keys)}. Chỉ số viết trong ngoặc vuông, ví dụ [GRDP].", start);
        if (!Take("("))
            throw Error($"Sau tên hàm '{name}' cần dấu '('.");
        var arguments = new List<Node>();
        if (!Take(")"))
        {
            do
            {
                arguments.Add(Or());
            } while (Take(","));
            if (!Take(")"))
                throw Error($"Thiếu dấu ')' đóng hàm '{name}'.");
        }
        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
            throw new SyntaxException(arity.Min == arity.Max
                ? $"Hàm '{name}' cần đúng {arity.Min} tham số."
                : $"Hàm '{name}' cần ít nhất {arity.Min} tham số.", start);
        return new CallNode(name, arguments, start);
    }
}
