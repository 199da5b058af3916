namespace Governance.IntegrationTests;

/// <summary>行政执法公示 · 事后公开: a decision's disclosure is due in working days, published masked for the public,
/// retracted with its reason, late ones listed for the county, and gone from the public pages after its
/// years.</summary>
public sealed class EnforcementDisclosureTests : EnforcementCaseTest
{
    private async Task<JsonElement> OnlyDisclosureAsync(string query = "") =>
        (await Read<JsonElement>(await Leader.GetAsync("/api/v1/enforcement/disclosures" + query)))
        .GetProperty("items").EnumerateArray().Single();

    private async Task<(string Body, JsonElement Items)> PublicAsync()
    {
        var response = await App.Anonymous().GetAsync($"/api/v1/public/enforcement/disclosures?regionId={T1}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return (body, JsonDocument.Parse(body).RootElement.GetProperty("items"));
    }

    [Test]
    public async Task A_penalty_is_disclosed_with_the_person_masked_and_retracted_with_its_public_reason()
    {
        var k = await DecidedOnTheSpotAsync("CF00009101");
        var d = await OnlyDisclosureAsync();
        Assert.That((d.GetProperty("state").GetString(), d.GetProperty("kind").GetString(),
            d.GetProperty("caseId").GetGuid()), Is.EqualTo(("pending", "penalty", k.GetProperty("id").GetGuid())));
        // seven working days always span a weekend
        Assert.That(DateOnly.Parse(d.GetProperty("dueOn").GetString()!), Is.GreaterThanOrEqualTo(Today.AddDays(9)));
        Assert.That((await PublicAsync()).Items.GetArrayLength(), Is.Zero, "nothing public before 公示");

        await Problem(await (await App.LoginAsync("t02_leader")).GetAsync(
            $"/api/v1/enforcement/disclosures/{d.GetProperty("id")}"), HttpStatusCode.NotFound);
        d = await Read<JsonElement>(await Act(Leader, d, "publish", new { }, "disclosures"));
        var (body, items) = await PublicAsync();
        var entry = items.EnumerateArray().Single();
        Assert.That((entry.GetProperty("partyDisplay").GetString(), entry.GetProperty("penalty").GetString(),
            entry.GetProperty("decisionNo").GetString()),
            Is.EqualTo(("张*", "罚款 100 元", k.GetProperty("decision").GetProperty("decisionNo").GetString())));
        Assert.That(body, Does.Not.Contain("张三").And.Not.Contain("19900307"), "no name or ID number in public");

        var revokedToday = new { revokedOn = Today.ToString("yyyy-MM-dd") };
        var noReason = await Problem(await Act(Leader, d, "retract", revokedToday, "disclosures"),
            HttpStatusCode.BadRequest);
        Assert.That(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        d = await Read<JsonElement>(await Act(Leader, d, "retract",
            new { revokedOn = Today.ToString("yyyy-MM-dd"), reason = "经行政复议，原处罚决定被撤销" }, "disclosures"));
        Assert.That(d.GetProperty("state").GetString(), Is.EqualTo("retracted"));
        entry = (await PublicAsync()).Items.EnumerateArray().Single();
        Assert.That((entry.GetProperty("state").GetString(), entry.GetProperty("retractionReason").GetString(),
            entry.GetProperty("partyDisplay").ValueKind),
            Is.EqualTo(("retracted", "经行政复议，原处罚决定被撤销", JsonValueKind.Null)));
    }

    [Test]
    public async Task The_public_list_answers_304_to_a_client_holding_it_until_an_entry_changes()
    {
        await DecidedOnTheSpotAsync("CF00009102");
        var d = await Read<JsonElement>(await Act(Leader, await OnlyDisclosureAsync(), "publish", new { },
            "disclosures"));
        var url = $"/api/v1/public/enforcement/disclosures?regionId={T1}";
        var first = await App.Anonymous().GetAsync(url);
        var tag = first.Headers.ETag!;
        Assert.That((tag.IsWeak, first.Headers.CacheControl?.Public), Is.EqualTo((true, true)));
        Task<HttpResponseMessage> Conditional()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(tag);
            return App.Anonymous().SendAsync(request);
        }
        var again = await Conditional();
        Assert.That((again.StatusCode, (await again.Content.ReadAsByteArrayAsync()).Length),
            Is.EqualTo((HttpStatusCode.NotModified, 0)));

        await Read<JsonElement>(await Act(Leader, d, "retract",
            new { revokedOn = Today.ToString("yyyy-MM-dd"), reason = "原处罚决定被变更" }, "disclosures"));
        Assert.That((await Conditional()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the retraction changed the list");
    }

    [Test]
    public async Task Late_disclosures_are_listed_and_a_persons_leaves_the_public_pages_after_two_years()
    {
        await DecidedOnTheSpotAsync("CF00009101");
        var d = await OnlyDisclosureAsync();
        Assert.That((await Read<JsonElement>(await Leader.GetAsync("/api/v1/enforcement/disclosures?late=true")))
            .GetProperty("items").GetArrayLength(), Is.Zero);
        await Scalar<int>("update enforcement.disclosures set due_on = @yesterday returning 1",
            new { yesterday = Today.AddDays(-1) });
        Assert.That((await OnlyDisclosureAsync("?late=true")).GetProperty("late").GetBoolean());

        await Read<JsonElement>(await Act(Leader, d, "publish", new { }, "disclosures"));
        await Scalar<int>("update enforcement.disclosures set published_on = @on returning 1",
            new { on = Today.AddYears(-2).AddDays(1) });
        Assert.That((await PublicAsync()).Items.GetArrayLength(), Is.EqualTo(1));
        await Scalar<int>("update enforcement.disclosures set published_on = @on returning 1",
            new { on = Today.AddYears(-2) });
        Assert.That((await PublicAsync()).Items.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task The_public_team_page_shows_the_officers_certified_today_and_the_powers_exercised_today()
    {
        var item = await ItemAsync("CF00009301");
        await AssignAsync("statutory", null, item);
        var valid = (await OfficerAsync(Team)).GetProperty("id").GetGuid();
        var lapsed = (await OfficerAsync(Team, Today.AddDays(-1))).GetProperty("id").GetGuid();
        async Task<string> Number(Guid officer) =>
            await Scalar<string>("select number from enforcement.certificates where officer_id = @officer",
                new { officer });

        var page = await Read<JsonElement>(await App.Anonymous().GetAsync($"/api/v1/public/enforcement/teams/{T1}"));
        Assert.That(page.GetProperty("officers").EnumerateArray()
            .Select(o => o.GetProperty("certificateNumber").GetString()), Is.EqualTo(new[] { await Number(valid) }));
        Assert.That(page.ToString(), Does.Not.Contain(await Number(lapsed)));
        Assert.That(page.GetProperty("powers").EnumerateArray().Select(p => p.GetProperty("code").GetString()),
            Does.Contain("CF00009301"));
        Assert.That(page.GetProperty("complaints").GetString(), Does.Contain(page.GetProperty("name").GetString()));
        await Problem(await App.Anonymous().GetAsync($"/api/v1/public/enforcement/teams/{await RegionId(Township2)}"),
            HttpStatusCode.NotFound);
    }
}
