using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.SharedKernel.Email;
using BaoCao.Web.Hosting;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Deadlines;

/// <summary>
/// The reminder ladder against a real SMTP server, with time travel. The test regime is monthly with its deadline on day
/// 31: August 2026's falls on Monday 31/08, a day off of the National Day holiday (29/08–02/09), so it moves to Thursday
/// 03/09 — and the ladder counts working days around the holiday.
/// </summary>
public sealed class ReminderTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static DateTimeOffset Morning(int month, int day) => new(2026, month, day, 7, 0, 0, Vietnam);

    /// <summary>A monthly regime of the Department of Finance due on day 31, with one form assigned since January.</summary>
    private static async Task CreateRegimeAsync(HttpClient admin)
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-NHAC-HAN", name = "Báo cáo thu ngân sách hằng tháng", content = "Thu ngân sách trên địa bàn.", kind = "Periodic", frequency = "Month",
            periodRule = "calendar", dueDay = 31, reportingUnits = new[] { "STC" }, receivingUnit = "VP-UBND", ownerUnit = "VP-UBND",
            sendingMethod = "Hệ thống thông tin báo cáo", outline = new[] { new { title = "I. Tình hình thu" } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/forms", new
        {
            code = "BM-NHAC-HAN", name = "Biểu thu ngân sách", regimeCode = "BC-NHAC-HAN", ownerUnit = "VP-UBND",
            layout = new { sections = new[] { new { title = "Phần I", rows = new[] { new { indicator = "THU_NSNN", required = true } } } }, columns = new[] { "current" } },
        })).StatusCode);
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-NHAC-HAN")).GetProperty("concurrencyVersion").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-NHAC-HAN/publish", new { effectiveFrom = "2026-01-01", version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-NHAC-HAN/assignments", new { units = new[] { "STC" }, from = "2026-01-01" })).StatusCode);
    }

    private static async Task<JsonElement> RunAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/deadlines/reminders/run", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement[]> LedgerAsync(HttpClient admin, string period = "202608") =>
        [.. (await admin.GetFromJsonAsync<JsonElement[]>($"/api/deadlines/reminders?period={period}"))!.Where(d => d.GetProperty("regimeCode").GetString() == "BC-NHAC-HAN")];

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_month_of_daily_runs_reminds_only_late_units_on_working_days_once_per_step(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(database, smtp.Settings, start: Morning(8, 19));
        var admin = await app.SignedInAsAsync("admin");
        await CreateRegimeAsync(admin);

        var mailDays = new Dictionary<DateOnly, int>();
        var offDays = new List<DateOnly>();
        for (var day = new DateOnly(2026, 8, 20); day <= new DateOnly(2026, 9, 20); day = day.AddDays(1))
        {
            app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), Vietnam));
            admin = await app.SignedInAsAsync("admin"); // a sign-in lasts a working day, not a month
            var before = smtp.Messages.Count;
            var outcome = await RunAsync(admin);
            if (outcome.GetProperty("note").GetString() is { } note)
            {
                Assert.Contains("ngày nghỉ", note);
                offDays.Add(day);
            }
            if (smtp.Messages.Count > before)
            {
                mailDays[day] = smtp.Messages.Count - before;
                // One digest per recipient per run, even when several regimes are owed.
                var recipients = smtp.Messages.Skip(before).Select(m => m.To.ToString()).ToList();
                Assert.Equal(recipients.Count, recipients.Distinct().Count());
            }
            Assert.Equal(smtp.Messages.Count - before, outcome.GetProperty("sent").GetInt32());
        }
        var ledger = await LedgerAsync(admin);
        var status = await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/status?regime=BC-NHAC-HAN&period=202608");

        // Due Thursday 03/09: three working days before is Wednesday 26/08 (Saturday 22/08 works, 29/08–02/09 are off).
        Assert.Equal("2026-09-03", status!.Single().GetProperty("dueDate").GetString());
        Assert.Equal((1, 0, 1), (status![0].GetProperty("expected").GetInt32(), status[0].GetProperty("submitted").GetInt32(), status[0].GetProperty("missing").GetInt32()));
        var steps = ledger.Select(d => (Step: d.GetProperty("step").GetInt32(), Day: DateOnly.FromDateTime(d.GetProperty("createdAt").GetDateTimeOffset().ToOffset(Vietnam).DateTime),
            Recipient: d.GetProperty("recipient").GetString())).OrderBy(s => s.Day).ThenBy(s => s.Recipient).ToList();
        Assert.Equal([(-3, new DateOnly(2026, 8, 26), "stc@ninhbinh.gov.vn"), (0, new DateOnly(2026, 9, 3), "stc@ninhbinh.gov.vn"),
            (1, new DateOnly(2026, 9, 4), "stc@ninhbinh.gov.vn"), (3, new DateOnly(2026, 9, 8), "lanhdao.stc@ninhbinh.gov.vn"), (3, new DateOnly(2026, 9, 8), "stc@ninhbinh.gov.vn")], steps);
        Assert.All(ledger, d => Assert.Equal("Sent", d.GetProperty("status").GetString()));
        Assert.Contains(new DateOnly(2026, 8, 31), offDays);
        Assert.Contains(new DateOnly(2026, 9, 2), offDays);
        Assert.DoesNotContain(new DateOnly(2026, 8, 22), offDays); // the swapped working Saturday
        Assert.All(mailDays.Keys, day => Assert.DoesNotContain(day, offDays));
        var digest = smtp.Messages.First(m => m.To.ToString() == "stc@ninhbinh.gov.vn" && m.TextBody!.Contains("Báo cáo thu ngân sách hằng tháng"));
        Assert.StartsWith("[BaoCao] Nhắc hạn gửi báo cáo", digest.Subject);
        Assert.Contains("Kính gửi Sở Tài chính", digest.TextBody);
    }

    [Fact]
    public async Task An_ad_hoc_report_that_is_only_an_outline_is_owed_by_every_reporting_unit()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, start: Morning(12, 7));
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-BAO-SO-3", name = "Báo cáo nhanh thiệt hại do bão số 3", content = "Thiệt hại về người, nhà ở.", kind = "AdHoc",
            explicitDueDate = "2026-12-04", roundStart = "2026-11-20", roundEnd = "2026-11-30", reportingUnits = new[] { "STC", "SCT" },
            receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo", outline = new[] { new { title = "I. Thiệt hại về người" } },
        })).StatusCode);

        var preview = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/reminders/preview?date=2026-12-07");

        // No form is assigned to anyone for it: the reporting units owe the narrative report itself. Nothing was sent yet,
        // so the run would also make up the earlier steps; +1 is Monday after Friday's due date.
        var owed = preview.GetProperty("reminders").EnumerateArray().Where(r => r.GetProperty("regimeCode").GetString() == "BC-BAO-SO-3")
            .Select(r => (Unit: r.GetProperty("unitCode").GetString(), Step: r.GetProperty("step").GetInt32())).ToList();
        Assert.Equal(["SCT", "STC"], owed.Select(o => o.Unit).Distinct().Order());
        Assert.Equal(["SCT", "STC"], owed.Where(o => o.Step == 1).Select(o => o.Unit).Distinct().Order());
    }

    [Fact]
    public async Task A_unit_that_sent_its_report_is_not_reminded_and_a_second_run_sends_nothing_again()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, smtp.Settings, start: Morning(9, 3));
        var admin = await app.SignedInAsAsync("admin");
        await CreateRegimeAsync(admin);

        var preview = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/reminders/preview?date=2026-09-03");
        var first = await RunAsync(admin);
        var again = await RunAsync(admin);
        var mails = smtp.Messages.Count;
        var previewAfter = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/reminders/preview?date=2026-09-03");
        var officer = await app.SignedInAsAsync("canbo.stc");

        Assert.Contains(preview.GetProperty("reminders").EnumerateArray(), r => r.GetProperty("regimeCode").GetString() == "BC-NHAC-HAN" && r.GetProperty("step").GetInt32() == 0
            && !r.GetProperty("alreadyInLedger").GetBoolean());
        Assert.True(first.GetProperty("sent").GetInt32() > 0);
        Assert.Equal(0, again.GetProperty("sent").GetInt32());
        Assert.Equal(preview.GetProperty("reminders").GetArrayLength(), again.GetProperty("skipped").GetInt32());
        Assert.All(previewAfter.GetProperty("reminders").EnumerateArray(), r => Assert.True(r.GetProperty("alreadyInLedger").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/deadlines/reminders/run", null)).StatusCode);

        // The Department of Finance sends August's report: the next step (04/09) reminds nobody about it.
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var report = "/api/workflow/reports/BC-NHAC-HAN/STC/202608";
        await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-NHAC-HAN", unitCode = "STC", period = "202608" });
        var version = (await officer.GetFromJsonAsync<JsonElement>(report)).GetProperty("version").GetInt64();
        await officer.PutAsJsonAsync($"{report}/narrative", new { sections = new[] { new { heading = "I. Tình hình thu", html = "<p>Đạt kế hoạch.</p>" } }, version });
        await Workflow.ReportTests.ApproveTableDataAsync(officer, leader, report, ("THU_NSNN", 1_250m));
        await officer.PostAsync($"{report}/submit", null);
        await leader.PostAsync($"{report}/approve", null);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{report}/send", null)).StatusCode);
        app.Clock.SetUtcNow(Morning(9, 4));
        admin = await app.SignedInAsAsync("admin");
        await RunAsync(admin);
        var status = await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/status?regime=BC-NHAC-HAN&period=202608");

        Assert.DoesNotContain(await LedgerAsync(admin), d => d.GetProperty("step").GetInt32() == 1);
        Assert.Equal((1, 1, 0, 0), (status![0].GetProperty("submitted").GetInt32(), status[0].GetProperty("onTime").GetInt32(),
            status[0].GetProperty("late").GetInt32(), status[0].GetProperty("missing").GetInt32()));
        Assert.True(smtp.Messages.Count >= mails);
    }

    [Fact]
    public async Task Three_steps_missed_during_downtime_are_caught_up_in_one_digest_each_step_once()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, smtp.Settings, start: Morning(8, 25)); // the day before the first step
        var admin = await app.SignedInAsAsync("admin");
        await CreateRegimeAsync(admin);

        await RunAsync(admin);
        Assert.Empty(await LedgerAsync(admin));
        app.Clock.SetUtcNow(Morning(9, 4)); // down from 26/08 to 03/09: the steps of 26/08, 03/09 and today are due
        admin = await app.SignedInAsAsync("admin");
        var before = smtp.Messages.Count;
        await RunAsync(admin);
        await RunAsync(admin);
        var ledger = await LedgerAsync(admin);

        Assert.Equal([-3, 0, 1], ledger.Select(d => d.GetProperty("step").GetInt32()).Order());
        Assert.Single(ledger.Select(d => d.GetProperty("digestId").GetString()).Distinct());
        var digest = smtp.Messages.Skip(before).Single(m => m.To.ToString() == "stc@ninhbinh.gov.vn" && m.TextBody!.Contains("Báo cáo thu ngân sách hằng tháng"));
        Assert.Equal(1, digest.TextBody!.Split('\n').Count(l => l.Contains("Báo cáo thu ngân sách hằng tháng — Sở Tài chính — kỳ 202608")));
        Assert.Contains("đã quá hạn (03/09/2026)", digest.TextBody);
    }

    /// <summary>Sends through the real sender, then fails as if the process died right after the server took the message.</summary>
    private sealed class DiesAfterSending(IEmailSender inner, int failOnCall) : IEmailSender
    {
        private int _calls;

        public async Task<EmailOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            var outcome = await inner.SendAsync(message, cancellationToken);
            if (Interlocked.Increment(ref _calls) == failOnCall)
                throw new IOException("The process stopped before it could record the delivery.");
            return outcome;
        }
    }

    /// <summary>Sends, and on one call then hangs until the process is stopped: a worker killed in the middle of a batch.</summary>
    private sealed class HangsAfterSending(IEmailSender inner, int hangOnCall) : IEmailSender
    {
        private int _calls;

        public async Task<EmailOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            var outcome = await inner.SendAsync(message, cancellationToken);
            if (Interlocked.Increment(ref _calls) == hangOnCall)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            return outcome;
        }
    }

    [Fact]
    public async Task A_worker_killed_mid_batch_leaves_the_rest_to_the_next_run_and_sends_nothing_twice()
    {
        await using var smtp = new SmtpTestServer();
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var recipients = 0;
        await using (var doomed = BaoCaoApp.StartOn(database, smtp.Settings, Morning(9, 8), Wrap(inner => new HangsAfterSending(inner, hangOnCall: 2))))
        {
            var admin = await doomed.SignedInAsAsync("admin");
            await CreateRegimeAsync(admin);
            recipients = (await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/reminders/preview?date=2026-09-08")).GetProperty("reminders").EnumerateArray()
                .Select(r => r.GetProperty("recipient").GetString()).Distinct().Count();
            using var kill = new CancellationTokenSource();
            var run = admin.PostAsync("/api/deadlines/reminders/run", null, kill.Token);
            await Eventually.TrueAsync(async () => smtp.Messages.Count == 2, "the second digest reaches the server");
            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        Assert.True(recipients > 2, $"{recipients} recipients: the batch must outlive the kill");

        await using var restarted = BaoCaoApp.StartOn(database, smtp.Settings, Morning(9, 8).AddMinutes(15));
        var again = await restarted.SignedInAsAsync("admin");
        var outcome = await RunAsync(again);
        var digests = (await again.GetFromJsonAsync<JsonElement[]>("/api/deadlines/reminders?period=202608"))!
            .Concat((await again.GetFromJsonAsync<JsonElement[]>("/api/deadlines/reminders?period=202607"))!)
            .GroupBy(d => d.GetProperty("digestId").GetString()).Select(g => g.First().GetProperty("status").GetString()).ToList();

        Assert.Equal(recipients, smtp.Messages.Count); // every recipient once: the two before the kill, the rest after the restart
        Assert.Equal(smtp.Messages.Count, smtp.Messages.Select(m => m.To.ToString()).Distinct().Count());
        Assert.Equal(recipients - 2, outcome.GetProperty("sent").GetInt32());
        Assert.Contains("Unknown", digests); // the one in flight at the kill: not sent again by itself
    }

    /// <summary>Refuses the first messages as an unreachable server would, then delivers.</summary>
    private sealed class RefusesAtFirst(IEmailSender inner, int refusals) : IEmailSender
    {
        private int _calls;

        public Task<EmailOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= refusals
                ? Task.FromResult(new EmailOutcome(EmailDelivery.Failed, "Không kết nối được máy chủ thư (thử nghiệm)."))
                : inner.SendAsync(message, cancellationToken);
    }

    private static Action<IServiceCollection> Wrap(Func<IEmailSender, IEmailSender> wrap) => services =>
    {
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton(provider => wrap(provider.GetRequiredService<SmtpEmailSender>()));
    };

    [Fact]
    public async Task A_failure_after_the_server_took_the_message_never_sends_a_second_copy()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, smtp.Settings, Wrap(inner => new DiesAfterSending(inner, failOnCall: 1)), Morning(9, 3));
        var admin = await app.SignedInAsAsync("admin");
        await CreateRegimeAsync(admin);

        var first = await RunAsync(admin);
        var delivered = smtp.Messages.Count;
        app.Clock.Advance(TimeSpan.FromMinutes(11)); // past the claim lease
        var retry = await RunAsync(admin);
        var digests = (await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/reminders?period=202608"))!
            .GroupBy(d => d.GetProperty("digestId").GetString()).Select(g => g.First()).ToList();

        Assert.Equal(1, first.GetProperty("failed").GetInt32());
        Assert.Equal(delivered, smtp.Messages.Count); // the unknown one was not sent again
        Assert.Equal(0, retry.GetProperty("sent").GetInt32());
        Assert.Single(digests, d => d.GetProperty("status").GetString() == "Unknown");
        Assert.Equal(smtp.Messages.Select(m => m.To.ToString()).Distinct().Count(), smtp.Messages.Count);
    }

    [Fact]
    public async Task A_refused_send_is_retried_with_backoff_and_shown_in_the_log()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, smtp.Settings, Wrap(inner => new RefusesAtFirst(inner, refusals: 1)), Morning(9, 3));
        var admin = await app.SignedInAsAsync("admin");
        await CreateRegimeAsync(admin);

        var first = await RunAsync(admin);
        var failed = (await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/reminders?period=202608"))!.First(d => d.GetProperty("status").GetString() == "Failed");
        var tooSoon = await RunAsync(admin); // backoff: one minute
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await RunAsync(admin);
        var after = (await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/reminders?period=202608"))!
            .First(d => d.GetProperty("digestId").GetString() == failed.GetProperty("digestId").GetString());

        Assert.Equal(1, first.GetProperty("failed").GetInt32());
        Assert.Equal("Không kết nối được máy chủ thư (thử nghiệm).", failed.GetProperty("error").GetString());
        Assert.Equal(0, tooSoon.GetProperty("sent").GetInt32());
        Assert.Equal(1, later.GetProperty("sent").GetInt32());
        Assert.Equal(("Sent", 2), (after.GetProperty("status").GetString(), after.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task Without_an_smtp_server_deliveries_are_recorded_as_not_sent_with_the_reason()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, start: Morning(9, 3));
        var admin = await app.SignedInAsAsync("admin");
        await CreateRegimeAsync(admin);

        var outcome = await RunAsync(admin);
        var ledger = await LedgerAsync(admin);

        Assert.Equal(0, outcome.GetProperty("sent").GetInt32());
        Assert.All(ledger, d => Assert.Equal("NotConfigured", d.GetProperty("status").GetString()));
        Assert.Contains("Smtp:Host", ledger[0].GetProperty("error").GetString());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_runs_at_the_same_moment_send_each_reminder_once(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(database, smtp.Settings, start: Morning(9, 8));
        var admin = await app.SignedInAsAsync("admin");
        await CreateRegimeAsync(admin);
        // On PostgreSQL a second server shares the database; on SQLite (one node per file) two runs race in one server.
        await using var second = database == DatabaseKind.PostgreSql ? BaoCaoApp.StartOn(app.Database, smtp.Settings, Morning(9, 8)) : null;
        var otherAdmin = second is null ? admin : await second.SignedInAsAsync("admin");

        var outcomes = await Task.WhenAll(RunAsync(admin), RunAsync(otherAdmin), RunAsync(admin));
        var ledger = (await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/reminders?period=202608"))!;

        Assert.Equal(ledger.Select(d => d.GetProperty("digestId").GetString()).Distinct().Count(), smtp.Messages.Count);
        Assert.Equal(outcomes.Sum(o => o.GetProperty("sent").GetInt32()), smtp.Messages.Count);
        Assert.Equal(ledger.Length, ledger.Select(d => (d.GetProperty("step").GetInt32(), d.GetProperty("regimeCode").GetString(), d.GetProperty("unitCode").GetString(),
            d.GetProperty("recipient").GetString())).Distinct().Count());
        Assert.All(ledger, d => Assert.Equal("Sent", d.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Administrators_edit_the_template_and_the_ladder_and_see_the_reminder_page()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var officer = await app.SignedInAsAsync("canbo.stc");

        var template = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/reminders/template");
        var withoutList = await admin.PutAsJsonAsync("/api/deadlines/reminders/template", new { subject = "Nhắc hạn", body = "Kính gửi {NguoiNhan}", version = template.GetProperty("version").GetInt64() });
        var saved = await admin.PutAsJsonAsync("/api/deadlines/reminders/template", new { subject = "Nhắc hạn báo cáo ({SoBaoCao})", body = "Kính gửi {NguoiNhan},\n{DanhSach}", version = template.GetProperty("version").GetInt64() });
        var stale = await admin.PutAsJsonAsync("/api/deadlines/reminders/template", new { subject = "X", body = "{DanhSach}", version = template.GetProperty("version").GetInt64() });
        var ladder = await admin.PutAsJsonAsync("/api/deadlines/reminders/ladders/BC-KTXH-THANG", new { steps = new[] { new { offset = 2, copyLeader = true }, new { offset = -5, copyLeader = false } } });
        var badLadder = await admin.PutAsJsonAsync("/api/deadlines/reminders/ladders/BC-KTXH-THANG", new { steps = new[] { new { offset = 40, copyLeader = false } } });
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/thoi-han/nhac-han"));
        var officerPage = WebUtility.HtmlDecode(await officer.GetStringAsync("/thoi-han/nhac-han"));

        Assert.Contains("{DanhSach}", template.GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutList.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal([-5, 2], (await ladder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("offset").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, badLadder.StatusCode);
        Assert.Contains("Chạy nhắc hạn hôm nay", page);
        Assert.Equal("Nhắc hạn báo cáo ({SoBaoCao})", (await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/reminders/template")).GetProperty("subject").GetString());
        Assert.Contains("Tài khoản của bạn không có quyền", officerPage);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/deadlines/reminders?period=202610")).StatusCode);
    }
}
