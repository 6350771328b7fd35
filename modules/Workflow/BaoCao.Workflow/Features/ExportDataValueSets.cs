using System.Globalization;
using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.SharedKernel.Exchange;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Approved values for other systems in DHIS2's dataValueSets shape (R12): a form is a dataSet, an indicator a
/// dataElement, a disaggregation a categoryOptionCombo ("default" when none), a form column other than "current" an
/// attributeOptionCombo. Only approved figures leave the system; the latest approved version of each cell is given, a
/// cleared cell is left out. BaoCao addresses forms, indicators and units by their codes, so idScheme=code and
/// idScheme=id name the same identifiers. Scope: the units where the caller may view dashboards (with children=true,
/// the orgUnit's sub-units too).
/// </summary>
internal static class ExportDataValueSets
{
    internal sealed record Query(string? DataSet, string? Period, string? OrgUnit, string? IdScheme, bool? Children) : IQuery<Result<DataValueSet>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.DataSet).NotEmpty().WithMessage("Cần mã biểu mẫu (dataSet).").MaximumLength(64).WithMessage("Mã biểu mẫu (dataSet) dài quá 64 ký tự.");
            RuleFor(q => q.Period).NotEmpty().WithMessage("Cần kỳ báo cáo (period), ví dụ 202601 hoặc 2026Q1.").MaximumLength(32).WithMessage("Kỳ báo cáo (period) không hợp lệ.");
            RuleFor(q => q.OrgUnit).NotEmpty().WithMessage("Cần mã đơn vị (orgUnit).").MaximumLength(64).WithMessage("Mã đơn vị (orgUnit) dài quá 64 ký tự.");
            RuleFor(q => q.IdScheme).Must(DataValueSets.IsKnownIdScheme).WithMessage(DataValueSets.IdSchemeMessage);
        }
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender) : IQueryHandler<Query, Result<DataValueSet>>
    {
        public async ValueTask<Result<DataValueSet>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (form, period, unit) = (Codes.Normalize(query.DataSet!), Codes.Normalize(query.Period!), Codes.Normalize(query.OrgUnit!));
            if (await sender.Send(new ListPeriods(period, period), cancellationToken) is null)
                return Result<DataValueSet>.Invalid($"Kỳ '{query.Period}' không hợp lệ. Dùng YYYYMM (tháng), YYYYQn (quý), YYYYSn (6 tháng), YYYY9M (9 tháng) hoặc YYYY (năm).", "period");
            if (await sender.Send(new FindUnit(unit), cancellationToken) is null)
                return Result<DataValueSet>.NotFound($"Không có đơn vị mã '{query.OrgUnit}'.");
            if (!await sender.Send(new CheckAccess(Permissions.ViewDashboards, unit), cancellationToken))
                return Result<DataValueSet>.Forbidden($"Bạn không có quyền xem số liệu của đơn vị {unit}.");
            var units = new List<string> { unit };
            if (query.Children == true)
            {
                var all = await sender.Send(new ListAllUnits(), cancellationToken);
                for (var i = 0; i < units.Count; i++)
                    units.AddRange(all.Where(u => u.ParentCode == units[i] && u.SuccessorCode is null).Select(u => u.Code));
            }
            var latest = (await Domain.Approved.LatestAsync(db, form, units, period, cancellationToken)).Where(v => v.Number is not null || v.Text is not null)
                .OrderBy(v => v.UnitCode, StringComparer.Ordinal).ThenBy(v => v.Indicator, StringComparer.Ordinal)
                .ThenBy(v => v.Column, StringComparer.Ordinal).ThenBy(v => v.Disaggregation, StringComparer.Ordinal);
            return new DataValueSet(form, period, unit, [.. latest.Select(v => new DataValue(v.Indicator, v.Period, v.UnitCode,
                DataValueSets.Combo(v.Disaggregation), DataValueSets.Attribute(v.Column), SharedKernel.Text.Decimals.Normalize(v.Number)?.ToString(CultureInfo.InvariantCulture) ?? v.Text!, null,
                DataValueSets.Timestamp(v.ApprovedAt)))]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/exchange/dataValueSets", async (string? dataSet, string? period, string? orgUnit, string? idScheme, bool? children,
                    ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(dataSet, period, orgUnit, idScheme, children), ct)).ToHttpResult())
                .WithTags("Trao đổi dữ liệu")
                .Produces<DataValueSet>()
                .WithSummary("Số liệu đã duyệt của một biểu mẫu, một kỳ, một đơn vị theo dạng dataValueSets của DHIS2");
    }
}
