using System.Diagnostics;
using BaoCao.Benchmarks;

// Drives a running BaoCao (started by build/bench/run.sh) and prints, per benchmark, the candidate and the
// baseline measured in the same run: several alternating rounds, the median of each, and their ratio.
var baseUrl = args.FirstOrDefault(a => a.StartsWith("http", StringComparison.Ordinal)) ?? "http://127.0.0.1:5099";
var names = args.Where(a => !a.StartsWith("http", StringComparison.Ordinal) && !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r) ? r : 5;
var seconds = double.TryParse(Environment.GetEnvironmentVariable("BENCH_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3;

IBenchmark[] all = [new HealthReadyVsLive(), new SignInVsLive()];
var selected = all.Where(b => names.Count == 0 || names.Contains(b.Name)).ToList();
var inProcess = names.Count == 0 || names.Contains("formula");
var forms = names.Count == 0 || names.Contains("forms");
var reminders = names.Count == 0 || names.Contains("reminders");
// Loads 24 million figures: only when named.
var dashboards = names.Contains("dashboards");
var enumeration = names.Count == 0 || names.Contains("sign-in");
// Steps the rate up until the server saturates (a few minutes): only when named.
var load = names.Contains("load");
if (selected.Count == 0 && !inProcess && !forms && !reminders && !dashboards && !load)
{
    Console.Error.WriteLine($"Unknown benchmark. Known: {string.Join(", ", all.Select(b => b.Name))}, formula, forms, reminders, dashboards, load");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
var rows = new List<string[]>();
foreach (var benchmark in selected)
{
    await benchmark.PrepareAsync(http);
    var candidate = new List<Measurement>();
    var baseline = new List<Measurement>();
    for (var round = 0; round < rounds; round++)
    {
        // Alternate so drift (JIT, caches, the other core) hits both sides alike.
        baseline.Add(await Load.RunAsync(http, benchmark.Baseline, benchmark.Concurrency, seconds));
        candidate.Add(await Load.RunAsync(http, benchmark.Candidate, benchmark.Concurrency, seconds));
    }
    var c = Measurement.Median(candidate);
    var b = Measurement.Median(baseline);
    rows.Add([benchmark.Name, benchmark.CandidateName, $"{c.PerSecond:F0}", $"{c.P50Ms:F2}", $"{c.P95Ms:F2}", $"{c.Errors}",
        benchmark.BaselineName, $"{b.PerSecond:F0}", $"{b.P50Ms:F2}", $"{b.P95Ms:F2}", $"{c.PerSecond / b.PerSecond:F2}", benchmark.Goal]);
}

if (enumeration)
    rows.Add(await EnumerationBenchmark.RunAsync(http)); // per second: sign-in attempts, one at a time
if (inProcess)
    rows.Add(FormulaBenchmark.Run(rounds)); // per second: evaluations, not requests
if (forms)
    rows.AddRange(await FormsBenchmark.RunAsync(baseUrl, rounds)); // per second: saves, then values
if (reminders)
    rows.AddRange(await RemindersBenchmark.RunAsync(baseUrl)); // per second: e-mails
if (dashboards)
    rows.AddRange(await DashboardsBenchmark.RunAsync(baseUrl, rounds)); // per second: answers
if (load)
    rows.AddRange(await LoadBenchmark.RunAsync(baseUrl, rounds, seconds)); // per second: requests of the mix

string[] header = ["benchmark", "candidate", "per s", "p50 ms", "p95 ms", "errors", "baseline", "per s", "p50 ms", "p95 ms", "ratio", "goal"];
var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(row => row[i].Length))).ToArray();
Console.WriteLine($"BaoCao benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {rounds} rounds × {seconds} s, medians");
Console.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
foreach (var row in rows)
    Console.WriteLine(string.Join(" | ", row.Select((v, i) => v.PadRight(widths[i]))));
return rows.Any(row => row[5] is not ("0" or "")) ? 1 : 0;

namespace BaoCao.Benchmarks
{
    internal interface IBenchmark
    {
        string Name { get; }
        string Goal { get; }
        string CandidateName { get; }
        string BaselineName { get; }
        int Concurrency { get; }
        Func<HttpClient, Task<HttpResponseMessage>> Candidate { get; }
        Func<HttpClient, Task<HttpResponseMessage>> Baseline { get; }
        Task PrepareAsync(HttpClient http) => Task.CompletedTask;
    }

    /// <summary>Proves the harness: readiness (every module's database and the job storage) against liveness
    /// (the same pipeline, no checks).</summary>
    internal sealed class HealthReadyVsLive : IBenchmark
    {
        public string Name => "health";
        public string Goal => "harness check";
        public string CandidateName => "GET /health/ready";
        public string BaselineName => "GET /health/live";
        public int Concurrency => 8;
        public Func<HttpClient, Task<HttpResponseMessage>> Candidate => http => http.GetAsync("/health/ready");
        public Func<HttpClient, Task<HttpResponseMessage>> Baseline => http => http.GetAsync("/health/live");
    }

    /// <summary>A sign-in at the production work factor (PBKDF2-HMAC-SHA512, 210,000 iterations): its p50 is
    /// the cost of one password hash plus the request; the ratio shows what a sign-in storm costs.</summary>
    internal sealed class SignInVsLive : IBenchmark
    {
        public string Name => "sign-in";
        public string Goal => "hash cost ≈ p50";
        public string CandidateName => "POST /api/auth/login";
        public string BaselineName => "GET /health/live";
        public int Concurrency => 1;
        public Func<HttpClient, Task<HttpResponseMessage>> Candidate => http =>
            http.PostAsync("/api/auth/login", new StringContent(
                $"{{\"userName\":\"canbo.stc\",\"password\":\"{Environment.GetEnvironmentVariable("BENCH_DEMO_PASSWORD")}\"}}",
                System.Text.Encoding.UTF8, "application/json"));
        public Func<HttpClient, Task<HttpResponseMessage>> Baseline => http => http.GetAsync("/health/live");
    }

    internal sealed record Measurement(double PerSecond, double P50Ms, double P95Ms, int Errors)
    {
        public static Measurement Median(List<Measurement> rounds)
        {
            static double Mid(IEnumerable<double> values) { var v = values.Order().ToList(); return v[v.Count / 2]; }
            return new(Mid(rounds.Select(m => m.PerSecond)), Mid(rounds.Select(m => m.P50Ms)), Mid(rounds.Select(m => m.P95Ms)), rounds.Sum(m => m.Errors));
        }
    }

    internal static class Load
    {
        /// <summary>Closed loop: <paramref name="concurrency"/> workers send requests back to back for a fixed time.</summary>
        public static async Task<Measurement> RunAsync(HttpClient http, Func<HttpClient, Task<HttpResponseMessage>> request, int concurrency, double seconds)
        {
            var latencies = new List<double>[concurrency];
            var errors = 0;
            var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
            {
                var mine = latencies[worker] = [];
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    var begin = Stopwatch.GetTimestamp();
                    using var response = await request(http);
                    await response.Content.ReadAsByteArrayAsync();
                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                        Interlocked.Increment(ref errors);
                }
            }));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var all = latencies.SelectMany(l => l).Order().ToList();
            return new Measurement(all.Count / elapsed, all[all.Count / 2], all[(int)(all.Count * 0.95)], errors);
        }
    }
}
