using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Forms.Persistence;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// 50 clients × 20 rounds edit the same cell over HTTP at once, each sending the version it read: every accepted write is
/// in the cell's history exactly once, each one replacing the value the writer had read (the history is one unbroken
/// chain, so no accepted write was overwritten unseen), and every refused write was told so with the current value.
/// </summary>
public sealed class LostUpdateTests
{
    private const int Clients = 50;
    private const int Rounds = 20;
    private const string Form = "/api/forms/data?formCode=BM-TC-THANG&unitCode=STC&period=202610";

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Fifty_clients_editing_one_cell_lose_no_accepted_write(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => app.SignedInAsAsync("canbo.stc")));
        var accepted = new ConcurrentBag<string>();
        var conflicts = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var initial = await ReadAsync(clients[0]);

        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var (_, version) = await ReadAsync(client);
                var value = (c + 1) * 1000 + round; // unique: a write is recognised in the history by its value
                using var response = await client.PostAsJsonAsync("/api/forms/data", new
                {
                    formCode = "BM-TC-THANG", unitCode = "STC", period = "202610",
                    values = new[] { new { indicator = "THU_XNK", value, version } },
                });
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
                    continue;
                }
                var summary = JsonDocument.Parse(body).RootElement;
                if (summary.GetProperty("updated").GetInt32() == 1)
                    accepted.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                else if (summary.GetProperty("conflicts").EnumerateArray().SingleOrDefault() is { ValueKind: JsonValueKind.Object } conflict
                         && conflict.GetProperty("currentVersion").ValueKind == JsonValueKind.Number)
                    conflicts.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                else
                    failures.Add($"neither taken nor refused: {body[..Math.Min(200, body.Length)]}");
            }
        })));

        var history = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<FormsDbContext>();
            var cell = await db.DataValues.AsNoTracking().SingleAsync(v => v.FormCode == "BM-TC-THANG" && v.UnitCode == "STC" && v.Period == "202610"
                && v.Indicator == "THU_XNK" && v.Column == "current" && v.Disaggregation == "");
            return await db.DataValueChanges.AsNoTracking().Where(h => h.DataValueId == cell.Id && h.By == "canbo.stc").Select(h => new { h.Before, h.After }).ToListAsync();
        });
        var (final, _) = await ReadAsync(clients[0]);
        Console.WriteLine($"Lost update ({database}): {Clients * Rounds} writes, {accepted.Count} accepted, {conflicts.Count} refused as conflicts, {failures.Count} failed");

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.Equal(Clients * Rounds, accepted.Count + conflicts.Count);
        Assert.True(accepted.Count >= Rounds, $"only {accepted.Count} writes accepted"); // one writer wins each version: progress, not starvation
        Assert.Equal(accepted.Order(), history.Select(h => h.After!).Order()); // every accepted write recorded, nothing else
        // One unbroken chain from the value before the test: each accepted write replaced the value its writer had read.
        var next = history.ToDictionary(h => h.Before ?? "", h => h.After!); // throws if two writes replaced the same value
        var walked = 0;
        for (var value = Text(initial.Value); next.TryGetValue(value, out var after); value = after)
            walked++;
        Assert.Equal(history.Count, walked);
        Assert.Equal(history.Single(h => !next.ContainsKey(h.After!)).After, Text(final));
    }

    private static string Text(decimal? value) => BaoCao.SharedKernel.Text.Decimals.Normalize(value)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static async Task<(decimal? Value, long Version)> ReadAsync(HttpClient client)
    {
        var cell = (await client.GetFromJsonAsync<JsonElement>(Form)).GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("indicator").GetString() == "THU_XNK" && v.GetProperty("column").GetString() == "current" && v.GetProperty("disaggregation").GetString() == "");
        return (cell.GetProperty("number").ValueKind == JsonValueKind.Number ? cell.GetProperty("number").GetDecimal() : null, cell.GetProperty("version").GetInt64());
    }
}
