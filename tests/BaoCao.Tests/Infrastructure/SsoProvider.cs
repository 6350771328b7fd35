using System.Diagnostics;

namespace BaoCao.Tests.Infrastructure;

/// <summary>The province's SSO, played by a real OpenID Connect provider process (node oidc-provider from
/// tests/sso-provider) on a loopback port.</summary>
public sealed class SsoProvider : IAsyncDisposable
{
    private readonly Process _process;

    private SsoProvider(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public string Authority => $"http://127.0.0.1:{Port}";

    public static string Folder => Path.Combine(Root(), "tests", "sso-provider");

    public static bool IsInstalled => Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider"));

    public static async Task<SsoProvider> StartAsync(string redirectUri, string accountsJson)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("node", "provider.js")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["REDIRECT_URI"] = redirectUri, ["ACCOUNTS"] = accountsJson },
        };
        var process = Process.Start(start)!;
        var provider = new SsoProvider(process, port);
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            try { return (await http.GetAsync($"{provider.Authority}/.well-known/openid-configuration")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, "the OIDC provider answers its discovery document", timeoutSeconds: 20);
        return provider;
    }


    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BaoCao.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>Needs Chromium and the SSO provider's npm packages (build/install-test-tools.sh); skipped with the
/// reason where they are missing, never under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SsoFactAttribute : FactAttribute
{
    public SsoFactAttribute()
    {
        if (Databases.IsCi)
            return;
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
            Skip = "SSO tests need Chromium: apt-get install -y chromium.";
        else if (!SsoProvider.IsInstalled)
            Skip = "SSO tests need the test OIDC provider: npm ci --prefix tests/sso-provider.";
    }
}
