using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Indicators.Domain.Formulas;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Indicators;

public sealed class FormulaTests
{
    private static FormulaValue Eval(string formula, params (string Key, decimal? Value)[] values)
    {
        var (compiled, error) = CompiledFormula.Compile(formula);
        Assert.True(compiled is not null, error?.Message);
        return compiled.Evaluate(values.ToDictionary(v => v.Key, v => v.Value));
    }

    [Theory]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("100 / 8 / 5", "2.5")]
    [InlineData("-2 * -3", "6")]
    [InlineData("2 - -3", "5")]
    [InlineData("1 / 3 * 3", "0.9999999999999999999999999999")]
    [InlineData("round(1 / 3 * 3, 2)", "1.00")]
    [InlineData("round(2.345, 2)", "2.35")]
    [InlineData("abs(-4.5)", "4.5")]
    [InlineData("sum(1, 2, 3.5)", "6.5")]
    [InlineData("avg(1, 2, 3, 4)", "2.5")]
    [InlineData("min(3, -1, 2)", "-1")]
    [InlineData("max(3, -1, 2)", "3")]
    [InlineData("if(2 > 1, 10, 20)", "10")]
    [InlineData("if(2 > 1 and 1 > 2, 10, 20)", "20")]
    [InlineData("if(not 1 = 1 or 3 >= 3, 1, 0)", "1")]
    [InlineData("if(1 <> 2, 1, 0)", "1")]
    [InlineData("if(2 <= 2, 1, 0)", "1")]
    public void Arithmetic_is_exact_and_follows_precedence(string formula, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(formula).AsNumber);

    [Fact]
    public void Offsets_read_the_matching_inputs_and_a_growth_rate_comes_out_exact()
    {
        var growth = Eval("round(([GRDP] / [GRDP@lastyear] - 1) * 100, 2)", ("GRDP", 110_250.5m), ("GRDP@lastyear", 102_000m));
        var ytd = Eval("[THU_NSNN@ytd] - [THU_NSNN@prev]", ("THU_NSNN@ytd", 900m), ("THU_NSNN@prev", 300m));

        Assert.Equal(8.09m, growth.AsNumber);
        Assert.Equal(600m, ytd.AsNumber);
    }

    [Fact]
    public void Division_by_zero_and_missing_inputs_give_no_value_with_the_reason()
    {
        var zero = Eval("[A] / [B]", ("A", 5m), ("B", 0m));
        var missing = Eval("[A] + [B]", ("A", 5m));
        var coalesced = Eval("coalesce([B], [A], 0)", ("A", 5m));
        var summed = Eval("sum([A], [B])", ("A", 5m));
        var allMissing = Eval("sum([B], [C])");
        var overflow = Eval("79228162514264337593543950335 * 10");

        Assert.Null(zero.AsNumber);
        Assert.Contains("Chia cho 0", zero.Missing);
        Assert.Null(missing.AsNumber);
        Assert.Equal("Thiếu số liệu [B].", missing.Missing);
        Assert.Equal(5m, coalesced.AsNumber);
        Assert.Equal(5m, summed.AsNumber); // aggregates skip what is missing
        Assert.Null(allMissing.AsNumber);
        Assert.Contains("vượt quá giới hạn", overflow.Missing);
    }

    [Fact]
    public void If_evaluates_only_the_branch_it_takes()
    {
        Assert.Equal(0m, Eval("if([B] = 0, 0, [A] / [B])", ("A", 1m), ("B", 0m)).AsNumber);
    }

    [Fact]
    public void The_lineage_of_a_value_is_the_inputs_the_formula_reads()
    {
        var (formula, _) = CompiledFormula.Compile("([A] + [b@prev]) / [A] + coalesce([C@ytd], 1)");

        Assert.Equal(["A", "B@prev", "C@ytd"], formula!.Keys);
        Assert.Equal(["A", "B", "C"], formula.Codes);
    }

    [Theory]
    [InlineData("", 0, "để trống")]
    [InlineData("[GRDP] +", 8, "kết thúc đột ngột")]
    [InlineData("([GRDP] + 1", 11, "Thiếu dấu ')'")]
    [InlineData("[GRDP@tomorrow]", 5, "@prev")]
    [InlineData("[GRDP] $ 2", 7, "Thừa '$'")]
    [InlineData("median([A])", 0, "Không có hàm 'median'")]
    [InlineData("round([A])", 0, "đúng 2 tham số")]
    [InlineData("1.2.3", 0, "không hợp lệ")]
    [InlineData("[GR DP]", 1, "không hợp lệ")]
    [InlineData("GRDP + 1", 0, "ngoặc vuông")]
    public void Syntax_errors_say_what_and_where(string formula, int position, string message)
    {
        var (compiled, error) = CompiledFormula.Compile(formula);

        Assert.Null(compiled);
        Assert.Equal(position, error!.Position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Random_formulas_print_and_parse_back_to_the_same_tree()
    {
        var random = new Random(2026);
        string Formula(int depth) => depth <= 0 || random.Next(4) == 0
            ? random.Next(3) switch
            {
                0 => random.Next(0, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? "" : ".5"),
                1 => $"[I{random.Next(5)}{new[] { "", "@prev", "@lastyear", "@ytd" }[random.Next(4)]}]",
                _ => $"-({Formula(depth - 1)})",
            }
            : random.Next(8) switch
            {
                0 => $"({Formula(depth - 1)} + {Formula(depth - 1)})",
                1 => $"{Formula(depth - 1)} - {Formula(depth - 1)}",
                2 => $"{Formula(depth - 1)} * {Formula(depth - 1)}",
                3 => $"{Formula(depth - 1)} / {Formula(depth - 1)}",
                4 => $"sum({Formula(depth - 1)}, {Formula(depth - 1)})",
                5 => $"if({Formula(depth - 1)} > {Formula(depth - 1)} and not {Formula(depth - 1)} = 1, {Formula(depth - 1)}, {Formula(depth - 1)})",
                6 => $"round({Formula(depth - 1)}, 2)",
                _ => $"coalesce({Formula(depth - 1)}, {Formula(depth - 1)})",
            };

        for (var i = 0; i < 2000; i++)
        {
            var text = Formula(4);
            var (tree, error) = FormulaParser.Parse(text);
            Assert.True(tree is not null, $"{text}: {error?.Message}");
            var printed = FormulaPrinter.Print(tree!);
            var (again, _) = FormulaParser.Parse(printed);
            Assert.Equal(printed, FormulaPrinter.Print(again!));
            var inputs = Enumerable.Range(0, 5).SelectMany(n => new[] { "", "@prev", "@lastyear", "@ytd" }.Select(o => ($"I{n}{o}", (decimal?)(n + 1)))).ToArray();
            Assert.Equal(CompiledFormula.Compile(text).Formula!.Evaluate(inputs.ToDictionary(v => v.Item1, v => v.Item2)).AsNumber,
                CompiledFormula.Compile(printed).Formula!.Evaluate(inputs.ToDictionary(v => v.Item1, v => v.Item2)).AsNumber);
        }
    }

    [Fact]
    public async Task The_evaluate_API_keeps_its_shape()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.CreateClient();

        var growth = await (await client.PostAsJsonAsync("/api/indicators/formula/evaluate", new
        {
            formula = "([CODE] / [CODE@lastyear] - 1) * 100",
            values = new Dictionary<string, decimal> { ["CODE"] = 12.5m, ["CODE@lastyear"] = 10m },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var zero = await (await client.PostAsJsonAsync("/api/indicators/formula/evaluate", new { formula = "[A] / 0", values = new { A = 1 } })).Content.ReadFromJsonAsync<JsonElement>();
        var exact = await (await client.PostAsJsonAsync("/api/indicators/formula/evaluate", new { formula = "0.1 + 0.2" })).Content.ReadFromJsonAsync<JsonElement>();
        var broken = await client.PostAsJsonAsync("/api/indicators/formula/evaluate", new { formula = "[A] +" });

        Assert.Equal(25m, growth.GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, growth.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, zero.GetProperty("value").ValueKind);
        Assert.Contains("Chia cho 0", zero.GetProperty("reason").GetString());
        Assert.Equal("0.3", exact.GetProperty("value").GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("vị trí", (await broken.ReadProblemAsync()).Errors!["formula"][0]);
    }
}
