using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.SharedKernel.Exchange;
using BaoCao.Workflow.Contracts;

namespace BaoCao.Forms.Features;

/// <summary>
/// The inbound endpoint for sectoral systems and other provinces (R12): a signed packet is checked (trusted partner key,
/// intact signature, sender, lifetime, never applied before — Accounts), then applied: a "report-data" or "list-report-data" packet's values go
/// into the units' working copies through <see cref="ImportDataValueSets"/> (never straight into approved data), under
/// the caller's own permissions (an API token's unit and permissions for a system), then submitted for the unit leader's
/// approval (a unit whose data cannot be submitted yet — a missing required cell — keeps it as a draft, with the reason
/// in the answer). Its id is recorded once applied,
/// so the same packet sent again is refused. Every refusal is logged with its reason.
/// </summary>
internal static class ReceivePacket
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Its own transactions: it coordinates commands of other modules (Accounts checks and records the packet,
    /// Workflow submits), each committing on its own; on SQLite a Forms transaction held around them would lock them out.</summary>
    internal sealed record Command(string? Packet) : ICommand<Result<Received>>, IOwnTransaction;

    /// <param name="Submissions">Each form, unit and period the packet filled, submitted for approval (or why not).</param>
    internal sealed record Received(string PacketId, string Type, string Sender, ImportDataValueSets.ImportSummary Summary, IReadOnlyList<ReceivedSubmission> Submissions);

    /// <param name="State">Submitted when it awaits the leader's approval; otherwise the state it stays in, with the reason.</param>
    internal sealed record ReceivedSubmission(string DataSet, string OrgUnit, string Period, string State, string? Refusal);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Packet).NotEmpty().WithMessage("Cần gói tin (packet): chuỗi JWS có chữ ký của đối tác.")
                .MaximumLength(20_000_000).WithMessage("Gói tin lớn quá 20 MB.");
    }

    internal sealed class Handler(ISender sender) : ICommandHandler<Command, Result<Received>>
    {
        public async ValueTask<Result<Received>> Handle(Command command, CancellationToken cancellationToken)
        {
            var check = await sender.Send(new VerifyPacket(command.Packet!), cancellationToken);
            if (check.Refusal is { } refusal)
                return check.Replayed ? Result<Received>.Conflict(refusal) : Result<Received>.Invalid(refusal, "packet");
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            DataValueSetInput? body;
            try
            {
                body = check.Type switch
                {
                    DataValueSets.ReportDataPacket => JsonSerializer.Deserialize<DataValueSetInput>(check.BodyJson!, Json),
                    DataValueSets.ListReportDataPacket => FromList(JsonSerializer.Deserialize<ListReportData>(check.BodyJson!, Json)!),
                    _ => null,
                };
            }
            catch (JsonException)
            {
                return Result<Received>.Invalid($"Nội dung gói tin {check.Type} không đúng lược đồ đã công bố (/api/exchange/schemas/{check.Type}).", "packet");
            }
            if (body is null)
                return Result<Received>.Invalid($"Loại gói tin '{check.Type}' không nhận vào hệ thống (nhận: {DataValueSets.ReportDataPacket}, {DataValueSets.ListReportDataPacket}).", "packet");
            body = InBaoCaoCodes(body, codes);
            var imported = await sender.Send(new ImportDataValueSets.Command(body, DryRun: false, IdScheme: "code", ImportStrategy: "CREATE_AND_UPDATE"), cancellationToken);
            if (imported.IsFailure)
                return Result<Received>.From(imported);
            // Nothing could be taken (no permission for any of its units…): not recorded, so it can be sent again once fixed.
            if (imported.Value!.Status == "ERROR")
                return new Received(check.PacketId!, check.Type!, check.Sender!, imported.Value, []);
            if (!await sender.Send(new RecordPacket(check.PacketId!, check.Sender!, check.Type!, check.ExpiresAt!.Value), cancellationToken))
                return Result<Received>.Conflict($"Gói tin {check.PacketId} đã được nhận trước đó; gửi lại cùng một gói tin không được chấp nhận.");
            // Data from another system is the unit's data like any other: submitted for its leader's approval, never approved here.
            var submissions = new List<ReceivedSubmission>();
            foreach (var (form, unit, period) in Groups(body))
            {
                var outcome = await sender.Send(new SubmitForApproval(form, unit, period), cancellationToken);
                submissions.Add(new ReceivedSubmission(form, codes.ToExchange(unit), period, outcome.State.ToString(), outcome.Refusal));
            }
            return new Received(check.PacketId!, check.Type!, check.Sender!, imported.Value!, submissions);
        }
    }

    private static IEnumerable<(string Form, string Unit, string Period)> Groups(DataValueSetInput body) =>
        (body.DataValues ?? []).OfType<DataValueInput>()
            .Select(v => (Form: Codes.Normalize(v.DataSet ?? body.DataSet), Unit: Codes.Normalize(v.OrgUnit ?? body.OrgUnit),
                Period: Codes.Normalize(v.Period ?? body.Period)))
            .Where(g => !string.IsNullOrEmpty(g.Form) && !string.IsNullOrEmpty(g.Unit) && !string.IsNullOrEmpty(g.Period))
            .Select(g => (g.Form!, g.Unit!, g.Period!)).Distinct().OrderBy(g => g.Item1).ThenBy(g => g.Item2).ThenBy(g => g.Item3);

    /// <summary>One value per cell of each row, each naming its unit, as dataValueSets carries them.</summary>
    private static DataValueSetInput FromList(ListReportData list) => new(list.DataSet, list.Period, null,
        [.. list.Rows.SelectMany(row => row.Values.Select(cell => new DataValueInput(null, cell.DataElement, null, row.OrgUnit, cell.CategoryOptionCombo,
            cell.AttributeOptionCombo, JsonSerializer.SerializeToElement(cell.Value), null)))]);

    /// <summary>Packets name units by their national administrative code where they have one.</summary>
    private static DataValueSetInput InBaoCaoCodes(DataValueSetInput body, UnitExchangeCodes codes) => body with
    {
        OrgUnit = body.OrgUnit is null ? null : codes.FromExchange(body.OrgUnit),
        DataValues = body.DataValues?.Select(v => v is { OrgUnit: { } unit } ? v with { OrgUnit = codes.FromExchange(unit) } : v).ToList(),
    };

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/exchange/packets", async (PacketBody? body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Command(body?.Packet), ct)).ToHttpResult())
                .RequireRateLimiting(SharedKernel.Http.RateLimits.ExchangeInbound)
                .WithMetadata(new SharedKernel.Http.UploadLimit(20 * 1024 * 1024)) // 20,000 values or a packet of them
                .WithTags("Trao đổi dữ liệu")
                .Produces<Received>()
                .WithSummary("Nhận gói tin có chữ ký của đối tác (report-data, list-report-data: số liệu vào bản nhập của đơn vị, chờ trình và duyệt)");
    }

    internal sealed record PacketBody(string? Packet);
}
