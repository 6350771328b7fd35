using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;

namespace BaoCao.Tests.Workflow;

/// <summary>
/// Every state × action × role over HTTP: the only successes are the transitions of the state machine done by a role
/// allowed to do them; everything else is refused (401 anonymous, 403 not allowed, 409 not now) and leaves the state as
/// it was.
/// </summary>
public sealed class TransitionMatrixTests
{
    private static readonly string?[] People = [null, "canbo.stc", "lanhdao.stc", "admin", "canbo.sct", "lanhdao.sct"];

    /// <summary>Who may take an action on STC's data: officers submit; the leader and administrators decide and reopen.</summary>
    private static bool MayAct(string? person, SubmissionAction action) => action == SubmissionAction.Submit
        ? person == "canbo.stc"
        : person is "lanhdao.stc" or "admin";

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_legal_transitions_by_allowed_roles_succeed_over_http(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var person in People)
            clients[person ?? ""] = await app.SignedInAsAsync(person);
        var periods = new Queue<string>(Enumerable.Range(1, 10).Select(m => $"2025{m:00}").Concat(Enumerable.Range(1, 10).Select(m => $"2026{m:00}")));
        string Cell(string period) => $"/api/workflow/submissions/BM-TC-THANG/STC/{period}";
        async Task<HttpResponseMessage> Act(string? person, string period, SubmissionAction action) =>
            await clients[person ?? ""].PostAsJsonAsync($"{Cell(period)}/{action.ToString().ToLowerInvariant()}", new { reason = "Kiểm tra ma trận chuyển trạng thái." });
        async Task<string> StateOf(string period) =>
            (await clients["admin"].GetFromJsonAsync<JsonElement[]>($"/api/workflow/submissions?period={period}&unitCode=STC"))!
                .FirstOrDefault(s => s.GetProperty("formCode").GetString() == "BM-TC-THANG") is { ValueKind: JsonValueKind.Object } s ? s.GetProperty("state").GetString()! : "Draft";
        async Task<string> PrepareAsync(SubmissionState state)
        {
            var period = periods.Dequeue();
            SubmissionAction[] path = state switch
            {
                SubmissionState.Draft => [],
                SubmissionState.Submitted => [SubmissionAction.Submit],
                SubmissionState.Approved => [SubmissionAction.Submit, SubmissionAction.Approve],
                SubmissionState.Returned => [SubmissionAction.Submit, SubmissionAction.Return],
                _ => [SubmissionAction.Submit, SubmissionAction.Approve, SubmissionAction.Reopen],
            };
            foreach (var step in path)
                Assert.Equal(HttpStatusCode.OK, (await Act(step == SubmissionAction.Submit ? "canbo.stc" : "admin", period, step)).StatusCode);
            Assert.Equal(state.ToString(), await StateOf(period));
            return period;
        }

        var tried = 0;
        var succeeded = new List<string>();
        foreach (var state in Enum.GetValues<SubmissionState>())
        {
            var shared = await PrepareAsync(state);
            foreach (var action in Enum.GetValues<SubmissionAction>())
            {
                var legal = SubmissionStateMachine.Apply(state, action).Next;
                foreach (var person in People.Where(p => legal is null || !MayAct(p, action)))
                {
                    var response = await Act(person, shared, action);
                    tried++;
                    var expected = person is null ? HttpStatusCode.Unauthorized : !MayAct(person, action) ? HttpStatusCode.Forbidden : HttpStatusCode.Conflict;
                    Assert.True(expected == response.StatusCode, $"{person ?? "anonymous"} {action} on {state}: {(int)response.StatusCode}, expected {(int)expected}");
                }
                Assert.Equal(state.ToString(), await StateOf(shared));
                foreach (var person in People.Where(p => legal is not null && MayAct(p, action)))
                {
                    var period = await PrepareAsync(state);
                    var response = await Act(person, period, action);
                    tried++;
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{person} {action} on {state}: {(int)response.StatusCode}");
                    Assert.Equal(legal.ToString(), await StateOf(period));
                    succeeded.Add($"{state}-{action}-{person}");
                }
            }
        }

        Assert.Equal(Enum.GetValues<SubmissionState>().Length * Enum.GetValues<SubmissionAction>().Length * People.Length, tried);
        Assert.Equal(["Draft-Submit-canbo.stc", "Submitted-Approve-lanhdao.stc", "Submitted-Approve-admin", "Submitted-Return-lanhdao.stc", "Submitted-Return-admin",
            "Approved-Reopen-lanhdao.stc", "Approved-Reopen-admin", "Returned-Submit-canbo.stc", "Reopened-Submit-canbo.stc"], succeeded);
    }
}
