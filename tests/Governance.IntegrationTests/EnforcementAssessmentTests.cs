using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>双向考核: rounds created by the county, scored inside their window by the scorers' own units, locked
/// with the computed indicators frozen, ranked by weighted totals and published to the county — never on fines or
/// confiscations (行政处罚法 74).</summary>
public sealed class EnforcementAssessmentTests : EnforcementCaseTest
{
    private const string Base = "/api/v1/enforcement/assessments";
    private static readonly int Quarter = (Today.Month + 2) / 3;

    private Task<Guid> DepartmentOf(string username) =>
        Scalar<Guid>("select unit_id from organization.users where username = @username", new { username });

    private static object Indicator(string code, string name, decimal weight, decimal maxScore,
        string source = "manual") => new { code, name, weight, maxScore, source };

    private Task<HttpResponseMessage> CreateAsync(
        string direction, object[] indicators, Guid[]? departmentIds = null, int? opensIn = null,
        int? closesIn = null) =>
        Admin.PostAsJsonAsync(Base, new
        {
            title = "执法工作双向考核", direction, periodKind = "quarter", year = Today.Year, quarter = Quarter,
            opensOn = Today.AddDays(opensIn ?? -5).ToString("yyyy-MM-dd"),
            closesOn = Today.AddDays(closesIn ?? 10).ToString("yyyy-MM-dd"), departmentIds, indicators,
        });

    private async Task<JsonElement> RoundAsync(string direction, object[] indicators, Guid[]? departmentIds = null,
        int? opensIn = null) =>
        await Read<JsonElement>(await CreateAsync(direction, indicators, departmentIds, opensIn),
            HttpStatusCode.Created);

    private async Task<JsonElement> StepAsync(JsonElement round, string action, HttpStatusCode expected =
        HttpStatusCode.OK)
    {
        var response = await Act(Admin, round, action, new { }, "assessments");
        return expected == HttpStatusCode.OK ? await Read<JsonElement>(response) : await Problem(response, expected);
    }

    private static Task<HttpResponseMessage> PutSheet(
        HttpClient client, JsonElement round, Guid scorer, object[] scores, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Base}/{round.GetProperty("id")}/sheets/{scorer}")
        {
            Content = JsonContent.Create(new { scores }),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static object Score(Guid scoredId, string indicatorCode, decimal score, string? comment = null) =>
        new { scoredId, indicatorCode, score, comment };

    private static Task<HttpResponseMessage> Rankings(HttpClient client, JsonElement round) =>
        client.GetAsync($"{Base}/{round.GetProperty("id")}/rankings");

    /// <summary>Moves a round's scoring window (the API has no test clock): to close it, or to open it today.</summary>
    private Task MoveWindowAsync(JsonElement round, int opensIn, int closesIn) =>
        Scalar<int>("""
            update enforcement.assessment_rounds set opens_on = @opens, closes_on = @closes where id = @id returning 1
            """, new { id = round.GetProperty("id").GetGuid(), opens = Today.AddDays(opensIn),
            closes = Today.AddDays(closesIn) });

    private Task<long> AuditCount(string action) =>
        Scalar<long>("select count(*) from audit.entries where action = @action", new { action });

    [Test]
    public async Task A_sheet_is_accepted_only_while_the_round_is_open_and_today_is_inside_its_window()
    {
        var market = await DepartmentOf("dept_scjg");
        var dept = await App.LoginAsync("dept_scjg");
        var round = await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)], opensIn: 1);
        var sheet = new[] { Score(T1, "TEAM", 8) };

        var problem = await Problem(await PutSheet(dept, round, market, sheet), HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("enforcement.assessment_window_closed"),
            "a draft is not scored");
        round = await StepAsync(round, "open");
        Assert.That(round.GetProperty("windowOpen").GetBoolean(), Is.False);
        problem = await Problem(await PutSheet(dept, round, market, sheet), HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("今天不能评分"),
            "the window opens tomorrow");

        await MoveWindowAsync(round, 0, 0);
        var saved = await Read<JsonElement>(await PutSheet(dept, round, market, sheet));
        Assert.That(saved.GetProperty("scores")[0].GetProperty("score").GetDecimal(), Is.EqualTo(8m));

        await MoveWindowAsync(round, -3, -1);
        problem = await Problem(await PutSheet(dept, round, market, sheet, "\"v1\""), HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("closesOn").GetString(), Is.EqualTo(Today.AddDays(-1).ToString("yyyy-MM-dd")),
            "the window closed yesterday");
        Assert.That(await Scalar<long>("select count(*) from enforcement.assessment_scores"), Is.EqualTo(1));
    }

    [Test]
    public async Task Only_the_scorers_own_unit_fills_in_its_sheet_and_each_refusal_is_audited_once()
    {
        var market = await DepartmentOf("dept_scjg");
        var dept = await App.LoginAsync("dept_scjg");
        var round = await StepAsync(await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]), "open");
        var sheet = new[] { Score(T1, "TEAM", 8) };

        var problem = await Problem(await PutSheet(dept, round, Urban, sheet), HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("本单位"), "another department's sheet");
        problem = await Problem(await PutSheet(Leader, round, T1, sheet), HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("不是本轮考核的评分单位"),
            "a township does not score when departments score townships");
        Assert.That(await AuditCount("enforcement.assessment.score"), Is.EqualTo(2), "two denials, once each");
        Assert.That(await Scalar<long>("select count(*) from enforcement.assessment_sheets"), Is.Zero);

        await Read<JsonElement>(await PutSheet(dept, round, market, sheet));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'enforcement.assessment.score' and outcome = 'success'
            """), Is.EqualTo(1));
        await Problem(await dept.GetAsync($"{Base}/{round.GetProperty("id")}/sheets/{Urban}"),
            HttpStatusCode.Forbidden);
        var read = await Read<JsonElement>(await Admin.GetAsync($"{Base}/{round.GetProperty("id")}/sheets/{market}"));
        Assert.That(read.GetProperty("version").GetInt32(), Is.EqualTo(1), "the county's managers read any sheet");
    }

    [Test]
    public async Task A_score_outside_zero_to_the_indicators_maximum_is_a_field_error()
    {
        var market = await DepartmentOf("dept_scjg");
        var dept = await App.LoginAsync("dept_scjg");
        var round = await StepAsync(await RoundAsync("townships",
            [Indicator("TEAM", "队伍建设", 60, 10), Indicator("CASES", "办案数量", 40, 20, "computed:EN_CASES")]),
            "open");

        var problem = await Problem(await PutSheet(dept, round, market,
            [Score(T1, "TEAM", 10.5m), Score(T1, "CASES", 5), Score(await RegionId(Township2), "TEAM", -1)]),
            HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.GetProperty("scores[0].score")[0].GetString(), Does.Contain("0 至 10"));
        Assert.That(errors.GetProperty("scores[1].indicatorCode")[0].GetString(), Does.Contain("不能人工评分"));
        Assert.That(errors.GetProperty("scores[2].score")[0].GetString(), Does.Contain("0 至 10"));
        await Read<JsonElement>(await PutSheet(dept, round, market, [Score(T1, "TEAM", 10)]));
    }

    [Test]
    public async Task Locking_after_the_window_freezes_the_computed_values_that_later_cases_do_not_change()
    {
        var market = await DepartmentOf("dept_scjg");
        var dept = await App.LoginAsync("dept_scjg");
        await DecidedOnTheSpotAsync("CF00009301");
        var round = await StepAsync(await RoundAsync("townships",
            [Indicator("TEAM", "队伍建设", 50, 10), Indicator("CASES", "办案数量", 50, 20, "computed:EN_CASES")]),
            "open");
        await Read<JsonElement>(await PutSheet(dept, round, market, [Score(T1, "TEAM", 9)]));
        var preview = await Read<JsonElement>(await Rankings(Admin, round));
        Assert.That(preview.GetProperty("frozen").GetBoolean(), Is.False);
        Assert.That(Cases(preview, T1), Is.EqualTo(1m), "one case filed this quarter");

        var early = await StepAsync(round, "lock", HttpStatusCode.Conflict);
        Assert.That(early.GetProperty("detail").GetString(), Does.Contain("结束后才能锁定"));
        await MoveWindowAsync(round, -10, -1);
        round = await StepAsync(round, "lock");
        Assert.That(round.GetProperty("state").GetString(), Is.EqualTo("locked"));
        Assert.That(await Scalar<long>("select count(*) from enforcement.assessment_computed where value = 1"),
            Is.EqualTo(1), "township 01's figure frozen with the round");

        await DecidedOnTheSpotAsync("CF00009302");
        var locked = await Read<JsonElement>(await Rankings(Admin, round));
        Assert.That(locked.GetProperty("frozen").GetBoolean(), Is.True);
        Assert.That(Cases(locked, T1), Is.EqualTo(1m), "the second case came after the lock");
        var first = locked.GetProperty("items")[0];
        Assert.That((first.GetProperty("partyId").GetGuid(), first.GetProperty("total").GetDecimal()),
            Is.EqualTo((T1, 95m)), "50 × 9/10 + 50 × 20/20: the only township with a case scores full marks");
        var second = locked.GetProperty("items")[1];
        Assert.That((second.GetProperty("rank").GetInt32(), second.GetProperty("total").GetDecimal(),
            Cases(locked, second.GetProperty("partyId").GetGuid())), Is.EqualTo((2, 0m, 0m)),
            "no case and no score: 0 of the township with most cases");
        await Problem(await PutSheet(dept, round, market, [Score(T1, "TEAM", 1)], "\"v1\""), HttpStatusCode.Conflict);
    }

    private static decimal? Cases(JsonElement rankings, Guid township) =>
        rankings.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("partyId").GetGuid() == township)
            .GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "CASES")
            .GetProperty("value").GetDecimal();

    [Test]
    public async Task The_ranking_weighs_each_indicators_mean_score_against_its_maximum()
    {
        var market = await DepartmentOf("dept_scjg");
        var t2 = await RegionId(Township2);
        var t2Leader = await App.LoginAsync("t02_leader");
        var round = await StepAsync(await RoundAsync("departments",
            [Indicator("SUPPORT", "业务指导", 60, 10), Indicator("ANSWER", "移送案件承接", 40, 100)],
            [market, Urban]), "open");

        await Read<JsonElement>(await PutSheet(Leader, round, T1,
            [Score(market, "SUPPORT", 8), Score(market, "ANSWER", 50), Score(Urban, "SUPPORT", 10),
             Score(Urban, "ANSWER", 20, "移送后答复较慢")]));
        await Read<JsonElement>(await PutSheet(t2Leader, round, t2,
            [Score(market, "SUPPORT", 6), Score(market, "ANSWER", 70)]));

        var items = (await Read<JsonElement>(await Rankings(Admin, round))).GetProperty("items");
        // 城市管理局: 60 × 10/10 + 40 × 20/100 = 68; 市场监管局: means 7 and 60 → 60 × 7/10 + 40 × 60/100 = 66
        Assert.That(items.EnumerateArray().Select(e => (e.GetProperty("rank").GetInt32(),
                e.GetProperty("partyId").GetGuid(), e.GetProperty("total").GetDecimal())),
            Is.EqualTo(new[] { (1, Urban, 68m), (2, market, 66m) }));
        var support = items[1].GetProperty("indicators")[0];
        Assert.That((support.GetProperty("score").GetDecimal(), support.GetProperty("weighted").GetDecimal(),
            support.GetProperty("scorers").GetInt32()), Is.EqualTo((7m, 42m, 2)));
    }

    [Test]
    public async Task Townships_see_their_countys_rounds_once_opened_and_the_results_once_published()
    {
        await App.GenerateDemoAsync(2);
        var other = await App.LoginAsync("c002_t01_leader");
        var round = await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]);
        var id = round.GetProperty("id").GetGuid();
        await Problem(await Leader.GetAsync($"{Base}/{id}"), HttpStatusCode.NotFound);

        round = await StepAsync(round, "open");
        await Read<JsonElement>(await Leader.GetAsync($"{Base}/{id}"));
        await Problem(await other.GetAsync($"{Base}/{id}"), HttpStatusCode.NotFound);
        await Problem(await Rankings(other, round), HttpStatusCode.NotFound);
        var theirs = await Read<JsonElement>(await other.GetAsync(Base));
        Assert.That(theirs.GetProperty("items").GetArrayLength(), Is.Zero, "another county's rounds are not listed");
        var mine = (await Read<JsonElement>(await Leader.GetAsync(Base))).GetProperty("items");
        Assert.That((mine.GetArrayLength(), mine[0].GetProperty("indicators")[0].GetProperty("code").GetString()),
            Is.EqualTo((1, "TEAM")));

        await Problem(await Rankings(Leader, round), HttpStatusCode.Forbidden);
        Assert.That(await AuditCount("enforcement.assessment.results"), Is.EqualTo(1));
        await MoveWindowAsync(round, -10, -1);
        round = await StepAsync(round, "lock");
        await Problem(await Rankings(Leader, round), HttpStatusCode.Forbidden);
        round = await StepAsync(round, "publish");
        var results = await Read<JsonElement>(await Rankings(Leader, round));
        Assert.That(results.GetProperty("items").GetArrayLength(), Is.EqualTo(16), "every township of the county");
        Assert.That(await Scalar<long>("""
            select count(*) from notifications.notices where title like '%结果已公布'
            """), Is.EqualTo(17), "a notice to the county and to each of its 16 townships");
    }

    [Test]
    public async Task An_indicator_on_fines_or_confiscations_is_refused_under_article_74()
    {
        var problem = await Problem(await CreateAsync("townships",
        [
            Indicator("FINES", "罚没收入", 50, 10, "computed:EN_FINES"), Indicator("TEAM", "罚款完成情况", 25, 10),
            Indicator("FINE_TOTAL", "办案质量", 25, 10),
        ]), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "indicators[0].source", "indicators[1].name", "indicators[2].code" })
            Assert.That(errors.GetProperty(field)[0].GetString(), Does.Contain("第七十四条"), field);
        Assert.That(await Scalar<long>("select count(*) from enforcement.assessment_rounds"), Is.Zero);

        var round = await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]);
        Assert.ThrowsAsync<PostgresException>(() => Scalar<int>("""
            insert into enforcement.assessment_indicators (round_id, code, name, weight, max_score, source, sort)
            values (@id, 'FINES', '罚没', 10, 10, 'computed:EN_FINES', 1) returning 1
            """, new { id = round.GetProperty("id").GetGuid() }), "the table refuses any other computed source");
    }

    [Test]
    public async Task A_sheet_submitted_from_a_stale_version_is_refused_with_412()
    {
        var market = await DepartmentOf("dept_scjg");
        var dept = await App.LoginAsync("dept_scjg");
        var round = await StepAsync(await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]), "open");

        var first = await PutSheet(dept, round, market, [Score(T1, "TEAM", 6)]);
        Assert.That(first.Headers.ETag?.Tag, Is.EqualTo("\"v1\""), await first.Content.ReadAsStringAsync());
        await Problem(await PutSheet(dept, round, market, [Score(T1, "TEAM", 7)]),
            HttpStatusCode.PreconditionRequired);
        await Read<JsonElement>(await PutSheet(dept, round, market, [Score(T1, "TEAM", 7)], "\"v1\""));
        await Problem(await PutSheet(dept, round, market, [Score(T1, "TEAM", 9)], "\"v1\""),
            HttpStatusCode.PreconditionFailed);
        Assert.That(await Scalar<decimal>("select score from enforcement.assessment_scores"), Is.EqualTo(7m));
        await Problem(await PostIfMatch(Admin, $"{Base}/{round.GetProperty("id")}/lock", "\"v1\"", new { }),
            HttpStatusCode.PreconditionFailed); // the round was opened since version 1
    }

    [Test]
    public async Task A_rounds_steps_answer_like_every_workflow_of_the_shared_mechanism()
    {
        await App.GenerateDemoAsync(2);
        var round = await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]);
        var path = $"{Base}/{round.GetProperty("id")}/open";
        var dept = await App.LoginAsync("dept_scjg");
        await Problem(await PostIfMatch(dept, path, "\"v1\"", new { }), HttpStatusCode.Forbidden);
        await Problem(await PostIfMatch(await App.LoginAsync("c002_admin"), path, "\"v1\"", new { }),
            HttpStatusCode.NotFound);
        await Problem(await PostIfMatch(Admin, path, null, new { }), HttpStatusCode.PreconditionRequired);
        await Problem(await PostIfMatch(Admin, path, "\"v9\"", new { }), HttpStatusCode.PreconditionFailed);
        var refused = await Problem(await PostIfMatch(Admin, $"{Base}/{round.GetProperty("id")}/publish", "\"v1\"",
            new { }), HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "open" }));
        Assert.That(await Scalar<string>("select state from enforcement.assessment_rounds"), Is.EqualTo("draft"));

        round = await StepAsync(round, "open");
        Assert.That((round.GetProperty("version").GetInt32(), round.GetProperty("events")[0].GetProperty("action")
            .GetString()), Is.EqualTo((2, "open")));
        Assert.That(await AuditCount("enforcement.assessment.open"), Is.EqualTo(1));
        Assert.That(await Scalar<long>("select count(*) from audit.entries where outcome = 'denied'"), Is.EqualTo(2),
            "the 403 and the 404, once each");
    }

    [Test]
    public async Task A_round_needs_weights_adding_up_to_one_hundred_and_manual_indicators_when_townships_score()
    {
        // an overlong text is refused on its own, before the handler's checks (TextLimits)
        var overlong = await Problem(await Admin.PostAsJsonAsync(Base, new { title = new string('考', 101) }),
            HttpStatusCode.BadRequest);
        Assert.That(overlong.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EqualTo(new[] { "title" }));
        var problem = await Problem(await Admin.PostAsJsonAsync(Base, new
        {
            title = " ", direction = "departments", periodKind = "quarter", year = Today.Year,
            quarter = 5, opensOn = Today.ToString("yyyy-MM-dd"), closesOn = Today.AddDays(-1).ToString("yyyy-MM-dd"),
            indicators = new[]
            {
                Indicator("SUPPORT", "业务指导", 50, 10), Indicator("CASES", "办案数量", 40, 1001, "computed:EN_CASES"),
            },
        }), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(),
            Is.EqualTo(new[]
            {
                "closesOn", "indicators", "indicators[1].maxScore", "indicators[1].source", "quarter", "title",
            }));
        await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]);
        var twice = await Problem(await CreateAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]),
            HttpStatusCode.Conflict);
        Assert.That(twice.GetProperty("code").GetString(), Is.EqualTo("enforcement.assessment_exists"));
        await Problem(await Leader.PostAsJsonAsync(Base, new { }), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Of_concurrent_submissions_from_the_same_version_one_is_kept_and_the_others_get_412()
    {
        var market = await DepartmentOf("dept_scjg");
        var dept = await App.LoginAsync("dept_scjg");
        var round = await StepAsync(await RoundAsync("townships", [Indicator("TEAM", "队伍建设", 100, 10)]), "open");
        await Read<JsonElement>(await PutSheet(dept, round, market, [Score(T1, "TEAM", 5)]));

        using var start = new Barrier(8);
        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(() =>
        {
            start.SignalAndWait();
            return PutSheet(dept, round, market, [Score(T1, "TEAM", n)], "\"v1\"");
        })));
        Assert.That(answers.Select(a => a.StatusCode).Order(),
            Is.EqualTo(new[] { HttpStatusCode.OK }.Concat(Enumerable.Repeat(HttpStatusCode.PreconditionFailed, 7))),
            string.Join("\n", await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()))));
        var kept = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
        var score = (await Read<JsonElement>(kept)).GetProperty("scores")[0].GetProperty("score").GetDecimal();
        Assert.That((await Scalar<decimal>("select score from enforcement.assessment_scores"),
            await Scalar<int>("select version from enforcement.assessment_sheets")), Is.EqualTo((score, 2)));
    }
}

/// <summary>The demo's 双向考核 rounds, generated with the demo cases and surveys of a county.</summary>
public sealed class DemoAssessmentTests : IntegrationTest
{
    private const string Base = "/api/v1/enforcement/assessments";

    [Test]
    public async Task The_demo_county_has_last_years_round_published_from_its_cases_and_this_quarters_open()
    {
        using (var scope = App.Services.CreateScope())
        {
            await Governance.PowerLists.PowerListsModule.GenerateDemoAsync(scope.ServiceProvider, default);
            Assert.That(await Governance.Enforcement.EnforcementModule.GenerateDemoAsync(scope.ServiceProvider,
                default), Is.EqualTo(1));
        }
        Assert.That(await Scalar<long>("select count(*) from enforcement.teams where address is null"), Is.Zero,
            "every demo team has the address its 听证告知书 names");
        var admin = await App.LoginAsync("admin");
        var rounds = (await Read<JsonElement>(await admin.GetAsync(Base))).GetProperty("items").EnumerateArray()
            .ToList();
        Assert.That(rounds.Select(r => (r.GetProperty("direction").GetString(), r.GetProperty("state").GetString())),
            Is.EquivalentTo(new[] { ("townships", "published"), ("departments", "open") }));
        var open = rounds.Single(r => r.GetProperty("state").GetString() == "open");
        Assert.That(open.GetProperty("windowOpen").GetBoolean(), Is.True);

        // the published round: 16 townships ranked, the computed indicators frozen from the demo's cases and surveys
        var published = rounds.Single(r => r.GetProperty("state").GetString() == "published");
        var results = await Read<JsonElement>(await (await App.LoginAsync("t01_leader")).GetAsync(
            $"{Base}/{published.GetProperty("id")}/rankings"));
        var items = results.GetProperty("items").EnumerateArray().ToList();
        Assert.That((results.GetProperty("frozen").GetBoolean(), items.Count), Is.EqualTo((true, 16)));
        Assert.That(items.Select(i => i.GetProperty("total").GetDecimal()), Is.Ordered.Descending);
        var satisfaction = items.Select(i => i.GetProperty("indicators").EnumerateArray()
            .Single(x => x.GetProperty("code").GetString() == "SATISFACTION")).ToList();
        Assert.That(satisfaction.All(x => x.GetProperty("denominator").GetInt64() > 0
            && x.GetProperty("value").GetDecimal() is >= 0.8m and <= 1m), Is.True, "four quarterly surveys each");
        var closure = items.Select(i => i.GetProperty("indicators").EnumerateArray()
            .Single(x => x.GetProperty("code").GetString() == "CLOSURE")).ToList();
        Assert.That(closure.Sum(x => x.GetProperty("denominator").GetInt64()), Is.GreaterThan(1000),
            "a year of the county's cases");
        Assert.That(items.All(i => i.GetProperty("indicators").EnumerateArray()
            .Where(x => x.GetProperty("source").GetString() == "manual")
            .All(x => x.GetProperty("scorers").GetInt32() > 0)), Is.True, "every department scored");
    }
}
