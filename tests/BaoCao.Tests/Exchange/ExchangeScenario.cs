using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Exchange;

/// <summary>What the exchange tests share: the finance department's October form (BM-TC-THANG, STC, 202610) as approved
/// data, and reading one of its cells back.</summary>
internal static class ExchangeScenario
{
    public const string Form = "/api/forms/data?formCode=BM-TC-THANG&unitCode=STC&period=202610";

    /// <summary>The officer sets THU_XNK (when given), submits; the leader approves.</summary>
    public static async Task ApproveOctoberAsync(HttpClient officer, HttpClient leader, decimal? revenue = null)
    {
        if (revenue is { } value)
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610",
                values = new[] { new { indicator = "THU_XNK", value } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null)).StatusCode);
    }

    /// <summary>The working copy's "current" value of an indicator, as the officer sees it (null when empty).</summary>
    public static async Task<decimal?> CellAsync(HttpClient officer, string indicator) =>
        (await officer.GetFromJsonAsync<JsonElement>(Form)).GetProperty("values").EnumerateArray()
            .Where(v => v.GetProperty("indicator").GetString() == indicator && v.GetProperty("column").GetString() == "current")
            .Select(v => v.GetProperty("number").ValueKind == JsonValueKind.Number ? v.GetProperty("number").GetDecimal() : (decimal?)null).FirstOrDefault();
}
