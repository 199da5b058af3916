namespace Governance.IntegrationTests;

/// <summary>An evaluator reads a module's records of its grant's period only: the list, the detail and the change
/// feed — enforcement cases by the day they were received, disclosures by the day of the decision.</summary>
public class EvaluationPeriodTests : EnforcementCaseTest
{
    private const string Cases = "/api/v1/enforcement/cases", Disclosures = "/api/v1/enforcement/disclosures";

    [Test]
    public async Task Cases_received_outside_the_period_are_not_there_for_the_evaluator()
    {
        var id = (await LeadAsync()).GetProperty("id").GetGuid();
        await AssertReadInPeriodOnlyAsync(await App.LoginAsync("admin"), Today, "pinggu21", id, Cases, Cases,
            $"{Cases}/changes");
    }

    [Test]
    public async Task Disclosures_decided_outside_the_period_are_not_there_for_the_evaluator()
    {
        await DecidedOnTheSpotAsync("CF00009301");
        var id = (await Read<JsonElement>(await Leader.GetAsync(Disclosures))).GetProperty("items")[0]
            .GetProperty("id").GetGuid();
        await AssertReadInPeriodOnlyAsync(await App.LoginAsync("admin"), Today, "pinggu23", id, Disclosures,
            Disclosures, $"{Disclosures}/changes");
    }
}

/// <summary>The same for the service centre's ratings (by the day rated) and rectifications (by the day opened).
/// </summary>
public class ServiceCentrePeriodTests : ServiceCentreTest
{
    private const string Ratings = "/api/v1/service-centre/ratings";
    private const string Rectifications = "/api/v1/service-centre/rectifications";

    [Test]
    public async Task Ratings_and_rectifications_outside_the_period_are_not_there_for_the_evaluator()
    {
        Clock.SetCountyDay("2026-11-20");
        var clerk = await App.LoginAsync("t01_window");
        var id = (await Register(clerk, await ItemAsync("PJ-901", "immediate", null))).GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(clerk, id, "complete", 1, new { outcome = "approved" }));
        var rated = await Read<JsonElement>(await clerk.PostAsJsonAsync(
            $"/api/v1/service-centre/applications/{id}/ratings", new { level = 1, comment = "态度差" }),
            HttpStatusCode.Created);
        var admin = await App.LoginAsync("admin");
        var day = new DateOnly(2026, 11, 20);
        await AssertReadInPeriodOnlyAsync(admin, day, "pinggu24", rated.GetProperty("id").GetGuid(), null,
            Ratings, $"{Ratings}/changes");
        await AssertReadInPeriodOnlyAsync(admin, day, "pinggu25", rated.GetProperty("rectificationId").GetGuid(),
            Rectifications, Rectifications, $"{Rectifications}/changes");
    }
}

/// <summary>The same for the staffing ledger's movements (by the day they take effect).</summary>
public class StaffingPeriodTests : StaffingTest
{
    [Test]
    public async Task Ledger_movements_outside_the_period_are_not_there_for_the_evaluator()
    {
        await OpenAsync(await Unit("县市场监督管理局"), "administrative", "full", 3, on: "2021-03-01");
        var id = await Scalar<Guid>("""
            select id from staffing.ledger_lines where effective_on = date '2021-03-01'
            order by recorded_at desc limit 1
            """);
        await AssertReadInPeriodOnlyAsync(await App.LoginAsync("admin"), new DateOnly(2021, 3, 1), "pinggu26", id,
            null, "/api/v1/staffing/ledger/changes");
    }
}
