using BaoCao.Dashboards.Persistence;
using BaoCao.Deadlines.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Text;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Dashboards.Projection;

/// <summary>Where figures come from: the approved aggregates (for those in scope) or the published snapshot (for everyone).</summary>
internal enum FigureSource
{
    Approved,
    Published,
}

/// <summary>A figure with how much of its period it covers: a quarter, half-year, nine months or year combined from its
/// parts holds <see cref="Present"/> of <see cref="Expected"/> of them; a figure stored for the period itself is 1 of 1.</summary>
internal readonly record struct Figure(decimal? Value, int Present, int Expected)
{
    public bool Complete => Present >= Expected;

    public static Figure Of(decimal? value) => new(value, value is null ? 0 : 1, 1);
}

/// <summary>
/// Reads an indicator's series from the aggregates read model: for each unit and period, the stored figure (the unit's
/// own, or its roll-up), else — for a longer period — the figures of the shorter periods it is made of, combined under
/// the indicator's rule over time (a quarter from its months, a year from its quarters…). A computed indicator is
/// evaluated by the Indicators engine from its inputs' figures for the same unit and period (and the previous period,
/// the same period last year and the year to date where its formula asks), so a rolled-up ratio is the ratio of rolled
/// inputs. Published figures are a snapshot and are read as stored.
/// </summary>
internal sealed class SeriesReader(DashboardsDbContext db, ISender sender, TimeProvider clock)
{
    private readonly Dictionary<string, PeriodSpan?> _spans = [];

    private ISender Sender => sender;

    public async Task<PeriodSpan?> SpanAsync(string code, CancellationToken cancellationToken)
    {
        if (!_spans.TryGetValue(code, out var span))
            _spans[code] = span = (await sender.Send(new ListPeriods(code, code), cancellationToken))?.SingleOrDefault();
        return span;
    }

    /// <summary>The last day of the latest period holding a figure of any of the indicators, or null when there is none.</summary>
    public async Task<DateOnly?> LatestDataAsync(IReadOnlyCollection<string> indicators, FigureSource source, CancellationToken cancellationToken)
    {
        var periods = source == FigureSource.Approved
            ? await db.Points.AsNoTracking().Where(p => indicators.Contains(p.Indicator)).Select(p => p.Period).Distinct().ToListAsync(cancellationToken)
            : await db.PublishedPoints.AsNoTracking().Where(p => indicators.Contains(p.Indicator)).Select(p => p.Period).Distinct().ToListAsync(cancellationToken);
        DateOnly? latest = null;
        foreach (var period in periods)
            if (await SpanAsync(period, cancellationToken) is { Kind: not PeriodKind.Custom } span && (latest is null || span.End > latest))
                latest = span.End;
        return latest;
    }

    /// <summary>The figures by unit, one per period in order (null where there is none).</summary>
    /// <param name="units">Unit codes; null for every unit that has a figure.</param>
    public async Task<Dictionary<string, decimal?[]>> ReadAsync(IndicatorInfo indicator, IReadOnlyCollection<string>? units, IReadOnlyList<PeriodSpan> periods,
        bool rollup, FigureSource source, CancellationToken cancellationToken) =>
        (await ReadFiguresAsync(indicator, units, periods, rollup, source, cancellationToken)).ToDictionary(s => s.Key, s => s.Value.Select(f => f.Value).ToArray());

    /// <summary>The figures by unit with how complete each is. A published combined figure missing parts is not shown
    /// (its value is null, its parts say why): the public never reads a partial quarter or year as a total; signed-in
    /// viewers of approved figures get the value and <see cref="Figure.Complete"/> false.</summary>
    public async Task<Dictionary<string, Figure[]>> ReadFiguresAsync(IndicatorInfo indicator, IReadOnlyCollection<string>? units, IReadOnlyList<PeriodSpan> periods,
        bool rollup, FigureSource source, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var evaluate = source == FigureSource.Approved && indicator.IsComputed;
        var codes = evaluate ? await sender.Send(new ExpandFormulaInputs([indicator.Code], today), cancellationToken) : [indicator.Code];
        var infos = evaluate ? (await sender.Send(new GetIndicators(codes), cancellationToken)).ToDictionary(i => i.Code) : new() { [indicator.Code] = indicator };
        var formulas = evaluate ? (await sender.Send(new CompileComputedIndicators(today, codes), cancellationToken)).ToDictionary(c => c.Code) : [];

        // Every period a figure may be read from: the periods asked, their parts, and what formulas compare with.
        foreach (var period in periods)
            _spans.TryAdd(period.Code, period);
        var wanted = new HashSet<string>();
        async Task AddAsync(string code)
        {
            if (await SpanAsync(code, cancellationToken) is { } span && wanted.Add(span.Code))
                foreach (var part in span.Parts.SelectMany(p => p))
                    wanted.Add(part);
        }
        foreach (var period in periods)
        {
            await AddAsync(period.Code);
            if (formulas.Count > 0 && await sender.Send(new GetRelatedPeriods(period.Code), cancellationToken) is { } related)
            {
                foreach (var code in new[] { related.Previous, related.SameLastYear }.OfType<string>().Concat(related.YearToDate))
                    await AddAsync(code);
            }
        }

        var stored = await LoadAsync(codes, units, wanted, rollup, source, cancellationToken);
        var unitCodes = units ?? stored.Keys.Select(k => k.Unit).Distinct().ToList();
        var figures = new Figures(this, stored, infos, formulas, rollup);
        var result = new Dictionary<string, Figure[]>();
        foreach (var unit in unitCodes)
        {
            var values = new Figure[periods.Count];
            for (var i = 0; i < periods.Count; i++)
            {
                var figure = formulas.Count == 0 // a stored indicator: no awaits on the hot path of a large answer
                    ? figures.Stored(indicator, unit, periods[i])
                    : await figures.FigureAsync(indicator.Code, unit, periods[i].Code, cancellationToken);
                values[i] = source == FigureSource.Published && !figure.Complete ? figure with { Value = null } : figure;
            }
            result[unit] = values;
        }
        return result;
    }

    private async Task<Dictionary<(string Indicator, string Unit, string Period), (decimal? Own, decimal? Rolled)>> LoadAsync(IReadOnlyCollection<string> codes,
        IReadOnlyCollection<string>? units, HashSet<string> periods, bool rollup, FigureSource source, CancellationToken cancellationToken)
    {
        // One index range per unit (codes sort by year first) rather than a seek per unit and period; codes of other kinds
        // that sort inside the range are dropped below. Plain ADO.NET on the context's connection: for answers of thousands
        // of figures EF's materialisation cost three times the query itself.
        var (first, last) = (periods.Min(StringComparer.Ordinal)!, periods.Max(StringComparer.Ordinal)!);
        var entity = db.Model.FindEntityType(source == FigureSource.Approved ? typeof(Domain.Point) : typeof(Domain.PublishedPoint))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(cancellationToken);
        var result = new Dictionary<(string, string, string), (decimal?, decimal?)>();
        var single = codes.Count == 1 ? codes.First() : null; // one indicator: no need to read its code back on every row
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new System.Text.StringBuilder($"SELECT \"UnitCode\", \"Period\", \"Rolled\", \"Value\"{(single is null ? ", \"Indicator\"" : "")} FROM {table} WHERE \"Period\" >= @first AND \"Period\" <= @last");
            void Add(string name, object value)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            Add("@first", first);
            Add("@last", last);
            void In(string column, IReadOnlyCollection<string> values, string prefix)
            {
                sql.Append($" AND \"{column}\" IN (");
                var i = 0;
                foreach (var value in values)
                {
                    sql.Append(i == 0 ? "" : ", ").Append($"@{prefix}{i}");
                    Add($"@{prefix}{i++}", value);
                }
                sql.Append(')');
            }
            In("Indicator", codes, "i");
            if (units is not null)
                In("UnitCode", units, "u");
            if (!rollup)
                sql.Append(" AND NOT \"Rolled\"");
            command.CommandText = sql.ToString();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var period = reader.GetString(1);
                if (!periods.Contains(period))
                    continue;
                var key = (single ?? reader.GetString(4), reader.GetString(0), period);
                var (own, rolled) = result.GetValueOrDefault(key);
                var value = Decimals.Normalize(reader.GetDecimal(3)); // SQLite gives 1500.0 back for 1500
                result[key] = reader.GetBoolean(2) ? (own, value) : (value, rolled);
            }
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    /// <summary>Figures of one read, memoised: stored, combined over time, or computed.</summary>
    private sealed class Figures(SeriesReader reader, Dictionary<(string Indicator, string Unit, string Period), (decimal? Own, decimal? Rolled)> stored,
        IReadOnlyDictionary<string, IndicatorInfo> infos, IReadOnlyDictionary<string, ComputedIndicator> formulas, bool rollup)
    {
        private readonly Dictionary<(string, string, string), Figure> _memo = [];

        public async Task<decimal?> ValueAsync(string indicator, string unit, string period, CancellationToken cancellationToken) =>
            (await FigureAsync(indicator, unit, period, cancellationToken)).Value;

        public async Task<Figure> FigureAsync(string indicator, string unit, string period, CancellationToken cancellationToken)
        {
            var key = (indicator, unit, period);
            if (_memo.TryGetValue(key, out var known))
                return known;
            _memo[key] = Figure.Of(null); // a formula that reads itself gets nothing rather than recursing
            return _memo[key] = formulas.TryGetValue(indicator, out var formula)
                ? await ComputeAsync(formula, unit, period, cancellationToken)
                : await StoredAsync(indicator, unit, period, cancellationToken);
        }

        private async Task<Figure> StoredAsync(string indicator, string unit, string period, CancellationToken cancellationToken) =>
            Stored(indicator, unit, period) is { } value ? Figure.Of(value)
            : await reader.SpanAsync(period, cancellationToken) is { } span && infos.TryGetValue(indicator, out var info) ? Stored(info, unit, span)
            : Figure.Of(null);

        /// <summary>The stored figure of the period, else the figures of its finest parts that have any, combined over time,
        /// with how many of those parts there were.</summary>
        public Figure Stored(IndicatorInfo indicator, string unit, PeriodSpan span)
        {
            if (Stored(indicator.Code, unit, span.Code) is { } value)
                return Figure.Of(value);
            foreach (var level in span.Parts)
            {
                List<decimal>? parts = null;
                foreach (var part in level)
                    if (Stored(indicator.Code, unit, part) is { } figure)
                        (parts ??= []).Add(figure);
                if (parts is not null)
                    return new Figure(indicator.CombineOverTime(parts), parts.Count, level.Count);
            }
            return new Figure(null, 0, span.Parts.Count > 0 ? span.Parts[0].Count : 1);
        }

        private decimal? Stored(string indicator, string unit, string period) =>
            stored.TryGetValue((indicator, unit, period), out var figure) ? (rollup ? figure.Rolled ?? figure.Own : figure.Own) : null;

        /// <summary>A computed figure is as complete as the least complete of its inputs for the same period.</summary>
        private async Task<Figure> ComputeAsync(ComputedIndicator formula, string unit, string period, CancellationToken cancellationToken)
        {
            var related = await reader.Sender.Send(new GetRelatedPeriods(period), cancellationToken);
            var inputs = new Dictionary<string, decimal?>();
            Figure? least = null;
            async Task<decimal?> SamePeriodAsync(string code)
            {
                var figure = await FigureAsync(code, unit, period, cancellationToken);
                if (least is not { } l || figure.Present * l.Expected < l.Present * figure.Expected)
                    least = figure;
                return figure.Value;
            }
            foreach (var input in formula.Inputs)
            {
                var at = input.IndexOf('@');
                var code = at < 0 ? input : input[..at];
                inputs[input] = (at < 0 ? "" : input[(at + 1)..]) switch
                {
                    "" => await SamePeriodAsync(code),
                    "prev" => related?.Previous is { } previous ? await ValueAsync(code, unit, previous, cancellationToken) : null,
                    "lastyear" => related is not null ? await ValueAsync(code, unit, related.SameLastYear, cancellationToken) : null,
                    "ytd" => related is not null && infos.TryGetValue(code, out var info) ? await YearToDateAsync(info, unit, related.YearToDate, cancellationToken) : null,
                    _ => null,
                };
            }
            var value = formula.Evaluate(inputs).Value;
            return least is { } parts ? parts with { Value = value } : Figure.Of(value);
        }

        private async Task<decimal?> YearToDateAsync(IndicatorInfo info, string unit, IReadOnlyList<string> periods, CancellationToken cancellationToken)
        {
            var values = new List<decimal>();
            foreach (var period in periods)
                if (await ValueAsync(info.Code, unit, period, cancellationToken) is { } value)
                    values.Add(value);
            return info.CombineOverTime(values);
        }
    }
}
