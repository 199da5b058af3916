using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests.Fuzzing;

/// <summary>
/// The schema-driven fuzzer: every operation of the committed OpenAPI document, for each kind of caller, with
/// generated valid and invalid requests (<see cref="RequestGenerator"/>), through the real pipeline on the demo county.
/// Pass: no 5xx, every error a problem with a stable code, no internals in any answer, every status documented and
/// every JSON success body as documented (<see cref="FuzzTally"/>). Bounded and deterministic:
/// <c>FUZZ_PER_OPERATION</c> requests per operation and caller (default 8), seed <c>FUZZ_SEED</c>; the counts are
/// printed for the run's log.
/// </summary>
public class FuzzTests : IntegrationTest
{
    private static readonly ApiDocument Doc = ApiDocument.Load();

    /// <summary>
    /// Its own host: the fuzzer's wrong passwords must not make the login throttle of the shared host wait. Each caller
    /// comes from its own address, so a caller's sign-in is never throttled by another's guessing.
    /// </summary>
    protected override TestApp CreateApp() =>
        TestApp.Get("fuzz", services: s => s.AddTransient<IStartupFilter, TestAddress>());

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : fallback;

    /// <summary>County admin, township leader and window clerk, village agent, evaluator, the public.</summary>
    private static readonly string[] Callers = ["admin", "t01_leader", "t01_window", "v0101_agent", "evaluator", ""];

    [TestCaseSource(nameof(Callers))]
    public async Task Every_operation_answers_without_a_5xx_a_leak_or_an_undocumented_answer(string caller)
    {
        var index = Array.IndexOf(Callers, caller);
        var address = $"10.77.{index}.1";
        var client = caller == "" ? Anonymous(address) : await SignIn(caller, address);
        var pool = new IdPool();
        var generator = new RequestGenerator(Doc, pool, new Random(Setting("FUZZ_SEED", 20261207) + index));
        var tally = new FuzzTally(Doc, caller == "" ? "anonymous" : caller);
        var perOperation = Setting("FUZZ_PER_OPERATION", 8);
        var signIns = 0;

        // reads first (they fill the pool of ids the changes then use), deletions last
        foreach (var op in Doc.Operations.OrderBy(o => o.IsSafe ? 0 : o.Method == "DELETE" ? 2 : 1)
                     .ThenBy(o => o.Path, StringComparer.Ordinal))
        {
            // signing in is the public's operation; a signed-in caller's guesses would only end its own session
            if (caller != "" && op.OperationId == "Login") continue;
            for (var i = 0; i < perOperation; i++)
            {
                var fuzz = generator.Build(op, i);
                using var response = await client.SendAsync(fuzz.Request);
                var body = await response.Content.ReadAsByteArrayAsync();
                tally.Check(op, fuzz, response, body);
                if (response is
                    { IsSuccessStatusCode: true, Content.Headers.ContentType.MediaType: "application/json" })
                    pool.Harvest(op, JsonDocument.Parse(body).RootElement);
                // a fuzzed logout, password or scope change may end the session: sign in again and go on
                if (caller != "" && response.StatusCode == HttpStatusCode.Unauthorized
                    && (await client.GetAsync("/api/v1/auth/me")).StatusCode == HttpStatusCode.Unauthorized)
                {
                    client = await SignIn(caller, address);
                    signIns++;
                }
            }
        }

        var summary = $"{tally.Summary()}; signed in again {signIns}×";
        TestContext.Progress.WriteLine(summary);
        // ./test.sh collects the counts here and prints them under the integration suite
        if (Environment.GetEnvironmentVariable("FUZZ_SUMMARY") is { Length: > 0 } file)
            File.AppendAllLines(file, [summary]);
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } report)
            File.AppendAllLines(report, tally.Failures.Select(f => $"{caller}\t{f}"));
        Assert.That(tally.Failures, Is.Empty, string.Join("\n", tally.Failures.Take(40)));
    }

    private HttpClient Anonymous(string address)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Add(TestAddress.Header, address);
        return client;
    }

    /// <summary>Signs in with the demo password, or with the one the fuzzer's valid-looking bodies set.</summary>
    private async Task<HttpClient> SignIn(string username, string address)
    {
        foreach (var password in new[] { "Demo@2026", "Fuzz@2026pw" })
        {
            var client = Anonymous(address);
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
            if (!response.IsSuccessStatusCode) continue;
            var csrf = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
                .First(c => c.StartsWith("gov_csrf=", StringComparison.Ordinal))["gov_csrf=".Length..];
            client.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
            return client;
        }
        Assert.Fail($"{username} cannot sign in any more");
        throw new UnreachableException();
    }
}
