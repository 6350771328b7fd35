using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using BaoCao.SharedKernel.Exchange;
using Json.Schema;

namespace BaoCao.Accounts.Integration;

/// <summary>
/// The JSON Schemas of the packet types the modules registered (<see cref="ExchangePacketType"/>): generated from each
/// body's C# record with the serializer options packets are written with, so the published schema is what is sent.
/// An incoming packet's body is evaluated against the same schema before any module applies it.
/// </summary>
internal sealed class PacketSchemas(IEnumerable<ExchangePacketType> types)
{
    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    private readonly IReadOnlyList<ExchangePacketType> types = [.. types.OrderBy(t => t.Name, StringComparer.Ordinal)];
    private readonly ConcurrentDictionary<string, (JsonObject Published, JsonSchema Compiled)> schemas = new();

    public IReadOnlyList<ExchangePacketType> Types => types;

    public ExchangePacketType? Find(string name) => types.FirstOrDefault(t => t.Name == name);

    /// <summary>The schema of a whole packet payload of this type (envelope and body), to publish.</summary>
    public JsonObject? Published(string name, string baseUrl)
    {
        if (Find(name) is not { } type)
            return null;
        var schema = (JsonObject)Build(type).Published.DeepClone();
        schema.Insert(1, "$id", $"{baseUrl.TrimEnd('/')}/api/exchange/schemas/{name}");
        return schema;
    }

    /// <summary>Why a body does not match its type's schema (at most five places, in Vietnamese), or null when it does.</summary>
    public string? Check(string name, JsonElement body)
    {
        if (Find(name) is not { } type)
            return $"Loại gói tin '{name}' không có trong danh mục gói tin (xem /api/exchange/schemas).";
        var result = Build(type).Compiled.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return null;
        var problems = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
            .Distinct().Take(5).ToList();
        return $"Nội dung gói tin '{name}' không khớp lược đồ đã công bố (/api/exchange/schemas/{name}): {string.Join("; ", problems)}.";
    }

    private (JsonObject Published, JsonSchema Compiled) Build(ExchangePacketType type) => schemas.GetOrAdd(type.Name, _ =>
    {
        var body = ExchangePackets.Json.GetJsonSchemaAsNode(type.BodyType, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var envelope = new JsonObject
        {
            ["$schema"] = Dialect,
            ["title"] = type.Title,
            ["description"] = type.Description + " Gói tin là JWS (ES256) dạng rút gọn; đây là lược đồ của phần nội dung (payload).",
            ["type"] = "object",
            ["required"] = new JsonArray("id", "type", "sender", "issuedAt", "expiresAt", "body"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["maxLength"] = 64, ["description"] = "Mã gói tin, duy nhất; gói tin trùng mã bị từ chối." },
                ["type"] = new JsonObject { ["const"] = type.Name },
                ["sender"] = new JsonObject { ["type"] = "string", ["description"] = "Mã hệ thống/đơn vị gửi (đối tác đã khai báo khóa)." },
                ["issuedAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["expiresAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Tối đa 7 ngày sau issuedAt." },
                ["body"] = body,
            },
        };
        return (envelope, JsonSchema.FromText(body.ToJsonString(), new BuildOptions()));
    });
}
