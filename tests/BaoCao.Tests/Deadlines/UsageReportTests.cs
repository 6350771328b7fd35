using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

/// <summary>The half-yearly system-usage report (Đ18.1): sign-ins, values entered and submissions per unit.</summary>
public sealed class UsageReportTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_half_year_counts_each_units_sign_ins_entries_and_submissions(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        async Task<Dictionary<string, JsonElement>> UnitsAsync() => (await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/usage/2026S2"))
            .GetProperty("figures").GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);
        var generated = await (await admin.PostAsync("/api/deadlines/usage/2026S2/generate", null)).Content.ReadFromJsonAsync<JsonElement>();
        var before = await UnitsAsync(); // the demo's entered values count too
        var officer = await app.SignedInAsAsync("canbo.stc");
        var saved = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610",
            values = new[] { new { indicator = "THU_XNK", value = 210m }, new { indicator = "THU_DAT", value = 340m } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);
        await Eventually.TrueAsync(async () => (await admin.GetFromJsonAsync<JsonElement[]>("/api/workflow/audit?subject=BM-TC-THANG/STC/202610"))!
            .Any(e => e.GetProperty("kind").GetString()!.StartsWith("value.", StringComparison.Ordinal)), "the outbox delivered the sign-ins and the saved values");

        var again = await (await admin.PostAsync("/api/deadlines/usage/2026S2/generate", null)).Content.ReadFromJsonAsync<JsonElement>();
        var regenerated = await (await admin.PostAsync("/api/deadlines/usage/2026S2/generate?regenerate=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        var units = await UnitsAsync();
        var month = await admin.PostAsync("/api/deadlines/usage/202610/generate", null);
        var export = await admin.GetAsync("/api/deadlines/usage/2026S2/export");

        int Grew(string field) => units["STC"].GetProperty(field).GetInt32() - before["STC"].GetProperty(field).GetInt32();
        Assert.True(generated.GetProperty("generatedNow").GetBoolean());
        Assert.False(again.GetProperty("generatedNow").GetBoolean());
        Assert.Equal(2, regenerated.GetProperty("generation").GetInt32());
        Assert.True(Grew("signIns") >= 1, "the officer's sign-in counts");
        Assert.Equal(2, Grew("entries"));
        Assert.Equal(1, Grew("submissions"));
        Assert.Equal((0, 0), (units["STP"].GetProperty("entries").GetInt32(), units["STP"].GetProperty("submissions").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, month.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/deadlines/usage/2026S2")).StatusCode);
    }
}
