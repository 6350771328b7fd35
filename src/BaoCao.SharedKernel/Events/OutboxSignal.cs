namespace BaoCao.SharedKernel.Events;

/// <summary>Wakes the outbox dispatcher right after a save that published something, so delivery is
/// immediate in the common case; the dispatcher's polling covers commits it was not told about.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { } // already awake: one pending wake-up is enough
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
