namespace Governance.IntegrationTests;

/// <summary>
/// The workflow mechanism's fixed order of checks (SharedKernel <c>Workflow.StartAsync</c>), shown on one application
/// with requests that fail several checks at once: each answers with the first check it fails, and none changes
/// anything. permission 403 → not found / out of scope 404 → may not act on this record 403 → If-Match 428 / 412 →
/// state 409 → input 400.
/// </summary>
public class WorkflowOrderTests : ServiceCentreTest
{
    private Task<long> Denials(string action) =>
        Scalar<long>("select count(*) from audit.entries where outcome = 'denied' and action = @action",
            new { action });

    [Test]
    public async Task Each_bad_request_answers_the_first_check_it_fails_and_changes_nothing()
    {
        Clock.SetCountyDay("2026-10-12");
        var item = await ItemAsync("SX-ORDER", "promised", 5);
        var clerk = await App.LoginAsync("t01_window");
        var id = (await Register(clerk, item)).GetProperty("id").GetGuid();
        var path = $"/api/v1/service-centre/applications/{id}";
        var wrongState = new { deliveryMethod = "drone" }; // deliver: not possible while received, and a bad field too

        // 1. the role lacks the action's permission: 403 before the record is even looked up (a missing id too),
        // audited once
        var leader = await App.LoginAsync("t01_leader");
        await Problem(await PostIfMatch(leader, $"/api/v1/service-centre/applications/{Guid.NewGuid()}/deliver", null,
            wrongState), HttpStatusCode.Forbidden);
        Assert.That(await Denials("access.denied"), Is.EqualTo(1), "a permission denial is one audit row");

        // 2. another township's record: 404 whatever else is wrong, audited as a denial
        var other = await App.LoginAsync("t02_window");
        await Problem(await PostIfMatch(other, $"{path}/deliver", null, wrongState), HttpStatusCode.NotFound);

        // 3. in scope (the county hall sees every township) but not the holding centre: 403, audited once with the
        // record
        var countyClerk = await App.LoginAsync("window");
        var notHolder = await Problem(await PostIfMatch(countyClerk, $"{path}/deliver", null, wrongState),
            HttpStatusCode.Forbidden);
        Assert.That(notHolder.GetProperty("detail").GetString(), Does.Contain("不在本中心"));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where outcome = 'denied' and record_id = @id
            """, new { id = id.ToString() }), Is.EqualTo(2), "the 404 of step 2 and this 403, once each");

        // 4. the holding centre without If-Match: 428; with a stale one: 412
        await Problem(await PostIfMatch(clerk, $"{path}/deliver", null, wrongState),
            HttpStatusCode.PreconditionRequired);
        await Problem(await PostIfMatch(clerk, $"{path}/deliver", "\"v7\"", wrongState),
            HttpStatusCode.PreconditionFailed);

        // 5. current version, an action the state does not allow: 409 naming the state and what is allowed
        var conflict = await Problem(await PostIfMatch(clerk, $"{path}/deliver", "\"v1\"", wrongState),
            HttpStatusCode.Conflict);
        Assert.That(conflict.GetProperty("code").GetString(), Is.EqualTo("applications.invalid_transition"));
        Assert.That(conflict.GetProperty("state").GetString(), Is.EqualTo("received"));
        Assert.That(conflict.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EquivalentTo(new[] { "accept", "refuse", "complete", "forward" }));

        // 6. an allowed action with invalid input: 400 with the field
        var invalid = await Problem(await PostIfMatch(clerk, $"{path}/refuse", "\"v1\"", new { note = " " }),
            HttpStatusCode.BadRequest);
        Assert.That(invalid.GetProperty("errors").GetProperty("note")[0].GetString(), Does.Contain("理由"));

        // nothing above changed the application: still received, version 1, its one registration event
        var now = await Read<JsonElement>(await clerk.GetAsync(path));
        Assert.That(now.GetProperty("state").GetString(), Is.EqualTo("received"));
        Assert.That(now.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(now.GetProperty("events").GetArrayLength(), Is.EqualTo(1));

        // and the same request, valid, goes through: event, version and audit row in one step
        var accepted = await Read<JsonElement>(await PostIfMatch(clerk, $"{path}/accept", "\"v1\"",
            new { note = "材料齐全" }));
        Assert.That(accepted.GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(accepted.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString(),
            Is.EqualTo("材料齐全"));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'application.accept' and outcome = 'success'
            """),
            Is.EqualTo(1));
    }
}
