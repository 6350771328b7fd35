using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Persistence;
using BaoCao.SharedKernel.Exchange;

namespace BaoCao.Forms.Features;

/// <summary>
/// Data from another system in DHIS2's dataValueSets shape (R12). Imported values land in the unit's working copy, as if
/// its officer had typed them (same checks, same audit, source "dhis2"): they reach approved data only through the unit's
/// own submission and its leader's approval, never directly. Values are grouped by form (dataSet), unit (orgUnit) and
/// period — each value may name its own, else the set's — and each group is saved by <see cref="EnterFormData"/>, all
/// groups in one transaction: a file is taken whole or not at all, even if the server stops half-way through it.
/// importStrategy: CREATE writes only empty cells, UPDATE only filled ones, DELETE clears,
/// CREATE_AND_UPDATE (default) writes both; CREATE, UPDATE and DELETE are checked against the cell's version read here,
/// so a cell someone saves in between is reported as a conflict, not overwritten. dryRun checks everything and writes
/// nothing. BaoCao's identifiers are its codes: idScheme=code and idScheme=id read the same.
/// </summary>
internal static class ImportDataValueSets
{
    private static readonly string[] Strategies = ["CREATE", "UPDATE", "CREATE_AND_UPDATE", "DELETE"];

    internal sealed record Command(DataValueSetInput? Body, bool DryRun, string? IdScheme, string? ImportStrategy) : ICommand<Result<ImportSummary>>;

    /// <param name="Status">SUCCESS (no conflict), WARNING (some values refused) or ERROR (nothing could be taken).</param>
    internal sealed record ImportSummary(string Status, bool DryRun, string ImportStrategy, ImportCount ImportCount, IReadOnlyList<ImportConflict> Conflicts);

    internal sealed record ImportCount(int Imported, int Updated, int Ignored, int Deleted);

    /// <param name="Object">What was refused: dataSet/orgUnit/period, and the dataElement with its combos where it is one value.</param>
    internal sealed record ImportConflict(string Object, string Value);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage("Cần nội dung JSON dạng dataValueSets: { dataSet, period, orgUnit, dataValues: [...] }.");
            RuleFor(c => c.Body!.DataValues).NotNull().WithMessage("Cần danh sách dataValues.").When(c => c.Body is not null);
            RuleFor(c => c.Body!.DataValues!.Count).LessThanOrEqualTo(EnterFormData.MaximumValues)
                .WithMessage($"Tối đa {EnterFormData.MaximumValues:N0} giá trị một lần gửi.".Replace(',', '.')).When(c => c.Body?.DataValues is not null);
            RuleFor(c => c.IdScheme).Must(DataValueSets.IsKnownIdScheme).WithMessage(DataValueSets.IdSchemeMessage);
            RuleFor(c => c.ImportStrategy).Must(s => string.IsNullOrWhiteSpace(s) || Strategies.Contains(Codes.Normalize(s)))
                .WithMessage("importStrategy chỉ nhận CREATE, UPDATE, CREATE_AND_UPDATE hoặc DELETE.");
        }
    }

    internal sealed class Handler(ISender sender) : ICommandHandler<Command, Result<ImportSummary>>
    {
        public async ValueTask<Result<ImportSummary>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The groups' saves join the command's transaction (TransactionBehavior), each in its own savepoint, so one
            // refused group does not undo the others.
            var strategy = string.IsNullOrWhiteSpace(command.ImportStrategy) ? "CREATE_AND_UPDATE" : Codes.Normalize(command.ImportStrategy);
            var body = command.Body!;
            int imported = 0, updated = 0, ignored = 0, deleted = 0;
            var conflicts = new List<ImportConflict>();
            static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : Codes.Normalize(value);
            var groups = body.DataValues!.GroupBy(v => (Form: Code(v?.DataSet ?? body.DataSet), Unit: Code(v?.OrgUnit ?? body.OrgUnit), Period: Code(v?.Period ?? body.Period)));
            foreach (var group in groups)
            {
                var (form, unit, period) = group.Key;
                var where = $"{form}/{unit}/{period}";
                void RefuseGroup(string message)
                {
                    conflicts.Add(new ImportConflict(where, message));
                    ignored += group.Count();
                }
                if (form is null || unit is null || period is null)
                {
                    RefuseGroup("Giá trị thiếu dataSet, orgUnit hoặc period (ở giá trị hoặc ở đầu tập).");
                    continue;
                }
                if (!await sender.Send(new CheckAccess(Permissions.EnterData, unit, form), cancellationToken))
                {
                    RefuseGroup($"Bạn không có quyền nhập số liệu biểu mẫu {form} cho đơn vị {unit}.");
                    continue;
                }
                var existing = await sender.Send(new EnterFormData.Read(form, unit, period), cancellationToken);
                if (existing.IsFailure)
                {
                    RefuseGroup(existing.Message ?? "Không đọc được số liệu hiện có.");
                    continue;
                }
                var cells = existing.Value!.Values.ToDictionary(v => (v.Indicator, v.Column, v.Disaggregation));
                var values = new List<EnterFormData.ValueBody?>();
                foreach (var value in group)
                {
                    var column = DataValueSets.Column(value?.AttributeOptionCombo);
                    var combo = DataValueSets.Disaggregation(value?.CategoryOptionCombo);
                    var element = Code(value?.DataElement) ?? "";
                    cells.TryGetValue((element, column, combo), out var cell);
                    var filled = cell is not null && (cell.Number is not null || cell.Text is not null);
                    var refusal = strategy switch
                    {
                        "CREATE" when filled => "Ô đã có giá trị; importStrategy=CREATE không ghi đè.",
                        "UPDATE" or "DELETE" when !filled => "Ô chưa có giá trị để " + (strategy == "UPDATE" ? "cập nhật (importStrategy=UPDATE)." : "xóa."),
                        _ => null,
                    };
                    if (refusal is not null)
                    {
                        conflicts.Add(new ImportConflict($"{where}/{element}/{combo}/{column}", refusal));
                        ignored++;
                        continue;
                    }
                    // Checked against what was read here: a cell saved in between becomes a conflict, not an overwrite.
                    long? version = strategy == "CREATE_AND_UPDATE" ? null : cell?.Version ?? 0;
                    values.Add(new EnterFormData.ValueBody(value?.DataElement, column, combo, strategy == "DELETE" ? null : MachineNumber(value?.Value), value?.Comment, version));
                }
                if (values.Count == 0)
                    continue;
                var saved = await sender.Send(new EnterFormData.Save(form, unit, period, command.DryRun, values, Source: "dhis2"), cancellationToken);
                if (saved.IsFailure)
                {
                    conflicts.Add(new ImportConflict(where, saved.Message ?? "Không lưu được."));
                    ignored += values.Count;
                    continue;
                }
                var summary = saved.Value!;
                if (strategy == "DELETE")
                    deleted += summary.Updated;
                else
                    (imported, updated) = (imported + summary.Imported, updated + summary.Updated);
                ignored += summary.Ignored;
                conflicts.AddRange(summary.Conflicts.Select(c => new ImportConflict($"{where}/{c.Indicator}/{c.Disaggregation}/{c.Column}", c.Message)));
            }
            var taken = imported + updated + deleted;
            var status = conflicts.Count == 0 ? "SUCCESS" : taken > 0 || ignored < body.DataValues!.Count ? "WARNING" : "ERROR";
            return new ImportSummary(status, command.DryRun, strategy, new ImportCount(imported, updated, ignored, deleted), conflicts);
        }
    }

    /// <summary>DHIS2 sends numbers as strings in machine format ("1234.5"); typed entry reads strings the Vietnamese way
    /// (1.234,5), so a machine-format number string is passed on as a number.</summary>
    private static JsonElement? MachineNumber(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } text
        && decimal.TryParse(text.GetString(), System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowExponent,
            System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonSerializer.SerializeToElement(number)
            : value;

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/exchange/dataValueSets", async (DataValueSetInput? body, bool? dryRun, string? idScheme, string? importStrategy,
                    ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Command(body, dryRun ?? false, idScheme, importStrategy), ct)).ToHttpResult())
                .RequireRateLimiting(SharedKernel.Http.RateLimits.ExchangeInbound)
                .WithMetadata(new SharedKernel.Http.UploadLimit(20 * 1024 * 1024)) // 20,000 values or a packet of them
                .WithTags("Trao đổi dữ liệu")
                .Produces<ImportSummary>()
                .WithSummary("Nhận số liệu dạng dataValueSets của DHIS2 vào bản nhập của đơn vị (chờ đơn vị trình và lãnh đạo duyệt)");
    }
}
