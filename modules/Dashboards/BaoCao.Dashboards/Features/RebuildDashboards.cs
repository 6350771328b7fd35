using BaoCao.Dashboards.Projection;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Dashboards.Features;

/// <summary>
/// Administrators rebuild the aggregates after metadata changed: by default the roll-ups are computed again from the
/// units' own figures (a unit merged or moved, an indicator's aggregation rule changed); from scratch, the whole
/// approved sequence is read again. Also run nightly by a job, and from the command line.
/// </summary>
internal static class RebuildDashboards
{
    /// <summary>Its own transactions: the projector rebuilds in batches, each committed on its own.</summary>
    internal sealed record Command(bool FromScratch) : ICommand<Result<Rebuilt>>, IRequireAccess, IOwnTransaction
    {
        string IRequireAccess.Permission => Permissions.PublishData;
    }

    internal sealed record Rebuilt(string Mode, int Count);

    internal sealed class Handler(ISender sender, AggregatesProjector projector) : ICommandHandler<Command, Result<Rebuilt>>
    {
        public async ValueTask<Result<Rebuilt>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new Accounts.Contracts.CheckProvinceWideAccess(Permissions.PublishData), cancellationToken))
                return Result<Rebuilt>.Forbidden("Chỉ quản trị cấp tỉnh dựng lại số liệu tổng hợp của bảng điều khiển.");
            return command.FromScratch
                ? new Rebuilt("fromScratch", await projector.RebuildFromScratchAsync(cancellationToken))
                : new Rebuilt("rollUps", await projector.RebuildRollUpsAsync(cancellationToken));
        }
    }

    /// <summary><c>BaoCao.Web rebuild-dashboards [--from-scratch]</c>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var projector = services.GetRequiredService<AggregatesProjector>();
        var fromScratch = Environment.GetCommandLineArgs().Contains("--from-scratch");
        var count = fromScratch ? await projector.RebuildFromScratchAsync(cancellationToken) : await projector.RebuildRollUpsAsync(cancellationToken);
        await output.WriteLineAsync(fromScratch
            ? $"Đã đọc lại {count:N0} thay đổi của kho số liệu đã duyệt."
            : $"Đã tổng hợp lại {count:N0} cặp chỉ số - kỳ theo cây đơn vị.");
        return 0;
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/dashboards/rebuild", async (bool? fromScratch, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Command(fromScratch ?? false), ct)).ToHttpResult())
                .WithTags("Bảng điều khiển")
                .WithSummary("Dựng lại số liệu tổng hợp (sau khi đổi cây đơn vị hoặc quy tắc tổng hợp của chỉ số)");
    }
}
