using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.SharedKernel.Exchange;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Reconciliation ("đối soát", Đ10.1): an administrator uploads a source system's export (dataValueSets JSON) and the
/// system compares it, cell by cell, with the latest approved values of the same forms, units and periods — matches,
/// differences, values the source has that are not approved here, and approved values the source lacks. Numbers are
/// compared as numbers (1500 = 1500.0). The source's figures come as dataValueSets JSON, as an .xlsx with one value per
/// row (a header row naming the columns; the template is downloadable), or are fetched from a source configured in
/// <c>Exchange:Sources</c>. Each run is kept; the latest runs are listed for administrators.
/// </summary>
internal static class ReconcileSourceData
{
    internal sealed record Command(string? Source, DataValueSetInput? Data) : ICommand<Result<RunView>>;

    internal sealed record FromWorkbook(string? Source, byte[] Content) : ICommand<Result<RunView>>;

    /// <summary>Fetches the dataValueSets of a configured source (its URL, with dataSet, period and orgUnit added when given).</summary>
    /// <summary>Its own transaction: it fetches the data from the source system over HTTP first (no wait for another system
    /// inside a transaction).</summary>
    internal sealed record FromSource(string? Source, string? DataSet, string? Period, string? OrgUnit) : ICommand<Result<RunView>>, IOwnTransaction;

    internal sealed record ListSources : IQuery<Result<IReadOnlyList<SourceView>>>;

    internal sealed record SourceView(string Code, string? Name, string Url);

    internal sealed record ListRuns : IQuery<Result<IReadOnlyList<RunSummary>>>;

    internal sealed record GetRun(Guid Id) : IQuery<Result<RunView>>;

    internal sealed record RunSummary(Guid Id, string Source, DateTimeOffset RunAt, string RunBy, int Matches, int Differences, int MissingHere, int MissingInSource);

    internal sealed record RunView(RunSummary Summary, IReadOnlyList<ReconciliationFinding> Findings);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Source).NotEmpty().WithMessage("Cần tên hệ thống nguồn (source).").MaximumLength(300).WithMessage("Tên hệ thống nguồn dài quá 300 ký tự.");
            RuleFor(c => c.Data).NotNull().WithMessage("Cần số liệu của hệ thống nguồn dạng dataValueSets (data).");
            RuleFor(c => c.Data!.DataValues).NotNull().WithMessage("Cần danh sách dataValues.").When(c => c.Data is not null);
            RuleFor(c => c.Data!.DataValues!.Count).LessThanOrEqualTo(200_000).WithMessage("Tối đa 200.000 giá trị một lần đối soát.")
                .When(c => c.Data?.DataValues is not null);
        }
    }

    public const int MaximumWorkbookBytes = 20 * 1024 * 1024;

    /// <summary>The columns of the .xlsx: DHIS2's names, or the Vietnamese headings of the template.</summary>
    private static readonly (string Key, string[] Names, bool Required)[] Columns =
    [
        ("dataSet", ["dataset", "biểu mẫu", "mã biểu mẫu"], true),
        ("dataElement", ["dataelement", "chỉ số", "mã chỉ số"], true),
        ("period", ["period", "kỳ", "kỳ báo cáo"], true),
        ("orgUnit", ["orgunit", "đơn vị", "mã đơn vị"], true),
        ("categoryOptionCombo", ["categoryoptioncombo", "phân tổ"], false),
        ("attributeOptionCombo", ["attributeoptioncombo", "cột"], false),
        ("value", ["value", "giá trị"], true),
    ];

    /// <summary>An empty .xlsx with the headings, for a source system's export by hand.</summary>
    public static byte[] Template() => SharedKernel.Files.OfficeFiles.Xlsx([("Số liệu nguồn", [
        ["Mã biểu mẫu", "Mã chỉ số", "Kỳ báo cáo", "Mã đơn vị", "Phân tổ", "Cột", "Giá trị"],
        ["BM-TC-THANG", "THU_NSNN", "202610", "STC", "default", "", 1250.5m],
    ])]);

    /// <summary>The values of an .xlsx (first sheet with the needed headings), or what is wrong with it.</summary>
    internal static Result<DataValueSetInput> ReadWorkbook(byte[] content)
    {
        if (SharedKernel.Files.OfficeFiles.TryReadXlsx(new MemoryStream(content), out var read) is { } refused)
            return Result<DataValueSetInput>.Invalid(refused, "file");
        var sheets = read!;
        static string Heading(string? text) => (text ?? "").Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormC);
        foreach (var sheet in sheets)
        {
            if (sheet.Cells.Count == 0)
                continue;
            var headerRow = sheet.Cells.Min(c => c.Row);
            var header = sheet.Cells.Where(c => c.Row == headerRow).ToList();
            var positions = Columns.ToDictionary(c => c.Key, c => header.FirstOrDefault(h => c.Names.Contains(Heading(h.Text))).Column);
            if (Columns.Where(c => c.Required).Any(c => positions[c.Key] == 0))
                continue;
            var values = new List<DataValueInput?>();
            foreach (var row in sheet.Cells.Where(c => c.Row > headerRow).GroupBy(c => c.Row))
            {
                var cells = row.GroupBy(c => c.Column).ToDictionary(g => g.Key, g => g.First().Value);
                string? Cell(string key) => positions[key] == 0 ? null : cells.GetValueOrDefault(positions[key]);
                if (Cell("dataElement") is null && Cell("value") is null)
                    continue; // a blank line
                values.Add(new DataValueInput(Cell("dataSet"), Cell("dataElement"), Cell("period"), Cell("orgUnit"), Cell("categoryOptionCombo"),
                    Cell("attributeOptionCombo"), Cell("value") is { } value ? JsonSerializer.SerializeToElement(value) : null, null));
            }
            return new DataValueSetInput(null, null, null, values);
        }
        return Result<DataValueSetInput>.Invalid("Không tìm thấy trang tính có dòng tiêu đề gồm: Mã biểu mẫu, Mã chỉ số, Kỳ báo cáo, Mã đơn vị, Giá trị "
            + "(hoặc dataSet, dataElement, period, orgUnit, value). Hãy dùng tệp mẫu.", "file");
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender, ICurrentUser user, TimeProvider clock,
        Microsoft.Extensions.Options.IOptionsMonitor<Exchange.ExchangeOptions> options, IHttpClientFactory http)
        : ICommandHandler<Command, Result<RunView>>, IQueryHandler<ListRuns, Result<IReadOnlyList<RunSummary>>>, IQueryHandler<GetRun, Result<RunView>>,
          ICommandHandler<FromWorkbook, Result<RunView>>, ICommandHandler<FromSource, Result<RunView>>, IQueryHandler<ListSources, Result<IReadOnlyList<SourceView>>>
    {
        private const string Refusal = "Chỉ quản trị hệ thống cấp tỉnh được đối soát số liệu.";

        public async ValueTask<Result<RunView>> Handle(FromWorkbook command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
                return Result<RunView>.Forbidden(Refusal);
            if (command.Content.Length > MaximumWorkbookBytes)
                return Result<RunView>.Invalid("Tệp lớn hơn 20 MB.", "file");
            var read = ReadWorkbook(command.Content);
            return read.Value is { } data ? await sender.Send(new Command(command.Source, data), cancellationToken) : Result<RunView>.From(read);
        }

        public async ValueTask<Result<RunView>> Handle(FromSource command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
                return Result<RunView>.Forbidden(Refusal);
            if (options.CurrentValue.Sources.FirstOrDefault(s => s.Code.Equals(command.Source?.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } source)
                return Result<RunView>.Invalid($"Không có hệ thống nguồn mã '{command.Source}' trong cấu hình Exchange:Sources.", "source");
            var query = new[] { ("dataSet", command.DataSet), ("period", command.Period), ("orgUnit", command.OrgUnit) }
                .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}").ToList();
            var url = query.Count == 0 ? source.Url : source.Url + (source.Url.Contains('?') ? "&" : "?") + string.Join("&", query);
            DataValueSetInput? data;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (source.Token is { Length: > 0 } token)
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await http.CreateClient(Exchange.PacketDelivery.HttpClientName).SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                    return Result<RunView>.Conflict($"Hệ thống nguồn {source.Code} trả lời {(int)response.StatusCode}; chưa đối soát được.");
                data = await response.Content.ReadFromJsonAsync<DataValueSetInput>(Json, cancellationToken);
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return Result<RunView>.Conflict($"Không lấy được số liệu từ hệ thống nguồn {source.Code}: {(failure is TaskCanceledException ? "quá thời gian chờ" : failure.Message)}.");
            }
            catch (JsonException)
            {
                return Result<RunView>.Conflict($"Hệ thống nguồn {source.Code} trả về dữ liệu không đúng dạng dataValueSets.");
            }
            return await sender.Send(new Command(source.Name ?? source.Code, data), cancellationToken);
        }

        public async ValueTask<Result<IReadOnlyList<SourceView>>> Handle(ListSources query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
                return Result<IReadOnlyList<SourceView>>.Forbidden(Refusal);
            return options.CurrentValue.Sources.Select(s => new SourceView(s.Code, s.Name, s.Url)).ToList();
        }

        public async ValueTask<Result<RunView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
                return Result<RunView>.Forbidden(Refusal);
            var data = command.Data!;
            static string Code(string? value) => Codes.Normalize(value) ?? "";
            var source = new Dictionary<(string Form, string Unit, string Period, string Element, string Combo, string Column), string?>();
            foreach (var value in data.DataValues!.OfType<DataValueInput>())
            {
                var key = (Code(value.DataSet ?? data.DataSet), Code(value.OrgUnit ?? data.OrgUnit), Code(value.Period ?? data.Period), Code(value.DataElement),
                    DataValueSets.Disaggregation(value.CategoryOptionCombo), DataValueSets.Column(value.AttributeOptionCombo));
                source[key] = value.Value switch
                {
                    { ValueKind: JsonValueKind.String } text => text.GetString(),
                    { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
                    _ => null,
                };
            }
            var findings = new List<ReconciliationFinding>();
            var matches = 0;
            // One query per form and period, for all the units the source covers there.
            foreach (var formPeriod in source.Keys.GroupBy(k => (k.Form, k.Period)))
            {
                var (form, period) = formPeriod.Key;
                var latest = await Approved.LatestAsync(db, form, [.. formPeriod.Select(k => k.Unit).Distinct()], period, cancellationToken);
                foreach (var group in formPeriod.GroupBy(k => k.Unit))
                {
                    var unit = group.Key;
                    var approved = latest.Where(v => v.UnitCode == unit && (v.Number is not null || v.Text is not null))
                        .ToDictionary(v => (v.Indicator, v.Disaggregation, v.Column),
                            v => SharedKernel.Text.Decimals.Normalize(v.Number)?.ToString(CultureInfo.InvariantCulture) ?? v.Text);
                    ReconciliationFinding Finding(FindingKind kind, (string Element, string Combo, string Column) cell, string? theirs, string? ours) =>
                        new(kind, form, unit, period, cell.Element, DataValueSets.Combo(cell.Combo), DataValueSets.Attribute(cell.Column), theirs, ours);
                    var covered = group.Select(k => (k.Element, k.Combo, k.Column)).ToHashSet();
                    foreach (var key in group)
                    {
                        var theirs = source[key];
                        if (!approved.TryGetValue((key.Element, key.Combo, key.Column), out var ours))
                        {
                            if (!string.IsNullOrWhiteSpace(theirs))
                                findings.Add(Finding(FindingKind.MissingHere, (key.Element, key.Combo, key.Column), theirs, null));
                        }
                        else if (Same(theirs, ours))
                            matches++;
                        else
                            findings.Add(Finding(FindingKind.Different, (key.Element, key.Combo, key.Column), theirs, ours));
                    }
                    foreach (var (cell, ours) in approved.Where(a => !covered.Contains(a.Key)))
                        findings.Add(Finding(FindingKind.MissingInSource, cell, null, ours));
                }
            }
            var run = new Reconciliation(command.Source!.Trim(), clock.GetUtcNow(), user.UserName ?? "system", matches, findings);
            db.Reconciliations.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            return View(run);
        }

        public async ValueTask<Result<IReadOnlyList<RunSummary>>> Handle(ListRuns query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
                return Result<IReadOnlyList<RunSummary>>.Forbidden(Refusal);
            return await db.Reconciliations.AsNoTracking().OrderByDescending(r => r.RunAt).Take(50)
                .Select(r => new RunSummary(r.Id, r.Source, r.RunAt, r.RunBy, r.Matches, r.Differences, r.MissingHere, r.MissingInSource))
                .ToListAsync(cancellationToken);
        }

        public async ValueTask<Result<RunView>> Handle(GetRun query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
                return Result<RunView>.Forbidden(Refusal);
            return await db.Reconciliations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken) is { } run
                ? View(run)
                : Result<RunView>.NotFound("Không có lần đối soát này.");
        }

        private static RunView View(Reconciliation run) =>
            new(new RunSummary(run.Id, run.Source, run.RunAt, run.RunBy, run.Matches, run.Differences, run.MissingHere, run.MissingInSource), run.Findings);

        /// <summary>Numbers as numbers (1500 = 1500.0 = "1500"), anything else as trimmed text.</summary>
        private static bool Same(string? theirs, string? ours) =>
            decimal.TryParse(theirs, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(ours, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                ? a == b
                : string.Equals(theirs?.Trim(), ours?.Trim(), StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reconciliations = app.MapGroup("/api/exchange/reconciliations").WithTags("Trao đổi dữ liệu");
            reconciliations.MapPost("", async (ReconcileBody? body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Command(body?.Source, body?.Data), ct)).ToHttpResult())
                .WithMetadata(new SharedKernel.Http.UploadLimit(50 * 1024 * 1024))
                .Produces<RunView>()
                .WithSummary("Đối soát số liệu của hệ thống nguồn (dataValueSets) với số liệu đã duyệt");
            reconciliations.MapPost("/workbook", async (HttpRequest request, string? source, ISender sender, CancellationToken ct) =>
                {
                    if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                        return Result.Invalid("Cần gửi tệp .xlsx trong trường 'file' (multipart/form-data).", "file").ToHttpResult();
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    return (await sender.Send(new FromWorkbook(source, buffer.ToArray()), ct)).ToHttpResult();
                })
                .WithMetadata(new SharedKernel.Http.UploadLimit(MaximumWorkbookBytes + 65_536))
                .DisableAntiforgery() // systems call it with a bearer token; the page uses the mediator
                .RequireRateLimiting(SharedKernel.Http.RateLimits.Uploads)
                .Accepts<IFormFile>("multipart/form-data")
                .Produces<RunView>()
                .WithSummary("Đối soát từ tệp .xlsx của hệ thống nguồn (mỗi dòng một giá trị; xem tệp mẫu)");
            reconciliations.MapPost("/fetch", async (FetchBody? body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new FromSource(body?.Source, body?.DataSet, body?.Period, body?.OrgUnit), ct)).ToHttpResult())
                .Produces<RunView>()
                .WithSummary("Đối soát với số liệu lấy trực tiếp từ một hệ thống nguồn đã cấu hình (Exchange:Sources)");
            reconciliations.MapGet("/sources", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListSources(), ct)).ToHttpResult())
                .Produces<IReadOnlyList<SourceView>>()
                .WithSummary("Các hệ thống nguồn đã cấu hình để đối soát");
            reconciliations.MapGet("/template", () => TypedResults.File(Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "doi-soat-mau.xlsx"))
                .Produces<byte[]>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .WithSummary("Tệp .xlsx mẫu cho số liệu nguồn (mỗi dòng một giá trị)");
            reconciliations.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListRuns(), ct)).ToHttpResult())
                .Produces<IReadOnlyList<RunSummary>>()
                .WithSummary("Các lần đối soát gần nhất");
            reconciliations.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetRun(id), ct)).ToHttpResult())
                .Produces<RunView>()
                .WithSummary("Kết quả một lần đối soát: các ô khác nhau và thiếu ở mỗi bên");
        }
    }

    internal sealed record ReconcileBody(string? Source, DataValueSetInput? Data);

    internal sealed record FetchBody(string? Source, string? DataSet, string? Period, string? OrgUnit);
}
