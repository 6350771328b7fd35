using System.Net;
using System.Net.Http.Json;
using System.Text;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Foundation;

/// <summary>Bad input is a 4xx ProblemDetails in Vietnamese, never a 500, and changes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const string Endpoint = "/api/calendar/working-days/add";
    private BaoCaoApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostRawAsync(string body, string mediaType = "application/json") =>
        _client.PostAsync(Endpoint, new StringContent(body, Encoding.UTF8, mediaType));

    [Fact]
    public async Task A_valid_request_is_answered()
    {
        var response = await _client.PostAsJsonAsync(Endpoint, new { from = "2026-11-27", days = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("2026-11-30", body!["date"].ToString()); // Friday + 1 working day = Monday
    }

    [Theory]
    [InlineData("{\"from\": \"2026-11-27\", \"days\": ")]
    [InlineData("{from: 2026-11-27}")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_JSON_is_a_400_problem(string body)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("Dữ liệu không hợp lệ", problem.Title);
        Assert.Contains("JSON", problem.Detail);
    }

    [Theory]
    [InlineData("{\"from\": \"2026-11-27\", \"days\": \"ba\"}")]
    [InlineData("{\"from\": \"27/11/2026\", \"days\": 1}")]
    [InlineData("{\"from\": \"2026-11-27\", \"days\": 1e40}")]
    [InlineData("{\"from\": \"2026-11-27\", \"days\": 99999999999999999999999999999}")]
    [InlineData("{\"from\": 20261127, \"days\": 1}")]
    public async Task Wrong_types_are_a_400_problem_naming_the_field(string body)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Matches("trường '(from|days)'", problem.Detail);
    }

    [Fact]
    public async Task Validation_errors_list_each_field_in_Vietnamese()
    {
        var response = await _client.PostAsJsonAsync(Endpoint, new { days = 5000 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(["Cần nhập ngày bắt đầu (định dạng YYYY-MM-DD)."], problem.Errors!["from"]);
        Assert.Equal(["Số ngày làm việc phải trong khoảng từ -366 đến 366."], problem.Errors["days"]);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var padding = new string('a', 2 * 1024 * 1024);
        var response = await PostRawAsync($"{{\"from\": \"2026-11-27\", \"days\": 1, \"note\": \"{padding}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Dữ liệu gửi lên quá lớn", (await response.ReadProblemAsync()).Title);
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_a_length_is_a_413_problem()
    {
        var padding = Encoding.UTF8.GetBytes($"{{\"from\": \"2026-11-27\", \"days\": 1, \"note\": \"{new string('a', 2 * 1024 * 1024)}\"}}");
        var content = new StreamContent(new MemoryStream(padding));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_body_or_the_wrong_media_type_is_a_4xx_problem()
    {
        var empty = await PostRawAsync("");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        await empty.ReadProblemAsync();

        var text = await PostRawAsync("{\"from\": \"2026-11-27\", \"days\": 1}", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        await text.ReadProblemAsync();
    }

    [Fact]
    public async Task Unknown_API_routes_are_a_404_problem()
    {
        var response = await _client.GetAsync("/api/khong-co");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy", (await response.ReadProblemAsync()).Title);
    }
}
