namespace Governance.IntegrationTests;

/// <summary>数据开放包 · 编制: the establishments as the ledger has them on the month's last day, the month's
/// movements summed, no person in either, in a fixed order.</summary>
public sealed class StaffingOpenDataTests : StaffingTest
{
    private static readonly DateOnly June = new(2025, 6, 1);

    /// <summary>县市场监督管理局 (行政编制, 全额): 3 posts since 2020, +2 and a leadership post on 2025-06-10, two
    /// entries and an exit in June, an entry on 2025-07-01; 5 事业编制 moved down to 城关镇's team on 2025-06-15; an
    /// establishment opened only in July.</summary>
    private async Task<(Guid Market, Guid Team)> ArrangeAsync()
    {
        var market = await Unit("县市场监督管理局");
        var team = await Unit("综合行政执法大队", Township1);
        await OpenAsync(market, "administrative", "full", 3);
        await OpenAsync(market, "institution", "full", 10);
        await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "approval", documentNo = "县编办〔2025〕6号", documentDate = "2025-06-10",
            issuedBy = "县机构编制委员会", effectiveOn = "2025-06-10",
            lines = new[]
            {
                new { unitId = market, kind = "administrative", funding = "full", posts = 2, leaderPosts = 1 },
            },
        }), HttpStatusCode.Created);
        await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/transfers", new
        {
            documentNo = "县编委〔2025〕3号", documentDate = "2025-06-01", approvedBy = "县机构编制委员会",
            effectiveOn = "2025-06-15",
            lines = new[]
            {
                new
                {
                    fromUnitId = market, toUnitId = team, kind = "institution", funding = "full", posts = 5,
                    purpose = "enforcement",
                },
            },
        }), HttpStatusCode.Created);
        await PlanAsync(market, "administrative", "full", 3);
        var request = await RequestAsync(await App.LoginAsync("dept_scjg"), market, "administrative", "full", 3);
        await Read<JsonElement>(await ApproveAsync(request));
        var first = await Read<JsonElement>(await HireAsync(request, "2025-06-05"), HttpStatusCode.Created);
        await Read<JsonElement>(await HireAsync(request, "2025-06-20"), HttpStatusCode.Created);
        await Read<JsonElement>(await HireAsync(request, "2025-07-01"), HttpStatusCode.Created);
        await Read<JsonElement>(await PostIfMatch(Bianban, $"/api/v1/staffing/people/{first.GetProperty("id")}/exit",
            "\"v1\"", new { kind = "retirement", exitedOn = "2025-06-25", documentNo = "退休审批 7" }));
        await OpenAsync(await Unit("县城市管理局"), "institution", "full", 4, "2025-07-02");
        return (market, team);
    }

    private static (string? Kind, string? Funding, string? Approved, string? Leaders, string? Occupied,
        string? Reserved, string? Vacant) Figures(IReadOnlyDictionary<string, string?> r) =>
        (r["kind"], r["funding"], r["approved"], r["leader_posts"], r["occupied"], r["reserved"], r["vacant"]);

    [Test]
    public async Task The_establishments_are_the_ledgers_figures_on_the_months_last_day()
    {
        var (market, team) = await ArrangeAsync();
        var rows = (await OpenDataFiles.ReadAsync(App, "staffing", June)).Rows("staffing_establishments.csv");

        var mine = rows.Where(r => r["unit_id"] == market.ToString()).ToList();
        Assert.That(mine.Select(Figures), Is.EqualTo(new[]
        {
            ("administrative", "full", "5", "1", "1", "0", "4"), // the July entry does not count
            ("institution", "full", "5", "0", "0", "0", "5"),
        }));
        var countyName = await Scalar<string>("select name from organization.regions where code = @County",
            new { County });
        Assert.That(mine.Select(r => (r["as_of"], r["unit_name"], r["region_code"], r["region_name"])).Distinct(),
            Is.EqualTo(new[] { ("2025-06-30", "县市场监督管理局", County, countyName) }));
        var township = rows.Single(r => r["unit_id"] == team.ToString());
        Assert.That((township["region_code"], township["approved"], township["vacant"]),
            Is.EqualTo((Township1, "5", "5")));
        Assert.That(township["region_name"], Is.EqualTo(await Scalar<string>(
            "select name from organization.regions where code = @code", new { code = Township1 })));
        Assert.That(rows, Has.Count.EqualTo(3), "the establishment opened in July is no part of June");

        var ledger = await LedgerRow(await Scalar<Guid>(
            "select id from staffing.establishments where unit_id = @market and kind = 'administrative'",
            new { market }), "2025-06-30");
        Assert.That((ledger.GetProperty("approved").GetInt32(), ledger.GetProperty("occupied").GetInt32(),
            ledger.GetProperty("vacant").GetInt32()), Is.EqualTo((5, 1, 4)), "the 台账 page says the same");
    }

    [Test]
    public async Task The_months_movements_are_summed_per_establishment_and_movement()
    {
        var (market, team) = await ArrangeAsync();
        var rows = (await OpenDataFiles.ReadAsync(App, "staffing", June)).Rows("staffing_movements.csv");

        Assert.That(rows.Select(r => r["month"]).Distinct(), Is.EqualTo(new[] { "2025-06-01" }));
        Assert.That(rows.Select(r => (r["unit_id"] == market.ToString() ? "market" : r["unit_id"] == team.ToString()
                ? "team" : "?", r["kind"], r["movement"], r["movement_count"], r["approved_change"],
                r["occupied_change"], r["leader_posts_change"])),
            Is.EqualTo(new[]
            {
                // the county's units first (their region path is the county's), then the township's
                ("market", "administrative", "approval", "1", "2", "0", "1"),
                ("market", "administrative", "entry", "2", "0", "2", "0"),
                ("market", "administrative", "exit", "1", "0", "-1", "0"),
                ("market", "institution", "transfer_out", "1", "-5", "0", "0"),
                ("team", "institution", "transfer_in", "1", "5", "0", "0"),
            }), "no opening (2020), no July entry");
    }

    [Test]
    public async Task The_files_are_the_same_on_every_read_and_name_no_person()
    {
        await ArrangeAsync();
        var first = await OpenDataFiles.ReadAsync(App, "staffing", June);
        var second = await OpenDataFiles.ReadAsync(App, "staffing", June);

        Assert.That(OpenDataFiles.Text(second), Is.EqualTo(OpenDataFiles.Text(first)));
        Assert.That(first.Select(f => f.Name), Is.EqualTo(new[]
        {
            "staffing_establishments.csv", "staffing_movements.csv",
        }));
        Assert.That(OpenDataFiles.Text(first), Does.Not.Contain("张三").And.Not.Contain("990101199001"));
        Assert.That(first.SelectMany(f => f.Columns).Select(c => c.Name), Has.All.Match("^[a-z][a-z_]*$"));
        Assert.That(first.SelectMany(f => f.Columns), Has.All.Matches<Governance.OpenData.Contracts.OpenDataColumn>(
            c => c.Chinese.Length > 0 && c.English.Length > 0 && !c.Chinese.Contains('\n')));
        Assert.That((await OpenDataFiles.ReadAsync(App, "staffing", new DateOnly(2019, 6, 1)))
            .Rows("staffing_establishments.csv"), Is.Empty, "nothing before the ledger's opening");
    }
}
