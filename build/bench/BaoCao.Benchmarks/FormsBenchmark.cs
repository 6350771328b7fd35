using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaoCao.Benchmarks;

/// <summary>
/// Issue 6's two figures, against the running app and its own database (BENCH_DB_PROVIDER, BENCH_DB):
/// (a) saving a 500-cell form through POST /api/forms/data vs a bare multi-row INSERT of the same 500 rows;
/// (b) importing 100,000 values through the API (200 requests of 500, two clients) vs a raw bulk insert of
/// 100,000 rows into the same table (prepared inserts in one transaction on SQLite, binary COPY on PostgreSQL).
/// Both sides write the same table with its indexes; the API also checks, versions and logs every change.
/// </summary>
internal static class FormsBenchmark
{
    private const int Indicators = 250;
    private const string Form = "BM-BENCH";

    public static async Task<IReadOnlyList<string[]>> RunAsync(string baseUrl, int rounds)
    {
        var provider = Environment.GetEnvironmentVariable("BENCH_DB_PROVIDER") ?? "Sqlite";
        var connection = Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("BENCH_DB is not set (build/bench/run.sh sets it).");
        var password = Environment.GetEnvironmentVariable("BENCH_DEMO_PASSWORD")!;
        using var admin = await BenchHttp.SignInAsync(baseUrl, "admin", password);
        using var officer = await BenchHttp.SignInAsync(baseUrl, "canbo.stc", password);
        await PrepareAsync(admin);

        // (a) one 500-cell form: a fresh period per save (inserts), the same rows inserted raw under another form code.
        var apiSaves = new List<double>();
        var rawSaves = new List<double>();
        var errors = 0;
        var saves = Math.Max(rounds * 6, 20);
        for (var i = 0; i < saves; i++)
        {
            var period = new DateOnly(2001, 1, 1).AddMonths(i).ToString("yyyyMM", CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            using var response = await officer.PostAsJsonAsync("/api/forms/data", Body(period, i));
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
                errors++;
            if (i > 2) // the first saves warm up the JIT and the caches
                apiSaves.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            await RawInsertAsync(provider, connection, "BM-RAW-A", period, i, bulk: false);
            if (i > 2)
                rawSaves.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var save = new[]
        {
            "form-save", "POST /api/forms/data, 500 cells", $"{1000 / BenchHttp.Percentile(apiSaves, 0.5):F1}", $"{BenchHttp.Percentile(apiSaves, 0.5):F1}", $"{BenchHttp.Percentile(apiSaves, 0.95):F1}", $"{errors}",
            provider == "PostgreSql" ? "multi-row INSERT of 500 rows" : "500 prepared INSERTs, 1 transaction", $"{1000 / BenchHttp.Percentile(rawSaves, 0.5):F1}", $"{BenchHttp.Percentile(rawSaves, 0.5):F1}", $"{BenchHttp.Percentile(rawSaves, 0.95):F1}",
            $"{BenchHttp.Percentile(rawSaves, 0.5) / BenchHttp.Percentile(apiSaves, 0.5):F2}", "≥ 0.25",
        };

        // (b) 100,000 values: 200 forms of 500 through the API with two clients, then the same count raw.
        var importErrors = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            int request;
            while ((request = Interlocked.Increment(ref next)) < 200)
            {
                var period = new DateOnly(2010, 1, 1).AddMonths(request).ToString("yyyyMM", CultureInfo.InvariantCulture);
                using var response = await officer.PostAsJsonAsync("/api/forms/data", Body(period, request));
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref importErrors);
            }
        }));
        var apiRate = 100_000 / watch.Elapsed.TotalSeconds;
        watch.Restart();
        await RawInsertAsync(provider, connection, "BM-RAW-B", "", 0, bulk: true);
        var rawRate = 100_000 / watch.Elapsed.TotalSeconds;
        var import = new[]
        {
            "bulk-import", $"POST 100k values ({provider})", $"{apiRate:F0}", "-", "-", $"{importErrors}",
            provider == "PostgreSql" ? "binary COPY of 100k rows" : "prepared INSERTs, 1 transaction", $"{rawRate:F0}", "-", "-",
            $"{apiRate / rawRate:F2}", provider == "PostgreSql" ? "≥ 0.5; ≥ 50,000/s" : "≥ 0.5",
        };
        return [save, import];
    }


    private static object Body(string period, int seed) => new
    {
        formCode = Form, unitCode = "STC", period,
        values = Enumerable.Range(1, Indicators).SelectMany(i => new object[]
        {
            new { indicator = $"BENCH_{i:000}", value = Value(i, seed) },
            new { indicator = $"BENCH_{i:000}", column = "plan", value = Value(i, seed) + 10 },
        }),
    };

    private static decimal Value(int indicator, int seed) => 1000 + indicator * 3.25m + seed;


    private static async Task PrepareAsync(HttpClient admin)
    {
        var catalogue = JsonSerializer.Serialize(new
        {
            indicators = Enumerable.Range(1, Indicators).Select(i => new
            {
                code = $"BENCH_{i:000}", name = $"Chỉ số đo hiệu năng {i}", unitOfMeasure = "TY_DONG", valueType = "Decimal", precision = 2,
                ownerUnit = "STC", groups = new[] { "KT.TK" }, status = "Active", validFrom = "2000-01-01",
            }),
        });
        using var file = new MultipartFormDataContent { { new StringContent(catalogue), "file", "bench.json" } };
        (await admin.PostAsync("/api/indicators/import", file)).EnsureSuccessStatusCode();
        var sections = Enumerable.Range(0, 5).Select(s => new
        {
            title = $"Phần {s + 1}",
            rows = Enumerable.Range(s * 50 + 1, 50).Select(i => new { indicator = $"BENCH_{i:000}", required = false }),
        });
        (await admin.PostAsJsonAsync("/api/forms", new { code = Form, name = "Biểu đo hiệu năng 500 ô", regimeCode = "BC-KTXH-THANG", ownerUnit = "VP-UBND",
            layout = new { sections, columns = new[] { "current", "plan" } } })).EnsureSuccessStatusCode();
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/forms/{Form}")).GetProperty("concurrencyVersion").GetInt64();
        (await admin.PostAsJsonAsync($"/api/forms/{Form}/publish", new { effectiveFrom = "2000-01-01", version })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/forms/{Form}/assignments", new { units = new[] { "STC" }, from = "2000-01-01" })).EnsureSuccessStatusCode();
    }

    private static readonly string[] Columns = ["Id", "FormCode", "FormVersion", "UnitCode", "Period", "Indicator", "IndicatorVersion", "Column",
        "Disaggregation", "Number", "Text", "Comment", "Version", "UpdatedAt", "UpdatedBy"];

    /// <summary>500 rows of one period (multi-row INSERT), or 100,000 rows over 200 periods (bulk).</summary>
    private static async Task RawInsertAsync(string provider, string connectionString, string form, string period, int seed, bool bulk)
    {
        var rows = bulk
            ? Enumerable.Range(0, 200).SelectMany(p => Rows(form, new DateOnly(2010, 1, 1).AddMonths(p).ToString("yyyyMM", CultureInfo.InvariantCulture), p))
            : Rows(form, period, seed);
        if (provider == "PostgreSql")
        {
            await using var db = new NpgsqlConnection(connectionString);
            await db.OpenAsync();
            if (bulk)
            {
                await using var copy = await db.BeginBinaryImportAsync($"COPY forms.\"DataValues\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
                foreach (var row in rows)
                {
                    await copy.StartRowAsync();
                    foreach (var value in row)
                        await copy.WriteAsync(value);
                }
                await copy.CompleteAsync();
                return;
            }
            await using var transaction = await db.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand { Connection = db, Transaction = transaction };
            insert.CommandText = MultiRowInsert("forms.\"DataValues\"", rows.ToList(), insert.Parameters, (name, value) => new NpgsqlParameter(name, value));
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            return;
        }
        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        // SQLite binds named parameters with a linear scan, so a 7,500-parameter multi-row INSERT is slower than prepared
        // single-row INSERTs in one transaction: the faster form is the (stricter) baseline on SQLite.
        {
            await using var insert = sqlite.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO forms_DataValues ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                    parameters[i].Value = Sqlite(row[i]);
                await insert.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }

    private static string MultiRowInsert<TParameters>(string table, List<object?[]> rows, TParameters parameters, Func<string, object?, System.Data.Common.DbParameter> parameter)
        where TParameters : System.Data.Common.DbParameterCollection
    {
        var values = new List<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var names = new List<string>();
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = $"@p{r}_{c}";
                parameters.Add(parameter(name, rows[r][c] ?? DBNull.Value));
                names.Add(name);
            }
            values.Add($"({string.Join(", ", names)})");
        }
        return $"INSERT INTO {table} ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", values)}";
    }

    // SQLite stores these columns as EF Core does: GUIDs and decimals as text, instants as UTC ticks.
    private static object? Sqlite(object? value) => value switch
    {
        Guid id => id.ToString().ToUpperInvariant(),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset at => at.UtcTicks,
        null => DBNull.Value,
        _ => value,
    };

    private static IEnumerable<object?[]> Rows(string form, string period, int seed)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= Indicators; i++)
        {
            foreach (var column in new[] { "current", "plan" })
                yield return [Guid.NewGuid(), form, 1, "STC", period, $"BENCH_{i:000}", 1, column, "", Value(i, seed) + (column == "plan" ? 10 : 0), null, null, 1L, now, "bench"];
        }
    }
}
