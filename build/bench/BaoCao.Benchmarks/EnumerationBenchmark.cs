using System.Diagnostics;
using System.Text;

namespace BaoCao.Benchmarks;

/// <summary>
/// Account enumeration by timing (issue 11, item 4): a sign-in with an unknown user name against one with a known user
/// and a wrong password, one at a time, alternating. Both get the same 401 body; an unknown name is checked against a
/// decoy hash so that it costs what a wrong password costs. Each known account gets at most four wrong passwords, so
/// lockout (after five) never changes what is measured.
/// </summary>
internal static class EnumerationBenchmark
{
    private static readonly string[] Departments = ["stc", "sct", "syt", "sxd", "stp", "snv", "snnmt", "skhcn", "svhttdl", "ttt"];

    public static async Task<string[]> RunAsync(HttpClient http)
    {
        var unknown = new List<double>();
        var wrong = new List<double>();
        var accounts = Departments.SelectMany(d => new[] { $"canbo.{d}", $"lanhdao.{d}" }).ToList();
        var unexpected = 0;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            foreach (var account in accounts)
            {
                unknown.Add(await TimeAsync(http, $"khong.ton.tai.{Guid.NewGuid():N}"[..30], () => unexpected++));
                wrong.Add(await TimeAsync(http, account, () => unexpected++));
            }
        }
        var (u, w) = (BenchHttp.Percentile(unknown, 0.5), BenchHttp.Percentile(wrong, 0.5));
        return ["sign-in timing", $"unknown user ({unknown.Count} tries, p95 {BenchHttp.Percentile(unknown, 0.95):F0} ms)", $"{1000 / u:F1}", $"{u:F1}",
            $"{BenchHttp.Percentile(unknown, 0.95):F1}", $"{unexpected}", $"known user, wrong password ({wrong.Count} tries)", $"{1000 / w:F1}", $"{w:F1}",
            $"{BenchHttp.Percentile(wrong, 0.95):F1}", $"{u / w:F2}", "0.8–1.25 (no timing oracle)"];
    }

    private static async Task<double> TimeAsync(HttpClient http, string userName, Action unexpected)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("/api/auth/login", new StringContent(
            $"{{\"userName\":\"{userName}\",\"password\":\"sai-mat-khau-{Guid.NewGuid():N}\"}}", Encoding.UTF8, "application/json"));
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if ((int)response.StatusCode != 401)
            unexpected();
        return elapsed;
    }
}
