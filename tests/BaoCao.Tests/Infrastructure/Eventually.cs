namespace BaoCao.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds (background work such as the outbox), failing after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, double timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Still false after {timeoutSeconds} s: {because}");
            await Task.Delay(50);
        }
    }
}
