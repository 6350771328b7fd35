using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Exchange;

/// <summary>Two BaoCao instances in one test: the first signs a report-data packet of approved values, the second — which
/// trusts the first's published keys — takes it into the unit's working copy; a tampered, replayed, expired or
/// untrusted-key packet is refused with its reason and logged.</summary>
public sealed class SignedPacketTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_signed_packet_goes_from_one_instance_to_another_and_altered_replayed_expired_or_foreign_packets_are_refused(DatabaseKind database)
    {
        await using var sending = await BaoCaoApp.StartAsync(database);
        await using var receiving = await BaoCaoApp.StartAsync(database);
        var officer = await sending.SignedInAsAsync("canbo.stc");
        var leader = await sending.SignedInAsAsync("lanhdao.stc");
        var sendingAdmin = await sending.SignedInAsAsync("admin");
        var receivingAdmin = await receiving.SignedInAsAsync("admin");
        var receivingOfficer = await receiving.SignedInAsAsync("canbo.stc");
        await ExchangeScenario.ApproveOctoberAsync(officer, leader, 777);
        async Task<string> PacketAsync() =>
            (await sendingAdmin.GetFromJsonAsync<JsonElement>("/api/exchange/packets/report-data?dataSet=BM-TC-THANG&period=202610&orgUnit=STC")).GetProperty("jws").GetString()!;
        async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient who, string packet)
        {
            using var response = await who.PostAsJsonAsync("/api/exchange/packets", new { packet });
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        static string Reason(JsonElement problem) => problem.GetRawText(); // detail and the field messages

        var packet = await PacketAsync();
        var untrusted = await SendAsync(receivingOfficer, packet); // before the receiver trusts the sender's keys
        var keys = await sending.CreateClient().GetFromJsonAsync<JsonElement>("/api/exchange/keys"); // published without sign-in
        var trust = await receivingAdmin.PutAsJsonAsync("/api/exchange/partners/UBND-NB", new { name = "UBND tỉnh (hệ thống gửi)", keys });
        var officerCannotTrust = await receivingOfficer.PutAsJsonAsync("/api/exchange/partners/KHAC", new { name = "Khác", keys });
        var parts = packet.Split('.');
        var altered = $"{parts[0]}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1])).Replace("\"777\"", "\"778\"")))}.{parts[2]}";
        Assert.NotEqual(packet, altered);
        var tampered = await SendAsync(receivingOfficer, altered);
        var noneAlgorithm = await SendAsync(receivingOfficer, $"{WebEncoders.Base64UrlEncode("{\"alg\":\"none\"}"u8.ToArray())}.{parts[1]}.{parts[2]}");
        var before = await ExchangeScenario.CellAsync(receivingOfficer, "THU_XNK");
        var accepted = await SendAsync(receivingOfficer, packet);
        var after = await ExchangeScenario.CellAsync(receivingOfficer, "THU_XNK");
        var replayed = await SendAsync(receivingOfficer, packet);

        Assert.Equal((HttpStatusCode.BadRequest, true), (untrusted.Status, Reason(untrusted.Body).Contains("không thuộc đối tác nào được tin cậy")));
        Assert.Equal(HttpStatusCode.OK, trust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerCannotTrust.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, true), (tampered.Status, Reason(tampered.Body).Contains("Chữ ký không hợp lệ")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (noneAlgorithm.Status, Reason(noneAlgorithm.Body).Contains("không được chấp nhận")));
        Assert.NotEqual(777m, before);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(("report-data", "UBND-NB"), (accepted.Body.GetProperty("type").GetString(), accepted.Body.GetProperty("sender").GetString()));
        Assert.Equal(1, accepted.Body.GetProperty("summary").GetProperty("importCount").GetProperty("updated").GetInt32());
        Assert.Equal(777m, after); // into the working copy of the receiving province's unit…
        var state = await receivingOfficer.GetFromJsonAsync<JsonElement>("/api/workflow/submissions?period=202610&unitCode=STC");
        Assert.DoesNotContain(state.EnumerateArray(), s => s.GetProperty("state").GetString() == "Approved"); // …not into approved data…
        var submitted = Assert.Single(accepted.Body.GetProperty("submissions").EnumerateArray()); // …but submitted for the leader's approval
        Assert.Equal(("BM-TC-THANG", "STC", "Submitted"), (submitted.GetProperty("dataSet").GetString(), submitted.GetProperty("orgUnit").GetString(), submitted.GetProperty("state").GetString()));
        var receivingLeader = await receiving.SignedInAsAsync("lanhdao.stc");
        Assert.Equal(HttpStatusCode.OK, (await receivingLeader.PostAsJsonAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/return", new { reason = "Đối chiếu lại với sổ kế toán." })).StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, true), (replayed.Status, Reason(replayed.Body).Contains("đã được nhận trước đó")));

        // A list-type packet names STC by its national administrative code on both sides; each row lands in its unit's working copy.
        foreach (var (instance, who) in new[] { (sending, sendingAdmin), (receiving, receivingAdmin) })
        {
            var unit = await who.GetFromJsonAsync<JsonElement>("/api/units/STC");
            Assert.Equal(HttpStatusCode.OK, (await who.PutAsJsonAsync("/api/units/STC", new { name = unit.GetProperty("name").GetString(), administrativeCode = "14308",
                version = unit.GetProperty("version").GetInt64() })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await receivingOfficer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_XNK", value = 1 } } })).StatusCode);
        var list = (await sendingAdmin.GetFromJsonAsync<JsonElement>("/api/exchange/packets/list-report-data?dataSet=BM-TC-THANG&period=202610&orgUnit=UBND-NB")).GetProperty("jws").GetString()!;
        Assert.Contains("\"orgUnit\":\"14308\"", Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(list.Split('.')[1])));
        var listAccepted = await SendAsync(receivingOfficer, list);
        Assert.Equal((HttpStatusCode.OK, "list-report-data"), (listAccepted.Status, listAccepted.Body.GetProperty("type").GetString()));
        Assert.Equal(1, listAccepted.Body.GetProperty("summary").GetProperty("importCount").GetProperty("updated").GetInt32());
        Assert.Equal(777m, await ExchangeScenario.CellAsync(receivingOfficer, "THU_XNK"));

        // A body that does not match its published schema is refused before anything is applied.
        string malformed;
        using (var signing = sending.Services.CreateScope())
            malformed = (await signing.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new BaoCao.Accounts.Contracts.SignPacket("report-data",
                "{\"dataSet\":\"BM-TC-THANG\",\"period\":\"202610\",\"orgUnit\":\"STC\",\"dataValues\":[{\"dataElement\":7}]}"))).Jws;
        var mismatch = await SendAsync(receivingOfficer, malformed);
        Assert.Equal((HttpStatusCode.BadRequest, true), (mismatch.Status, Reason(mismatch.Body).Contains("không khớp lược đồ")));

        // Rotation: the new key is published beside the old; a packet signed with it is refused until the receiver trusts it.
        var rotated = await (await sendingAdmin.PostAsync("/api/exchange/keys/rotate", null)).Content.ReadFromJsonAsync<JsonElement>();
        var signedWithNewKey = await SendAsync(receivingOfficer, await PacketAsync());
        Assert.Equal(2, rotated.GetProperty("keys").GetArrayLength());
        Assert.Equal((HttpStatusCode.BadRequest, true), (signedWithNewKey.Status, Reason(signedWithNewKey.Body).Contains("không thuộc đối tác nào được tin cậy")));
        Assert.Equal(HttpStatusCode.OK, (await receivingAdmin.PutAsJsonAsync("/api/exchange/partners/UBND-NB", new { name = "UBND tỉnh (hệ thống gửi)", keys = rotated })).StatusCode);

        // Expiry: a packet lives at most 7 days.
        var late = await PacketAsync();
        receiving.Clock.Advance(TimeSpan.FromDays(8));
        var expired = await SendAsync(await receiving.SignedInAsAsync("canbo.stc"), late);
        Assert.Equal((HttpStatusCode.BadRequest, true), (expired.Status, Reason(expired.Body).Contains("hết hạn")));

        using var scope = receiving.Services.CreateScope();
        var logged = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().SecurityLog.CountAsync(e => e.Event == SecurityEvent.PacketRefused);
        Assert.Equal(7, logged); // untrusted, tampered, "none", replayed, schema mismatch, new key, expired
    }
}
