namespace BaoCao.Tests.Infrastructure;

/// <summary>A test about PostgreSQL alone (e.g. several nodes on one database); skipped like the
/// PostgreSQL rows of <see cref="DatabaseTheoryAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Databases.PostgresConnectionString is null && !Databases.IsCi)
            Skip = DatabaseTheoryDiscoverer.SkipReason;
    }
}
