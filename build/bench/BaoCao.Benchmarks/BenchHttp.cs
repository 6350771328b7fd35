using System.Globalization;
using System.Net.Http.Json;

namespace BaoCao.Benchmarks;

/// <summary>What the benchmarks share: a signed-in client, percentiles, the server's resident memory.</summary>
internal static class BenchHttp
{
    public static async Task<HttpClient> SignInAsync(string baseUrl, string userName, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(30) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public static double Percentile(IReadOnlyCollection<double> values, double quantile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList(); // nearest rank
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The server's resident set in MB (<c>BENCH_APP_PID</c>, set by run.sh), 0 when unknown.</summary>
    public static double RssMegabytes()
    {
        var pid = int.Parse(Environment.GetEnvironmentVariable("BENCH_APP_PID") ?? "0", CultureInfo.InvariantCulture);
        if (pid == 0 || !File.Exists($"/proc/{pid}/status"))
            return 0;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
