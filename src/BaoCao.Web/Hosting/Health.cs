using Microsoft.EntityFrameworkCore;
using BaoCao.SharedKernel.Persistence;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BaoCao.Web.Hosting;

/// <summary>/health/live: the process answers. /health/ready: every module's database and the job storage answer.</summary>
internal static class Health
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: ["ready"])
            .AddCheck<JobStorageCheck>("jobs", tags: ["ready"]);
        return builder;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }

    private sealed class DatabaseCheck(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var database in databases)
            {
                var db = database.Open(scope.ServiceProvider);
                if (!await db.Database.CanConnectAsync(cancellationToken))
                    return HealthCheckResult.Unhealthy($"Cannot reach the {database.Schema} database.");
                if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                    return HealthCheckResult.Unhealthy($"The {database.Schema} schema has migrations not applied yet.");
            }
            return HealthCheckResult.Healthy();
        }
    }

    private sealed class JobStorageCheck(JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                storage.GetMonitoringApi().Servers();
                return Task.FromResult(HealthCheckResult.Healthy());
            }
            catch (Exception exception)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("Job storage unreachable.", exception));
            }
        }
    }
}
