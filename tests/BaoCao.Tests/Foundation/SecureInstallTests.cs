using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using BaoCao.Accounts.Persistence;
using BaoCao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Foundation;

/// <summary>
/// A province's install is safe by default: Production does not start while it is not (a demo province, no public URL,
/// any Host, clear-text key ring), a first-run command creates the province administrator with a one-time link, the
/// key ring is encrypted with a certificate, the embedded database is the server account's alone, and a second node on
/// one SQLite file is turned away with a clear message and exit code.
/// </summary>
public sealed class SecureInstallTests
{
    /// <summary>A self-signed certificate with its private key, as an operator would configure (PFX and password).</summary>
    private static string CertificateFile(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=BaoCao Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(folder, $"dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "mat-khau-chung-thu"));
        return path;
    }

    private static Dictionary<string, string?> SafeProduction(string certificate) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["App:PublicUrl"] = "https://baocao.ninhbinh.gov.vn",
        ["AllowedHosts"] = "baocao.ninhbinh.gov.vn",
        ["DataProtection:CertificatePath"] = certificate,
        ["DataProtection:CertificatePassword"] = "mat-khau-chung-thu",
        ["Demo:Seed"] = "false",
    };

    [Fact]
    public async Task Production_refuses_to_start_with_the_demo_province_no_public_url_any_host_or_no_key_certificate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new ServerProcess(database, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        var (exitCode, output) = await server.RunCommandAsync();

        Assert.Equal(78, exitCode);
        Assert.Contains("BaoCao không khởi động", output);
        foreach (var setting in new[] { "App:PublicUrl", "AllowedHosts", "DataProtection:CertificatePath", "Demo:Seed" })
            Assert.Contains(setting, output);
        Assert.DoesNotContain("Unhandled exception", output);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Production_refuses_a_database_that_still_holds_demo_accounts(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using (BaoCaoApp.StartOn(database)) { } // a trial on the same database left the demo province
        await using var server = new ServerProcess(database, SafeProduction(CertificateFile(Path.GetTempPath())));

        var (exitCode, output) = await server.RunCommandAsync();

        Assert.Equal(78, exitCode);
        Assert.Contains("tài khoản demo", output);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_admin_makes_the_province_administrator_on_a_fresh_database_and_prints_a_link_never_a_password(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var command = new ServerProcess(database, SafeProduction(CertificateFile(Path.GetTempPath())));

        var (exitCode, output) = await command.RunCommandAsync("create-admin", "--user", "quantri.tinh", "--email", "quantri@ninhbinh.gov.vn", "--name", "Phạm Thị Dung");
        var again = await command.RunCommandAsync("create-admin", "--user", "quantri.tinh", "--email", "quantri@ninhbinh.gov.vn");
        var wrong = await command.RunCommandAsync("create-admin", "--user", "quantri 2");

        Assert.True(exitCode == 0, output);
        var token = System.Text.RegularExpressions.Regex.Match(output, @"https://baocao\.ninhbinh\.gov\.vn/dat-mat-khau\?token=([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain("Mật khẩu:", output);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(2, wrong.ExitCode);

        await using var app = BaoCaoApp.StartOn(database);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/set-password", new { token, password = "hoa ban nở trắng núi rừng" })).StatusCode);
        var signIn = await (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "quantri.tinh", password = "hoa ban nở trắng núi rừng" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(signIn.GetProperty("requiresTwoFactorEnrolment").GetBoolean()); // a real province administrator enrols two-factor first
        var grant = await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().RoleGrants.AsNoTracking()
            .Join(sp.GetRequiredService<AccountsDbContext>().Accounts, g => g.AccountId, a => a.Id, (g, a) => new { g.Role, g.IncludeSubUnits, a.UserName, a.IsDemo })
            .SingleAsync(g => g.UserName == "quantri.tinh"));
        Assert.Equal(("Administrator", true, false), (grant.Role, grant.IncludeSubUnits, grant.IsDemo));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
    public async Task The_key_ring_is_encrypted_with_the_configured_certificate_and_the_database_files_are_private()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = CertificateFile(Path.GetTempPath()), ["DataProtection:CertificatePassword"] = "mat-khau-chung-thu",
        });
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsAsync("canbo.stc")).GetAsync("/api/me")).StatusCode);

        var keys = await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml); // the master key's clear-text element
        });

        var file = app.Database.SqliteFile!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [PostgresFact]
    public async Task Two_nodes_started_at_once_on_an_empty_PostgreSQL_database_both_come_up()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        await using var first = new ServerProcess(database, new Dictionary<string, string?>());
        await using var second = new ServerProcess(database, new Dictionary<string, string?>());

        await Task.WhenAll(first.StartAsync(), second.StartAsync()); // migration and demo seed run under one lock, one node after the other

        using var client = new HttpClient { BaseAddress = second.RootUri };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BaoCaoApp.DemoPassword })).StatusCode);
    }

    [Fact]
    public async Task Outside_Development_the_sign_in_cookie_is_Host_prefixed_Secure_and_strict()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new ServerProcess(database, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Staging" });
        await server.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.RootUri };

        var signedIn = await client.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("BaoCao.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.StartsWith("__host-baocao.auth=", cookie);
        Assert.Contains("; secure", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
    }

    [Fact]
    public async Task A_second_node_on_one_SQLite_file_is_refused_with_a_vietnamese_message_and_an_exit_code()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var first = new ServerProcess(database, new Dictionary<string, string?>());
        await first.StartAsync();
        await using var second = new ServerProcess(database, new Dictionary<string, string?>());

        var (exitCode, output) = await second.RunCommandAsync();

        Assert.Equal(75, exitCode);
        Assert.Contains("Một tiến trình BaoCao khác đang chạy", output);
        Assert.DoesNotContain("Unhandled exception", output);
    }
}
