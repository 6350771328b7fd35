using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Jobs;
using BaoCao.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Exchange;

/// <summary>Outbound push between two BaoCao instances: approved data leaves on its own for a configured destination that
/// takes it with an API token; an unreachable destination is retried with a doubling wait; a packet delivered again after
/// a crash is not applied twice (the receiver answers 409); a refused packet waits for an administrator to send it again.</summary>
public sealed class PushPacketsTests
{
    private const string ReceiverHost = "nhan.test";

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Approved_data_is_pushed_signed_retried_with_backoff_and_never_applied_twice(DatabaseKind database)
    {
        await using var receiving = await BaoCaoApp.StartAsync(database);
        var receivingAdmin = await receiving.SignedInAsAsync("admin");
        var issued = await (await receivingAdmin.PostAsJsonAsync("/api/accounts/tokens", new { name = "Hệ thống báo cáo tỉnh gửi", unitCode = "STC", permissions = new[] { "data.enter" }, expiresAt = "2027-06-30T00:00:00+07:00" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await using var sending = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?>
        {
            ["Exchange:Destinations:0:Code"] = "NHAN",
            ["Exchange:Destinations:0:Url"] = $"http://{ReceiverHost}/api/exchange/packets",
            ["Exchange:Destinations:0:Token"] = issued.GetProperty("token").GetString(),
            ["Exchange:Destinations:0:Types:0"] = "report-data",
            ["Exchange:Destinations:0:Types:1"] = "outline-submission",
            ["Exchange:Destinations:1:Code"] = "HONG",
            ["Exchange:Destinations:1:Url"] = "http://127.0.0.1:9/api/exchange/packets", // nothing listens there
            ["Exchange:Destinations:1:Types:0"] = "report-data",
        }, services => services.AddHttpClient("exchange").ConfigurePrimaryHttpMessageHandler(() => new ToReceiver(receiving)));
        var keys = await sending.CreateClient().GetFromJsonAsync<JsonElement>("/api/exchange/keys");
        Assert.Equal(HttpStatusCode.OK, (await receivingAdmin.PutAsJsonAsync("/api/exchange/partners/UBND-NB", new { name = "UBND tỉnh (hệ thống gửi)", keys })).StatusCode);
        var officer = await sending.SignedInAsAsync("canbo.stc");
        var leader = await sending.SignedInAsAsync("lanhdao.stc");
        var sendingAdmin = await sending.SignedInAsAsync("admin");
        var receivingOfficer = await receiving.SignedInAsAsync("canbo.stc");
        async Task<JsonElement[]> OutboxAsync(string? state = null) =>
            (await sendingAdmin.GetFromJsonAsync<JsonElement>($"/api/exchange/outbox{(state is null ? "" : $"?state={state}")}")).GetProperty("packets").EnumerateArray().ToArray();
        JsonElement To(JsonElement[] packets, string destination, string type = "report-data") =>
            packets.Single(p => p.GetProperty("destination").GetString() == destination && p.GetProperty("type").GetString() == type);
        Task<int> RunJobAsync() => new PushPacketsJob(sending.Services).RunAsync(CancellationToken.None);

        await ExchangeScenario.ApproveOctoberAsync(officer, leader, 777);
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Length == 2, "the approval queues a packet for each destination taking report-data");
        var queued = await OutboxAsync();
        Assert.All(queued, p => Assert.Equal(("Pending", "BM-TC-THANG/STC/202610"), (p.GetProperty("state").GetString(), p.GetProperty("subject").GetString())));
        var before = await ExchangeScenario.CellAsync(receivingOfficer, "THU_XNK");

        var deliveredFirst = await RunJobAsync();
        var first = await OutboxAsync();
        var deliveredTooSoon = await RunJobAsync(); // the unreachable destination is not due yet
        var tooSoon = await OutboxAsync();
        sending.Clock.Advance(TimeSpan.FromSeconds(61));
        await RunJobAsync();
        var second = await OutboxAsync();

        Assert.NotEqual(777m, before);
        Assert.Equal(1, deliveredFirst);
        Assert.Equal(777m, await ExchangeScenario.CellAsync(receivingOfficer, "THU_XNK")); // into the receiving unit's working copy, under the token's unit
        Assert.Equal(("Delivered", 1, 200), (To(first, "NHAN").GetProperty("state").GetString(), To(first, "NHAN").GetProperty("attempts").GetInt32(), To(first, "NHAN").GetProperty("lastStatus").GetInt32()));
        var down = To(first, "HONG");
        Assert.Equal(("Pending", 1), (down.GetProperty("state").GetString(), down.GetProperty("attempts").GetInt32()));
        Assert.Contains("Không kết nối được", down.GetProperty("lastError").GetString());
        Assert.Equal(TimeSpan.FromMinutes(1), down.GetProperty("nextAttemptAt").GetDateTimeOffset() - down.GetProperty("lastAttemptAt").GetDateTimeOffset());
        Assert.Equal((0, 1), (deliveredTooSoon, To(tooSoon, "HONG").GetProperty("attempts").GetInt32()));
        var downAgain = To(second, "HONG");
        Assert.Equal(2, downAgain.GetProperty("attempts").GetInt32());
        Assert.Equal(TimeSpan.FromMinutes(2), downAgain.GetProperty("nextAttemptAt").GetDateTimeOffset() - downAgain.GetProperty("lastAttemptAt").GetDateTimeOffset());

        // A crash after the destination took the packet and before it was marked: the same packet goes again, the receiver
        // knows its id (409) and applies nothing; here it counts as delivered.
        var receivingLeader = await receiving.SignedInAsAsync("lanhdao.stc"); // the pushed data awaits approval there: returned, then changed
        Assert.Equal(HttpStatusCode.OK, (await receivingLeader.PostAsJsonAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/return", new { reason = "Kiểm tra lại." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await receivingOfficer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_XNK", value = 5 } } })).StatusCode);
        var packetId = To(first, "NHAN").GetProperty("packetId").GetString();
        await sending.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WorkflowDbContext>();
            var row = await db.OutboundPackets.SingleAsync(p => p.Destination == "NHAN");
            db.Entry(row).Property(p => p.State).CurrentValue = DeliveryState.Pending;
            await db.SaveChangesAsync();
        });
        await RunJobAsync();
        var resent = To(await OutboxAsync(), "NHAN");
        Assert.Equal(("Delivered", 409, packetId), (resent.GetProperty("state").GetString(), resent.GetProperty("lastStatus").GetInt32(), resent.GetProperty("packetId").GetString()));
        Assert.Equal(5m, await ExchangeScenario.CellAsync(receivingOfficer, "THU_XNK")); // not overwritten by the old packet

        // A report sent goes too; this destination does not take outline submissions (400): it waits for an administrator.
        var report = "/api/workflow/reports/BC-KTXH-THANG/STC/202610";
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{report}/narrative", new
        {
            sections = draft.GetProperty("narrative").EnumerateArray().Select(s => new { heading = s.GetProperty("heading").GetString(), html = "<p>Không có</p>" }).ToArray(),
            version = draft.GetProperty("version").GetInt64(),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{report}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"{report}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{report}/send", null)).StatusCode);
        var outline = To(await OutboxAsync(), "NHAN", "outline-submission");
        Assert.Equal(("Pending", "BC-KTXH-THANG/STC/202610"), (outline.GetProperty("state").GetString(), outline.GetProperty("subject").GetString()));
        await RunJobAsync();
        var refused = To(await OutboxAsync("Failed"), "NHAN", "outline-submission");
        Assert.Equal(400, refused.GetProperty("lastStatus").GetInt32());
        Assert.Contains("không nhận vào hệ thống", refused.GetProperty("lastError").GetString());
        var id = refused.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/exchange/outbox/{id}/send-again", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await sendingAdmin.PostAsync($"/api/exchange/outbox/{id}/send-again", null)).StatusCode);
        Assert.Equal("Pending", To(await OutboxAsync(), "NHAN", "outline-submission").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await sendingAdmin.PostAsync($"/api/exchange/outbox/{resent.GetProperty("id").GetGuid()}/send-again", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sendingAdmin.GetAsync("/api/exchange/outbox?state=7")).StatusCode);
    }

    /// <summary>The sending instance's HTTP client: the receiving instance answers for its host; every other address is
    /// reached for real (a closed port refuses the connection).</summary>
    private sealed class ToReceiver(BaoCaoApp receiving) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _receiver = new(receiving.Server.CreateHandler());
        private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (request.RequestUri!.Host == ReceiverHost ? _receiver : _network).SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            _receiver.Dispose();
            _network.Dispose();
            base.Dispose(disposing);
        }
    }
}
