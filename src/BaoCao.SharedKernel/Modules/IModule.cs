using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.SharedKernel.Modules;

/// <summary>
/// A module's entry point. The host lists the six modules by name (no reflection discovery), so adding
/// a feature never touches the host: a module registers its services, jobs, navigation and demo data here.
/// </summary>
public interface IModule
{
    /// <summary>English name, e.g. "Forms"; also the folder under modules/.</summary>
    string Name { get; }

    /// <summary>PostgreSQL schema and SQLite table prefix of the module's tables.</summary>
    string Schema { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Entries the module contributes to the main menu (Vietnamese labels).</summary>
    IReadOnlyList<NavigationEntry> Navigation => [];

    /// <summary>Recurring jobs; ids must be stable so a restart updates rather than duplicates them.</summary>
    void AddRecurringJobs(IRecurringJobManager jobs) { }

    /// <summary>Components shown on the home page to signed-in users, in module order (e.g. "my reports due"); each decides
    /// what to show for the current user and renders nothing when it has nothing to say.</summary>
    IReadOnlyList<Type> HomeWidgets => [];

    /// <summary>Command-line tasks (<c>BaoCao.Web &lt;name&gt;</c>) run as the system instead of the web server, e.g. for an
    /// operator or a cron job: the exit code says how it went.</summary>
    IReadOnlyList<ModuleCommand> Commands => [];

    /// <summary>What makes the migrated database unsafe for production (Vietnamese, with what to do), checked before a
    /// Production server starts serving; e.g. demo accounts left from a trial.</summary>
    Task<IReadOnlyList<string>> ProductionProblemsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Demo data for a fresh embedded database. Must be idempotent: it runs on every start.</summary>
    Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <param name="Title">Vietnamese label shown in the menu.</param>
/// <param name="Href">Relative URL of the page.</param>
/// <param name="Icon">A MudBlazor icon (SVG path string).</param>
/// <param name="Order">Lower comes first.</param>
/// <param name="Roles">Roles that see the entry; empty means every signed-in user.</param>
public sealed record NavigationEntry(string Title, string Href, string Icon, int Order, IReadOnlyList<string> Roles)
{
    public NavigationEntry(string title, string href, string icon, int order) : this(title, href, icon, order, []) { }
}

/// <param name="Name">What follows the program name, e.g. "verify-audit".</param>
/// <param name="Description">One Vietnamese line for the command list.</param>
/// <param name="RunAsync">Does the work in a scope acting as the system, writes what a person reads, returns the exit code.</param>
public sealed record ModuleCommand(string Name, string Description, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> RunAsync);
