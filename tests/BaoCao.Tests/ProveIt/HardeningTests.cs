using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Files;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// The security review's smaller findings, each at its cause: sign-in throttling and one answer for every refusal, the
/// owner not locked out by someone else's guesses, headers on every answer, decompression bombs, formula injection,
/// renamed ZIPs and bidi names, self-approval, set-password links, the 500s that were, and the packet verifier.
/// </summary>
public sealed class HardeningTests
{
    private static HttpClient Client(BaoCaoApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_locked_an_unknown_and_a_wrong_sign_in_get_one_answer_and_the_log_says_which()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = Client(app);
        async Task<(HttpStatusCode, string)> LoginAsync(string user, string password)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var unknown = await LoginAsync("khong-co-ai", "sai-mat-khau-hoan-toan");
        var wrong = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 5; i++)
            wrong.Add(await LoginAsync("canbo.snv", "sai-mat-khau-hoan-toan"));
        var whileLocked = await LoginAsync("canbo.snv", BaoCaoApp.DemoPassword);

        Assert.All([unknown, .. wrong, whileLocked], answer => Assert.Equal(unknown, answer));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Item1);
        var log = await (await app.SignedInAsAsync("admin")).GetFromJsonAsync<JsonElement>("/api/accounts/security-log?userName=canbo.snv");
        var events = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Contains("LockedOut", events);
        Assert.Contains("SignInWhileLocked", events);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Guesses_from_one_address_do_not_lock_the_owner_out_from_another(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        Task<SignInOutcome> SignInAsync(string password, string address) =>
            app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new BaoCao.Accounts.Features.SignIn.Command("lanhdao.snv", password, address)).AsTask());

        Assert.Equal(SignInKind.SignedIn, (await SignInAsync(BaoCaoApp.DemoPassword, "10.20.30.40")).Kind); // the owner's usual workplace
        var guesses = new List<SignInKind>();
        for (var i = 0; i < 8; i++)
            guesses.Add((await SignInAsync("doan-mo-mat-khau-" + i, "203.0.113.9")).Kind);
        var attackerRight = await SignInAsync(BaoCaoApp.DemoPassword, "203.0.113.9");
        var owner = await SignInAsync(BaoCaoApp.DemoPassword, "10.20.30.40");

        Assert.Equal([.. Enumerable.Repeat(SignInKind.Invalid, 4), SignInKind.LockedOut], guesses.Take(5));
        Assert.All(guesses.Skip(5), kind => Assert.NotEqual(SignInKind.SignedIn, kind)); // locked, then throttled: not even read
        Assert.NotEqual(SignInKind.SignedIn, attackerRight.Kind);
        Assert.Equal(SignInKind.SignedIn, owner.Kind);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task One_code_or_one_recovery_code_sent_by_six_parallel_requests_signs_in_once(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var enrolling = await app.SignedInAsAsync("canbo.stc");
        var key = (await (await enrolling.PostAsync("/api/auth/two-factor/setup", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!.Replace(" ", "");
        string Code() => Totp.Code(Totp.FromBase32(key), Totp.StepAt(app.Clock.GetUtcNow()));
        var enabled = await enrolling.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = Code() });
        var recovery = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")[0].GetString()!;

        async Task<int> RaceAsync(string code)
        {
            var clients = new List<HttpClient>();
            for (var i = 0; i < 6; i++)
            {
                var client = Client(app);
                Assert.True((await (await client.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword }))
                    .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requiresTwoFactor").GetBoolean());
                clients.Add(client);
            }
            var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/auth/login/two-factor", new { code })));
            return answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(30)); // a new time step: its code is unused
        Assert.Equal(1, await RaceAsync(Code()));
        Assert.Equal(1, await RaceAsync(recovery));
    }

    [Fact]
    public async Task Sign_ins_from_one_address_are_rate_limited_with_a_vietnamese_429_and_retry_after()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Accounts:SignInPerMinutePerAddress"] = "3" });
        var client = Client(app);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await client.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = "sai-mat-khau-hoan-toan" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.True(answers[3].Headers.RetryAfter is not null);
        Assert.Contains("Quá nhiều lần đăng nhập", (await answers[3].ReadProblemAsync()).Detail);
        // Other requests are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsAsync(null)).GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_api_answers_are_not_cached()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");

        var page = await officer.GetAsync("/");
        var api = await officer.GetAsync("/api/me");

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(api.Headers.CacheControl?.NoStore);
    }

    /// <summary>Stands for the network: the connection comes from the address the test names.</summary>
    private sealed class ConnectionFrom(string address) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Theory]
    [InlineData("10.0.0.2", "203.0.113.5", true)] // the known reverse proxy: its X-Forwarded-* are believed
    [InlineData("10.0.0.99", "10.0.0.99", false)] // anyone else: the headers are ignored
    public async Task Forwarded_headers_are_believed_only_from_the_known_proxies(string connection, string logged, bool secure)
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["App:KnownProxies"] = "10.0.0.2" },
            services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ConnectionFrom(connection)));
        var client = Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(secure, response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("BaoCao.Auth=", StringComparison.Ordinal)).Contains("secure", StringComparison.OrdinalIgnoreCase));
        var address = await app.InScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            sp.GetRequiredService<BaoCao.Accounts.Persistence.AccountsDbContext>().SecurityLog.Where(e => e.UserName == "canbo.stc").OrderByDescending(e => e.Id).Select(e => e.RemoteAddress)));
        Assert.Equal(logged, address);
    }

    /// <summary>A real bomb: a 200 MB worksheet of one repeated row, deflated to a few hundred KB.</summary>
    private static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open());
                writer.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="r1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            sheet.Write("""<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
            var cell = string.Concat(Enumerable.Repeat("<c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c>", 1000));
            for (var i = 0; i < 4_000; i++)
                sheet.Write(cell);
            sheet.Write("</row></sheetData></worksheet>");
        }
        return stream.ToArray();
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_xlsx_decompression_bomb_is_refused_quickly_without_filling_the_memory(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var bomb = Bomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5);
            }
        });

        var started = System.Diagnostics.Stopwatch.StartNew();
        var upload = await officer.PostAsync("/api/forms/excel", new MultipartFormDataContent { { new ByteArrayContent(bomb), "file", "so-lieu.xlsx" } });
        var elapsed = started.Elapsed;
        await watching.CancelAsync();
        await watcher;

        Assert.True(upload.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{upload.StatusCode}");
        Assert.Contains("giải nén ra quá lớn", await upload.Content.ReadAsStringAsync());
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"{elapsed.TotalSeconds:0.00} s");
        Assert.True(peak - before < 100L * 1024 * 1024, $"{(peak - before) / 1024 / 1024} MB");
    }

    [Fact]
    public void A_workbook_with_more_cells_than_allowed_is_refused_while_streaming()
    {
        var saved = UploadLimits.Current;
        try
        {
            UploadLimits.Current = saved with { MaxCells = 10 };
            var workbook = OfficeFiles.Xlsx([("Số liệu", Enumerable.Range(1, 5).Select(i => (IReadOnlyList<object?>)[i, i + 1, i + 2]))]);
            var refused = OfficeFiles.TryReadXlsx(new MemoryStream(workbook), out var sheets);
            Assert.Null(sheets);
            Assert.Contains("quá 10 ô", refused);
        }
        finally
        {
            UploadLimits.Current = saved;
        }
    }

    /// <summary>A multipart body that stays open until the test lets it finish: an upload in progress.</summary>
    private sealed class HeldUpload(TaskCompletionSource release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\n"u8.ToArray());
            await stream.FlushAsync();
            await release.Task;
            await stream.WriteAsync("PK\r\n--xyz--\r\n"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    [Fact]
    public async Task One_person_has_at_most_two_uploads_in_progress()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var release = new TaskCompletionSource();
        HttpContent Held()
        {
            var content = new HeldUpload(release);
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
            return content;
        }

        var first = officer.PostAsync("/api/forms/excel", Held());
        var second = officer.PostAsync("/api/forms/excel", Held());
        await Task.Delay(500); // both are in the endpoint, reading their bodies
        var third = await officer.PostAsync("/api/forms/excel", new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "b.xlsx" } });
        release.SetResult();
        var answers = await Task.WhenAll(first, second);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode)); // not a workbook: refused, but taken
        var afterwards = await officer.PostAsync("/api/forms/excel", new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "c.xlsx" } });
        Assert.Equal(HttpStatusCode.BadRequest, afterwards.StatusCode); // the places are free again
    }

    [LibreOfficeFact]
    public async Task Exported_text_that_starts_like_a_formula_stays_text_and_such_names_are_refused_at_entry()
    {
        var workbook = OfficeFiles.Xlsx([("Số liệu", [(IReadOnlyList<object?>)["=HYPERLINK(\"http://x.example\",\"Bấm\")", "+1+1", "-2", "@SUM(A1)", 5m]])]);
        var csv = string.Join("\n", await LibreOffice.ToCsvAsync(workbook));
        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'+1+1", csv);
        Assert.Contains("'@SUM(A1)", csv);
        Assert.Contains("5", csv);

        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var unit = await admin.PostAsJsonAsync("/api/units", new { parentCode = "UBND-NB", code = "X-MOI", name = "=HYPERLINK(\"http://x\")", kind = "OtherAgency", validFrom = "2026-12-01" });
        Assert.Equal(HttpStatusCode.BadRequest, unit.StatusCode);
        Assert.Contains("= + - @", (await unit.ReadProblemAsync()).Errors!["name"][0]);
    }

    private const string Report = "/api/workflow/reports/BC-KTXH-THANG/STC/202610";

    [Fact]
    public async Task An_attachment_must_be_a_package_of_its_kind_and_its_name_loses_format_characters()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" });
        Task<HttpResponseMessage> Upload(string name, byte[] content) =>
            officer.PostAsync($"{Report}/attachments", new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } });
        static byte[] Zip(params (string Name, string Text)[] entries)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var (name, text) in entries)
                {
                    using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                    writer.Write(text);
                }
            return stream.ToArray();
        }
        var docx = OfficeFiles.Docx(body => body.Paragraph("Báo cáo"));

        var anyZip = await Upload("bao-cao.docx", Zip(("payload.exe", "MZ")));
        var xlsxAsDocx = await Upload("bang.docx", OfficeFiles.Xlsx([("A", [(IReadOnlyList<object?>)["x"]])]));
        var bidi = await Upload("hoa-don\u202Excod.docx", docx);

        Assert.Equal(HttpStatusCode.BadRequest, anyZip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, xlsxAsDocx.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bidi.StatusCode);
        Assert.Equal("hoa-donxcod.docx", (await bidi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_officer_with_a_delegation_does_not_approve_their_own_submission(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync("/api/accounts/delegations",
            new { unitCode = "STC", toUserName = "canbo.stc", forms = new[] { "BM-TC-THANG" }, until = "2026-12-04" })).StatusCode);
        officer = await app.SignedInAsAsync("canbo.stc");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);

        var own = await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null);
        var byLeader = await leader.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null);

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("Không tự duyệt", (await own.ReadProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.OK, byLeader.StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_the_newest_set_password_link_works_and_a_reissue_keeps_the_old_password_out(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(database, smtp.Settings);
        var admin = await app.SignedInAsAsync("admin");
        static string Token(string body) => System.Text.RegularExpressions.Regex.Match(body, @"dat-mat-khau\?token=([A-Za-z0-9_-]+)").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/accounts/canbo.sdl/reissue-password", null)).StatusCode);
        var first = Token((await smtp.WaitForMessageToAsync("canbo.sdl@ninhbinh.gov.vn")).TextBody ?? "");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/accounts/canbo.sdl/reissue-password", null)).StatusCode);
        var second = "";
        await Eventually.TrueAsync(() =>
        {
            second = smtp.Messages.Where(m => m.To.ToString().Contains("canbo.sdl")).Select(m => Token(m.TextBody ?? "")).LastOrDefault(t => t != first) ?? "";
            return Task.FromResult(second.Length > 0);
        }, "the second link's e-mail");
        var anonymous = app.CreateClient();

        var older = await anonymous.PostAsJsonAsync("/api/auth/set-password", new { token = first, password = "một mật khẩu mới đủ dài" });
        var oldPassword = await anonymous.PostAsJsonAsync("/api/auth/set-password", new { token = second, password = BaoCaoApp.DemoPassword });
        var newer = await anonymous.PostAsJsonAsync("/api/auth/set-password", new { token = second, password = "một mật khẩu mới đủ dài" });

        Assert.Equal(HttpStatusCode.BadRequest, older.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oldPassword.StatusCode);
        Assert.Contains("Không được dùng lại", (await oldPassword.ReadProblemAsync()).Errors!["password"][0]);
        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
    }

    [Fact]
    public async Task The_inputs_that_answered_500_are_now_told_what_is_wrong()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var unitAdmin = await UnitAdministratorTests.UnitAdministratorAsync(app);
        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["period 9999Q4"] = (await admin.GetAsync("/api/periods/9999Q4")).StatusCode,
            ["dashboard on 9999Q4"] = (await admin.GetAsync("/api/dashboards/TINH?from=9999Q4&to=9999Q4")).StatusCode,
            ["unit without parent"] = (await admin.PostAsJsonAsync("/api/units", new { parentCode = (string?)null, code = "X-GIA", name = "Đơn vị", kind = "OtherAgency", validFrom = "2026-12-01" })).StatusCode,
            ["unit without parent, unit administrator"] = (await unitAdmin.PostAsJsonAsync("/api/units", new { parentCode = (string?)null, code = "X-GIA", name = "Đơn vị", kind = "OtherAgency", validFrom = "2026-12-01" })).StatusCode,
            ["delegation without unit"] = (await leader.PostAsJsonAsync("/api/accounts/delegations", new { unitCode = (string?)null, toUserName = "canbo.stc", forms = new[] { "BM-TC-THANG" }, until = "2026-12-04" })).StatusCode,
            ["delegation without unit, unit administrator"] = (await unitAdmin.PostAsJsonAsync("/api/accounts/delegations", new { unitCode = (string?)null, toUserName = "canbo.sct", forms = new[] { "BM-CT-THANG" }, until = "2026-12-04" })).StatusCode,
        };
        foreach (var path in new[] { "/api/forms/excel", "/api/indicators/import", "/api/exchange/reconciliations/workbook", $"{Report}/attachments" })
        {
            var broken = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004 cut here"u8.ToArray());
            broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
            answers[$"broken multipart {path}"] = (await admin.PostAsync(path, broken)).StatusCode;
        }

        Assert.All(answers, answer => Assert.True((int)answer.Value is >= 400 and < 500, $"{answer.Key}: {(int)answer.Value}"));
        Assert.Equal(HttpStatusCode.BadRequest, answers["unit without parent"]);
        Assert.Equal(HttpStatusCode.Forbidden, answers["delegation without unit"]); // no unit: a province-wide request
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_packet_verifier_rejects_unknown_critical_extensions_and_a_lifetime_that_ends_before_it_begins(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(false).Q;
        var jwks = new { keys = new[] { new { kty = "EC", crv = "P-256", kid = "doi-tac-1", use = "sig", alg = "ES256",
            x = WebEncoders.Base64UrlEncode(point.X!), y = WebEncoders.Base64UrlEncode(point.Y!) } } };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/exchange/partners/DOITAC", new { name = "Đối tác thử", keys = jwks })).StatusCode);
        string Sign(object header, object payload)
        {
            var signingInput = $"{WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(header))}.{WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload))}";
            return $"{signingInput}.{WebEncoders.Base64UrlEncode(key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256))}";
        }
        var now = app.Clock.GetUtcNow();
        object Payload(DateTimeOffset issued, DateTimeOffset expires) => new
        {
            id = Guid.NewGuid().ToString("N"), type = "report-data", sender = "DOITAC", issuedAt = issued.ToString("O"), expiresAt = expires.ToString("O"), body = new { },
        };

        var critical = await admin.PostAsJsonAsync("/api/exchange/packets", new { packet = Sign(new { alg = "ES256", kid = "doi-tac-1", crit = new[] { "exp" }, exp = 1 }, Payload(now, now.AddHours(1))) });
        var backwards = await admin.PostAsJsonAsync("/api/exchange/packets", new { packet = Sign(new { alg = "ES256", kid = "doi-tac-1" }, Payload(now, now.AddMinutes(-1))) });
        var sameInstant = await admin.PostAsJsonAsync("/api/exchange/packets", new { packet = Sign(new { alg = "ES256", kid = "doi-tac-1" }, Payload(now.AddMinutes(1), now.AddMinutes(1))) });

        Assert.Equal(HttpStatusCode.BadRequest, critical.StatusCode);
        Assert.Contains("crit", await critical.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, sameInstant.StatusCode);
        Assert.Contains("phải sau thời điểm phát hành", await sameInstant.Content.ReadAsStringAsync());
    }
}
