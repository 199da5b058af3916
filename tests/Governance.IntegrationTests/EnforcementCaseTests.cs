namespace Governance.IntegrationTests;

/// <summary>案件 from 线索 to 立案 under the law's guards: the power the township may exercise that day, two
/// officers certified that day for the domain, the limitation period; 移送 and 不予立案; machine leads.</summary>
public sealed class EnforcementCaseTests : EnforcementCaseTest
{
    [Test]
    public async Task An_entrusted_power_can_be_filed_on_the_agreements_last_day_but_not_the_day_after()
    {
        var lastDay = await ItemAsync("CF00001001");
        var lapsed = await ItemAsync("CF00001002");
        await AssignAsync("entrusted", await AgreementAsync("委托-今天到期", Today, lastDay), lastDay);
        await AssignAsync("entrusted", await AgreementAsync("委托-昨天到期", Today.AddDays(-1), lapsed), lapsed);
        var officers = await TwoOfficersAsync();

        var refused = await Problem(await FileAsync(await LeadAsync(), lapsed, officers), HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("enforcement.power_not_exercisable"));
        Assert.That(refused.GetProperty("detail").GetString(),
            Does.Contain("委托-昨天到期").And.Contain("应移送县城市管理局"));
        Assert.That(refused.GetProperty("transferTo").GetProperty("departmentId").GetGuid(), Is.EqualTo(Urban));

        var filed = await Read<JsonElement>(await FileAsync(await LeadAsync(), lastDay, officers));
        Assert.That(filed.GetProperty("state").GetString(), Is.EqualTo("filed"));
        var filing = filed.GetProperty("filing");
        Assert.That((filing.GetProperty("exerciseMode").GetString(), filing.GetProperty("agreementNo").GetString(),
            filing.GetProperty("decisionDueOn").GetString()),
            Is.EqualTo(("entrusted", "委托-今天到期", Today.AddDays(90).ToString("yyyy-MM-dd"))));
        Assert.That(filed.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("officerId").GetGuid()),
            Is.EquivalentTo(officers));
        Assert.That(filed.GetProperty("partyIdNumber").GetString(), Is.EqualTo("1101**********0011"));
        var team = filed.GetProperty("team");
        Assert.That(team.GetProperty("name").GetString(), Does.EndWith("综合行政执法大队"), "the documents' 落款");
        Assert.That(team.GetProperty("leaderName").GetString(), Is.EqualTo("李队长"));
    }

    [Test]
    public async Task Filing_needs_two_officers_certified_that_day_for_the_cases_domain()
    {
        var item = await ItemAsync("CF00002001");
        await AssignAsync("granted", null, item);
        var good = (await OfficerAsync(Team, null, "CG")).GetProperty("id").GetGuid();
        var lapsed = (await OfficerAsync(Team, Today.AddDays(-1), "CG")).GetProperty("id").GetGuid();
        var market = (await OfficerAsync(Team, null, "SC")).GetProperty("id").GetGuid();
        var lead = await LeadAsync();

        var one = await Problem(await FileAsync(lead, item, new[] { good }), HttpStatusCode.BadRequest);
        Assert.That(one.GetProperty("errors").GetProperty("officerIds")[0].GetString(), Does.Contain("两名"));
        var refused = await Problem(await FileAsync(lead, item, new[] { good, lapsed, market }),
            HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("enforcement.officers_not_qualified"));
        Assert.That(refused.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("officerId").GetGuid()),
            Is.EquivalentTo(new[] { lapsed, market }));
        var unchanged = await Read<JsonElement>(
            await Leader.GetAsync($"/api/v1/enforcement/cases/{lead.GetProperty("id")}"));
        Assert.That((unchanged.GetProperty("state").GetString(), unchanged.GetProperty("version").GetInt32()),
            Is.EqualTo(("lead", 1)), "a refused step changes nothing");

        var another = (await OfficerAsync(Team, null, "CG", "SC")).GetProperty("id").GetGuid();
        Assert.That((await FileAsync(lead, item, new[] { good, another })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_act_older_than_two_years_is_not_filed_unless_it_harmed_life_health_or_financial_safety()
    {
        var item = await ItemAsync("CF00003001");
        await AssignAsync("statutory", null, item);
        var officers = await TwoOfficersAsync();
        var old = await LeadAsync(Today.AddYears(-2).AddDays(-1));
        var expired = await Problem(await FileAsync(old, item, officers), HttpStatusCode.Conflict);
        Assert.That(expired.GetProperty("code").GetString(), Is.EqualTo("enforcement.limitation_expired"));
        Assert.That((await FileAsync(old, item, officers, severe: true)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var lastDay = await LeadAsync(Today.AddYears(-2));
        Assert.That((await FileAsync(lastDay, item, officers)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_lead_is_transferred_to_the_items_department_or_declined_with_a_reason_and_stays_in_scope()
    {
        var item = await ItemAsync("CF00004001");
        var lead = await LeadAsync();
        var moved = await Read<JsonElement>(await PostIfMatch(Leader,
            $"/api/v1/enforcement/cases/{lead.GetProperty("id")}/transfer", "\"v1\"",
            new { itemId = item, note = "不属于本乡镇职权，移送县城市管理局" }));
        Assert.That((moved.GetProperty("state").GetString(), moved.GetProperty("transferredToName").GetString()),
            Is.EqualTo(("transferred", "县城市管理局")));
        Assert.That(moved.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "register", "transfer" }));

        var other = await LeadAsync();
        var path = $"/api/v1/enforcement/cases/{other.GetProperty("id")}/decline";
        var noReason = await Problem(await PostIfMatch(Leader, path, "\"v1\"", new { }), HttpStatusCode.BadRequest);
        Assert.That(noReason.GetProperty("errors").TryGetProperty("note", out _));
        var officer = await App.LoginAsync("t01_officer");
        var declined = new { note = "无违法事实" };
        await Problem(await PostIfMatch(officer, path, "\"v1\"", declined), HttpStatusCode.Forbidden);
        var elsewhere = await App.LoginAsync("t02_leader");
        await Problem(await elsewhere.GetAsync($"/api/v1/enforcement/cases/{other.GetProperty("id")}"),
            HttpStatusCode.NotFound);
        await Problem(await PostIfMatch(elsewhere, path, "\"v1\"", declined), HttpStatusCode.NotFound);
        Assert.That((await Read<JsonElement>(await PostIfMatch(Leader, path, "\"v1\"", declined)))
            .GetProperty("state").GetString(), Is.EqualTo("declined"));
        var listed = await Read<JsonElement>(await elsewhere.GetAsync("/api/v1/enforcement/cases"));
        Assert.That(listed.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Filed_cases_past_their_decision_deadline_or_close_to_it_are_listed_as_such()
    {
        var item = await ItemAsync("CF00005001");
        await AssignAsync("statutory", null, item);
        var officers = await TwoOfficersAsync();
        var late = (await Read<JsonElement>(await FileAsync(await LeadAsync(), item, officers))).GetProperty("id");
        var soon = (await Read<JsonElement>(await FileAsync(await LeadAsync(), item, officers))).GetProperty("id");
        await LeadAsync(); // a lead has no decision deadline
        // as if filed long ago: due yesterday, and in three days
        await Scalar<int>("""
            update enforcement.cases set decision_due_on = case when id = @late then @yesterday else @inThree end
            where id in (@late, @soon) returning 1
            """, new { late = late.GetGuid(), soon = soon.GetGuid(), yesterday = Today.AddDays(-1),
                inThree = Today.AddDays(3) });
        async Task<IEnumerable<Guid>> Listed(string due) =>
            (await Read<JsonElement>(await Leader.GetAsync($"/api/v1/enforcement/cases?due={due}")))
            .GetProperty("items").EnumerateArray().Select(k => k.GetProperty("id").GetGuid());
        Assert.That(await Listed("overdue"), Is.EqualTo(new[] { late.GetGuid() }));
        Assert.That(await Listed("soon"), Is.EqualTo(new[] { soon.GetGuid() }));
        await Problem(await Leader.GetAsync("/api/v1/enforcement/cases?due=later"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_grid_platform_reports_a_lead_once_per_idempotency_key()
    {
        var admin = Admin;
        var token = (await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "网格化管理平台", role = "grid_platform", regionId = T1,
            expiresAt = DateTimeOffset.UtcNow.AddDays(30),
        }), HttpStatusCode.Created)).GetProperty("token").GetString()!;
        var grid = App.WithToken(token);
        var body = new
        {
            source = "grid", domain = "CG", occurredOn = Today.ToString("yyyy-MM-dd"), place = "人民路与解放路口",
            description = "网格员上报：店外堆放杂物", reporter = "网格员 李四",
        };
        Task<HttpResponseMessage> Send(object b)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/enforcement/cases")
            {
                Content = JsonContent.Create(b),
            };
            request.Headers.Add("Idempotency-Key", "grid-event-20261206-0001");
            return grid.SendAsync(request);
        }
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Send(body)));
        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(await Scalar<long>("select count(*) from enforcement.cases"), Is.EqualTo(1));
        var changed = await Problem(await Send(body with { place = "别处" }), HttpStatusCode.UnprocessableEntity);
        Assert.That(changed.GetProperty("code").GetString(), Is.Not.Empty);
        var id = await Scalar<Guid>("select id from enforcement.cases");
        await Problem(
            await PostIfMatch(grid, $"/api/v1/enforcement/cases/{id}/decline", "\"v1\"", new { note = "重复" }),
            HttpStatusCode.Forbidden);
    }
}
