namespace Governance.IntegrationTests;

/// <summary>领导职数: approvals grant leadership posts, people hold them, and the holders never exceed the approved
/// count on any date — under concurrency too.</summary>
public sealed class StaffingLeadershipTests : StaffingTest
{
    private Task<HttpResponseMessage> ApproveLeadersAsync(
        Guid unitId, string kind, string funding, int posts, int leaderPosts, string on) =>
        Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "approval", documentNo = $"县编办〔2026〕{on}号", documentDate = on, issuedBy = "县机构编制委员会",
            effectiveOn = on, lines = new[] { new { unitId, kind, funding, posts, leaderPosts } },
        });

    private async Task<Guid> OpenWithLeadersAsync(Guid unitId, int posts, int leaderPosts)
    {
        var approval = await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "opening", documentNo = "县编办〔2020〕1号", documentDate = "2020-01-01",
            issuedBy = "县机构编制委员会",
            effectiveOn = "2020-01-01",
            lines = new[] { new { unitId, kind = "administrative", funding = "full", posts, leaderPosts } },
        }), HttpStatusCode.Created);
        Assert.That(approval.GetProperty("lines")[0].GetProperty("leaderPosts").GetInt32(), Is.EqualTo(leaderPosts));
        return approval.GetProperty("lines")[0].GetProperty("establishmentId").GetGuid();
    }

    private async Task<Guid> ApprovedRequestAsync(Guid unit, int posts)
    {
        await PlanAsync(unit, "administrative", "full", posts);
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), unit, "administrative", "full", posts);
        await Read<JsonElement>(await ApproveAsync(request));
        return request;
    }

    private static (int, int, int) Leaders(JsonElement row) => (row.GetProperty("leaderPosts").GetInt32(),
        row.GetProperty("leadersHeld").GetInt32(), row.GetProperty("leadersVacant").GetInt32());

    [Test]
    public async Task Leaders_never_exceed_the_approved_leadership_posts_on_any_date()
    {
        var market = await Unit("县市场监督管理局");
        var e = await OpenWithLeadersAsync(market, 6, 1);
        var request = await ApprovedRequestAsync(market, 5);

        var chief = await Read<JsonElement>(await HireAsync(request, "2026-03-01", leader: true),
            HttpStatusCode.Created);
        Assert.That(chief.GetProperty("holdings")[0].GetProperty("leader").GetBoolean(), Is.True);
        var second = await Problem(await HireAsync(request, "2026-03-02", leader: true), HttpStatusCode.Conflict);
        Assert.That(second.GetProperty("code").GetString(), Is.EqualTo("staffing.no_leader_post"));
        Assert.That(second.GetProperty("detail").GetString(),
            Does.Contain("核定领导职数 1 名").And.Contain("担任领导职务的将有 2 名"));
        await Read<JsonElement>(await HireAsync(request, "2026-03-02"), HttpStatusCode.Created); // not a leader

        // one more leadership post from 2026-04-01 (a line changing only the 领导职数): a leader from that day is
        // allowed, one the day before is not
        var more = await Read<JsonElement>(await ApproveLeadersAsync(market, "administrative", "full", 0, 1,
            "2026-04-01"), HttpStatusCode.Created);
        Assert.That(more.GetProperty("lines")[0].GetProperty("posts").GetInt32(), Is.Zero);
        var early = await Problem(await HireAsync(request, "2026-03-31", leader: true), HttpStatusCode.Conflict);
        Assert.That(early.GetProperty("date").GetString(), Is.EqualTo("2026-03-31"));
        var deputy = await Read<JsonElement>(await HireAsync(request, "2026-04-01", leader: true),
            HttpStatusCode.Created);

        Assert.That(Leaders(await LedgerRow(e, "2026-02-28")), Is.EqualTo((1, 0, 1)));
        Assert.That(Leaders(await LedgerRow(e, "2026-03-15")), Is.EqualTo((1, 1, 0)));
        Assert.That(Leaders(await LedgerRow(e, "2026-04-01")), Is.EqualTo((2, 2, 0)));
        var ledger = await Read<JsonElement>(await Bianban.GetAsync($"/api/v1/staffing/ledger?unitId={market}"));
        var total = ledger.GetProperty("totals").EnumerateArray().Single();
        Assert.That((total.GetProperty("leaderPosts").GetInt32(), total.GetProperty("leadersHeld").GetInt32()),
            Is.EqualTo((2, 2)));

        // removing a leadership post while both are held is refused; after a leader leaves it is allowed
        var reduce = await Problem(await ApproveLeadersAsync(market, "administrative", "full", 0, -1, "2026-06-01"),
            HttpStatusCode.Conflict);
        Assert.That(reduce.GetProperty("code").GetString(), Is.EqualTo("staffing.no_leader_post"));
        var id = deputy.GetProperty("id").GetGuid();
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/people/{id}/exit", "\"v1\"",
            new { kind = "retirement", exitedOn = "2026-05-01", documentNo = "退休审批表 7" }));
        await Read<JsonElement>(await ApproveLeadersAsync(market, "administrative", "full", 0, -1, "2026-06-01"),
            HttpStatusCode.Created);
        Assert.That(Leaders(await LedgerRow(e, "2026-06-01")), Is.EqualTo((1, 1, 0)));

        // the statement shows the approval that changed only the leadership posts, with running figures
        var statement = await Read<JsonElement>(await Bianban.GetAsync(
            $"/api/v1/staffing/establishments/{e}/statement?from=2026-04-01&to=2026-12-31"));
        Assert.That((statement.GetProperty("openingLeaderPosts").GetInt32(),
            statement.GetProperty("openingLeadersHeld").GetInt32()), Is.EqualTo((1, 1)));
        var lines = statement.GetProperty("items").EnumerateArray().Select(l => (
            l.GetProperty("movementName").GetString(), l.GetProperty("leadersApprovedDelta").GetInt32(),
            l.GetProperty("leadersHeldDelta").GetInt32(), l.GetProperty("leadersApprovedAfter").GetInt32(),
            l.GetProperty("leadersHeldAfter").GetInt32())).ToList();
        Assert.That(lines, Is.EqualTo(new[]
        {
            ("核定领导职数", 1, 0, 2, 1), ("入编", 0, 1, 2, 2), ("出编", 0, -1, 2, 1), ("核定领导职数", -1, 0, 1, 1),
        }));
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Sixteen_concurrent_leader_hires_into_two_leadership_posts_let_exactly_two_in()
    {
        var market = await Unit("县市场监督管理局");
        var e = await OpenWithLeadersAsync(market, 20, 2);
        var request = await ApprovedRequestAsync(market, 16);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => HireAsync(request, leader: true)));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(2));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(14));
        Assert.That(Leaders(await LedgerRow(e)), Is.EqualTo((2, 2, 0)));
        Assert.That(await Scalar<long>("select count(*) from staffing.holdings where leader"), Is.EqualTo(2));
        Assert.That((await HealthAsync()).GetProperty("mismatches").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_leadership_line_is_validated_field_by_field()
    {
        var market = await Unit("县市场监督管理局");
        var problem = await Problem(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "approval", documentNo = "县编办〔2026〕9号", documentDate = "2026-01-05", issuedBy = "县编委",
            effectiveOn = "2026-01-05",
            lines = new object[]
            {
                new { unitId = market, kind = "administrative", funding = "full", posts = 0, leaderPosts = 0 },
                new { unitId = market, kind = "institution", funding = "full", posts = 1, leaderPosts = 500 },
            },
        }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.GetProperty("lines[0].posts")[0].GetString(), Does.Contain("只调整领导职数时填 0"));
        Assert.That(errors.GetProperty("lines[1].leaderPosts")[0].GetString(), Does.Contain("领导职数"));
    }
}
