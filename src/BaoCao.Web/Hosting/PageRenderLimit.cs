using Microsoft.AspNetCore.Components.Endpoints;

namespace BaoCao.Web.Hosting;

/// <summary>
/// Server-side renders of pages run a few at a time (two per core); the others wait their turn. A page render holds its
/// whole component tree and markup in memory, and on a deadline morning a hundred leaders opening the same dashboard at
/// once would otherwise hold a hundred of them: on 2 cores they finish no sooner, they only take more memory. API calls
/// and live (interactive) circuits are not limited.
/// </summary>
internal static class PageRenderLimit
{
    public static WebApplication UsePageRenderLimit(this WebApplication app)
    {
        var gate = new SemaphoreSlim(Environment.ProcessorCount * 2);
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            {
                await next(context);
                return;
            }
            await gate.WaitAsync(context.RequestAborted);
            try
            {
                await next(context);
            }
            finally
            {
                gate.Release();
            }
        });
        return app;
    }
}
