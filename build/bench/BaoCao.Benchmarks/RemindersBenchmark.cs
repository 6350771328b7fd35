using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BaoCao.Benchmarks;

/// <summary>
/// Reminders for 2,000 late units (plus the demo's) to a local SMTP server: the ladder's run over HTTP — planning what is
/// owed, writing the ledger, composing one digest per recipient and sending each with its claim — against a plain
/// MailKit loop sending the same number of messages over one connection, both to a minimal local SMTP server that
/// accepts at once. The count is what the server received during the run (the retry job may send some of the
/// digests; the claim keeps each to one copy).
/// The ad hoc regime is due Tuesday 24/11/2026; run as of Friday 27/11, three steps are due (on the day, one and three
/// working days after, the last copying the leader): one digest per unit mailbox and one per leader.
/// </summary>
internal static class RemindersBenchmark
{
    private const int Units = 2000;

    public static async Task<IReadOnlyList<string[]>> RunAsync(string baseUrl)
    {
        var port = int.Parse(Environment.GetEnvironmentVariable("BENCH_SMTP_PORT") ?? throw new InvalidOperationException("BENCH_SMTP_PORT is not set (build/bench/run.sh sets it)."),
            CultureInfo.InvariantCulture);
        using var stop = new CancellationTokenSource();
        var sink = new Sink(port);
        var server = sink.RunAsync(stop.Token);

        using var admin = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(15) };
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = Environment.GetEnvironmentVariable("BENCH_DEMO_PASSWORD") })).EnsureSuccessStatusCode();
        var codes = Enumerable.Range(1, Units).Select(i => $"BX-{i:0000}").ToList();
        await Parallel.ForEachAsync(codes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (code, ct) =>
            (await admin.PostAsJsonAsync("/api/units", new
            {
                parentCode = "UBND-NB", code, name = $"Xã thử nghiệm {code}", kind = "CommunePeoplesCommittee", validFrom = "2025-07-01",
                officialEmail = $"{code.ToLowerInvariant()}@bench.local", leaderEmail = $"lanhdao.{code.ToLowerInvariant()}@bench.local",
            }, ct)).EnsureSuccessStatusCode());
        (await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-BENCH-NHAC", name = "Báo cáo đột xuất (đo nhắc hạn)", content = "Đo hiệu năng nhắc hạn.", kind = "AdHoc",
            roundStart = "2026-11-01", roundEnd = "2026-11-20", explicitDueDate = "2026-11-24", reportingUnitKinds = new[] { "CommunePeoplesCommittee" },
            reportingSubtree = "UBND-NB", receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống", outline = new[] { new { title = "I" } },
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/forms", new
        {
            code = "BM-BENCH-NHAC", name = "Biểu đo nhắc hạn", regimeCode = "BC-BENCH-NHAC", ownerUnit = "VP-UBND",
            layout = new { sections = new[] { new { title = "I", rows = new[] { new { indicator = "THU_NSNN", required = false } } } }, columns = new[] { "current" } },
        })).EnsureSuccessStatusCode();
        var version = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/forms/BM-BENCH-NHAC")).GetProperty("concurrencyVersion").GetInt64();
        (await admin.PostAsJsonAsync("/api/forms/BM-BENCH-NHAC/publish", new { effectiveFrom = "2026-01-01", version })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/forms/BM-BENCH-NHAC/assignments", new { units = codes, from = "2026-01-01" })).EnsureSuccessStatusCode();

        var started = Stopwatch.GetTimestamp();
        var outcome = await (await admin.PostAsync("/api/deadlines/reminders/run?date=2026-11-27", null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var appSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var sent = outcome.GetProperty("sent").GetInt32();
        var failed = outcome.GetProperty("failed").GetInt32();
        var received = sink.Count;

        // The baseline sends as many messages with MailKit alone, over one connection, to the same server.
        started = Stopwatch.GetTimestamp();
        var client = new SmtpClient();
        for (var i = 0; i < received; i++)
        {
            var message = new MimeMessage { Subject = "[BaoCao] Nhắc hạn gửi báo cáo: 1 báo cáo chưa gửi", Body = new TextPart("plain") { Text = "Kính gửi …" } };
            message.From.Add(MailboxAddress.Parse("baocao@bench.local"));
            message.To.Add(MailboxAddress.Parse($"plain{i}@bench.local"));
            try
            {
                if (!client.IsConnected)
                    await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
                await client.SendAsync(message);
            }
            catch (Exception closed) when (closed is SmtpProtocolException or IOException or MailKit.ServiceNotConnectedException)
            {
                // The server ends sessions now and then; like the app's sender, connect again and send.
                client.Dispose();
                client = new SmtpClient();
                await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
                await client.SendAsync(message);
            }
        }
        await client.DisconnectAsync(true);
        client.Dispose();
        var plainSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        await server;

        var appRate = received / appSeconds;
        var plainRate = received / plainSeconds;
        return [[
            "reminders", $"run: {Units} late units, {received} digests received ({sent} by the run, the rest by the retry job; {failed} failed), {appSeconds:F1} s",
            $"{appRate:F0}", "-", "-", $"{failed}", $"MailKit loop, {received} messages, 1 connection, {plainSeconds:F1} s", $"{plainRate:F0}", "-", "-", $"{appRate / plainRate:F2}",
            $"10,000 e-mails in {10_000 / appRate:F0} s (goal < 120 s)",
        ]];
    }

    /// <summary>
    /// A minimal SMTP server on a loopback port that accepts every message at once and counts it: the mail relay is not
    /// what is measured, so it must not be the bottleneck (a full server library in this process held both sides at
    /// ≈ 23 messages/s on 2 cores).
    /// </summary>
    private sealed class Sink(int port)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            var sessions = new List<Task>();
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(cancellationToken);
                    client.NoDelay = true;
                    sessions.Add(ServeAsync(client, cancellationToken));
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                listener.Stop();
            }
            await Task.WhenAll(sessions.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        private async Task ServeAsync(System.Net.Sockets.TcpClient client, CancellationToken cancellationToken)
        {
            using var _ = client;
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
            var writer = new StreamWriter(stream, System.Text.Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 bench ESMTP");
            var inData = false;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        Interlocked.Increment(ref _count);
                        await writer.WriteLineAsync("250 OK");
                    }
                    continue;
                }
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-bench\r\n250 8BITMIME\r\n");
                        break;
                    case "DATA":
                        inData = true;
                        await writer.WriteLineAsync("354 go ahead");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }
}
