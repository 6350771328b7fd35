using Microsoft.AspNetCore.Components;

namespace BaoCao.UI;

/// <summary>
/// A page whose actions run one after another in the order they were asked (a cell saved twice keeps the last value
/// typed, an automatic save finishes before "Trình duyệt" reads the report), with a re-render when an action ends, whatever happened. Each call still runs in a DI scope of its own (the host's
/// page sender); the order is the page's business, not the database's.
/// </summary>
public abstract class BusyComponent : ComponentBase
{
    // Never disposed on purpose: without AvailableWaitHandle a SemaphoreSlim holds nothing to release.
    private readonly SemaphoreSlim _inOrder = new(1, 1);

    /// <summary>Runs <paramref name="action"/> after the actions asked before it.</summary>
    protected async Task RunAsync(Func<Task> action)
    {
        await _inOrder.WaitAsync();
        try { await action(); }
        finally
        {
            _inOrder.Release();
            StateHasChanged();
        }
    }
}
