namespace BaoCao.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>Theory data: every integration test runs once per database.</summary>
public static class Databases
{
    public const string PostgresVariable = "BAOCAO_TEST_POSTGRES";

    public static TheoryData<DatabaseKind> All => [DatabaseKind.Sqlite, DatabaseKind.PostgreSql];

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
