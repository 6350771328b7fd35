using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Integration;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Text;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Forms.Features;

/// <summary>
/// Officers (or other systems) save the values of one form for one unit and period — from the entry page, an Excel
/// file or the JSON API. Each value is checked against the form and the indicator (type, precision, disaggregation,
/// entered column); a bad value is a conflict in the summary, never an error of the whole request. A value sent with
/// the version the sender saw is refused when someone saved the cell since (both values are reported); a value
/// without a version overwrites. With an <c>Idempotency-Key</c>, a replay returns the first answer and writes nothing.
/// The whole request is one transaction.
/// </summary>
internal static class EnterFormData
{
    public const int MaximumValues = 20_000;

    internal sealed record Save(string? FormCode, string? UnitCode, string? Period, bool DryRun, IReadOnlyList<ValueBody?>? Values,
        string? IdempotencyKey = null, string Source = "api") : ICommand<Result<Summary>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.EnterData;
        string? IRequireAccess.UnitCode => Normalize(UnitCode);
        string? IRequireAccess.FormCode => Normalize(FormCode);
    }

    /// <param name="Value">A JSON number, a string (Vietnamese rule: 1.234,5), true/false, or null to clear the cell.</param>
    /// <param name="Version">The cell's version the sender saw; omitted, the value overwrites.</param>
    internal sealed record ValueBody(string? Indicator, string? Column, string? Disaggregation, JsonElement? Value, string? Comment, long? Version = null)
    {
        public static ValueBody Typed(string indicator, string column, string disaggregation, string? text, string? comment, long? version) =>
            new(indicator, column, disaggregation, text is null ? null : JsonSerializer.SerializeToElement(text), comment, version);
    }

    internal sealed record Summary(int Imported, int Updated, int Ignored, IReadOnlyList<Conflict> Conflicts);

    /// <param name="CurrentValue">For a concurrent edit: the value saved by the other person, and its version.</param>
    /// <param name="Code">A stable code where a caller branches on the kind (<see cref="Forms.Contracts.FormsErrorCodes"/>).</param>
    internal sealed record Conflict(string Indicator, string Message, string? Column = null, string? Disaggregation = null,
        string? CurrentValue = null, long? CurrentVersion = null, string? Code = null);

    internal sealed record Read(string? FormCode, string? UnitCode, string? Period) : IQuery<Result<FormData>>;

    internal sealed record FormData(string FormCode, string UnitCode, string Period, int FormVersion, IReadOnlyList<StoredValue> Values);

    internal sealed record StoredValue(string Indicator, string Column, string Disaggregation, decimal? Number, string? Text, string? Comment,
        long Version, DateTimeOffset UpdatedAt, string UpdatedBy)
    {
        public object? Value => Number is { } n ? n : Text;
    }

    private static string? Normalize(string? code) => string.IsNullOrWhiteSpace(code) ? null : Codes.Normalize(code);

    internal sealed class Validator : AbstractValidator<Save>
    {
        public Validator()
        {
            RuleFor(c => c.FormCode).NotEmpty().WithMessage("Cần mã biểu mẫu (formCode).");
            RuleFor(c => c.UnitCode).NotEmpty().WithMessage("Cần mã đơn vị báo cáo (unitCode).");
            RuleFor(c => c.Period).NotEmpty().WithMessage("Cần kỳ báo cáo (period), ví dụ 202611.");
            RuleFor(c => c.Values).NotNull().WithMessage("Cần danh sách giá trị (values).")
                .Must(v => v is null || v.Count <= MaximumValues).WithMessage($"Tối đa {MaximumValues:N0} giá trị mỗi lần gửi.");
            RuleFor(c => c.IdempotencyKey).MaximumLength(200).WithMessage("Idempotency-Key dài tối đa 200 ký tự.");
        }
    }

    internal sealed class Handler(FormsDbContext db, FormCache forms, ISender sender, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Save, Result<Summary>>, IQueryHandler<Read, Result<FormData>>
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private const string SavepointName = "form_save";

        // The data-entry read is the hottest query: compiled, it skips EF's per-call expression walk and cache lookup.
        // One per context type: a compiled query keeps the model of the first context it ran on, and the SQLite and
        // PostgreSQL contexts have different models (a process running both, as the tests do, got 500s otherwise).
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<FormsDbContext, string, string, string, IAsyncEnumerable<StoredValue>>> Compiled = new();

        private static IAsyncEnumerable<StoredValue> StoredValues(FormsDbContext db, string formCode, string unitCode, string period) =>
            Compiled.GetOrAdd(db.GetType(), _ => EF.CompileAsyncQuery((FormsDbContext context, string form, string unit, string p) => context.DataValues.AsNoTracking()
                .Where(v => v.FormCode == form && v.UnitCode == unit && v.Period == p)
                .Select(v => new StoredValue(v.Indicator, v.Column, v.Disaggregation, v.Number, v.Text, v.Comment, v.Version, v.UpdatedAt, v.UpdatedBy))))(db, formCode, unitCode, period);

        public async ValueTask<Result<Summary>> Handle(Save command, CancellationToken cancellationToken)
        {
            var formCode = Normalize(command.FormCode)!;
            var unitCode = Normalize(command.UnitCode)!;
            var resolved = await EntryTarget.ResolveAsync(db, forms, sender, formCode, unitCode, command.Period!.Trim(), cancellationToken);
            if (resolved.IsFailure)
                return Result<Summary>.From(resolved);
            var target = resolved.Value!;
            // A merged unit's periods after its last day are its successor's (grid, Excel upload and dataValueSets all save here).
            if (await sender.Send(new Accounts.Contracts.CheckUnitValidity(unitCode, target.Period.Code, target.Period.Start), cancellationToken) is { } closed)
                return Result<Summary>.Invalid(closed, "period");
            var status = await sender.Send(new Workflow.Contracts.GetSubmissionState(formCode, unitCode, target.Period.Code), cancellationToken);
            // A dry run answers exactly what the real save would: a closed period is refused either way.
            if (!status.EntryOpen)
                return Result<Summary>.Conflict(status.State == Workflow.Contracts.SubmissionState.Approved
                    ? "Số liệu kỳ này đã được duyệt: lãnh đạo cần mở lại (nêu lý do) trước khi sửa."
                    : "Số liệu kỳ này đã trình duyệt và đang chờ duyệt: không sửa được cho đến khi được trả lại.", Forms.Contracts.FormsErrorCodes.EntryClosed);
            var userName = user.UserName ?? "system";
            var hash = command.IdempotencyKey is null ? "" : Hash(command);
            for (var attempt = 1; ; attempt++)
            {
                if (command.IdempotencyKey is { } key && await db.IdempotentRequests.AsNoTracking()
                        .SingleOrDefaultAsync(r => r.UserName == userName && r.Key == key, cancellationToken) is { } earlier)
                {
                    return earlier.RequestHash == hash
                        ? JsonSerializer.Deserialize<Summary>(earlier.Response, Json)!
                        : Result<Summary>.Conflict("Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng khóa mới cho mỗi lần gửi.");
                }
                var (summary, newCells, newChanges) = await ApplyAsync(command, target, unitCode, userName, cancellationToken);
                if (command.DryRun)
                {
                    db.ChangeTracker.Clear();
                    return summary;
                }
                if (command.IdempotencyKey is { } newKey)
                    db.IdempotentRequests.Add(new IdempotentRequest(newKey, userName, hash, JsonSerializer.Serialize(summary, Json), clock.GetUtcNow()));
                // The command's transaction (TransactionBehavior), or the caller's (an import of several forms): this save
                // is a savepoint of it, so a lost race undoes only this attempt.
                var transaction = db.Database.CurrentTransaction
                    ?? throw new InvalidOperationException("EnterFormData.Save runs inside the command's transaction (TransactionBehavior).");
                try
                {
                    // New cells go in with multi-row inserts, changed cells through the tracked entities.
                    await transaction.CreateSavepointAsync(SavepointName, cancellationToken);
                    await db.InsertRowsAsync(newCells, cancellationToken);
                    await db.InsertRowsAsync(newChanges, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.ReleaseSavepointAsync(SavepointName, cancellationToken);
                    db.ChangeTracker.Clear();
                    return summary;
                }
                catch (Exception error) when (attempt < 4 && error is DbUpdateException or System.Data.Common.DbException)
                {
                    // The loop stays: someone saved one of these cells (or the same key) between our read and our write, and
                    // a read again in the same transaction sees it — values sent with a version become conflicts, the others apply.
                    await transaction.RollbackToSavepointAsync(SavepointName, cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }
        }

        private async Task<(Summary Summary, List<DataValue> NewCells, List<DataValueChange> NewChanges)> ApplyAsync(
            Save command, EntryTarget target, string unitCode, string userName, CancellationToken cancellationToken)
        {
            var newCells = new List<DataValue>();
            var newChanges = new List<DataValueChange>();
            var audited = new List<Forms.Contracts.ValueChange>();
            var period = target.Period.Code;
            var formCode = target.Form.Code;
            var stored = (await db.DataValues.Where(v => v.FormCode == formCode && v.UnitCode == unitCode && v.Period == period).ToListAsync(cancellationToken))
                .ToDictionary(v => (v.Indicator, v.Column, v.Disaggregation));
            var rows = target.Version.Layout.Rows.ToDictionary(r => r.Indicator);
            var columns = target.Version.Layout.Columns.Select(FormLayout.Key).ToHashSet();
            var now = clock.GetUtcNow();
            int imported = 0, updated = 0, ignored = 0;
            var conflicts = new List<Conflict>();
            var seen = new HashSet<(string, string, string)>();
            foreach (var body in command.Values!)
            {
                var (value, refusal) = Check(body, target, rows, columns, seen, stored);
                if (refusal is not null)
                {
                    conflicts.Add(refusal);
                    ignored++;
                    continue;
                }
                var key = (value.Indicator, value.Column, value.Disaggregation);
                stored.TryGetValue(key, out var cell);
                if (cell is null)
                {
                    if (value.Number is null && value.Text is null)
                    {
                        ignored++;
                        continue;
                    }
                    cell = new DataValue(formCode, target.Version.Number, unitCode, period, value.Indicator, value.IndicatorVersion, value.Column, value.Disaggregation);
                    newCells.Add(cell);
                    var created = cell.Set(value.Number, value.Text, value.Comment, now, userName, command.Source);
                    newChanges.Add(created);
                    audited.Add(new(value.Indicator, value.Column, value.Disaggregation, null, created.After, value.Comment));
                    imported++;
                }
                else if (cell.Same(value.Number, value.Text, value.Comment))
                {
                    ignored++;
                }
                else
                {
                    var change = cell.Set(value.Number, value.Text, value.Comment, now, userName, command.Source);
                    db.DataValueChanges.Add(change);
                    audited.Add(new(value.Indicator, value.Column, value.Disaggregation, change.Before, change.After, change.Comment));
                    updated++;
                }
            }
            // The audit trail (Workflow) learns of every change through the outbox, committed with the values.
            if (audited.Count > 0 && !command.DryRun)
                db.Publish(new Forms.Contracts.FormValuesChanged(Guid.NewGuid(), target.Form.Code, unitCode, target.Period.Code, userName, user.RemoteAddress,
                    command.Source, now, audited), now);
            return (new Summary(imported, updated, ignored, conflicts), newCells, newChanges);
        }

        /// <summary>A value that passed every check: the cell it writes and what it writes there.</summary>
        private readonly record struct CheckedValue(string Indicator, int IndicatorVersion, string Column, string Disaggregation,
            decimal? Number, string? Text, string? Comment);

        /// <summary>Checks one value against the form (indicator, column, disaggregation), the indicator (computed, type) and
        /// the cell as stored (the version the sender saw): the value to write, or why it is refused, in words.</summary>
        private static (CheckedValue Value, Conflict? Refusal) Check(ValueBody? body, EntryTarget target, IReadOnlyDictionary<string, FormRow> rows,
            IReadOnlySet<string> columns, HashSet<(string, string, string)> seen, IReadOnlyDictionary<(string, string, string), DataValue> stored)
        {
            var indicatorCode = Codes.Normalize(body?.Indicator) ?? "";
            var column = FormLayout.Parse(body?.Column);
            var columnKey = column is { } c ? FormLayout.Key(c) : body?.Column ?? "";
            var disaggregation = Codes.Normalize(body?.Disaggregation) ?? "";
            (CheckedValue, Conflict?) Refuse(string message, string? current = null, long? version = null, string? code = null) =>
                (default, new Conflict(indicatorCode, message, columnKey, disaggregation, current, version, code));

            if (body is null || indicatorCode.Length == 0)
                return Refuse("Thiếu mã chỉ số (indicator).");
            if (!rows.ContainsKey(indicatorCode) || !target.Indicators.TryGetValue(indicatorCode, out var indicator))
                return Refuse($"Chỉ số {indicatorCode} không có trong biểu mẫu {target.Form.Code} (phiên bản {target.Version.Number}).");
            if (column is null || !columns.Contains(columnKey))
                return Refuse($"Biểu mẫu không có cột '{body.Column}'.");
            if (!FormLayout.IsEntered(column.Value))
                return Refuse($"Cột '{columnKey}' do hệ thống tính hoặc lấy từ số liệu đã có, không nhập được.");
            if (indicator.IsComputed)
                return Refuse($"Chỉ số {indicatorCode} được tính theo công thức {indicator.Formula}, không nhập được.");
            if (disaggregation.Length > 0 && !indicator.Disaggregations.Any(d => d.Code == disaggregation))
                return Refuse(indicator.Disaggregations.Count == 0
                    ? $"Chỉ số {indicatorCode} không phân tổ."
                    : $"Phân tổ '{body.Disaggregation}' không có ở chỉ số {indicatorCode}; các phân tổ: {string.Join(", ", indicator.Disaggregations.Select(d => d.Code))}.");
            if (!seen.Add((indicatorCode, columnKey, disaggregation)))
                return Refuse("Ô này xuất hiện nhiều lần trong cùng một lần gửi.");
            if (body.Comment?.Length > 2000)
                return Refuse("Ghi chú dài quá 2.000 ký tự.");
            var (number, text, error) = Parse(body.Value, indicator);
            if (error is not null)
                return Refuse(error);
            stored.TryGetValue((indicatorCode, columnKey, disaggregation), out var cell);
            // An omitted comment keeps the cell's comment; an empty one clears it.
            var comment = body.Comment is null ? cell?.Comment : string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
            // A stale version matters only when it would change something: sending what is already there is no conflict.
            if (body.Version is { } seenVersion && (cell?.Version ?? 0) != seenVersion && !(cell?.Same(number, text, comment) ?? (number is null && text is null)))
                return Refuse(cell is null
                        ? "Ô này đã bị xóa hoặc chưa từng được lưu ở phiên bản bạn gửi."
                        : $"Ô này đã được {cell.UpdatedBy} sửa lúc {VietnamTime.Format(cell.UpdatedAt)}: giá trị hiện tại {DataValue.Display(cell.Number, cell.Text) ?? "(trống)"}, giá trị của bạn {DataValue.Display(number, text) ?? "(trống)"}. Hãy xem lại rồi lưu.",
                    DataValue.Display(cell?.Number, cell?.Text), cell?.Version, cell is null ? Forms.Contracts.FormsErrorCodes.DeletedCell : Forms.Contracts.FormsErrorCodes.StaleCell);
            return (new CheckedValue(indicatorCode, indicator.Version, columnKey, disaggregation, number, text, comment), null);
        }

        public async ValueTask<Result<FormData>> Handle(Read query, CancellationToken cancellationToken)
        {
            var formCode = Normalize(query.FormCode);
            var unitCode = Normalize(query.UnitCode);
            if (formCode is null || unitCode is null || string.IsNullOrWhiteSpace(query.Period))
                return Result<FormData>.Invalid("Cần formCode, unitCode và period.");
            if (!await sender.Send(new CheckAccess(Permissions.EnterData, unitCode, formCode), cancellationToken)
                && !await sender.Send(new CheckAccess(Permissions.ApproveData, unitCode, formCode), cancellationToken))
                return Result<FormData>.Forbidden("Bạn không có quyền xem số liệu biểu mẫu này của đơn vị này.");
            var resolved = await EntryTarget.ResolveAsync(db, forms, sender, formCode, unitCode, query.Period.Trim(), cancellationToken, withIndicators: false);
            if (resolved.IsFailure)
                return Result<FormData>.From(resolved);
            var target = resolved.Value!;
            var values = new List<StoredValue>();
            await foreach (var value in StoredValues(db, formCode, unitCode, target.Period.Code).WithCancellation(cancellationToken))
                values.Add(value);
            return new FormData(formCode, unitCode, target.Period.Code, target.Version.Number,
                [.. values.OrderBy(v => v.Indicator).ThenBy(v => v.Column).ThenBy(v => v.Disaggregation)]);
        }

        private static string Hash(Save command) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { command.FormCode, command.UnitCode, command.Period, command.DryRun, command.Values }, Json))));
    }

    /// <summary>The value as the indicator takes it: a number (yes/no as 1 and 0), or text; or why it is not one.</summary>
    internal static (decimal? Number, string? Text, string? Error) Parse(JsonElement? value, IndicatorInfo indicator)
    {
        if (value is null || value.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
            || (value.Value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.Value.GetString())))
            return (null, null, null);
        var element = value.Value;
        switch (indicator.ValueType)
        {
            case IndicatorValueType.Text:
                var text = element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim() : element.GetRawText();
                return text.Length > 4000 ? (null, null, "Nội dung dài quá 4.000 ký tự.") : (null, text, null);
            case IndicatorValueType.YesNo:
                var answer = element.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when element.GetRawText() is "1" or "0" => element.GetRawText() == "1",
                    JsonValueKind.String => VietnameseText.SearchKey(element.GetString()) switch { "co" or "1" or "true" => true, "khong" or "0" or "false" => (bool?)false, _ => null },
                    _ => (bool?)null,
                };
                return answer is null ? (null, null, $"Chỉ số {indicator.Code} nhận Có hoặc Không.") : (answer.Value ? 1 : 0, null, null);
        }
        decimal number;
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (!element.TryGetDecimal(out number))
                return (null, null, "Số vượt quá giới hạn.");
        }
        else if (element.ValueKind == JsonValueKind.String)
        {
            if (!VietnameseNumber.TryParse(element.GetString(), out number, out var error))
                return (null, null, error);
        }
        else
        {
            return (null, null, $"Chỉ số {indicator.Code} nhận một số.");
        }
        if (Math.Abs(number) >= 1_000_000_000_000_000m)
            return (null, null, "Số vượt quá giới hạn (tối đa 15 chữ số phần nguyên).");
        if (indicator.ValueType == IndicatorValueType.Integer && number != decimal.Truncate(number))
            return (null, null, $"Chỉ số {indicator.Code} nhận số nguyên.");
        if (decimal.Round(number, indicator.Precision) != number)
            return (null, null, $"Chỉ số {indicator.Code} lấy tối đa {indicator.Precision} chữ số thập phân.");
        return (number, null, null);
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var data = app.MapGroup("/api/forms/data").WithTags("Số liệu biểu mẫu");
            data.MapPost("", async (DataBody body, HttpRequest request, ISender sender, CancellationToken ct) =>
                {
                    var key = request.Headers["Idempotency-Key"].ToString();
                    return (await sender.Send(new Save(body.FormCode, body.UnitCode, body.Period, body.DryRun, body.Values,
                        string.IsNullOrWhiteSpace(key) ? null : key.Trim()), ct)).ToHttpResult();
                })
                .WithSummary("Lưu số liệu một biểu mẫu của một đơn vị, một kỳ (header Idempotency-Key để gửi lại an toàn)");
            data.MapGet("", async (string? formCode, string? unitCode, string? period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Read(formCode, unitCode, period), ct)).ToHttpResult())
                .WithSummary("Số liệu đã nhập của một biểu mẫu, một đơn vị, một kỳ");
        }
    }

    internal sealed record DataBody(string? FormCode, string? UnitCode, string? Period, bool DryRun, IReadOnlyList<ValueBody?>? Values);
}
