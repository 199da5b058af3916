using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>编制台账: approved posts, requests, entries and exits; the numbers never disagree, under concurrency
/// too.</summary>
public sealed class StaffingLedgerTests : StaffingTest
{
    [Test]
    public async Task The_ledger_on_any_date_is_the_opening_figure_plus_the_movements_up_to_it()
    {
        var market = await Unit("县市场监督管理局");
        var e = await OpenAsync(market, "administrative", "full", 3);
        await PlanAsync(market, "administrative", "full", 5);
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 2);
        await Read<JsonElement>(await ApproveAsync(request));
        Assert.That((await LedgerRow(e)).GetProperty("reserved").GetInt32(), Is.EqualTo(2));

        var first = await Read<JsonElement>(await HireAsync(request), HttpStatusCode.Created);
        await Read<JsonElement>(await HireAsync(request, "2026-04-01"), HttpStatusCode.Created);
        Assert.That(first.GetProperty("idNumber").GetString(), Does.Match(@"^9901\*{10}\d{3}[\dX]$"), "masked");
        var exit = await PostIfMatch(Bianban, $"/api/v1/staffing/people/{first.GetProperty("id")}/exit", "\"v1\"",
            new { kind = "retirement", exitedOn = "2026-10-01", documentNo = "退休审批 9" });
        await Read<JsonElement>(exit);

        var now = await LedgerRow(e);
        Assert.That((now.GetProperty("approved").GetInt32(), now.GetProperty("occupied").GetInt32(),
            now.GetProperty("reserved").GetInt32(), now.GetProperty("vacant").GetInt32()), Is.EqualTo((3, 1, 0, 2)));
        var march = await LedgerRow(e, "2026-03-15");
        Assert.That(march.GetProperty("occupied").GetInt32(), Is.EqualTo(1));
        var before = await LedgerRow(e, "2019-12-31");
        Assert.That(before.GetProperty("approved").GetInt32(), Is.EqualTo(0));

        var statement = await Read<JsonElement>(await Bianban.GetAsync(
            $"/api/v1/staffing/establishments/{e}/statement?from=2026-01-01"));
        Assert.That(statement.GetProperty("openingApproved").GetInt32(), Is.EqualTo(3));
        var lines = statement.GetProperty("items").EnumerateArray()
            .Select(l => (l.GetProperty("movement").GetString(), l.GetProperty("occupiedAfter").GetInt32())).ToList();
        Assert.That(lines, Is.EqualTo(new[] { ("entry", 1), ("entry", 2), ("exit", 1) }));
        var health = await HealthAsync();
        Assert.That(health.GetProperty("mismatches").GetArrayLength(), Is.EqualTo(0), health.ToString());
        Assert.That(health.GetProperty("breaches").GetArrayLength(), Is.EqualTo(0), health.ToString());
    }

    [Test]
    public async Task Sixty_four_concurrent_hires_into_three_reserved_posts_let_exactly_three_in()
    {
        var market = await Unit("县市场监督管理局");
        var e = await OpenAsync(market, "administrative", "full", 3);
        await PlanAsync(market, "administrative", "full", 3);
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 3);
        await Read<JsonElement>(await ApproveAsync(request));

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => HireAsync(request)));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(3));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(61));
        var row = await LedgerRow(e);
        Assert.That((row.GetProperty("occupied").GetInt32(), row.GetProperty("vacant").GetInt32()), Is.EqualTo((3, 0)));
        Assert.That(await Scalar<long>("select count(*) from staffing.people"), Is.EqualTo(3));
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public async Task Concurrent_approvals_never_reserve_more_posts_than_are_vacant()
    {
        var unit = await Unit("综合行政执法大队", Township1);
        var e = await OpenAsync(unit, "institution", "full", 3);
        await PlanAsync(unit, "institution", "full", 50);
        var leader = await App.LoginAsync("t01_leader");
        var requests = new List<Guid>();
        for (var i = 0; i < 10; i++) requests.Add(await RequestAsync(leader, unit, "institution", "full", 1));

        var answers = await Task.WhenAll(requests.Select(ApproveAsync));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(3));
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.Conflict);
        var problem = await Problem(refused, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("staffing.no_vacancy"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("核定编制 3 名").And.Contain("已预留"));
        Assert.That((await LedgerRow(e)).GetProperty("reserved").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Hiring_without_an_approved_request_is_refused_with_the_reason()
    {
        var market = await Unit("县市场监督管理局");
        await OpenAsync(market, "administrative", "full", 3);
        var none = await Problem(await HireAsync(null), HttpStatusCode.BadRequest);
        Assert.That(none.GetProperty("errors").GetProperty("requestId")[0].GetString(), Does.Contain("编制使用申请"));

        var submitted = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 1);
        var problem = await Problem(await HireAsync(submitted), HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("须经编办批准"));
        Assert.That(await Scalar<long>("select count(*) from staffing.people"), Is.Zero, "nothing written");
    }

    [Test]
    public async Task Requests_are_approved_only_within_the_years_plan()
    {
        var market = await Unit("县市场监督管理局");
        await OpenAsync(market, "administrative", "full", 10);
        var first = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 2);
        Assert.That((await Problem(await ApproveAsync(first), HttpStatusCode.Conflict)).GetProperty("code").GetString(),
            Is.EqualTo("staffing.no_plan"));
        await PlanAsync(market, "administrative", "full", 3);
        await Read<JsonElement>(await ApproveAsync(first));
        var second = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 2);
        var problem = await Problem(await ApproveAsync(second), HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("staffing.over_plan"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("用编计划 3 名，已批准 2 名"));
    }

    [Test]
    public async Task A_reduction_below_the_occupants_needs_a_recorded_exception_open_while_the_unit_is_over()
    {
        var market = await Unit("县市场监督管理局");
        var e = await OpenAsync(market, "administrative", "full", 2);
        await PlanAsync(market, "administrative", "full", 2);
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 2);
        await Read<JsonElement>(await ApproveAsync(request));
        await Read<JsonElement>(await HireAsync(request), HttpStatusCode.Created);
        await Read<JsonElement>(await HireAsync(request), HttpStatusCode.Created);

        object Reduction() => new
        {
            kind = "approval", documentNo = "县编委〔2026〕8号", documentDate = "2026-11-01",
            issuedBy = "县机构编制委员会",
            effectiveOn = "2026-11-01",
            lines = new[] { new { unitId = market, kind = "administrative", funding = "full", posts = -1 } },
        };
        var refused = await Problem(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", Reduction()),
            HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("staffing.no_vacancy"));
        Assert.That(await Scalar<long>("select count(*) from staffing.approvals where kind = 'approval'"), Is.Zero);

        var exception = await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/exceptions", new
        {
            establishmentId = e, posts = 1, documentNo = "县编委〔2026〕9号", reason = "机构改革核减，人员逐步消化",
            validFrom = "2026-11-01", validUntil = "2027-12-31",
        }), HttpStatusCode.Created);
        await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", Reduction()),
            HttpStatusCode.Created);
        var row = await LedgerRow(e);
        Assert.That((row.GetProperty("approved").GetInt32(), row.GetProperty("occupied").GetInt32(),
            row.GetProperty("exceptionPosts").GetInt32()), Is.EqualTo((1, 2, 1)));
        Assert.That((await HealthAsync()).GetProperty("inForceExceptions").GetInt32(), Is.EqualTo(1));

        var resolve = await PostIfMatch(Bianban, $"/api/v1/staffing/exceptions/{exception.GetProperty("id")}/resolve",
            "\"v1\"", new { resolvedOn = Today.ToString("yyyy-MM-dd"), resolution = "已消化" });
        Assert.That((await Problem(resolve, HttpStatusCode.Conflict)).GetProperty("code").GetString(),
            Is.EqualTo("staffing.no_vacancy"), "still one person over");
    }

    [Test]
    public async Task Administrative_and_institution_posts_never_mix()
    {
        var institution = await Unit("综合行政执法大队", Township1);
        var market = await Unit("县市场监督管理局");
        var response = await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "opening", documentNo = "县编办〔2020〕1号", documentDate = "2020-01-01", issuedBy = "县编委",
            effectiveOn = "2020-01-01",
            lines = new[]
            {
                new { unitId = institution, kind = "administrative", funding = "full", posts = 3 },
                new { unitId = market, kind = "administrative", funding = "partial", posts = 3 },
            },
        });
        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.That(errors.GetProperty("lines[0].kind")[0].GetString(), Does.Contain("行政编制只能核定给行政机关"));
        Assert.That(errors.GetProperty("lines[1].funding")[0].GetString(), Does.Contain("全额拨款"));
    }

    [Test]
    public async Task A_township_sees_its_own_units_and_people_only()
    {
        var own = await OpenAsync(await Unit("综合行政执法大队", Township1), "institution", "full", 5);
        var other = await OpenAsync(await Unit("综合行政执法大队", Township2), "institution", "full", 4);
        var county = await OpenAsync(await Unit("县市场监督管理局"), "administrative", "full", 3);
        var leader = await App.LoginAsync("t01_leader");

        var ledger = await Read<JsonElement>(await leader.GetAsync("/api/v1/staffing/ledger"));
        var ids = ledger.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("establishmentId").GetGuid());
        Assert.That(ids, Is.EquivalentTo(new[] { own }));
        Assert.That(ledger.GetProperty("totals")[0].GetProperty("approved").GetInt32(), Is.EqualTo(5));
        foreach (var hidden in new[] { other, county })
            await Problem(await leader.GetAsync($"/api/v1/staffing/establishments/{hidden}/statement"),
                HttpStatusCode.NotFound);
        var township2 = await RegionId(Township2);
        await Problem(await leader.GetAsync($"/api/v1/staffing/ledger?regionId={township2}"), HttpStatusCode.NotFound);
        // the approval document touching all three shows the township only its own line
        var approvals = await Read<JsonElement>(await leader.GetAsync("/api/v1/staffing/approvals"));
        Assert.That(approvals.GetProperty("items").EnumerateArray()
            .SelectMany(a => a.GetProperty("lines").EnumerateArray())
            .Select(l => l.GetProperty("establishmentId").GetGuid()), Is.EquivalentTo(new[] { own }));
    }

    [Test]
    public async Task Only_the_establishment_office_records_approvals_and_each_change_is_audited_once()
    {
        var market = await Unit("县市场监督管理局");
        var dept = await App.LoginAsync("dept_scjg");
        var denied = await dept.PostAsJsonAsync("/api/v1/staffing/approvals", new { kind = "opening" });
        await Problem(denied, HttpStatusCode.Forbidden);
        await OpenAsync(market, "administrative", "full", 3);
        Assert.That(await Scalar<long>(
            "select count(*) from audit.entries where action = 'staffing.approval_recorded'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_transfer_moves_posts_down_to_townships_and_the_county_total_stays_the_same()
    {
        var market = await Unit("县市场监督管理局");
        var (team1, team2) = (await Unit("综合行政执法大队", Township1), await Unit("综合行政执法大队", Township2));
        var e = await OpenAsync(market, "institution", "full", 20, "2018-01-01");
        var total = await CountyApprovedAsync();

        var transfer = await Read<JsonElement>(await TransferAsync(null,
            new
            {
                fromUnitId = market, toUnitId = team1, kind = "institution", funding = "full", posts = 12,
                purpose = "enforcement",
            },
            new
            {
                fromUnitId = market, toUnitId = team2, kind = "institution", funding = "full", posts = 5,
                purpose = "enforcement",
            }),
            HttpStatusCode.Created);
        Assert.That(transfer.GetProperty("posts").GetInt32(), Is.EqualTo(17));
        Assert.That(await CountyApprovedAsync(), Is.EqualTo(total), "编制总量不增");
        Assert.That((await LedgerRow(e)).GetProperty("approved").GetInt32(), Is.EqualTo(3));
        Assert.That((await LedgerRow(e, "2019-06-30")).GetProperty("approved").GetInt32(), Is.EqualTo(20));
        var statement =
            await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/establishments/{e}/statement"));
        Assert.That(
            statement.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("approvedAfter").GetInt32()),
            Is.EqualTo(new[] { 20, 8, 3 }));

        var summary = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/transfers/summary"));
        var byName = summary.GetProperty("townships").EnumerateArray()
            .ToDictionary(t => t.GetProperty("townshipName").GetString()!, t => t);
        var t1 = byName.Values.Single(t => t.GetProperty("posts").GetInt32() == 12);
        Assert.That(t1.GetProperty("guidance").GetString(), Is.EqualTo("within"));
        Assert.That(t1.GetProperty("byYear")[0].GetProperty("year").GetInt32(), Is.EqualTo(2019));
        Assert.That(
            byName.Values.Single(t => t.GetProperty("posts").GetInt32() == 5).GetProperty("guidance").GetString(),
            Is.EqualTo("below"));
        Assert.That(summary.GetProperty("total").GetInt32(), Is.EqualTo(17));
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.EqualTo(0));

        // a township sees the document, with its own line only
        var leader = await App.LoginAsync("t01_leader");
        var seen = await Read<JsonElement>(
            await leader.GetAsync($"/api/v1/staffing/transfers/{transfer.GetProperty("id")}"));
        Assert.That(seen.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("posts").GetInt32()),
            Is.EqualTo(new[] { 12 }));
    }

    [Test]
    public async Task A_transfer_applies_all_its_lines_or_none()
    {
        var market = await Unit("县市场监督管理局");
        var (team1, team2) = (await Unit("综合行政执法大队", Township1), await Unit("综合行政执法大队", Township2));
        await OpenAsync(market, "institution", "full", 3, "2018-01-01");
        var lines = await Scalar<long>("select count(*) from staffing.ledger_lines");

        var problem = await Problem(await TransferAsync(null,
            new { fromUnitId = market, toUnitId = team1, kind = "institution", funding = "full", posts = 2 },
            new { fromUnitId = market, toUnitId = team2, kind = "institution", funding = "full", posts = 2 }),
            HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("staffing.no_vacancy"));
        Assert.That(await Scalar<long>("select count(*) from staffing.ledger_lines"), Is.EqualTo(lines));
        Assert.That(await Scalar<long>("select count(*) from staffing.transfers"), Is.Zero);
    }

    [Test]
    public async Task Administrative_posts_move_between_levels_only_with_the_higher_approval()
    {
        var market = await Unit("县市场监督管理局");
        var office = await Unit("党政办公室", Township1);
        await OpenAsync(market, "administrative", "full", 5, "2018-01-01");
        var line = new { fromUnitId = market, toUnitId = office, kind = "administrative", funding = "full", posts = 2 };
        var refused = await Problem(await TransferAsync(null, line), HttpStatusCode.BadRequest);
        Assert.That(refused.GetProperty("errors").GetProperty("higherApproval")[0].GetString(),
            Does.Contain("第十八条"));
        await Read<JsonElement>(await TransferAsync("市编办〔2019〕12号", line), HttpStatusCode.Created);
    }

    [Test]
    public async Task Staffing_kpis_are_measured_on_each_months_last_day_and_frozen_once_the_month_closes()
    {
        var market = await Unit("县市场监督管理局");
        await OpenAsync(market, "administrative", "full", 4);
        await PlanAsync(market, "administrative", "full", 4);
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 2);
        await Read<JsonElement>(await ApproveAsync(request));
        await Read<JsonElement>(await HireAsync(request, "2026-03-01"), HttpStatusCode.Created); // professional
        await Read<JsonElement>(await HireAsync(request, "2026-04-15"), HttpStatusCode.Created);
        await Scalar<int>("""
            update staffing.people set professional = false
            where id = (select id from staffing.people order by id desc limit 1) returning 1
            """);

        var months = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/kpis?from=2026-02&to=2026-04"));
        decimal? Value(int month, string code) => months[month].GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("code").GetString() == code).GetProperty("value")
            is { ValueKind: JsonValueKind.Number } n
            ? n.GetDecimal() : null;
        Assert.That(new[] { Value(0, "ST_MATCH"), Value(1, "ST_MATCH"), Value(2, "ST_MATCH") },
            Is.EqualTo(new decimal?[] { 0m, 0.25m, 0.5m }));
        Assert.That(Value(2, "ST_PROFESSIONAL"), Is.EqualTo(0.5m));
        Assert.That(Value(2, "ST_VACANCIES"), Is.EqualTo(2m));
        Assert.That(months[2].GetProperty("frozen").GetBoolean(), Is.True);
        Assert.That(await Scalar<long>("select count(*) from kpis.frozen_months where module = 'staffing'"),
            Is.EqualTo(3));

        var catalogue = await Bianban.GetStringAsync("/api/v1/kpis/definitions");
        Assert.That(catalogue, Does.Contain("ST_MATCH").And.Contain("专业技术人员占比"));
    }

    [Test]
    public async Task The_demo_ledger_is_at_the_source_scale_and_reconciles_with_one_deliberate_problem()
    {
        using var scope = App.Services.CreateScope();
        Assert.That(await Governance.Staffing.StaffingModule.GenerateDemoAsync(scope.ServiceProvider, default),
            Is.EqualTo(1));
        Assert.That(await Governance.Staffing.StaffingModule.GenerateDemoAsync(scope.ServiceProvider, default), Is.Zero,
            "idempotent");

        Assert.That(await Scalar<long>("select count(*) from staffing.people"), Is.InRange(2500, 3500));
        // on no date of its history does a unit hold more people than posts, but for the one under the exception
        Assert.That(await Scalar<long>("""
            select count(distinct establishment_id) from (
                select establishment_id, effective_on,
                       sum(approved_delta - occupied_delta) over (partition by establishment_id
                           order by effective_on range between unbounded preceding and current row) as vacant
                from staffing.ledger_lines) v
            where vacant < 0
            """), Is.EqualTo(1));
        var summary = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/transfers/summary"));
        Assert.That(summary.GetProperty("total").GetInt32(), Is.EqualTo(233));
        Assert.That(summary.GetProperty("townships").EnumerateArray().Select(t => t.GetProperty("guidance").GetString())
            .Where(g => g != "within"), Is.EquivalentTo(new[] { "below", "above" }));
        var health = await HealthAsync();
        Assert.That(health.GetProperty("mismatches").GetArrayLength(), Is.Zero, health.ToString());
        Assert.That(health.GetProperty("breaches").GetArrayLength(), Is.Zero, health.ToString());
        Assert.That(health.GetProperty("overdueExceptions").GetInt32(), Is.EqualTo(1));
        // 选派 from 2017: about 45 a year; conversions into the destination township, 优秀 within the quota, every
        // 不合格 barred, and only 差额/自收自支 staff of county units ever registered
        Assert.That(await Scalar<long>("select count(*) from staffing.secondees"), Is.InRange(350, 480));
        Assert.That(await Scalar<long>("select count(*) from staffing.secondees where state = 'converted'"),
            Is.GreaterThan(10));
        Assert.That(await Scalar<long>("""
            select count(*) from staffing.secondees s join staffing.people p on p.id = s.person_id
            where s.state = 'converted' and p.region_path <> s.region_path
            """), Is.Zero);
        Assert.That(await Scalar<long>("""
            select count(*) from staffing.assessments a where a.state = 'final' and
              (select count(*) from staffing.grades g where g.assessment_id = a.id and g.grade = 'excellent')
              > floor(0.2 * (select count(*) from staffing.grades g where g.assessment_id = a.id and g.grade <> 'none'))
            """), Is.Zero);
        Assert.That(await Scalar<long>("select count(*) from staffing.bars"),
            Is.EqualTo(await Scalar<long>("select count(*) from staffing.secondees where state = 'returned'")));
        // each conversion records the township post it took (the outcome preview of a final assessment shows it)
        Assert.That(await Scalar<long>("""
            select count(*) from staffing.grades g join staffing.secondees s on s.id = g.secondee_id
            join staffing.people p on p.id = s.person_id
            where g.outcome = 'converted'
              and (g.target_establishment is distinct from p.establishment_id or g.target_vacant is null)
            """), Is.Zero);
        Assert.That(await Scalar<long>("""
            select count(*) from staffing.registrations r
            join staffing.establishments e on e.id = r.origin_establishment
            where e.funding = 'full' or e.unit_kind not in ('county_department', 'county_institution')
            """), Is.Zero);
        var people = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/people?limit=5"));
        Assert.That(people.GetProperty("items")[0].GetProperty("idNumber").GetString(), Does.Contain("**********"));
        // the province reads the open month as last month's frozen figures plus this month's movements: the same
        // figures as the county's full computation (the province has this one county)
        await Scalar<int>("""
            insert into organization.users (id, username, display_name, password_hash, role, region_id, region_path,
                created_at, updated_at)
            select gen_random_uuid(), 'province_reviewer', '省级', u.password_hash, 'county_admin', r.id, r.path, now(),
                now()
            from organization.regions r, organization.users u where r.level = 'province' and u.username = 'admin'
            returning 1
            """);
        var province = await App.LoginAsync("province_reviewer");
        // movements of the open month: posts moved down, a professional person leaving
        await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/transfers", new
        {
            documentNo = "县编委〔2026〕9号", documentDate = Today.ToString("yyyy-MM-dd"), approvedBy = "县编委",
            effectiveOn = Today.ToString("yyyy-MM-dd"),
            lines = new[]
            {
                new { fromUnitId = await Unit("县城市管理局"), toUnitId = await Unit("综合行政执法大队", Township1),
                    kind = "institution", funding = "full", posts = 2 },
            },
        }), HttpStatusCode.Created);
        var leaving = await Scalar<Guid>("""
            select p.id from staffing.people p join staffing.holdings h on h.person_id = p.id and h.exited_on is null
            where p.professional and p.state = 'serving' and h.entered_on < @today order by p.id limit 1
            """, new { today = Today });
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/people/{leaving}/exit", "\"v1\"",
            new { kind = "resignation", exitedOn = Today.ToString("yyyy-MM-dd"), documentNo = "辞职 1" }));
        static string Values(JsonElement months) =>
            months[months.GetArrayLength() - 1].GetProperty("values").ToString();
        Assert.That(Values(await Read<JsonElement>(await province.GetAsync("/api/v1/staffing/kpis"))),
            Is.EqualTo(Values(await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/kpis")))));
        var kpis = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/kpis?from=2026-05&to=2026-05"));
        var match = kpis[0].GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("code").GetString() == "ST_MATCH");
        Assert.That(match.GetProperty("value").GetDecimal(), Is.InRange(0.8m, 1.0m));
    }

    [Test]
    public async Task Other_modules_see_people_and_their_units_through_the_contract()
    {
        var market = await Unit("县市场监督管理局");
        await OpenAsync(market, "administrative", "full", 2);
        await PlanAsync(market, "administrative", "full", 2);
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 1);
        await Read<JsonElement>(await ApproveAsync(request));
        var hired = await Read<JsonElement>(await HireAsync(request), HttpStatusCode.Created);

        using var scope = App.Services.CreateScope();
        var staffing = scope.ServiceProvider.GetRequiredService<Governance.Staffing.Contracts.IStaffing>();
        var person = await staffing.FindPersonAsync(hired.GetProperty("id").GetGuid(), default);
        Assert.That((person!.Name, person.UnitId, person.Serving), Is.EqualTo(("张三", market, true)));
        const string PathOf = "select path from organization.regions where code = @code";
        var countyPath = await Scalar<string>(PathOf, new { code = County });
        Assert.That((await staffing.ServingInRegionAsync(countyPath, default)).Select(p => p.Id),
            Is.EqualTo(new[] { person.Id }));
        var township = await Scalar<string>(PathOf, new { code = Township1 });
        Assert.That(await staffing.ServingInRegionAsync(township, default), Is.Empty);
    }
}
