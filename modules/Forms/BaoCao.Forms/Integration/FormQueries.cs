using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Features;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Text;

namespace BaoCao.Forms.Integration;

/// <summary>Answers other modules' questions about forms (Forms' Contracts).</summary>
internal sealed class FormQueries(FormsDbContext db, FormCache forms, ISender sender, TimeProvider clock)
    : IQueryHandler<FindFormsUsingIndicator, IReadOnlyList<string>>, IQueryHandler<GetFormValues, FormValues?>,
      IQueryHandler<GetRegime, RegimeInfo?>, IQueryHandler<ListRegimes, IReadOnlyList<RegimeInfo>>, IQueryHandler<ComputeTable, ComputedTable>,
      IQueryHandler<ListReportedIndicators, IReadOnlyList<string>>, IQueryHandler<ListAssignedUnits, IReadOnlyList<string>>,
      IQueryHandler<ListReportingUnits, IReadOnlyList<string>>, IQueryHandler<CountEntries, IReadOnlyDictionary<string, int>>,
      IQueryHandler<ListAssignedForms, IReadOnlyList<AssignedForm>>
{
    public async ValueTask<IReadOnlyList<AssignedForm>> Handle(ListAssignedForms query, CancellationToken cancellationToken)
    {
        var units = query.UnitCodes.ToList();
        var forms = await db.Forms.AsNoTracking().Where(f => f.RegimeCode == query.RegimeCode).ToListAsync(cancellationToken);
        var codes = forms.Select(f => f.Code).ToList();
        var assigned = await db.Assignments.AsNoTracking()
            .Where(a => codes.Contains(a.FormCode) && units.Contains(a.UnitCode) && a.From <= query.To && (a.Until == null || a.Until >= query.From))
            .Select(a => new { a.FormCode, a.UnitCode }).Distinct().ToListAsync(cancellationToken);
        var names = forms.ToDictionary(f => f.Code, f => f.Name);
        return [.. assigned.OrderBy(a => a.UnitCode, StringComparer.Ordinal).ThenBy(a => a.FormCode, StringComparer.Ordinal)
            .Select(a => new AssignedForm(a.FormCode, names[a.FormCode], a.UnitCode))];
    }

    public async ValueTask<IReadOnlyDictionary<string, int>> Handle(CountEntries query, CancellationToken cancellationToken) =>
        await (from change in db.DataValueChanges.AsNoTracking()
               join value in db.DataValues.AsNoTracking() on change.DataValueId equals value.Id
               where change.At >= query.From && change.At < query.To
               group change by value.UnitCode into unit
               select new { Unit = unit.Key, Count = unit.Count() })
            .ToDictionaryAsync(u => u.Unit, u => u.Count, cancellationToken);

    public async ValueTask<IReadOnlyList<string>> Handle(ListReportingUnits query, CancellationToken cancellationToken)
    {
        var code = Codes.Normalize(query.RegimeCode);
        var regime = await db.Regimes.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        return regime is null ? [] : regime.ReportingUnitsOn(await sender.Send(new ListAllUnits(), cancellationToken), query.Day);
    }

    public async ValueTask<IReadOnlyList<string>> Handle(ListAssignedUnits query, CancellationToken cancellationToken)
    {
        var regime = Codes.Normalize(query.RegimeCode);
        var forms = db.Forms.Where(f => f.RegimeCode == regime).Select(f => f.Code);
        return await db.Assignments.AsNoTracking()
            .Where(a => forms.Contains(a.FormCode) && a.From <= query.To && (a.Until == null || a.Until >= query.From))
            .Select(a => a.UnitCode).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<string>> Handle(ListReportedIndicators query, CancellationToken cancellationToken)
    {
        var units = query.UnitCodes.ToList();
        var forms = await db.Forms.AsNoTracking().Where(f => f.RegimeCode == query.RegimeCode).ToListAsync(cancellationToken);
        var codes = forms.Select(f => f.Code).ToList();
        var assigned = await db.Assignments.AsNoTracking()
            .Where(a => codes.Contains(a.FormCode) && units.Contains(a.UnitCode) && a.From <= query.To && (a.Until == null || a.Until >= query.From))
            .Select(a => a.FormCode).Distinct().ToListAsync(cancellationToken);
        return [.. forms.Where(f => assigned.Contains(f.Code)).Select(f => f.InForceOn(query.From)).OfType<FormVersion>()
            .SelectMany(v => v.Layout.Rows.Select(r => r.Indicator)).Distinct()];
    }

    public async ValueTask<ComputedTable> Handle(ComputeTable query, CancellationToken cancellationToken)
    {
        // A computed row reads its inputs through the sheet, so the sheet knows every indicator the formulas reach.
        var codes = await sender.Send(new ExpandFormulaInputs(query.Indicators, query.AsOf), cancellationToken);
        var computed = (await sender.Send(new CompileComputedIndicators(query.AsOf, codes), cancellationToken)).ToDictionary(c => c.Code);
        var indicators = (await sender.Send(new GetIndicators([.. codes], query.AsOf), cancellationToken)).ToDictionary(i => i.Code);
        var unitNames = await sender.Send(new ListUnitsOfMeasure(), cancellationToken);
        var columns = query.Columns.Select(FormLayout.Parse).OfType<FormColumn>().ToList();
        var layout = new FormLayout([new FormSection("", [.. query.Indicators.Where(indicators.ContainsKey).Select(i => new FormRow(i, null, false))])], columns);
        static Dictionary<(string, string), decimal> Totals(IReadOnlyDictionary<string, decimal> values) => values.ToDictionary(v => (v.Key, ""), v => v.Value);
        var sheet = new FormSheet(layout, indicators,
            query.Current.Select(v => new StoredCell(new CellKey(v.Key, "current", ""), v.Value, null, null, 0))
                .Concat(query.Plan.Select(v => new StoredCell(new CellKey(v.Key, "plan", ""), v.Value, null, null, 0))),
            Totals(query.LastYear), Totals(query.Previous), query.EarlierThisYear.ToDictionary(v => (v.Key, ""), v => v.Value),
            computed.Where(c => indicators.ContainsKey(c.Key)).ToDictionary(),
            await OpenFormSheet.PercentOfLastYearAsync(sender, cancellationToken), await OpenFormSheet.PercentOfPlanAsync(sender, cancellationToken), query.YearToDatePeriods);
        return new ComputedTable([.. columns.Select(FormLayout.Label)], [.. layout.Rows.Select(row => new TableRow(row.Indicator, indicators[row.Indicator].Name,
            unitNames.GetValueOrDefault(indicators[row.Indicator].UnitOfMeasure, indicators[row.Indicator].UnitOfMeasure),
            [.. columns.Select(column =>
            {
                var key = FormLayout.Key(column);
                var value = sheet.Value(new CellKey(row.Indicator, key, ""));
                // The report is an edge: figures at the indicator's precision (% columns at 2), a year to date saying what it holds.
                return new TableCell(key, Decimals.Round(value.Number, key.StartsWith("pct", StringComparison.Ordinal) ? 2 : indicators[row.Indicator].Precision),
                    value.Reason ?? value.Note);
            })]))]);
    }

    public async ValueTask<RegimeInfo?> Handle(GetRegime query, CancellationToken cancellationToken)
    {
        var code = Codes.Normalize(query.Code);
        var regime = await db.Regimes.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        return regime is null ? null : (await DescribeAsync([regime], cancellationToken))[0];
    }

    public async ValueTask<IReadOnlyList<RegimeInfo>> Handle(ListRegimes query, CancellationToken cancellationToken) =>
        await DescribeAsync(await db.Regimes.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Code).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<RegimeInfo>> DescribeAsync(IReadOnlyList<Regime> regimes, CancellationToken cancellationToken)
    {
        var units = await sender.Send(new ListAllUnits(), cancellationToken);
        var today = SharedKernel.Time.VietnamTime.Today(clock);
        var result = new List<RegimeInfo>();
        foreach (var r in regimes)
        {
            var template = (await sender.Send(new DesignReportTemplate.Get(r.Code), cancellationToken)).Value!;
            var forms = await db.Forms.AsNoTracking().Where(f => f.RegimeCode == r.Code).Select(f => f.Code).OrderBy(c => c).ToListAsync(cancellationToken);
            result.Add(new RegimeInfo(r.Code, r.Name, r.Kind, r.Frequency, r.PeriodRule, r.DueDay, r.DueDaysAfterWindow,
                [.. r.Rounds.Select(x => new RegimeRound(x.Code, x.Start, x.End, x.Due))], r.ReceivingUnit, r.OwnerUnit, r.LateSubmission,
                r.ReportingUnitsOn(units, today), forms, [.. r.Outline.Select(h => new OutlineSection(h.Title, h.Guidance))],
                [.. template.Tables.Select(t => new TemplateTable(t.Title, t.Indicators, t.Columns))], r.AllowIncompleteReportTable));
        }
        return result;
    }

    public async ValueTask<IReadOnlyList<string>> Handle(FindFormsUsingIndicator query, CancellationToken cancellationToken)
    {
        var code = Codes.Normalize(query.IndicatorCode);
        var candidates = await db.FormVersions.AsNoTracking().Where(v => v.Status == FormStatus.Published).ToListAsync(cancellationToken);
        var formIds = candidates.Where(v => v.Layout.Rows.Any(r => r.Indicator == code)).Select(v => v.FormId).ToHashSet();
        return await db.Forms.AsNoTracking().Where(f => formIds.Contains(f.Id)).Select(f => f.Code).OrderBy(c => c).ToListAsync(cancellationToken);
    }

    public async ValueTask<FormValues?> Handle(GetFormValues query, CancellationToken cancellationToken)
    {
        var formCode = Codes.Normalize(query.FormCode);
        var unitCode = Codes.Normalize(query.UnitCode);
        var resolved = await EntryTarget.ResolveAsync(db, forms, sender, formCode, unitCode, query.Period.Trim(), cancellationToken);
        if (resolved.Value is not { } target)
            return null;
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.FormCode == formCode && v.UnitCode == unitCode && v.Period == target.Period.Code && (v.Number != null || v.Text != null))
            .Select(v => new FormValue(v.Indicator, v.Column, v.Disaggregation, v.Number, v.Text))
            .ToListAsync(cancellationToken);
        var blockers = new List<string>();
        foreach (var row in target.Version.Layout.Rows.Where(r => r.Required))
        {
            if (!values.Any(v => v.Indicator == row.Indicator && v.Column == "current" && v.Disaggregation == ""))
                blockers.Add($"Chưa nhập chỉ tiêu bắt buộc: {target.Indicators[row.Indicator].Name} ({row.Indicator}).");
        }
        var totals = values.Where(v => v.Column == "current" && v.Disaggregation == "").ToDictionary(v => v.Indicator, v => v.Number);
        foreach (var violation in await sender.Send(new CheckDataRules(totals, [.. target.Indicators.Keys]), cancellationToken))
        {
            if (violation.Importance == "High")
                blockers.Add($"{violation.Message} ({violation.Left:0.##} {violation.Operator} {violation.Right:0.##})");
        }
        return new FormValues(target.Version.Number, values, blockers, target.Period.Start);
    }
}
