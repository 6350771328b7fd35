using BaoCao.Deadlines.Contracts;
using BaoCao.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Deadlines;

/// <summary>What other modules ask the calendar through Deadlines' Contracts.</summary>
public sealed class CalendarContractTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Other_modules_get_working_days_and_period_deadlines(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        Task<T> Ask<T>(IQuery<T> query) => app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(query).AsTask());

        Assert.False(await Ask(new IsWorkingDay(new DateOnly(2026, 9, 2))));
        Assert.True(await Ask(new IsWorkingDay(new DateOnly(2026, 8, 22)))); // working Saturday
        Assert.Equal(new DateOnly(2026, 2, 23), await Ask(new NextWorkingDay(new DateOnly(2026, 2, 14))));
        Assert.Equal(new DateOnly(2026, 9, 3), await Ask(new AddWorkingDays(new DateOnly(2026, 8, 28), 1)));
        var quarter = await Ask(new GetPeriodInfo("2026Q1"));
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 20)), (quarter!.CutOffStart, quarter.CutOffEnd, quarter.DueDate));
        Assert.Null(await Ask(new GetPeriodInfo("2026Q9")));
    }
}
