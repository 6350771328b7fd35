using System.Globalization;
using BaoCao.SharedKernel.Events;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Security;
using BaoCao.Web.Components;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace BaoCao.Web.Hosting;

internal static class BaoCaoHost
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Some work holds a pool thread while it runs: SQLite's async calls complete synchronously (waiting for the write lock
    /// included) and a sign-in hashes its password for ≈ 160 ms. The pool starts with one thread per core and adds about
    /// two a second, so on a 2-core server a few such calls stalled every request: deadline-day mix at 100/s, p95 422 ms
    /// with the default, 179 ms with 32 threads ready (build/bench/run.sh load). <c>Hosting:MinThreads</c>, default 32.
    /// </summary>
    private static void KeepThreadsReady(IConfiguration configuration)
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        var wanted = configuration.GetValue("Hosting:MinThreads", 32);
        if (wanted > workers)
            ThreadPool.SetMinThreads(wanted, completion);
    }

    public static WebApplicationBuilder AddBaoCao(this WebApplicationBuilder builder, params IModule[] modules)
    {
        var services = builder.Services;
        var registry = new ModuleRegistry(modules);
        services.AddSingleton(registry);
        services.AddSingleton<IReadOnlyList<IModule>>(modules);

        var database = DatabaseOptions.From(builder.Configuration, builder.Environment);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);

        CultureInfo.DefaultThreadCurrentCulture = Vietnamese;
        CultureInfo.DefaultThreadCurrentUICulture = Vietnamese;
        KeepThreadsReady(builder.Configuration);
        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("vi");

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(TelemetryBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(TransactionBehavior<,>), // last: a refused or invalid command opens no transaction
            ];
        });
        // Validators hold no state and no services: built once (a scoped one cost ≈ 13 KB per request that has one).
        services.AddValidatorsFromAssemblies(registry.Assemblies, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddCarter(new DependencyContextAssemblyCatalog(registry.Assemblies), c => c.WithEmptyValidators());

        // Enums travel as their names ("Create", "Pending"), in both directions.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new NoNulStrings());
        });
        // One line per entry, control characters made visible: no caller can forge or split a log line.
        builder.Logging.AddConsole(options => options.FormatterName = OneLineConsoleFormatter.Name)
            .AddConsoleFormatter<OneLineConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        services.AddHttpContextAccessor();
        services.AddScoped<Mediator.ISender, PageSender>(); // pages: a scope and a current identity per call
        services.AddScoped<CircuitUser>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitUserHandler>();
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<SystemActor>();
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<SystemActor>().Acting
            ? SystemUser.Instance
            : provider.GetRequiredService<HttpCurrentUser>());

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(new OutboxDispatcherOptions(
            builder.Configuration.GetValue("Outbox:Enabled", true),
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Outbox:PollSeconds", 2.0))));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<ModuleMigrator>();
        services.AddSingleton<BaoCao.SharedKernel.Email.IEmailSender, SmtpEmailSender>();

        BaoCao.SharedKernel.Files.UploadLimits.Current = BaoCao.SharedKernel.Files.UploadLimits.From(builder.Configuration);
        builder.AddApiErrors();
        builder.AddSecurity();
        builder.AddJobs(database);
        builder.AddTelemetry();
        builder.AddHealth();
        builder.AddDemo();
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = type =>
                type.Type.DeclaringType is { } slice && !type.Type.IsGenericType
                    ? $"{slice.Name}{type.Type.Name}"
                    : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddOperationTransformer<OpenApiProblems>();
        });

        // Vietnamese letters as they are, not as &#x...; entities: smaller, readable pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingPageAuthentication>();
        services.AddMudServices();

        foreach (var module in modules)
            module.AddServices(services, builder.Configuration);
        // The Accounts module decides access; this stand-in only serves a host without it.
        services.TryAddScoped<IAccessPolicy, DenyAllAccessPolicy>();
        return builder;
    }

    public static WebApplication UseBaoCao(this WebApplication app)
    {
        app.UseProxyAndHeaders();
        app.UseApiErrors();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
        });
        app.UseStaticFiles();
        app.UseSameOrigin();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication: limits are per account or API token
        app.UseAntiforgery();
        app.UsePageRenderLimit();

        app.MapHealth();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-docs", options => options.WithTitle("BaoCao API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapCarter();
        app.MapJobsDashboard();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(app.Services.GetRequiredService<ModuleRegistry>().Assemblies);
        return app;
    }

    /// <summary>Checks the install, takes the SQLite node lock, migrates and seeds; an exit code when the server must not start.</summary>
    public static async Task<int?> PrepareAsync(this WebApplication app)
    {
        if (InstallChecks.Refuse(InstallChecks.Configuration(app.Configuration, app.Environment, app.Services.GetRequiredService<DemoProvince>())) is { } refused)
            return refused;
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.IsSqlite)
        {
            InstallChecks.RestrictDataFiles(database);
            if (SqliteNodeLock.TryAcquire(database.ConnectionString, out var nodeLock) is { } taken)
            {
                Console.Error.WriteLine(taken);
                return SqliteNodeLock.ExitCode;
            }
            app.Lifetime.ApplicationStopped.Register(nodeLock!.Dispose);
        }
        if (database.MigrateOnStartup)
            await app.Services.GetRequiredService<ModuleMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping, app.SeedDemoAsync);
        else
            await app.SeedDemoAsync(app.Lifetime.ApplicationStopping);
        if (app.Environment.IsProduction())
        {
            var problems = new List<string>();
            foreach (var module in app.Services.GetRequiredService<ModuleRegistry>().Modules)
            {
                await using var scope = SystemActor.Begin(app.Services);
                problems.AddRange(await module.ProductionProblemsAsync(scope.ServiceProvider, app.Lifetime.ApplicationStopping));
            }
            if (InstallChecks.Refuse(problems) is { } unsafeData)
                return unsafeData;
        }
        app.RegisterRecurringJobs();
        return null;
    }

    /// <summary>
    /// Runs a module's command-line task when the first argument names one (<c>BaoCao.Web verify-audit</c>; <c>commands</c>
    /// lists them) and returns its exit code; null means serve the web app. Nothing is migrated or locked, so a check can
    /// run beside the running server.
    /// </summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        var commands = app.Services.GetRequiredService<IReadOnlyList<IModule>>().SelectMany(m => m.Commands).ToList();
        if (args.Length == 0 || args[0].StartsWith('-'))
            return null;
        if (args[0] == DatabaseBackup.CommandName)
            return await DatabaseBackup.RunAsync(app.Services.GetRequiredService<DatabaseOptions>(), args.ElementAtOrDefault(1), Console.Out,
                app.Lifetime.ApplicationStopping);
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.WriteLine(args[0] == "commands" ? "Các lệnh:" : $"Không có lệnh '{args[0]}'. Các lệnh:");
            Console.WriteLine($"  {DatabaseBackup.CommandName,-16} {DatabaseBackup.Description}");
            foreach (var known in commands)
                Console.WriteLine($"  {known.Name,-16} {known.Description}");
            return args[0] == "commands" ? 0 : 2;
        }
        await using var scope = SystemActor.Begin(app.Services);
        return await command.RunAsync(scope.ServiceProvider, Console.Out, app.Lifetime.ApplicationStopping);
    }
}
