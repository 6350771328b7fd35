using System.Globalization;
using BaoCao.SharedKernel.Exchange;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Pull-based sync for other systems (R12): the approved-value change feed (<see cref="ReadApprovedValues"/>, same scope
/// and order) with each change in the dataValueSets vocabulary. A reader keeps "last" and asks again with after=last; a
/// cleared cell comes as a change with a null value, so the reader can delete it too.
/// </summary>
internal static class FollowExchangeChanges
{
    internal sealed record Changes(IReadOnlyList<Change> Items, long Last);

    internal sealed record Change(long Sequence, string DataSet, string DataElement, string Period, string OrgUnit, string CategoryOptionCombo,
        string? AttributeOptionCombo, string? Value, string LastUpdated);

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/exchange/changes", async (long? after, int? limit, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new ReadApprovedValues.Query(after, limit), ct)).ToHttpResult(page => TypedResults.Ok(new Changes(
                        [.. page.Items.Select(v => new Change(v.Sequence, v.FormCode, v.Indicator, v.Period, v.UnitCode,
                            DataValueSets.Combo(v.Disaggregation), DataValueSets.Attribute(v.Column),
                            SharedKernel.Text.Decimals.Normalize(v.Value)?.ToString(CultureInfo.InvariantCulture) ?? v.Text, DataValueSets.Timestamp(v.ApprovedAt)))],
                        page.Last))))
                .WithTags("Trao đổi dữ liệu")
                .Produces<Changes>()
                .WithSummary("Các thay đổi của số liệu đã duyệt sau số thứ tự after, theo từ vựng dataValueSets (đồng bộ kéo)");
    }
}
