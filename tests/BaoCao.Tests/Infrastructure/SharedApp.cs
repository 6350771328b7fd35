namespace BaoCao.Tests.Infrastructure;

/// <summary>One app on SQLite shared by the tests of a class that only read (page renders): starting one costs seconds.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public BaoCaoApp Instance { get; private set; } = null!;

    public async Task InitializeAsync() => Instance = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);

    public async Task DisposeAsync() => await Instance.DisposeAsync();
}
