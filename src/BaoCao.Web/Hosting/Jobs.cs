using System.Diagnostics;
using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Security;
using BaoCao.SharedKernel.Telemetry;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.Server;

namespace BaoCao.Web.Hosting;

/// <summary>
/// Hangfire: PostgreSQL storage on PostgreSQL (several nodes share it safely); on SQLite an in-memory
/// storage in the single node the SQLite lock allows. That choice never runs one job twice at once — there
/// is one server with one storage — and avoids the SQLite storages' duplicate-execution bugs and their
/// second native SQLite library. Nothing is lost with the in-memory queue because the state that matters
/// (what was e-mailed, which report was produced) lives in module tables and every job catches up from it.
/// </summary>
internal static class Jobs
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var services = builder.Services;
        services.AddHangfire((provider, configuration) =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new JobTelemetryFilter());
            if (database.IsSqlite)
                configuration.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) });
            else
                configuration.UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
        });
        if (builder.Configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = Math.Max(1, builder.Configuration.GetValue("Jobs:WorkerCount", 2));
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                options.SchedulePollingInterval = TimeSpan.FromSeconds(15);
            });
        }
        return builder;
    }

    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            DashboardTitle = "BaoCao — Tác vụ nền",
            AsyncAuthorization = [new ProvinceAdministratorsOnly()],
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }).AllowAnonymous(); // the dashboard's own filter decides (the default one allows local requests only)

    public static void RegisterRecurringJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var module in app.Services.GetRequiredService<ModuleRegistry>().Modules)
            module.AddRecurringJobs(jobs);
    }

    /// <summary>The jobs dashboard can delete and trigger every recurring job: province-wide administrators only
    /// (<see cref="Permissions.ManageJobs"/> decided by the access policy, not the role name, which a unit administrator has too).</summary>
    private sealed class ProvinceAdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (http.User.Identity?.IsAuthenticated != true)
                return false;
            var services = http.RequestServices;
            return (await services.GetRequiredService<IAccessPolicy>()
                .CheckAsync(services.GetRequiredService<ICurrentUser>(), Permissions.ManageJobs, null, http.RequestAborted)).Allowed;
        }
    }

    /// <summary>A span and a duration sample per job run.</summary>
    private sealed class JobTelemetryFilter : JobFilterAttribute, IServerFilter
    {
        private const string ActivityKey = "baocao.activity";

        public void OnPerforming(PerformingContext context)
        {
            var name = $"job {context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
            var activity = BaoCaoTelemetry.ActivitySource.StartActivity(name, ActivityKind.Internal);
            activity?.SetTag("baocao.job.id", context.BackgroundJob.Id);
            context.Items[ActivityKey] = new JobRun(activity, Stopwatch.GetTimestamp(), name);
        }

        public void OnPerformed(PerformedContext context)
        {
            if (context.Items.TryGetValue(ActivityKey, out var item) && item is JobRun run)
            {
                if (context.Exception is not null)
                    run.Activity?.SetStatus(ActivityStatusCode.Error, context.Exception.GetType().Name);
                run.Activity?.Dispose();
                BaoCaoTelemetry.JobDuration.Record(Stopwatch.GetElapsedTime(run.Started).TotalMilliseconds, new KeyValuePair<string, object?>("baocao.job", run.Name));
            }
        }

        private sealed record JobRun(Activity? Activity, long Started, string Name);
    }
}
