using System.Reflection;
using BaoCao.SharedKernel.Modules;

namespace BaoCao.Web.Hosting;

/// <summary>The modules Program.cs listed, for the parts of the host that iterate them (menu, jobs, seeding).</summary>
internal sealed class ModuleRegistry(IReadOnlyList<IModule> modules)
{
    public IReadOnlyList<IModule> Modules { get; } = modules;

    public Assembly[] Assemblies { get; } = modules.Select(m => m.GetType().Assembly).Distinct().ToArray();

    public IEnumerable<NavigationEntry> Navigation => Modules.SelectMany(m => m.Navigation).OrderBy(e => e.Order);

    public IEnumerable<Type> HomeWidgets => Modules.SelectMany(m => m.HomeWidgets);
}
