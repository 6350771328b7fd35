using Microsoft.AspNetCore.Components;

namespace BaoCao.UI;

/// <summary>
/// A page whose actions run one after another in the order they were asked (a cell saved twice keeps the last value
/// typed, an automatic save finishes before "Trình duyệt" reads the report), with <see cref="Busy"/> for the buttons
/// and a re-render when an action ends, whatever happened. Each call still runs in a DI scope of its own (the host's
/// page sender); the order is the page's business, not the database's.
/// </summary>
public abstract class BusyComponent : ComponentBase
{
    // Never disposed on purpose: without AvailableWaitHandle a SemaphoreSlim holds nothing to release.
    private readonly SemaphoreSlim _inOrder = new(1, 1);
    private int _running;

    /// <summary>An action is running or waiting.</summary>
    protected bool Busy => _running > 0;

    /// <summary>Runs <paramref name="action"/> after the actions asked before it.</summary>
    protected async Task RunAsync(Func<Task> action)
    {
        _running++;
        await _inOrder.WaitAsync();
        try { await action(); }
        finally
        {
            _inOrder.Release();
            _running--;
            StateHasChanged();
        }
    }

    /// <summary>For a button: ignored (false) while another action runs, so a double click acts once.</summary>
    protected async Task<bool> TryRunAsync(Func<Task> action)
    {
        if (Busy)
            return false;
        await RunAsync(action);
        return true;
    }
}
