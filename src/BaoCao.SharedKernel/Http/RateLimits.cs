namespace BaoCao.SharedKernel.Http;

/// <summary>Named rate-limit policies that endpoints opt into (<c>RequireRateLimiting</c>); the host answers a refusal
/// with a Vietnamese 429 ProblemDetails.</summary>
public static class RateLimits
{
    /// <summary>Endpoints other systems push data into: per caller (account or API token, else address), per minute,
    /// <c>Exchange:InboundPerMinute</c> (default 60).</summary>
    public const string ExchangeInbound = "exchange-inbound";

    /// <summary>File uploads (.xlsx, attachments): at most 2 at once per account or token (a third is refused with 429),
    /// so no one person can hold the server's memory with parallel uploads.</summary>
    public const string Uploads = "uploads";
}
