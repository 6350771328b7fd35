using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// Malformed requests generated from the app's own OpenAPI document — every operation, its path and query parameters
/// and its JSON body, each filled with wrong types, huge strings, NaN and infinities, 29-digit numbers, invalid UTF-8,
/// decomposed (NFD) Vietnamese, CR/LF and NUL — as a signed-in province administrator (who reaches the most handlers)
/// and anonymously. No answer may be a 500 and no unhandled exception may be logged; an oversized body is a 413.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>10,000 on SQLite; on PostgreSQL (which refuses NUL in text, unlike SQLite) a third of that, for time.</summary>
    private static int Requests(DatabaseKind database) => database == DatabaseKind.Sqlite ? 10_000 : 3_000;

    private static readonly string[] Texts =
    [
        "", " ", "-1", "0", "NaN", "Infinity", "-Infinity", "1e400", "12345678901234567890123456789", "99999999999999999999999999999.99",
        new string('x', 20_000), "Ha\u0300 No\u0323i", "Hà Nội", "a\r\nb", "a\u0000b", "\u202Etxt", "../../etc/passwd", "%00", "' OR 1=1 --",
        "<script>alert(1)</script>", "2026-02-30", "00000000-0000-0000-0000-000000000000", "☃", "\uD800",
    ];

    private static readonly JsonNode?[] Values =
    [
        null, JsonValue.Create(true), JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue), JsonValue.Create(1e300),
        JsonValue.Create(""), JsonValue.Create(new string('y', 100_000)), JsonValue.Create("NaN"), JsonValue.Create("Ha\u0300 No\u0323i"),
        JsonValue.Create("a\r\nb\u0000c"), new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
        JsonValue.Create("2026-13-45"), JsonValue.Create("12345678901234567890123456789"),
    ];

    /// <summary>Bodies no serializer writes: each is sent as it is.</summary>
    private static readonly byte[][] RawBodies =
    [
        [], "{"u8.ToArray(), "null"u8.ToArray(), "[]"u8.ToArray(), "{\"a\":NaN}"u8.ToArray(), "{\"a\":Infinity}"u8.ToArray(),
        "{\"value\":123456789012345678901234567890123456789}"u8.ToArray(), [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], // invalid UTF-8
        Encoding.UTF8.GetBytes(new string('[', 5_000)), "\"just a string\""u8.ToArray(), "{\"a\":1,\"a\":2}"u8.ToArray(),
    ];

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Ten_thousand_malformed_requests_from_the_OpenAPI_document_get_no_500_and_log_no_unhandled_exception(DatabaseKind database)
    {
        var logs = new LogCollector(LogLevel.Error);
        var total = Requests(database);
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Exchange:InboundPerMinute"] = "100000" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var operations = Operations(document.RootElement).ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations in the document");
        var admin = await app.SignedInAsAsync("admin");
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var random = new Random(2026);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var sent = 0;
        while (sent < total)
        {
            var operation = operations[sent % operations.Count];
            using var request = Mutate(operation, document.RootElement, random);
            var client = random.Next(10) == 0 ? anonymous : admin;
            using var response = await client.SendAsync(request);
            sent++;
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
                failures.Add($"{(int)response.StatusCode} {request.Method} {request.RequestUri?.ToString()[..Math.Min(200, request.RequestUri.ToString().Length)]}");
            if (response.StatusCode == HttpStatusCode.Unauthorized && client == admin)
                admin = await app.SignedInAsAsync("admin"); // an operation signed the administrator out: sign in again
        }

        // An oversized body is refused before anything reads it.
        using var huge = new HttpRequestMessage(HttpMethod.Post, "/api/forms/data") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };
        huge.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var oversized = await admin.SendAsync(huge);

        // NUL is refused at the door with a Vietnamese reason (PostgreSQL cannot store or compare it; SQLite can).
        using var nulQuery = await admin.GetAsync("/api/accounts?search=a%00b");
        using var nulBody = await admin.PostAsync("/api/exchange/reconciliations", new StringContent("{\"source\":\"Ng\\u0000uon\",\"data\":{\"dataValues\":[]}}", Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, true), (nulQuery.StatusCode, (await nulQuery.Content.ReadAsStringAsync()).Contains("ký tự NUL")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (nulBody.StatusCode, (await nulBody.Content.ReadAsStringAsync()).Contains("Trường 'source' chứa ký tự NUL")));

        Console.WriteLine($"Fuzz: {sent} requests, {operations.Count} operations; answers " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}").Distinct().ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} answers of 500 or more in {sent} requests:\n{string.Join("\n", failures.Distinct().Take(40))}");
        Assert.True(errors.Count == 0, $"errors logged:\n{string.Join("\n", errors.Take(40))}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.True(statuses.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value) > total / 2, string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
    }

    private sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, string In)> Parameters, JsonElement? BodySchema);

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Name.StartsWith("/api/", StringComparison.Ordinal) || path.Name.Contains("/auth/logout", StringComparison.Ordinal))
                continue;
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!)).ToList()
                    : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema) ? schema : null;
                yield return new Operation(operation.Name.ToUpperInvariant(), path.Name, parameters, body);
            }
        }
    }

    /// <summary>One malformed request for an operation: every parameter gets a hostile text (or a plausible one), and the
    /// body is either a raw non-JSON-ish payload or a schema-shaped object with one or more members poisoned.</summary>
    private static HttpRequestMessage Mutate(Operation operation, JsonElement document, Random random)
    {
        string Pick() => random.Next(4) == 0 ? "STC" : Texts[random.Next(Texts.Length)];
        var path = operation.Path;
        var query = new List<string>();
        foreach (var (name, location) in operation.Parameters)
        {
            if (location == "path") // a NUL in the path never reaches the app: Kestrel refuses it (the in-process server throws)
                path = path.Replace($"{{{name}}}", Escape(Pick().Replace("\u0000", "", StringComparison.Ordinal)), StringComparison.Ordinal);
            else if (location == "query" && random.Next(3) > 0)
                query.Add($"{Uri.EscapeDataString(name)}={Escape(Pick())}");
        }
        if (random.Next(20) == 0)
            path += "%C3%28"; // invalid UTF-8 in the path
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
        if (operation.Method is "GET" or "DELETE" || (operation.BodySchema is null && random.Next(2) == 0))
            return request;
        byte[] body;
        if (operation.BodySchema is not { } schema || random.Next(4) == 0)
            body = RawBodies[random.Next(RawBodies.Length)];
        else
        {
            var node = Example(schema, document, 0) ?? new JsonObject();
            Poison(node, random);
            body = Encoding.UTF8.GetBytes(node.ToJsonString());
        }
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(15) == 0 ? "text/plain" : "application/json");
        return request;
    }

    /// <summary>Percent-encoding, a lone surrogate included (as the invalid UTF-8 bytes a careless client sends).</summary>
    private static string Escape(string text) => text == "\uD800" ? "%ED%A0%80" : Uri.EscapeDataString(text);

    /// <summary>A value of the schema's shape (objects with all their members), to be poisoned.</summary>
    private static JsonNode? Example(JsonElement schema, JsonElement document, int depth)
    {
        if (depth > 6)
            return null;
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").TryGetProperty(name, out var target) ? Example(target, document, depth + 1) : null;
        }
        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString()
            : schema.TryGetProperty("properties", out _) ? "object" : null;
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject())
                        result[property.Name] = Example(property.Value, document, depth + 1);
                return result;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Example(items, document, depth + 1)) : new JsonArray();
            case "integer": return JsonValue.Create(1);
            case "number": return JsonValue.Create(1.5);
            case "boolean": return JsonValue.Create(true);
            case "string": return JsonValue.Create("STC");
            default: return null;
        }
    }

    private static void Poison(JsonNode node, Random random)
    {
        var members = new List<(JsonObject Owner, string Name)>();
        void Collect(JsonNode? current)
        {
            if (current is JsonObject obj)
                foreach (var (name, child) in obj.ToList())
                {
                    members.Add((obj, name));
                    Collect(child);
                }
            else if (current is JsonArray array)
                foreach (var child in array)
                    Collect(child);
        }
        Collect(node);
        if (members.Count == 0)
            return;
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            var (owner, name) = members[random.Next(members.Count)];
            owner[name] = Values[random.Next(Values.Length)]?.DeepClone();
        }
        if (random.Next(5) == 0 && node is JsonObject root)
            root["unitCode"] = "SNV"; // an extra or foreign member
    }
}
