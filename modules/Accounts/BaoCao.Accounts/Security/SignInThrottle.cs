using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Accounts.Security;

/// <summary>
/// Failed sign-ins per account and client address, on this node. After five failures from one address for one account,
/// that address waits 2, 4, 8… seconds (at most 15 minutes) between attempts, which are otherwise not even looked at. The
/// account's lock (5 failures, 15 minutes, from any addresses) refuses every address except the owner's familiar ones — a
/// sign-in succeeded from there in the last 90 days — that have not failed for it themselves: guessing from many addresses
/// is stopped after five, and whoever guesses cannot lock the owner out of their usual workplace. Answers do not change:
/// every refusal is the same 401; the security log says which it was.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock)
{
    private const int FreeFailures = 5;
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    private sealed record Failures(int Count, DateTimeOffset Last);

    private readonly ConcurrentDictionary<(string User, string Address), Failures> _failures = new();

    /// <summary>How long this address must still wait before trying this account again; zero when it may try now.</summary>
    public TimeSpan WaitFor(string user, string? address)
    {
        if (!_failures.TryGetValue((user, address ?? ""), out var failures) || failures.Count < FreeFailures)
            return TimeSpan.Zero;
        var delay = TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, Math.Pow(2, failures.Count - FreeFailures + 1)));
        var wait = failures.Last + delay - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Whether this address failed for this account within the lockout window (the account's lock applies to it).</summary>
    public bool HasFailed(string user, string? address, TimeSpan window) =>
        _failures.TryGetValue((user, address ?? ""), out var failures) && clock.GetUtcNow() - failures.Last < window;

    public void Failed(string user, string? address)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > 100_000)
        {
            foreach (var (key, old) in _failures)
            {
                if (now - old.Last > Remembered)
                    _failures.TryRemove(key, out _);
            }
        }
        _failures.AddOrUpdate((user, address ?? ""), _ => new Failures(1, now),
            (_, old) => new Failures(now - old.Last > Remembered ? 1 : old.Count + 1, now));
    }

    public void Succeeded(string user, string? address) => _failures.TryRemove((user, address ?? ""), out _);

    /// <summary>
    /// ASP.NET Core rate limiting on the sign-in endpoints (<c>/api/auth/*</c> and the sign-in page's posts): per client
    /// address, <c>Accounts:SignInPerMinutePerAddress</c> (60) a minute — an office behind one NAT address shares it —, and
    /// for the whole node at most two sign-ins per core hashing at once (the rest queue), so a flood of guesses cannot
    /// take the processor from everyone else. A refusal is a Vietnamese 429 with Retry-After.
    /// </summary>
    public static void AddLimits(IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Accounts:SignInPerMinutePerAddress", 60);
        var concurrent = Math.Max(2, Environment.ProcessorCount * 2);
        services.Configure<RateLimiterOptions>(options =>
        {
            var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter($"sign-in:{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            var node = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
                ? RateLimitPartition.GetConcurrencyLimiter("sign-in", _ => new ConcurrencyLimiterOptions { PermitLimit = concurrent, QueueLimit = 500 })
                : RateLimitPartition.GetNoLimiter(""));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perAddress, node);
        });
    }

    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.StartsWithSegments("/api/auth") || request.Path.StartsWithSegments("/dang-nhap"));
}
