using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

public sealed class LunarApiTests : IAsyncLifetime
{
    private BaoCaoApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anyone_converts_a_solar_date_to_the_lunar_calendar()
    {
        var lunar = await _client.GetFromJsonAsync<JsonElement>("/api/calendar/lunar?date=2023-03-22");

        Assert.Equal(1, lunar.GetProperty("day").GetInt32());
        Assert.Equal(2, lunar.GetProperty("month").GetInt32());
        Assert.Equal(2023, lunar.GetProperty("year").GetInt32());
        Assert.True(lunar.GetProperty("isLeapMonth").GetBoolean());
    }

    [Fact]
    public async Task Anyone_converts_a_lunar_date_to_the_solar_calendar()
    {
        var tet = await _client.GetFromJsonAsync<JsonElement>("/api/calendar/solar?lunarYear=2026&lunarMonth=1&lunarDay=1");
        var leap = await _client.GetFromJsonAsync<JsonElement>("/api/calendar/solar?lunarYear=2025&lunarMonth=6&lunarDay=1&leap=true");

        Assert.Equal("2026-02-17", tet.GetProperty("date").GetString());
        Assert.Equal("2025-07-25", leap.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("/api/calendar/solar?lunarYear=2024&lunarMonth=3&lunarDay=1&leap=true")]
    [InlineData("/api/calendar/solar?lunarYear=2024&lunarMonth=13&lunarDay=1")]
    [InlineData("/api/calendar/solar?lunarYear=2024&lunarMonth=1")]
    [InlineData("/api/calendar/solar?lunarYear=abc&lunarMonth=1&lunarDay=1")]
    [InlineData("/api/calendar/lunar?date=2024-02-30")]
    [InlineData("/api/calendar/lunar?date=1800-01-01")]
    [InlineData("/api/calendar/lunar")]
    public async Task Impossible_or_malformed_dates_are_a_400_problem(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadProblemAsync()).Detail));
    }
}
