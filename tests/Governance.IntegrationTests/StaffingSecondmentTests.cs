using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>选派 from 报名 to 聘用, and the annual assessment whose outcomes convert, keep or return and bar.</summary>
public sealed class StaffingSecondmentTests : StaffingTest
{
    private static readonly TestClock Clock = new();

    // 优秀 share 50 % so that two graded people leave room for one 优秀 (the 20 % default needs five)
    protected override TestApp CreateApp() => TestApp.Get("staffing-clock",
        new Dictionary<string, string?> { ["Staffing:ExcellentShare"] = "0.5" },
        s => s.AddSingleton<TimeProvider>(Clock));

    /// <summary>Moves the clock to a county day and signs in again (a session does not outlive a long jump).</summary>
    private async Task AtAsync(string day)
    {
        Clock.SetCountyDay(day);
        await SignInAsync();
    }

    private Guid _team;
    private Guid _market;

    /// <summary>
    /// The market department's 差额拨款 事业编 staff (eligible), one 全额拨款 civil servant (not), and a township
    /// enforcement team with vacant 全额拨款 事业编 posts.
    /// </summary>
    private async Task<Dictionary<string, Guid>> StaffAsync(int teamPosts = 5)
    {
        Clock.SetCountyDay("2026-02-02");
        _market = await Unit("县市场监督管理局");
        _team = await Unit("综合行政执法大队", Township1);
        await OpenAsync(_market, "institution", "partial", 4);
        await OpenAsync(_market, "administrative", "full", 2);
        await OpenAsync(_team, "institution", "full", teamPosts);
        await PlanAsync(_market, "institution", "partial", 4);
        await PlanAsync(_market, "administrative", "full", 2);
        var dept = await App.LoginAsync("dept_scjg");
        var people = new Dictionary<string, Guid>();
        var partial = await RequestAsync(dept, _market, "institution", "partial", 3);
        await Read<JsonElement>(await ApproveAsync(partial));
        foreach (var name in new[] { "A", "B", "C" })
            people[name] = (await Read<JsonElement>(await HireAsync(partial, "2020-05-01"), HttpStatusCode.Created))
                .GetProperty("id").GetGuid();
        var full = await RequestAsync(dept, _market, "administrative", "full", 1);
        await Read<JsonElement>(await ApproveAsync(full));
        people["D"] = (await Read<JsonElement>(await HireAsync(full, "2020-05-01"), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        return people;
    }

    private async Task<(Guid Id, Guid Post)> CampaignAsync(int year, int posts = 2)
    {
        var township = await RegionId(Township1);
        var campaign = await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/campaigns", new
        {
            year, name = $"{year}年度选派", writtenWeight = 0.4m,
            posts = new[] { new { townshipId = township, workArea = "enforcement", posts } },
        }), HttpStatusCode.Created);
        return (campaign.GetProperty("id").GetGuid(), campaign.GetProperty("posts")[0].GetProperty("id").GetGuid());
    }

    private async Task<JsonElement> StepAsync(Guid campaign, string action, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var version = (await Bianban.GetAsync($"/api/v1/staffing/campaigns/{campaign}")).Headers.ETag!.Tag;
        var response = await PostIfMatch(Bianban, $"/api/v1/staffing/campaigns/{campaign}/{action}", version, new { });
        return expected == HttpStatusCode.OK ? await Read<JsonElement>(response) : await Problem(response, expected);
    }

    private Task<HttpResponseMessage> RegisterAsync(Guid campaign, Guid person) =>
        Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/registrations", new { personId = person });

    /// <summary>Runs a campaign from 报名 to 聘用 for the given people (all qualified, ranked in the given order).
    /// </summary>
    private async Task<Guid> SecondAsync(params Guid[] people)
    {
        var (campaign, post) = await CampaignAsync(Clock.Now.Year, people.Length);
        await StepAsync(campaign, "open-registration");
        var registrations = new List<Guid>();
        foreach (var p in people)
            registrations.Add((await Read<JsonElement>(await RegisterAsync(campaign, p), HttpStatusCode.Created))
                .GetProperty("id").GetGuid());
        await StepAsync(campaign, "review");
        foreach (var r in registrations)
            await Read<JsonElement>(await Bianban.PostAsJsonAsync(
                $"/api/v1/staffing/campaigns/{campaign}/registrations/{r}/qualify", new { qualified = true }));
        await StepAsync(campaign, "written");
        await Read<JsonElement>(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/scores",
            registrations.Select((r, i) => new { registrationId = r, written = 90m - i })));
        await StepAsync(campaign, "interview");
        await Read<JsonElement>(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/scores",
            registrations.Select(r => new { registrationId = r, interview = 80m })));
        await StepAsync(campaign, "choose");
        foreach (var r in registrations)
            await Read<JsonElement>(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/choices",
                new { registrationId = r, postId = post }));
        var published = await StepAsync(campaign, "publish");
        await AtAsync(DateOnly.Parse(published.GetProperty("publicityUntil").GetString()!).AddDays(1)
            .ToString("yyyy-MM-dd"));
        await StepAsync(campaign, "hire");
        return campaign;
    }

    [Test]
    public async Task A_campaign_runs_from_registration_to_hiring_with_eligibility_ranking_choice_and_a_public_notice()
    {
        var people = await StaffAsync();
        Clock.SetCountyDay("2026-03-02"); // a Monday
        var (campaign, post) = await CampaignAsync(2026, 1);
        var early = await Problem(await RegisterAsync(campaign, people["A"]), HttpStatusCode.Conflict);
        Assert.That(early.GetProperty("code").GetString(), Is.EqualTo("campaigns.wrong_stage"));
        await StepAsync(campaign, "open-registration");

        var civilServant = await Problem(await RegisterAsync(campaign, people["D"]), HttpStatusCode.Conflict);
        Assert.That(civilServant.GetProperty("detail").GetString(), Does.Contain("全额拨款编制人员不能报名"));
        var a = (await Read<JsonElement>(await RegisterAsync(campaign, people["A"]), HttpStatusCode.Created))
            .GetProperty("id");
        var b = (await Read<JsonElement>(await RegisterAsync(campaign, people["B"]), HttpStatusCode.Created))
            .GetProperty("id");
        await Problem(await RegisterAsync(campaign, people["A"]), HttpStatusCode.Conflict);

        await StepAsync(campaign, "review");
        foreach (var r in new[] { a, b })
            await Read<JsonElement>(await Bianban.PostAsJsonAsync(
                $"/api/v1/staffing/campaigns/{campaign}/registrations/{r}/qualify", new { qualified = true }));
        await StepAsync(campaign, "written");
        // imported from a sheet: a row for someone not in the campaign is reported and nothing is saved
        var sheet = new StringContent("身份证号,笔试成绩\n110101199003070011,88\n", System.Text.Encoding.UTF8,
            "text/csv");
        var refused = await Problem(
            await Bianban.PostAsync($"/api/v1/staffing/campaigns/{campaign}/scores/import", sheet),
            HttpStatusCode.BadRequest);
        Assert.That(refused.GetProperty("report")[0].GetProperty("row").GetInt32(), Is.EqualTo(2));
        await Read<JsonElement>(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/scores",
            new[] { new { registrationId = a, written = 80m }, new { registrationId = b, written = 90m } }));
        await StepAsync(campaign, "interview");
        var unscored = await StepAsync(campaign, "choose", HttpStatusCode.Conflict);
        Assert.That(unscored.GetProperty("detail").GetString(), Does.Contain("没有笔试和面试成绩"));
        // A: 80×0.4 + 95×0.6 = 89; B: 90×0.4 + 85×0.6 = 87 — the interview weighs more
        await Read<JsonElement>(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/scores",
            new[] { new { registrationId = a, interview = 95m }, new { registrationId = b, interview = 85m } }));
        await StepAsync(campaign, "choose");
        var ranking = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/campaigns/{campaign}/ranking"));
        Assert.That(ranking.EnumerateArray()
                .Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("total").GetDecimal())),
            Is.EqualTo(new[] { (1, 89m), (2, 87m) }));

        var outOfTurn = await Problem(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/choices",
            new { registrationId = b, postId = post }), HttpStatusCode.Conflict);
        Assert.That(outOfTurn.GetProperty("detail").GetString(), Does.Contain("第 1 名"));
        await Read<JsonElement>(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/choices",
            new { registrationId = a, postId = post }));
        var full = await Problem(await Bianban.PostAsJsonAsync($"/api/v1/staffing/campaigns/{campaign}/choices",
            new { registrationId = b, postId = post }), HttpStatusCode.Conflict);
        Assert.That(full.GetProperty("code").GetString(), Is.EqualTo("campaigns.post_full"));

        var published = await StepAsync(campaign, "publish");
        Assert.That(published.GetProperty("publicityUntil").GetString(), Is.EqualTo("2026-03-06"), "5 working days");
        var notice = await Read<JsonElement>(
            await App.Anonymous().GetAsync($"/api/v1/public/staffing/campaigns/{campaign}/notice"));
        Assert.That(notice.GetProperty("candidates")[0].GetProperty("name").GetString(), Does.EndWith("*"));
        Assert.That(notice.ToString(), Does.Not.Contain("身份"));

        var objection = await Read<JsonElement>(await Bianban.PostAsJsonAsync(
                $"/api/v1/staffing/campaigns/{campaign}/objections", new { content = "反映其长期不在岗" }),
            HttpStatusCode.Created);
        var objections = await Read<JsonElement>(
            await Bianban.GetAsync($"/api/v1/staffing/campaigns/{campaign}/objections"));
        Assert.That(objections[0].GetProperty("upheld").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Clock.SetCountyDay("2026-03-06");
        Assert.That((await StepAsync(campaign, "hire", HttpStatusCode.Conflict)).GetProperty("detail").GetString(),
            Does.Contain("异议"));
        await Read<JsonElement>(await Bianban.PostAsJsonAsync(
            $"/api/v1/staffing/campaigns/{campaign}/objections/{objection.GetProperty("id")}/decide",
            new { upheld = false, decision = "经核实不属实" }));
        Assert.That((await StepAsync(campaign, "hire", HttpStatusCode.Conflict)).GetProperty("detail").GetString(),
            Does.Contain("期满后"));
        Clock.SetCountyDay("2026-03-09");
        await StepAsync(campaign, "hire");

        var secondees = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/secondees?state=active"));
        Assert.That(secondees.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(secondees.GetProperty("items")[0].GetProperty("personId").GetGuid(), Is.EqualTo(people["A"]));
        Assert.That(secondees.GetProperty("items")[0].GetProperty("startedOn").GetString(), Is.EqualTo("2026-03-09"));
    }

    private async Task<(Guid Id, string ETag)> AssessmentAsync(int year)
    {
        var response = await Bianban.PostAsJsonAsync("/api/v1/staffing/assessments", new { year });
        var body = await Read<JsonElement>(response, HttpStatusCode.Created);
        return (body.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    private async Task<Dictionary<Guid, Guid>> SecondeesByPersonAsync() =>
        (await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/secondees"))).GetProperty("items")
        .EnumerateArray().ToDictionary(s => s.GetProperty("personId").GetGuid(), s => s.GetProperty("id").GetGuid());

    [Test]
    public async Task An_assessment_converts_the_excellent_returns_and_bars_the_incompetent_for_exactly_a_year()
    {
        var people = await StaffAsync();
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        var county = await CountyApprovedAsync();

        await AtAsync("2027-01-11"); // a Monday
        var (assessment, etag) = await AssessmentAsync(2026);
        object Grades(string a, string b) => new
        {
            grades = new[]
            {
                new { secondeeId = secondees[people["A"]], grade = a },
                new { secondeeId = secondees[people["B"]], grade = b },
            },
        };
        var overQuota = await Problem(await PostIfMatch(Bianban,
            $"/api/v1/staffing/assessments/{assessment}/grades", etag,
            Grades("excellent", "excellent")), HttpStatusCode.Conflict);
        Assert.That(overQuota.GetProperty("code").GetString(), Is.EqualTo("assessments.over_quota"));
        var graded = await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/grades", etag,
            Grades("excellent", "incompetent"));
        await Read<JsonElement>(graded);

        var preview = await Read<JsonElement>(
            await Bianban.GetAsync($"/api/v1/staffing/assessments/{assessment}/preview"));
        var byOutcome = preview.EnumerateArray().ToDictionary(p => p.GetProperty("outcome").GetString()!);
        Assert.That(byOutcome["converted"].GetProperty("target").GetProperty("unitName").GetString(),
            Is.EqualTo("综合行政执法大队"));
        Assert.That(byOutcome["returned"].GetProperty("barredUntil").GetString(), Is.EqualTo("2028-01-11"));

        var published = await Read<JsonElement>(await PostIfMatch(Bianban,
            $"/api/v1/staffing/assessments/{assessment}/publish", graded.Headers.ETag!.Tag, new { }));
        var notice = await Read<JsonElement>(
            await App.Anonymous().GetAsync($"/api/v1/public/staffing/assessments/{assessment}/notice"));
        Assert.That(notice.GetProperty("proposed").GetArrayLength(), Is.EqualTo(1));
        var tooEarly = await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/finalize",
            $"\"v{published.GetProperty("version").GetInt32()}\"", new { });
        await Problem(tooEarly, HttpStatusCode.Conflict);
        await AtAsync(DateOnly.Parse(published.GetProperty("publicityUntil").GetString()!).AddDays(1)
            .ToString("yyyy-MM-dd"));
        var decidedOn = DateOnly.FromDateTime(Clock.Now.UtcDateTime.AddHours(8));
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/finalize",
            $"\"v{published.GetProperty("version").GetInt32()}\"", new { }));

        // A now holds a township post, the origin post is vacant, the county total is unchanged, nothing disagrees
        var a = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/people/{people["A"]}"));
        Assert.That(a.GetProperty("unitName").GetString(), Is.EqualTo("综合行政执法大队"));
        Assert.That(a.GetProperty("holdings").GetArrayLength(), Is.EqualTo(2));
        Assert.That(await CountyApprovedAsync(), Is.EqualTo(county));
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.Zero);
        var states = (await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/secondees")))
            .GetProperty("items").EnumerateArray().ToDictionary(s => s.GetProperty("personId").GetGuid(),
                s => (s.GetProperty("state").GetString(), s.GetProperty("stateName").GetString()));
        Assert.That((states[people["A"]], states[people["B"]]),
            Is.EqualTo((("converted", "已转编"), ("returned", "已退回"))));
        var final = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/assessments/{assessment}"));
        Assert.That(final.GetProperty("stateName").GetString(), Is.EqualTo("已确定"));
        var listed = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/assessments"));
        Assert.That(listed.GetProperty("items")[0].GetProperty("stateName").GetString(), Is.EqualTo("已确定"));
        var kpis = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/kpis?from=2026-12&to=2027-01"));
        int Kpi(int month, string code) => (int)kpis[month].GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();
        Assert.That((Kpi(0, "ST_SECONDED"), Kpi(0, "ST_SECONDED_ENFORCEMENT"), Kpi(1, "ST_SECONDED")),
            Is.EqualTo((2, 2, 0)));
        Assert.That((Kpi(1, "ST_CONVERTED"), Kpi(1, "ST_RETURNED")), Is.EqualTo((1, 1)));

        // B is barred for one year from the decision: the day before its end refused, the day it ends allowed
        await AtAsync(decidedOn.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd"));
        var (next, _) = await CampaignAsync(2028);
        await StepAsync(next, "open-registration");
        var barred = await Problem(await RegisterAsync(next, people["B"]), HttpStatusCode.Conflict);
        Assert.That(barred.GetProperty("detail").GetString(), Does.Contain("一年内不得参加选派"));
        await AtAsync(decidedOn.AddYears(1).ToString("yyyy-MM-dd"));
        await Read<JsonElement>(await RegisterAsync(next, people["B"]), HttpStatusCode.Created);
    }

    [Test]
    public async Task Converting_without_a_vacancy_is_refused_with_the_townships_vacancies_and_changes_nothing()
    {
        var people = await StaffAsync(teamPosts: 1);
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        // the team's one post is taken by a township hire before the assessment
        var leader = await App.LoginAsync("t01_leader");
        await PlanAsync(_team, "institution", "full", 1);
        var request = await RequestAsync(leader, _team, "institution", "full", 1);
        await Read<JsonElement>(await ApproveAsync(request));
        await Read<JsonElement>(await HireAsync(request, "2026-06-01"), HttpStatusCode.Created);

        await AtAsync("2027-01-11");
        var (assessment, etag) = await AssessmentAsync(2026);
        var graded = await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/grades", etag, new
        {
            grades = new[]
            {
                new { secondeeId = secondees[people["A"]], grade = "excellent" },
                new { secondeeId = secondees[people["B"]], grade = "competent" },
            },
        });
        await Read<JsonElement>(graded);
        var published = await Read<JsonElement>(await PostIfMatch(Bianban,
            $"/api/v1/staffing/assessments/{assessment}/publish", graded.Headers.ETag!.Tag, new { }));
        await AtAsync("2027-01-20");
        var lines = await Scalar<long>("select count(*) from staffing.ledger_lines");
        var refused = await Problem(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/finalize",
            $"\"v{published.GetProperty("version").GetInt32()}\"", new { }), HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("assessments.no_vacancy"));
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("没有此类空编"));
        Assert.That(await Scalar<long>("select count(*) from staffing.ledger_lines"), Is.EqualTo(lines));
        Assert.That(await Scalar<string>("select state from staffing.assessments"), Is.EqualTo("publicity"));
    }

    /// <summary>A year's assessment from creation to its final step with the given grades (the clock moves past the
    /// 公示; it starts on the Monday of the second week of the next year).</summary>
    private async Task<Guid> FinalAsync(int year, params (Guid Secondee, string Grade)[] grades)
    {
        await AtAsync(new DateOnly(year + 1, 1, 1).AddDays(7 + (8 - (int)new DateOnly(year + 1, 1, 1).DayOfWeek) % 7)
            .ToString("yyyy-MM-dd"));
        var (assessment, etag) = await AssessmentAsync(year);
        var graded = await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/grades", etag,
            new { grades = grades.Select(g => new { secondeeId = g.Secondee, grade = g.Grade }) });
        await Read<JsonElement>(graded);
        var published = await Read<JsonElement>(await PostIfMatch(Bianban,
            $"/api/v1/staffing/assessments/{assessment}/publish", graded.Headers.ETag!.Tag, new { }));
        await AtAsync(DateOnly.Parse(published.GetProperty("publicityUntil").GetString()!).AddDays(1)
            .ToString("yyyy-MM-dd"));
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/finalize",
            $"\"v{published.GetProperty("version").GetInt32()}\"", new { }));
        return assessment;
    }

    [Test]
    public async Task Basic_twice_running_is_flagged_on_the_health_page_until_a_better_grade_follows()
    {
        var people = await StaffAsync();
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        var (a, b) = (secondees[people["A"]], secondees[people["B"]]);

        await FinalAsync(2026, (a, "basic"), (b, "basic"));
        Assert.That((await HealthAsync()).GetProperty("repeatedBasic").GetArrayLength(), Is.Zero, "once is no flag");
        await FinalAsync(2027, (a, "basic"), (b, "competent"));
        var flagged = (await HealthAsync()).GetProperty("repeatedBasic").EnumerateArray().ToList();
        Assert.That(flagged.Select(f => (f.GetProperty("secondeeId").GetGuid(), f.GetProperty("year").GetInt32())),
            Is.EqualTo(new[] { (a, 2027) }));
        Assert.That(flagged[0].GetProperty("townshipName").GetString(), Is.Not.Empty);
        // the township that hosts A sees the flag too; a township elsewhere does not
        var host = await App.LoginAsync("t01_leader");
        Assert.That((await Read<JsonElement>(await host.GetAsync("/api/v1/staffing/health")))
            .GetProperty("repeatedBasic").GetArrayLength(), Is.EqualTo(1));
        var other = await App.LoginAsync("t02_leader");
        Assert.That((await Read<JsonElement>(await other.GetAsync("/api/v1/staffing/health")))
            .GetProperty("repeatedBasic").GetArrayLength(), Is.Zero);

        await FinalAsync(2028, (a, "competent"), (b, "competent"));
        Assert.That((await HealthAsync()).GetProperty("repeatedBasic").GetArrayLength(), Is.Zero,
            "a later better grade clears the flag");
    }

    [Test]
    public async Task A_final_assessments_outcomes_are_the_recorded_ones_even_after_the_vacancies_change()
    {
        var people = await StaffAsync(teamPosts: 1);
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        var (a, b) = (secondees[people["A"]], secondees[people["B"]]);
        var assessment = await FinalAsync(2026, (a, "excellent"), (b, "incompetent"));
        var decidedOn = DateOnly.FromDateTime(Clock.Now.UtcDateTime.AddHours(8));

        // the team's one vacancy is now A's, and days go by: what happened stays what it was
        await AtAsync(decidedOn.AddDays(30).ToString("yyyy-MM-dd"));
        var preview = await Read<JsonElement>(
            await Bianban.GetAsync($"/api/v1/staffing/assessments/{assessment}/preview"));
        var byOutcome = preview.EnumerateArray().ToDictionary(p => p.GetProperty("outcome").GetString()!);
        var target = byOutcome["converted"].GetProperty("target");
        Assert.That((target.GetProperty("unitName").GetString(), target.GetProperty("vacant").GetInt32()),
            Is.EqualTo(("综合行政执法大队", 1)), "the vacancy the conversion took, as it was then");
        Assert.That(byOutcome["converted"].GetProperty("alternatives").GetArrayLength(), Is.Zero);
        Assert.That(byOutcome["returned"].GetProperty("barredUntil").GetString(),
            Is.EqualTo(decidedOn.AddYears(1).ToString("yyyy-MM-dd")), "the bar recorded at the decision");
    }

    [Test]
    public async Task A_secondee_whose_secondment_has_ended_cannot_be_graded_and_does_not_hold_up_the_publicity()
    {
        var people = await StaffAsync();
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        var (a, b) = (secondees[people["A"]], secondees[people["B"]]);
        // the 2026 assessment is decided late, in July 2027, while the 2027 one is open: A and B were seconded more
        // than half of 2027 when the 2026 outcomes end their secondments
        await AtAsync("2027-07-05");
        var (late, lateTag) = await AssessmentAsync(2026);
        var (next, nextTag) = await AssessmentAsync(2027);
        var graded = await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{late}/grades", lateTag,
            new
            {
                grades = new[]
                {
                    new { secondeeId = a, grade = "excellent" }, new { secondeeId = b, grade = "incompetent" },
                },
            });
        var published = await Read<JsonElement>(await PostIfMatch(Bianban,
            $"/api/v1/staffing/assessments/{late}/publish", graded.Headers.ETag!.Tag, new { }));
        await AtAsync(DateOnly.Parse(published.GetProperty("publicityUntil").GetString()!).AddDays(1)
            .ToString("yyyy-MM-dd"));
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{late}/finalize",
            $"\"v{published.GetProperty("version").GetInt32()}\"", new { }));
        var lines = await Scalar<long>("select count(*) from staffing.ledger_lines");

        var refused = await Problem(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{next}/grades",
            nextTag, new { grades = new[] { new { secondeeId = a, grade = "competent" } } }), HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("assessments.secondment_not_active"));
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("已转编").And.Contain("不能再评定等次"));
        Assert.That(refused.GetProperty("secondeeId").GetGuid(), Is.EqualTo(a));
        var returned = await Problem(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{next}/grades",
            nextTag, new { grades = new[] { new { secondeeId = b, grade = "incompetent" } } }),
            HttpStatusCode.Conflict);
        Assert.That(returned.GetProperty("detail").GetString(), Does.Contain("已退回"));

        // nobody left to grade: the 2027 assessment runs to its end and moves nobody again
        var current = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/assessments/{next}"));
        Assert.That(current.GetProperty("grades").EnumerateArray()
                .Select(g => g.GetProperty("secondmentState").GetString()).Distinct(),
            Is.EquivalentTo(new[] { "converted", "returned" }));
        Assert.That((await Read<JsonElement>(
            await Bianban.GetAsync($"/api/v1/staffing/assessments/{next}/preview"))).GetArrayLength(), Is.Zero);
        var nextPublished = await Read<JsonElement>(await PostIfMatch(Bianban,
            $"/api/v1/staffing/assessments/{next}/publish", nextTag, new { }));
        await AtAsync(DateOnly.Parse(nextPublished.GetProperty("publicityUntil").GetString()!).AddDays(1)
            .ToString("yyyy-MM-dd"));
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{next}/finalize",
            $"\"v{nextPublished.GetProperty("version").GetInt32()}\"", new { }));
        Assert.That(await Scalar<long>("select count(*) from staffing.ledger_lines"), Is.EqualTo(lines));
        Assert.That(await Scalar<long>("select count(*) from staffing.bars"), Is.EqualTo(1));
    }

    [Test]
    public async Task Leaving_the_establishment_ends_the_secondment_and_takes_the_person_off_the_excellent_notice()
    {
        var people = await StaffAsync();
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        await AtAsync("2027-01-11");
        var (assessment, etag) = await AssessmentAsync(2026);
        var graded = await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/grades", etag, new
        {
            grades = new[]
            {
                new { secondeeId = secondees[people["A"]], grade = "excellent" },
                new { secondeeId = secondees[people["B"]], grade = "competent" },
            },
        });
        var published = await Read<JsonElement>(await PostIfMatch(Bianban,
            $"/api/v1/staffing/assessments/{assessment}/publish", graded.Headers.ETag!.Tag, new { }));
        async Task<int> ProposedAsync() => (await Read<JsonElement>(await App.Anonymous()
            .GetAsync($"/api/v1/public/staffing/assessments/{assessment}/notice"))).GetProperty("proposed")
            .GetArrayLength();
        Assert.That(await ProposedAsync(), Is.EqualTo(1));

        // A retires during the 公示 (出编): the secondment ends that day, and A is no longer proposed
        var a = await Bianban.GetAsync($"/api/v1/staffing/people/{people["A"]}");
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/people/{people["A"]}/exit",
            a.Headers.ETag!.Tag,
            new { kind = "retirement", exitedOn = "2027-01-13", documentNo = "县人社〔2027〕1号" }));
        var ended = await Read<JsonElement>(
            await Bianban.GetAsync($"/api/v1/staffing/secondees/{secondees[people["A"]]}"));
        Assert.That((ended.GetProperty("state").GetString(), ended.GetProperty("endedOn").GetString()),
            Is.EqualTo(("ended", "2027-01-13")));
        var last = ended.GetProperty("history").EnumerateArray().Last();
        Assert.That((last.GetProperty("action").GetString(), last.GetProperty("note").GetString()),
            Is.EqualTo(("end", "出编（退休）县人社〔2027〕1号")));
        Assert.That(await ProposedAsync(), Is.Zero);

        // the final step converts nobody and moves no post; B stays seconded
        var lines = await Scalar<long>("select count(*) from staffing.ledger_lines");
        await AtAsync(DateOnly.Parse(published.GetProperty("publicityUntil").GetString()!).AddDays(1)
            .ToString("yyyy-MM-dd"));
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/assessments/{assessment}/finalize",
            $"\"v{published.GetProperty("version").GetInt32()}\"", new { }));
        Assert.That(await Scalar<long>("select count(*) from staffing.ledger_lines"), Is.EqualTo(lines));
        Assert.That(await ProposedAsync(), Is.Zero);
        Assert.That((await SecondeeStatesAsync())[secondees[people["B"]]], Is.EqualTo("active"));
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.Zero);
    }

    private Task<HttpResponseMessage> CorrectAsync(Guid assessment, Guid secondee, string? reason = "考核结果复核有误",
        string? documentNo = "县委组织部〔2027〕3号") =>
        Bianban.PostAsJsonAsync($"/api/v1/staffing/assessments/{assessment}/grades/{secondee}/correction",
            new { reason, documentNo });

    private async Task<Dictionary<Guid, string?>> SecondeeStatesAsync() =>
        (await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/secondees"))).GetProperty("items")
        .EnumerateArray().ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("state").GetString());

    [Test]
    public async Task A_correction_reverses_a_conversion_and_a_return_in_one_step_and_keeps_the_grade_and_history()
    {
        var people = await StaffAsync();
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        var (a, b) = (secondees[people["A"]], secondees[people["B"]]);
        var assessment = await FinalAsync(2026, (a, "excellent"), (b, "incompetent"));
        var county = await CountyApprovedAsync();

        var bad = await Problem(await CorrectAsync(assessment, a, reason: null, documentNo: " "),
            HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "reason", "documentNo" }));

        var corrected = await Read<JsonElement>(await CorrectAsync(assessment, a));
        var grade = corrected.GetProperty("grades").EnumerateArray()
            .Single(g => g.GetProperty("secondeeId").GetGuid() == a);
        Assert.That(grade.GetProperty("grade").GetString(), Is.EqualTo("excellent"), "the grade stays");
        Assert.That(grade.GetProperty("correction").GetProperty("documentNo").GetString(),
            Is.EqualTo("县委组织部〔2027〕3号"));
        Assert.That(corrected.GetProperty("events").EnumerateArray().Last().GetProperty("action").GetString(),
            Is.EqualTo("correct"));
        // A is back in the origin post as if never converted; the township post is free again
        var person = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/people/{people["A"]}"));
        Assert.That(person.GetProperty("unitName").GetString(), Is.EqualTo("县市场监督管理局"));
        Assert.That(person.GetProperty("holdings").EnumerateArray()
            .Select(h => h.GetProperty("exitedOn").ValueKind).ToList(), Is.EqualTo(new[] { JsonValueKind.Null }));
        Assert.That((await SecondeeStatesAsync())[a], Is.EqualTo("active"));
        var again = await Problem(await CorrectAsync(assessment, a), HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("code").GetString(), Is.EqualTo("assessments.already_corrected"));

        // B: the return and the bar undone
        Assert.That(await Scalar<long>("select count(*) from staffing.bars where lifted_on is null"), Is.EqualTo(1));
        await Read<JsonElement>(await CorrectAsync(assessment, b));
        Assert.That(await Scalar<long>("select count(*) from staffing.bars where lifted_on is null"), Is.Zero);
        Assert.That(await Scalar<long>("select count(*) from staffing.bars"), Is.EqualTo(1), "kept as history");
        Assert.That((await SecondeeStatesAsync())[b], Is.EqualTo("active"));
        var history = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/secondees/{b}"));
        Assert.That(history.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString(),
            Does.Contain("撤销退回"));

        Assert.That(await CountyApprovedAsync(), Is.EqualTo(county));
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.Zero);
        Assert.That(await Scalar<long>(
            "select count(*) from audit.entries where action = 'staffing.assessment.correct'"), Is.EqualTo(2));
    }

    [Test]
    public async Task An_excellent_conversion_vacates_the_post_the_person_holds_now_and_a_correction_restores_it()
    {
        var people = await StaffAsync();
        var water = await OpenAsync(await Unit("县水利局"), "institution", "partial", 2);
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        var (a, b) = (secondees[people["A"]], secondees[people["B"]]);
        // during the secondment A moves (调动) to the water bureau's 差额拨款 post, recorded on the ledger
        await Scalar<int>("""
            with h as (update staffing.holdings set exited_on = @on, exit_kind = 'transfer_out', exit_document = @doc
                       where person_id = @person and exited_on is null returning id, establishment_id),
                 n as (insert into staffing.holdings (id, person_id, establishment_id, entered_on, entry_kind,
                           entry_document)
                       values (@holding, @person, @water, @on, 'transfer_in', @doc))
            insert into staffing.ledger_lines (id, establishment_id, effective_on, movement, occupied_delta,
                document_no, source_id, note, recorded_at, recorded_by)
            select gen_random_uuid(), h.establishment_id, @on, 'exit', -1, @doc, h.id, '调出', now(), 'test' from h
            union all
            select gen_random_uuid(), @water, @on, 'entry', 1, @doc, @holding, '调入', now(), 'test';
            update staffing.people set establishment_id = @water where id = @person;
            select 1;
            """, new { person = people["A"], water, holding = Guid.CreateVersion7(), on = new DateOnly(2026, 6, 1),
                doc = "县人社局调动通知 7" });
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.Zero);
        var market = await Scalar<Guid>(
            "select origin_establishment from staffing.secondees where id = @a", new { a });
        int Occupied(JsonElement row) => row.GetProperty("occupied").GetInt32();

        var assessment = await FinalAsync(2026, (a, "excellent"), (b, "competent"));
        // the water bureau's post is the one freed; the recorded origin (the market: B and C) is untouched
        Assert.That((Occupied(await LedgerRow(water)), Occupied(await LedgerRow(market))), Is.EqualTo((0, 2)));
        var health = await HealthAsync();
        Assert.That(health.GetProperty("mismatches").GetArrayLength(), Is.Zero, health.ToString());
        var person = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/people/{people["A"]}"));
        Assert.That(person.GetProperty("unitName").GetString(), Is.EqualTo("综合行政执法大队"));

        // a correction puts A back where the conversion took them from: the water bureau
        await Read<JsonElement>(await CorrectAsync(assessment, a));
        person = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/people/{people["A"]}"));
        Assert.That(person.GetProperty("unitName").GetString(), Is.EqualTo("县水利局"));
        Assert.That((Occupied(await LedgerRow(water)), Occupied(await LedgerRow(market))), Is.EqualTo((1, 2)));
        health = await HealthAsync();
        Assert.That(health.GetProperty("mismatches").GetArrayLength(), Is.Zero, health.ToString());
    }

    [Test]
    public async Task A_correction_of_a_conversion_is_refused_when_the_origin_post_was_taken_meanwhile()
    {
        var people = await StaffAsync();
        // the market's 差额拨款 posts: 3, all held (A, B, C)
        await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "approval", documentNo = "县编办〔2026〕2号", documentDate = "2026-02-02",
            issuedBy = "县机构编制委员会",
            effectiveOn = "2026-02-02",
            lines = new[] { new { unitId = _market, kind = "institution", funding = "partial", posts = -1 } },
        }), HttpStatusCode.Created);
        await AtAsync("2026-03-02");
        await SecondAsync(people["A"], people["B"]);
        var secondees = await SecondeesByPersonAsync();
        var (a, b) = (secondees[people["A"]], secondees[people["B"]]);
        var assessment = await FinalAsync(2026, (a, "excellent"), (b, "competent"));

        // A's freed origin post is taken by a new hire
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), _market, "institution", "partial", 1);
        await Read<JsonElement>(await ApproveAsync(request));
        var today = DateOnly.FromDateTime(Clock.Now.UtcDateTime.AddHours(8)).ToString("yyyy-MM-dd");
        await Read<JsonElement>(await HireAsync(request, today), HttpStatusCode.Created);

        var lines = await Scalar<long>("select count(*) from staffing.ledger_lines");
        var refused = await Problem(await CorrectAsync(assessment, a), HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("assessments.origin_taken"));
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("原岗位").And.Contain("已被占用"));
        Assert.That(await Scalar<long>("select count(*) from staffing.ledger_lines"), Is.EqualTo(lines));
        Assert.That(await Scalar<long>("select count(*) from staffing.grade_corrections"), Is.Zero);
        Assert.That((await SecondeeStatesAsync())[a], Is.EqualTo("converted"));
        var person = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/people/{people["A"]}"));
        Assert.That(person.GetProperty("unitName").GetString(), Is.EqualTo("综合行政执法大队"));
        var kept = await Problem(await CorrectAsync(assessment, b), HttpStatusCode.Conflict);
        Assert.That(kept.GetProperty("code").GetString(), Is.EqualTo("assessments.nothing_to_correct"));
    }
}
