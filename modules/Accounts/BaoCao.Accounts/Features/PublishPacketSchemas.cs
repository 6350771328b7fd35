using BaoCao.Accounts.Integration;

namespace BaoCao.Accounts.Features;

/// <summary>
/// The catalogue of exchange packet types (QCVN 125 message types) with a JSON Schema for each, public like the keys:
/// a partner building or reading packets needs them before it has an account. Generated from the body records the
/// modules register, so what is published is what is sent and what incoming packets are checked against.
/// </summary>
internal static class PublishPacketSchemas
{
    internal sealed record PacketTypeView(string Type, string Title, string Description, bool Inbound, string Schema, string? Outbound);

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var schemas = app.MapGroup("/api/exchange/schemas").WithTags("Trao đổi dữ liệu").AllowAnonymous();
            schemas.MapGet("", (PacketSchemas catalogue) => TypedResults.Ok(catalogue.Types.Select(t => new PacketTypeView(t.Name, t.Title, t.Description, t.Inbound,
                    $"/api/exchange/schemas/{t.Name}", $"/api/exchange/packets/{t.Name}")).ToList()))
                .WithSummary("Danh mục loại gói tin trao đổi (theo QCVN 125) và đường dẫn lược đồ JSON của từng loại");
            schemas.MapGet("/{type}", IResult (string type, PacketSchemas catalogue, HttpRequest request) =>
                    catalogue.Published(type, $"{request.Scheme}://{request.Host}{request.PathBase}") is { } schema
                        ? TypedResults.Text(schema.ToJsonString(SchemaJson), "application/schema+json; charset=utf-8")
                        : TypedResults.Problem(statusCode: 404, title: "Không tìm thấy", detail: $"Không có loại gói tin '{type}'. Danh mục: /api/exchange/schemas."))
                .Produces<string>(200, "application/schema+json")
                .ProducesProblem(404)
                .WithSummary("Lược đồ JSON (draft 2020-12) của một loại gói tin: phần nội dung đã ký gồm id, type, sender, issuedAt, expiresAt, body");
        }

        private static readonly System.Text.Json.JsonSerializerOptions SchemaJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }
}
