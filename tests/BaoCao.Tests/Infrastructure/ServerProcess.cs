using System.Diagnostics;
using System.Net;

namespace BaoCao.Tests.Infrastructure;

/// <summary>
/// The built <c>BaoCao.Web.dll</c> as its own operating-system process on a test database (the demo province seeded, jobs
/// off unless asked for), so a test can kill it with SIGKILL — no shutdown code, no flushing — and start it again.
/// </summary>
public sealed class ServerProcess(TestDatabase database, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();
    public Uri RootUri => new($"http://127.0.0.1:{Port}/");
    public string LogFile { get; } = Path.Combine(Path.GetTempPath(), "baocao-tests", $"server-{Guid.NewGuid():N}.log");

    /// <summary>Starts the server and waits until it answers /health/ready (migrations run, projector started).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [WebAssembly, "--urls", RootUri.ToString().TrimEnd('/'), "--contentRoot", ContentRoot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment(database, settings))
            start.Environment[key] = value;
        _process = Process.Start(start)!;
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        var log = File.AppendText(LogFile);
        log.AutoFlush = true;
        _process.OutputDataReceived += (_, line) => { lock (log) log.WriteLine(line.Data); };
        _process.ErrorDataReceived += (_, line) => { lock (log) log.WriteLine(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = RootUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
                Assert.Fail($"The server exited with {_process.ExitCode} while starting; log: {LogFile}");
            try
            {
                using var ready = await probe.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"The server was not ready after 90 s; log: {LogFile}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the process stops between two instructions, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs a command of the host (<c>BaoCao.Web verify-audit</c>, …) on the same database; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [WebAssembly, .. arguments, "--contentRoot", ContentRoot]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in Environment(database, settings))
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static IEnumerable<(string, string?)> Environment(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        // Not Production, which refuses the demo province and an unset public URL (InstallChecks), and plain http like the
        // in-process tests (outside Development and Testing the cookie is __Host- and Secure); a test may override it.
        yield return ("ASPNETCORE_ENVIRONMENT", "Testing");
        yield return ("Accounts__SignInPerMinutePerAddress", "100000");
        yield return ("Database__Provider", database.Kind == DatabaseKind.Sqlite ? "Sqlite" : "PostgreSql");
        yield return ("ConnectionStrings__BaoCao", database.ConnectionString);
        yield return ("Demo__Seed", "true");
        yield return ("Demo__Password", BaoCaoApp.DemoPassword);
        yield return ("Jobs__Enabled", "false");
        yield return ("Logging__LogLevel__Default", "Warning");
        foreach (var (key, value) in settings)
            yield return (key.Replace(":", "__", StringComparison.Ordinal), value);
    }

    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BaoCao.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("BaoCao.sln not found above the test assembly.");
        }
    }

    private static string ContentRoot => Path.Combine(Root, "src", "BaoCao.Web");

    /// <summary>The web project's own build output, in the configuration the tests were built in.</summary>
    private static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<configuration>/net10.0/
            var path = Path.Combine(ContentRoot, "bin", configuration, "net10.0", "BaoCao.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the web project first ({path}).");
        }
    }
}
