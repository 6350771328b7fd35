namespace BaoCao.SharedKernel.Persistence;

/// <summary>
/// Optimistic concurrency that works on both providers: SQLite has no server-generated row version, so the
/// application increments <see cref="Version"/> on every update and EF Core checks it in the WHERE clause.
/// A stale save throws <c>DbUpdateConcurrencyException</c>, which the API reports as 409.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
