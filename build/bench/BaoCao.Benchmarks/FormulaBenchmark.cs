using System.Diagnostics;
using BaoCao.Indicators.Domain.Formulas;

namespace BaoCao.Benchmarks;

/// <summary>
/// 1,000 computed indicators (growth rates, shares, per-capita values, sums) for 2,000 units: 2 million
/// evaluations through the formula engine (compiled once) against the same formulas written by hand in C#.
/// Goal: ratio ≥ 0.2.
/// </summary>
internal static class FormulaBenchmark
{
    private const int Formulas = 1000;
    private const int Units = 2000;
    private const int Inputs = 200;

    public static string[] Run(int rounds)
    {
        var random = new Random(2026);
        var texts = new string[Formulas];
        var handWritten = new Func<decimal?[], decimal?>[Formulas];
        var slots = new int[Formulas][];
        for (var f = 0; f < Formulas; f++)
        {
            int a = random.Next(Inputs), b = (a + 1 + random.Next(Inputs / 2)) % Inputs, c = (b + 1 + random.Next(Inputs / 4)) % Inputs; // three distinct inputs
            switch (f % 4)
            {
                case 0:
                    texts[f] = $"([I{a}] / [I{a}@lastyear] - 1) * 100";
                    handWritten[f] = v => v[0] is { } x && v[1] is { } y && y != 0 ? (x / y - 1) * 100 : null;
                    break;
                case 1:
                    texts[f] = $"[I{a}] / [I{b}] * 100";
                    handWritten[f] = v => v[0] is { } x && v[1] is { } y && y != 0 ? x / y * 100 : null;
                    break;
                case 2:
                    texts[f] = $"round([I{a}] * 1000 / [I{b}], 2)";
                    handWritten[f] = v => v[0] is { } x && v[1] is { } y && y != 0 ? Math.Round(x * 1000 / y, 2, MidpointRounding.AwayFromZero) : null;
                    break;
                default:
                    texts[f] = $"[I{a}] + [I{b}] + [I{c}]";
                    handWritten[f] = v => v[0] is { } x && v[1] is { } y && v[2] is { } z ? x + y + z : null;
                    break;
            }
        }
        var compiled = texts.Select(t => CompiledFormula.Compile(t).Formula!).ToArray();
        for (var f = 0; f < Formulas; f++)
            slots[f] = [.. compiled[f].Keys.Select(k => int.Parse(k.Split('@')[0][1..]) * 2 + (k.Contains('@') ? 1 : 0))];

        // Every unit's inputs: this period and last year for each of 200 base indicators.
        var unitValues = Enumerable.Range(0, Units).Select(_ => Enumerable.Range(0, Inputs * 2).Select(_ => (decimal?)random.Next(1, 100_000)).ToArray()).ToArray();
        var buffers = compiled.Select(c => new decimal?[c.Keys.Count]).ToArray();

        double Engine()
        {
            var watch = Stopwatch.StartNew();
            decimal check = 0;
            foreach (var values in unitValues)
            {
                for (var f = 0; f < Formulas; f++)
                {
                    var buffer = buffers[f];
                    var map = slots[f];
                    for (var s = 0; s < map.Length; s++)
                        buffer[s] = values[map[s]];
                    check += compiled[f].Evaluate(buffer).AsNumber ?? 0;
                }
            }
            GC.KeepAlive(check);
            return Formulas * (double)Units / watch.Elapsed.TotalSeconds;
        }

        double Hand()
        {
            var watch = Stopwatch.StartNew();
            decimal check = 0;
            foreach (var values in unitValues)
            {
                for (var f = 0; f < Formulas; f++)
                {
                    var buffer = buffers[f];
                    var map = slots[f];
                    for (var s = 0; s < map.Length; s++)
                        buffer[s] = values[map[s]];
                    check += handWritten[f](buffer) ?? 0;
                }
            }
            GC.KeepAlive(check);
            return Formulas * (double)Units / watch.Elapsed.TotalSeconds;
        }

        Engine(); Hand(); // warm-up
        var engine = new List<double>();
        var hand = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            hand.Add(Hand());
            engine.Add(Engine());
        }
        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        var e = Median(engine);
        var h = Median(hand);
        return ["formula", "engine, 2M evaluations", $"{e:F0}", "-", "-", "0", "hand-written C#", $"{h:F0}", "-", "-", $"{e / h:F2}", "≥ 0.20"];
    }
}
