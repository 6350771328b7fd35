using Xunit.Abstractions;
using Xunit.Sdk;

namespace BaoCao.Tests.Infrastructure;

/// <summary>
/// A theory over <see cref="Databases.All"/>. The PostgreSQL row is skipped, with the reason, on a machine
/// without <c>BAOCAO_TEST_POSTGRES</c> — unless CI=true, where nothing may be skipped and it fails instead.
/// </summary>
[XunitTestCaseDiscoverer("BaoCao.Tests.Infrastructure.DatabaseTheoryDiscoverer", "BaoCao.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public const string SkipReason =
        "PostgreSQL tests need a server: set BAOCAO_TEST_POSTGRES to an admin connection string " +
        "(e.g. Host=127.0.0.1;Username=postgres;Password=postgres) or run build/start-postgres.sh.";

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        if (dataRow.Contains(DatabaseKind.PostgreSql) && Databases.PostgresConnectionString is null && !Databases.IsCi)
            return CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, SkipReason);
        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
