using System.Globalization;
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
/// compared as numbers (1500 = 1500.0). Each run is kept; the latest runs are listed for administrators.
/// </summary>
internal static class ReconcileSourceData
{
    internal sealed record Command(string? Source, DataValueSetInput? Data) : ICommand<Result<RunView>>;

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

    internal sealed class Handler(WorkflowDbContext db, ISender sender, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, Result<RunView>>, IQueryHandler<ListRuns, Result<IReadOnlyList<RunSummary>>>, IQueryHandler<GetRun, Result<RunView>>
    {
        private const string Refusal = "Chỉ quản trị hệ thống cấp tỉnh được đối soát số liệu.";

        public async ValueTask<Result<RunView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
                return Result<RunView>.Forbidden(Refusal);
            var data = command.Data!;
            static string Code(string? value) => value?.Trim().ToUpperInvariant() ?? "";
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

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reconciliations = app.MapGroup("/api/exchange/reconciliations").WithTags("Trao đổi dữ liệu");
            reconciliations.MapPost("", async (ReconcileBody? body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Command(body?.Source, body?.Data), ct)).ToHttpResult())
                .WithMetadata(new SharedKernel.Http.UploadLimit(50 * 1024 * 1024))
                .WithSummary("Đối soát số liệu của hệ thống nguồn (dataValueSets) với số liệu đã duyệt");
            reconciliations.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListRuns(), ct)).ToHttpResult())
                .WithSummary("Các lần đối soát gần nhất");
            reconciliations.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetRun(id), ct)).ToHttpResult())
                .WithSummary("Kết quả một lần đối soát: các ô khác nhau và thiếu ở mỗi bên");
        }
    }

    internal sealed record ReconcileBody(string? Source, DataValueSetInput? Data);
}
