using BaoCao.Forms.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Forms;

/// <summary>Chế độ báo cáo, biểu mẫu nhập liệu, nhập số liệu và trao đổi qua Excel.</summary>
public sealed class FormsModule : IModule
{
    public const string SchemaName = "forms";

    public string Name => "Forms";

    public string Schema => SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FormsDbContext, FormsSqliteDbContext, FormsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
