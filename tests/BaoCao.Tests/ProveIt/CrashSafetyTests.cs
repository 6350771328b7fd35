using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// The server is killed with SIGKILL at a random moment while officers save a 500-cell form, import 2,000 values over
/// four periods, submit, approve and reopen, or while the reminder ladder is sending; then it is started again. After each
/// kill: SQLite's integrity_check is ok; a save or an import is there whole or not at all, and never older than the last
/// one acknowledged; the submission's state is the last acknowledged action's or the one in flight, with exactly one
/// audit line per action taken; approved values equal the working copy and reach the dashboard (the projector catches up
/// from its checkpoint); the reminder ledger is completed by the next run and no unit gets the same reminder twice.
/// After all runs the audit chain verifies. CI runs a few kills per database; <c>build/crash-drill.sh</c> runs 200 on
/// SQLite and 50 on PostgreSQL (BAOCAO_CRASH_RUNS_SQLITE / _POSTGRES, BAOCAO_CRASH_SEED to replay one sequence).
/// </summary>
public sealed class CrashSafetyTests
{
    private const string Form = "BM-CRASH";
    private const int Indicators = 250; // × 2 columns = 500 cells
    private const string SavePeriod = "202001";
    private static readonly string[] ImportPeriods = ["202002", "202003", "202004", "202005"];

    private enum Scenario { Save, Import, Workflow, Reminders }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Killing_the_server_at_random_points_loses_no_acknowledged_write_and_leaves_no_half_state(DatabaseKind database)
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable(database == DatabaseKind.Sqlite ? "BAOCAO_CRASH_RUNS_SQLITE" : "BAOCAO_CRASH_RUNS_POSTGRES"), out var wanted)
            ? wanted : database == DatabaseKind.Sqlite ? 8 : 4;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("BAOCAO_CRASH_SEED"), out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        await using var smtp = new SmtpTestServer();
        await using var testDatabase = await TestDatabase.CreateAsync(database);
        await using var server = new ServerProcess(testDatabase, smtp.Settings);
        var watch = Stopwatch.StartNew();
        await server.StartAsync();
        var users = await SignInAllAsync(server);
        await PrepareFormAsync(users.Admin);
        var (reminderDay, reminderWindow) = await CalibrateRemindersAsync(users.Admin, smtp, testDatabase);

        var marker = 1000;
        long? lastSaveAcknowledged = null, lastImportAcknowledged = null;
        var workflowRuns = 0;
        var inFlightAtKill = 0;
        int acknowledgedWrites = 0, acknowledgedActions = 0;
        var killedIn = new Dictionary<Scenario, int>();
        for (var run = 0; run < runs; run++)
        {
            var scenario = (Scenario)(run % 4);
            killedIn[scenario] = killedIn.GetValueOrDefault(scenario) + 1;
            var context = $"run {run + 1} ({scenario}), seed {seed}, log {server.LogFile}";
            using var stop = new CancellationTokenSource();
            var tracker = new Tracker();
            Task load;
            var delay = TimeSpan.FromMilliseconds(random.Next(20, 1200));
            var period = $"{2021 + workflowRuns / 12}{workflowRuns % 12 + 1:00}";
            switch (scenario)
            {
                case Scenario.Save:
                    load = Loop(tracker, stop.Token, m => users.Officer.PostAsJsonAsync("/api/forms/data", SaveBody(SavePeriod, m)), () => ++marker);
                    break;
                case Scenario.Import:
                    load = Loop(tracker, stop.Token, m => users.Officer.PostAsJsonAsync("/api/exchange/dataValueSets", ImportBody(m)), () => ++marker);
                    break;
                case Scenario.Workflow:
                    workflowRuns++;
                    delay = TimeSpan.FromMilliseconds(random.Next(20, 4000)); // a cycle is four requests: let kills reach its later steps
                    load = WorkflowLoop(users, period, tracker, stop.Token, () => ++marker);
                    break;
                default:
                    await ClearLedgerAsync(testDatabase);
                    tracker.Smtp = smtp.Messages.Count;
                    delay = TimeSpan.FromMilliseconds(random.Next(0, Math.Max(1, (int)(reminderWindow.TotalMilliseconds * 1.2))));
                    load = Loop(tracker, stop.Token, _ => users.Admin.PostAsync($"/api/deadlines/reminders/run?date={reminderDay:yyyy-MM-dd}", null), () => 1, once: true);
                    break;
            }
            await Task.Delay(delay);
            if (tracker.InFlight)
                inFlightAtKill++;
            await server.KillAsync();
            await stop.CancelAsync();
            await load;
            Assert.True(tracker.Unexpected is null, $"{context}: {tracker.Unexpected}");
            acknowledgedWrites += tracker.Writes;
            acknowledgedActions += tracker.Actions.Count(a => a != "save");

            if (testDatabase.SqliteFile is { } file)
                Assert.Equal("ok", await IntegrityCheckAsync(file));
            await server.StartAsync();
            users = await SignInAllAsync(server);
            switch (scenario)
            {
                case Scenario.Save:
                    lastSaveAcknowledged = tracker.Acknowledged ?? lastSaveAcknowledged;
                    await AssertWholeAsync(users.Officer, [SavePeriod], tracker, lastSaveAcknowledged, context);
                    break;
                case Scenario.Import:
                    lastImportAcknowledged = tracker.Acknowledged ?? lastImportAcknowledged;
                    await AssertWholeAsync(users.Officer, ImportPeriods, tracker, lastImportAcknowledged, context);
                    break;
                case Scenario.Workflow:
                    await AssertWorkflowAsync(users, period, tracker, context);
                    break;
                default:
                    await AssertRemindersCaughtUpAsync(users.Admin, smtp, reminderDay, tracker.Smtp, context);
                    break;
            }
        }

        var (audit, output) = await server.RunCommandAsync("verify-audit");
        Console.WriteLine($"Crash drill ({database}): {runs} kills ({string.Join(", ", killedIn.Select(k => $"{k.Value} {k.Key}"))}), " +
            $"{inFlightAtKill} with a request in flight, {acknowledgedWrites} writes and {acknowledgedActions} workflow actions acknowledged before them, seed {seed}, {watch.Elapsed.TotalSeconds:N0} s; verify-audit: {output.ReplaceLineEndings(" ").Trim()}");
        Assert.True(audit == 0, $"verify-audit after the kills: {output}");
        Assert.True(inFlightAtKill >= runs / 2, $"most kills should land while a request is in flight ({inFlightAtKill} of {runs})");
    }

    /// <summary>What one run's client sent and what the server acknowledged.</summary>
    private sealed class Tracker
    {
        public long? Sent;
        public long? Acknowledged;
        public bool InFlight;
        public int Smtp;
        public int Writes;
        public string? Unexpected;
        /// <summary>Workflow: the actions acknowledged in order, and the one in flight when the server died.</summary>
        public List<string> Actions { get; } = [];
        public string? ActionInFlight;
        public long? ApprovedMarker;
    }

    /// <summary>Sends requests one after another until the server dies; a refusal other than a dead server is recorded.</summary>
    private static Task Loop(Tracker tracker, CancellationToken stop, Func<long, Task<HttpResponseMessage>> send, Func<long> next, bool once = false) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var value = next();
            tracker.Sent = value;
            if (await SendAsync(tracker, () => send(value)) is not { } response)
                return;
            tracker.Acknowledged = value;
            tracker.Writes++;
            if (once)
                return;
        }
    });

    /// <summary>One request: null when the server died under it (the write may or may not have happened).</summary>
    private static async Task<HttpResponseMessage?> SendAsync(Tracker tracker, Func<Task<HttpResponseMessage>> send)
    {
        tracker.InFlight = true;
        try
        {
            var response = await send();
            if (!response.IsSuccessStatusCode)
            {
                tracker.Unexpected ??= $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                return null;
            }
            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains("\"conflicts\":[{", StringComparison.Ordinal))
                tracker.Unexpected ??= $"a write was refused in part: {body[..Math.Min(300, body.Length)]}";
            return response;
        }
        catch (HttpRequestException) { return null; }
        catch (TaskCanceledException) { return null; }
        finally { tracker.InFlight = false; }
    }

    /// <summary>Save → submit → approve → reopen, again and again, each by the role that may.</summary>
    private static Task WorkflowLoop(Users users, string period, Tracker tracker, CancellationToken stop, Func<long> next) => Task.Run(async () =>
    {
        var path = $"/api/workflow/submissions/{Form}/STC/{period}";
        long current = 0;
        while (!stop.IsCancellationRequested)
        {
            current = next();
            var steps = new (string Action, HttpClient By, Func<HttpClient, Task<HttpResponseMessage>> Send)[]
            {
                ("save", users.Officer, c => c.PostAsJsonAsync("/api/forms/data", SaveBody(period, current))),
                ("submit", users.Officer, c => c.PostAsync($"{path}/submit", null)),
                ("approve", users.Leader, c => c.PostAsync($"{path}/approve", null)),
                ("reopen", users.Leader, c => c.PostAsJsonAsync($"{path}/reopen", new { reason = "Kiểm tra lại sau sự cố máy chủ." })),
            };
            foreach (var (action, by, send) in steps)
            {
                tracker.ActionInFlight = action;
                tracker.Sent = current;
                if (await SendAsync(tracker, () => send(by)) is null)
                    return;
                tracker.Actions.Add(action);
                tracker.ActionInFlight = null;
                if (action == "save")
                    (tracker.Acknowledged, tracker.Writes) = (current, tracker.Writes + 1);
                if (action == "approve")
                    tracker.ApprovedMarker = current;
            }
        }
    });

    /// <summary>Every cell of the periods holds the value of one and the same write, no older than the last acknowledged.</summary>
    private static async Task AssertWholeAsync(HttpClient officer, string[] periods, Tracker tracker, long? acknowledged, string context)
    {
        var values = new List<decimal?>();
        foreach (var period in periods)
            values.AddRange(await NumbersAsync(officer, period));
        var distinct = values.Distinct().ToList();
        Assert.True(distinct.Count == 1, $"{context}: the cells hold {distinct.Count} different writes ({string.Join(", ", distinct.Take(5))}) — a half-applied write");
        Assert.True(values.Count == Indicators * 2 * periods.Length, $"{context}: {values.Count} cells stored — a half-applied write");
        if (acknowledged is { } last)
            Assert.True(distinct[0] >= last, $"{context}: the cells hold {distinct[0]}, older than the acknowledged {last}");
        if (distinct[0] is { } value)
            Assert.True(value <= (tracker.Sent ?? long.MaxValue), $"{context}: {value} was never sent");
    }

    private static async Task<List<decimal?>> NumbersAsync(HttpClient client, string period)
    {
        var data = await client.GetFromJsonAsync<JsonElement>($"/api/forms/data?formCode={Form}&unitCode=STC&period={period}");
        var values = data.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("number").ValueKind == JsonValueKind.Number ? v.GetProperty("number").GetDecimal() : (decimal?)null).ToList();
        return values.Count == 0 ? [.. Enumerable.Repeat<decimal?>(null, Indicators * 2)] : values;
    }

    private static async Task AssertWorkflowAsync(Users users, string period, Tracker tracker, string context)
    {
        var subject = $"{Form}/STC/{period}";
        var submissions = await users.Leader.GetFromJsonAsync<JsonElement[]>($"/api/workflow/submissions?period={period}&unitCode=STC");
        var state = submissions!.Where(s => s.GetProperty("formCode").GetString() == Form).Select(s => s.GetProperty("state").GetString()).SingleOrDefault() ?? "Draft";
        var audit = (await AuditKindsAsync(users.Admin, subject)).Where(k => k.StartsWith("submission.", StringComparison.Ordinal)).ToList();
        var acknowledged = tracker.Actions.Where(a => a != "save").Select(a => "submission." + a).ToList();
        var withInFlight = tracker.ActionInFlight is { } flying and not "save" ? [.. acknowledged, "submission." + flying] : acknowledged;
        Assert.True(audit.SequenceEqual(acknowledged) || audit.SequenceEqual(withInFlight),
            $"{context}: audit [{string.Join(", ", audit)}] vs acknowledged [{string.Join(", ", acknowledged)}] + {tracker.ActionInFlight}");
        var expected = audit.LastOrDefault() switch
        {
            "submission.submit" => "Submitted",
            "submission.approve" => "Approved",
            "submission.reopen" => "Reopened",
            _ => "Draft",
        };
        Assert.True(expected == state, $"{context}: state {state}, but the audit's last action says {expected}");

        var working = (await NumbersAsync(users.Officer, period)).Distinct().ToList();
        Assert.True(working.Count == 1, $"{context}: the working copy holds {working.Count} different saves");
        if (state != "Approved")
            return;
        var approvedMarker = working[0];
        // The projector resumes from its checkpoint after the restart: the approved value reaches the dashboard.
        await Eventually.TrueAsync(async () =>
        {
            var series = await users.Leader.GetFromJsonAsync<JsonElement>($"/api/dashboards/query?indicator=CRASH_001&units=STC&from={period}&to={period}");
            var point = series.GetProperty("series").EnumerateArray().SelectMany(s => s.GetProperty("points").EnumerateArray()).FirstOrDefault();
            return point.ValueKind == JsonValueKind.Object && point.GetProperty("value").ValueKind == JsonValueKind.Number && point.GetProperty("value").GetDecimal() == approvedMarker;
        }, $"{context}: the dashboard shows the approved {approvedMarker}", timeoutSeconds: 40);
    }

    /// <summary>The subject's audit lines, oldest first (an approval of 500 cells writes 500 lines: read every page).</summary>
    private static async Task<List<string>> AuditKindsAsync(HttpClient admin, string subject)
    {
        var kinds = new List<string>();
        long? before = null;
        while (true)
        {
            var page = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/workflow/audit?subject={subject}&limit=1000{(before is { } id ? $"&before={id}" : "")}"))!;
            kinds.AddRange(page.Select(e => e.GetProperty("kind").GetString()!));
            if (page.Length < 1000)
                break;
            before = page[^1].GetProperty("id").GetInt64();
        }
        kinds.Reverse();
        return kinds;
    }

    /// <summary>The next run completes the ledger; every reminder of the day is in it once, none waits unsent, and no
    /// address got two e-mails from this run (a digest claimed when the server died is not sent again).</summary>
    private static async Task AssertRemindersCaughtUpAsync(HttpClient admin, SmtpTestServer smtp, DateOnly day, int before, string context)
    {
        using var again = await admin.PostAsync($"/api/deadlines/reminders/run?date={day:yyyy-MM-dd}", null);
        Assert.True(again.IsSuccessStatusCode, $"{context}: catching up answered {(int)again.StatusCode}");
        var preview = await admin.GetFromJsonAsync<JsonElement>($"/api/deadlines/reminders/preview?date={day:yyyy-MM-dd}");
        Assert.All(preview.GetProperty("reminders").EnumerateArray(), r => Assert.True(r.GetProperty("alreadyInLedger").GetBoolean(), $"{context}: a reminder missing from the ledger"));
        var log = (await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/reminders"))!;
        var statuses = log.Select(d => d.GetProperty("status").GetString()).ToList();
        Assert.All(statuses, s => Assert.True(s is "Sent" or "Sending" or "Unknown", $"{context}: a digest left {s}"));
        var keys = log.Select(d => (d.GetProperty("step").GetInt32(), d.GetProperty("regimeCode").GetString(), d.GetProperty("unitCode").GetString(),
            d.GetProperty("period").GetString(), d.GetProperty("recipient").GetString())).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // Reminder digests only: a notification e-mail of an earlier scenario (the outbox catching up after a kill) may
        // reach the same person meanwhile, and is not a second reminder.
        var received = smtp.Messages.Skip(before).Where(m => m.Subject?.StartsWith(ReminderSubject, StringComparison.Ordinal) == true).ToList();
        var recipients = received.Select(m => m.To.ToString()).ToList();
        Assert.True(recipients.Count == recipients.Distinct().Count(), $"{context}: someone got the same day's reminder twice: " + string.Join("; ",
            received.GroupBy(m => m.To.ToString()).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(" | ", g.Select(m => m.Subject))}")));
        var sentDigests = log.Where(d => d.GetProperty("status").GetString() == "Sent").Select(d => d.GetProperty("digestId").GetGuid()).Distinct().Count();
        Assert.True(recipients.Count >= sentDigests, $"{context}: {sentDigests} digests marked sent, {recipients.Count} e-mails received");
    }

    private const string ReminderSubject = "[BaoCao] Nhắc hạn gửi báo cáo";

    private sealed record Users(HttpClient Admin, HttpClient Officer, HttpClient Leader);

    private static async Task<Users> SignInAllAsync(ServerProcess server)
    {
        async Task<HttpClient> As(string user)
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
                { BaseAddress = server.RootUri, Timeout = TimeSpan.FromSeconds(60) };
            var response = await client.SignInAsync(user, BaoCaoApp.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return client;
        }
        return new Users(await As("admin"), await As("canbo.stc"), await As("lanhdao.stc"));
    }

    private static object SaveBody(string period, long marker) => new
    {
        formCode = Form, unitCode = "STC", period,
        values = Enumerable.Range(1, Indicators).SelectMany(i => new object[]
        {
            new { indicator = $"CRASH_{i:000}", value = marker },
            new { indicator = $"CRASH_{i:000}", column = "plan", value = marker },
        }),
    };

    private static object ImportBody(long marker) => new
    {
        dataSet = Form, orgUnit = "STC",
        dataValues = ImportPeriods.SelectMany(period => Enumerable.Range(1, Indicators).SelectMany(i => new object[]
        {
            new { period, dataElement = $"CRASH_{i:000}", value = marker.ToString(CultureInfo.InvariantCulture) },
            new { period, dataElement = $"CRASH_{i:000}", attributeOptionCombo = "plan", value = marker.ToString(CultureInfo.InvariantCulture) },
        })),
    };

    private static async Task PrepareFormAsync(HttpClient admin)
    {
        var catalogue = JsonSerializer.Serialize(new
        {
            indicators = Enumerable.Range(1, Indicators).Select(i => new
            {
                code = $"CRASH_{i:000}", name = $"Chỉ số kiểm thử sự cố {i}", unitOfMeasure = "TY_DONG", valueType = "Decimal", precision = 2,
                ownerUnit = "STC", groups = new[] { "KT.TK" }, status = "Active", validFrom = "2000-01-01",
            }),
        });
        using var file = new MultipartFormDataContent { { new StringContent(catalogue), "file", "crash.json" } };
        await Succeeds(admin.PostAsync("/api/indicators/import", file));
        var sections = Enumerable.Range(0, 5).Select(s => new
        {
            title = $"Phần {s + 1}",
            rows = Enumerable.Range(s * 50 + 1, 50).Select(i => new { indicator = $"CRASH_{i:000}", required = false }),
        });
        await Succeeds(admin.PostAsJsonAsync("/api/forms", new { code = Form, name = "Biểu kiểm thử sự cố 500 ô", regimeCode = "BC-KTXH-THANG", ownerUnit = "VP-UBND",
            layout = new { sections, columns = new[] { "current", "plan" } } }));
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/forms/{Form}")).GetProperty("concurrencyVersion").GetInt64();
        await Succeeds(admin.PostAsJsonAsync($"/api/forms/{Form}/publish", new { effectiveFrom = "2000-01-01", version }));
        await Succeeds(admin.PostAsJsonAsync($"/api/forms/{Form}/assignments", new { units = new[] { "STC" }, from = "2000-01-01" }));
    }

    private static async Task Succeeds(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The past working day with the most reminders, and how long running its ladder takes without a kill.</summary>
    private static async Task<(DateOnly Day, TimeSpan Duration)> CalibrateRemindersAsync(HttpClient admin, SmtpTestServer smtp, TestDatabase database)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        var best = (Day: today, Count: 0);
        for (var day = today.AddDays(-1); day > today.AddDays(-40); day = day.AddDays(-1))
        {
            var preview = await admin.GetFromJsonAsync<JsonElement>($"/api/deadlines/reminders/preview?date={day:yyyy-MM-dd}");
            if (preview.GetProperty("reminders").GetArrayLength() is var count && count > best.Count)
                best = (day, count);
        }
        Assert.True(best.Count > 0, "the demo province owes reminders on some day of the last 40");
        var watch = Stopwatch.StartNew();
        await Succeeds(admin.PostAsync($"/api/deadlines/reminders/run?date={best.Day:yyyy-MM-dd}", null));
        var duration = watch.Elapsed;
        Assert.NotEmpty(smtp.Messages);
        await ClearLedgerAsync(database);
        return (best.Day, duration);
    }

    /// <summary>Empties the reminder ledger so each reminders run starts from the same owed reminders.</summary>
    private static async Task ClearLedgerAsync(TestDatabase database)
    {
        if (database.SqliteFile is { } file)
        {
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            await using var command = new SqliteCommand("DELETE FROM deadlines_ReminderDeliveries; DELETE FROM deadlines_ReminderDigests;", connection);
            await command.ExecuteNonQueryAsync();
            return;
        }
        await using var postgres = new NpgsqlConnection(database.ConnectionString);
        await postgres.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM deadlines.\"ReminderDeliveries\"; DELETE FROM deadlines.\"ReminderDigests\";", postgres);
        await delete.ExecuteNonQueryAsync();
    }

    private static async Task<string> IntegrityCheckAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA integrity_check;", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
