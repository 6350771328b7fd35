using System.Text.Json;
using BaoCao.Accounts.Contracts;

namespace BaoCao.Workflow.Features;

/// <summary>
/// A signed "report-data" packet (QCVN 125's report data message) for another system: the approved values of one form,
/// period and unit (<see cref="ExportDataValueSets"/>, same scope) as the body of a JWS signed with the province's key
/// (Accounts). The receiver checks it with the keys published at <c>/api/exchange/keys</c>.
/// </summary>
internal static class SendReportDataPacket
{
    public const string Type = SharedKernel.Exchange.DataValueSets.ReportDataPacket;

    internal sealed record Packet(string PacketId, string Type, DateTimeOffset ExpiresAt, string Jws);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/exchange/packets/report-data", async (string? dataSet, string? period, string? orgUnit, ISender sender, CancellationToken ct) =>
                {
                    var values = await sender.Send(new ExportDataValueSets.Query(dataSet, period, orgUnit, null, false), ct);
                    if (values.IsFailure)
                        return values.ToHttpResult();
                    var signed = await sender.Send(new SignPacket(Type, JsonSerializer.Serialize(values.Value, Json)), ct);
                    return TypedResults.Ok(new Packet(signed.PacketId, Type, signed.ExpiresAt, signed.Jws));
                })
                .WithTags("Trao đổi dữ liệu")
                .WithSummary("Gói tin dữ liệu báo cáo (số liệu đã duyệt của một biểu mẫu, kỳ, đơn vị) có chữ ký số của tỉnh");
    }
}
