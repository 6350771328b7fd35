using BaoCao.Accounts;
using BaoCao.Dashboards;
using BaoCao.Deadlines;
using BaoCao.Forms;
using BaoCao.Indicators;
using BaoCao.Web.Hosting;
using BaoCao.Workflow;

var builder = WebApplication.CreateBuilder(args);

builder.AddBaoCao(
    new AccountsModule(),
    new IndicatorsModule(),
    new FormsModule(),
    new WorkflowModule(),
    new DeadlinesModule(),
    new DashboardsModule());

var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode)
    return exitCode;
app.UseBaoCao();
if (await app.PrepareAsync() is { } refused)
    return refused;
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
