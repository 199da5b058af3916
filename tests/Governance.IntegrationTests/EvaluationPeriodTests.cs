namespace Governance.IntegrationTests;

/// <summary>An evaluator reads a module's records of its grant's period only: the list, the detail and the change
/// feed (here: enforcement cases, by the day they were received).</summary>
public class EvaluationPeriodTests : EnforcementCaseTest
{
    [Test]
    public async Task Cases_received_outside_the_period_are_not_there_for_the_evaluator()
    {
        var id = (await LeadAsync()).GetProperty("id").GetGuid();
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd");
        var before = await EvaluatorAsync(Admin, await GrantAsync(Admin, from: day(Today.AddYears(-1)),
            to: day(Today.AddDays(-1))), "pinggu21");
        var now = await EvaluatorAsync(Admin, await GrantAsync(Admin, from: day(Today), to: day(Today)), "pinggu22");

        async Task<Guid[]> Ids(HttpClient client, string url) =>
            (await Read<JsonElement>(await client.GetAsync(url))).GetProperty("items").EnumerateArray()
            .Select(k => k.GetProperty("id").GetGuid()).ToArray();
        foreach (var url in new[] { "/api/v1/enforcement/cases", "/api/v1/enforcement/cases/changes" })
        {
            Assert.That(await Ids(before, url), Is.Empty, url);
            Assert.That(await Ids(now, url), Is.EqualTo(new[] { id }), url);
        }
        await Problem(await before.GetAsync($"/api/v1/enforcement/cases/{id}"), HttpStatusCode.NotFound);
        await Read<JsonElement>(await now.GetAsync($"/api/v1/enforcement/cases/{id}"));
    }
}
