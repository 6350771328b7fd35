using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaoCao.Tests.Infrastructure;

/// <summary>
/// The real app (all six modules, real database, real pipeline) in memory. Time is a FakeTimeProvider
/// starting at <see cref="Start"/>; the job server is off unless a test turns it on.
/// </summary>
public sealed class BaoCaoApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Mat-khau-demo-cho-kiem-thu-2026";

    /// <summary>Friday 27 November 2026, 09:00 in Hà Nội.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private BaoCaoApp(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings, DateTimeOffset? start = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        Clock = new FakeTimeProvider((start ?? Start).ToUniversalTime());
        Database = database;
        _ownsDatabase = ownsDatabase;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>Starts the app on a new database of its own, dropped when the app is disposed.</summary>
    /// <param name="services">Replaces services for this test (e.g. an e-mail sender that fails on purpose).</param>
    /// <param name="start">The clock's start, when a test travels from an earlier day than <see cref="Start"/>.</param>
    public static async Task<BaoCaoApp> StartAsync(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        DateTimeOffset? start = null)
    {
        var database = start is null && (settings is null || settings.Keys.All(LeavesTheSeedAlone))
            ? await TestDatabase.CopyOfAsync(await Templates.GetOrAdd(kind, k => new Lazy<Task<TestDatabase>>(() => TemplateAsync(k))).Value)
            : await TestDatabase.CreateAsync(kind);
        return Started(new BaoCaoApp(database, ownsDatabase: true, settings, start, services));
    }

    // What a default start leaves in the database (migrated, the demo province seeded at Start) is made once per test run
    // and provider; a test starting from it gets a copy and skips the migrations and the seed (≈ 1–2 s of each of
    // ~370 starts). Settings that change what is migrated or seeded, or another start day, get a database of their own.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseKind, Lazy<Task<TestDatabase>>> Templates = new();

    private static bool LeavesTheSeedAlone(string setting) =>
        !setting.StartsWith("Demo:", StringComparison.OrdinalIgnoreCase) && !setting.StartsWith("Database:", StringComparison.OrdinalIgnoreCase)
        && !setting.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) && !setting.StartsWith("Accounts:PasswordHash", StringComparison.OrdinalIgnoreCase)
        && !setting.StartsWith("DataProtection:", StringComparison.OrdinalIgnoreCase);

    private static async Task<TestDatabase> TemplateAsync(DatabaseKind kind)
    {
        var template = await TestDatabase.CreateAsync(kind);
        await using (var app = StartOn(template))
            _ = app.Services;
        // Each copy is an install of its own: it makes its own key ring (cookies, protected secrets) when it first needs one.
        await template.ExecuteAsync(kind == DatabaseKind.Sqlite ? "DELETE FROM accounts_DataProtectionKeys" : "DELETE FROM accounts.\"DataProtectionKeys\"");
        // Nobody may hold a connection to a PostgreSQL template; SQLite's last connection folds its WAL into the file.
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }

    /// <summary>Starts the app on a real Kestrel port on the loopback address, for a real browser.</summary>
    /// <param name="port">0 for any free port.</param>
    /// <param name="start">The clock's start; a browser talking to other real servers (SSO) needs today's date for its cookies.</param>
    public static async Task<BaoCaoApp> StartForBrowserAsync(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null, int port = 0, DateTimeOffset? start = null)
    {
        var app = new BaoCaoApp(await TestDatabase.CreateAsync(kind), ownsDatabase: true, settings, start);
        app.UseKestrel(port);
        app.StartServer();
        return app;
    }

    /// <summary>Where a browser reaches the app (Kestrel only).</summary>
    public Uri RootUri => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts the app on a database the test owns (to restart on the same data).</summary>
    public static BaoCaoApp StartOn(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null,
        Action<IServiceCollection>? services = null) =>
        Started(new BaoCaoApp(database, ownsDatabase: false, settings, start, services));

    private static BaoCaoApp Started(BaoCaoApp app)
    {
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Kind.ToString());
        builder.UseSetting("ConnectionStrings:BaoCao", Database.ConnectionString);
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:Seed", "true");
        // The demo's approved history (20 months of four forms) costs 2 s per start; tests that need it turn it on.
        builder.UseSetting("Demo:ApprovedHistory", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Outbox:PollSeconds", "0.2");
        // Hashing at the production work factor costs ~0.1 s a password: 30 demo accounts per app start.
        // PasswordHashingTests checks the production setting itself.
        // Every test client signs in from one (absent) address: the per-address limit is tried by its own test.
        if (!_settings.ContainsKey("Accounts:SignInPerMinutePerAddress"))
            builder.UseSetting("Accounts:SignInPerMinutePerAddress", "100000");
        if (!_settings.ContainsKey("Accounts:PasswordHashIterations"))
            builder.UseSetting("Accounts:PasswordHashIterations", "1000");
        foreach (var (key, value) in _settings.Where(s => s.Value is not null)) // null: leave the app's default
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    /// <summary>Runs code in a request-like scope with the app's services (mediator, DbContexts).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await Database.DisposeAsync();
    }
}

public static class HttpAssertions
{
    /// <summary>Reads an RFC 9457 body, asserting its media type.</summary>
    public static async Task<ProblemBody> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemBody>())!;
    }
}

/// <param name="Code">The stable code of the refusal (ErrorCodes, a module's …ErrorCodes), for clients to branch on.</param>
public sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors, string? Code = null);

public static class SignInExtensions
{
    /// <summary>Signs in through the real sign-in form (antiforgery token included); the client keeps the cookie.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/dang-nhap");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form carries an antiforgery token");
        return await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "sign-in",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>A client signed in as <paramref name="userName"/> with the demo password through the API (the client keeps
    /// the cookie); anonymous when null. Redirects are not followed, so a test sees them.</summary>
    public static async Task<HttpClient> SignedInAsAsync(this BaoCaoApp app, string? userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userName is not null)
            Assert.Equal(System.Net.HttpStatusCode.OK,
                (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = BaoCaoApp.DemoPassword })).StatusCode);
        return client;
    }

    /// <summary>The same over a real socket (Kestrel, <see cref="BaoCaoApp.StartForBrowserAsync"/>), with a cookie container.</summary>
    public static async Task<HttpClient> SignedInOverTheNetworkAsync(this BaoCaoApp app, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = app.RootUri };
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = BaoCaoApp.DemoPassword })).StatusCode);
        return client;
    }

    public static async Task<HttpClient> AdministratorAsync(this BaoCaoApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SignInAsync("admin", BaoCaoApp.DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
