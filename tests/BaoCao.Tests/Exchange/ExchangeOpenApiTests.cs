using System.Text.Json;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Exchange;

/// <summary>The OpenAPI document describes every /api/exchange endpoint of the route table: summary, tag, parameters,
/// request body, the success answer with its schema and the Vietnamese problems it may answer.</summary>
public sealed class ExchangeOpenApiTests
{
    [Fact]
    public async Task Every_exchange_endpoint_is_described_with_its_answers_and_problems()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/exchange", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: e.RoutePattern.RawText!, Method: m.ToLowerInvariant())))
            .ToList();
        Assert.True(routes.Count >= 25, $"only {routes.Count} exchange routes found");

        var problems = new List<string>();
        foreach (var (path, method) in routes)
        {
            var documented = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:[^}]*)?\}", "{$1}");
            if (!(paths.TryGetProperty(documented, out var item) || paths.TryGetProperty(documented.TrimEnd('/'), out item)) || !item.TryGetProperty(method, out var operation))
            {
                problems.Add($"{method} {path}: missing");
                continue;
            }
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                problems.Add($"{method} {path}: no summary");
            if (!operation.TryGetProperty("tags", out var tags) || tags.EnumerateArray().All(t => t.GetString() != "Trao đổi dữ liệu"))
                problems.Add($"{method} {path}: not tagged 'Trao đổi dữ liệu'");
            var responses = operation.GetProperty("responses");
            var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0)
                problems.Add($"{method} {path}: no success answer");
            else if (success.All(r => r.Name != "204" && !r.Value.TryGetProperty("content", out _)))
                problems.Add($"{method} {path}: success answer without a schema");
            var isPublic = path is "/api/exchange/keys" or "/api/exchange/schemas/" or "/api/exchange/schemas/{type}";
            var takesInput = operation.TryGetProperty("parameters", out _) || operation.TryGetProperty("requestBody", out _);
            string[] expected = [.. isPublic ? [] : new[] { "401", "403" }, .. takesInput ? ["400"] : Array.Empty<string>()];
            foreach (var status in expected)
            {
                if (!responses.TryGetProperty(status, out var problem) || !problem.TryGetProperty("content", out JsonElement content)
                    || !content.TryGetProperty("application/problem+json", out JsonElement _))
                    problems.Add($"{method} {path}: {status} problem not described");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
