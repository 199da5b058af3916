namespace Governance.IntegrationTests;

/// <summary>
/// 便民服务 KPIs against a small hand-computed fixture; freezing of a closed month and a visible revision.
/// </summary>
public class ServiceKpiTests : ServiceCentreTest
{
    private static async Task<JsonElement> Ok(HttpClient client, Guid id, string action, int version,
        object? body = null) =>
        await Read<JsonElement>(await Act(client, id, action, version, body));

    private static Dictionary<string, JsonElement> Kpis(JsonElement row) =>
        row.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("code").GetString()!);

    private static (long N, long D, decimal? V) Figure(JsonElement row, string code)
    {
        var k = Kpis(row)[code];
        return (k.GetProperty("numerator").GetInt64(), k.GetProperty("denominator").GetInt64(),
            k.GetProperty("value").ValueKind == JsonValueKind.Null ? null : k.GetProperty("value").GetDecimal());
    }

    [Test]
    public async Task October_figures_match_the_hand_computed_fixture_are_frozen_a_late_correction_is_a_revision()
    {
        // Mon Oct 12: A (即办, done on the spot), B (3 days, done Oct 14), C (1 day, due Oct 13, done Oct 16: late),
        // and D at a village point, forwarded
        Clock.SetCountyDay("2026-10-12");
        var immediate = await ItemAsync("KPI-1", "immediate", null);
        var three = await ItemAsync("KPI-2", "promised", 3);
        var one = await ItemAsync("KPI-3", "promised", 1);
        var clerk = await App.LoginAsync("t01_window");
        var a = (await Register(clerk, immediate)).GetProperty("id").GetGuid();
        var b = (await Register(clerk, three)).GetProperty("id").GetGuid();
        var c = (await Register(clerk, one)).GetProperty("id").GetGuid();
        await Ok(clerk, a, "complete", 1, new { outcome = "approved" });
        await Ok(clerk, b, "accept", 1);
        await Ok(clerk, c, "accept", 1);
        var agent = await App.LoginAsync("v0101_agent");
        var d = (await Register(agent, three, channel: "village_point")).GetProperty("id").GetGuid();
        await Ok(agent, d, "forward", 1);

        Clock.SetCountyDay("2026-10-14");
        clerk = await App.LoginAsync("t01_window");
        await Ok(clerk, b, "complete", 2, new { outcome = "approved" });
        Clock.SetCountyDay("2026-10-16");
        clerk = await App.LoginAsync("t01_window");
        await Ok(clerk, c, "complete", 2, new { outcome = "rejected", note = "不符合条件" });
        async Task<JsonElement> Rate(Guid id, int level) => await Read<JsonElement>(
            await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{id}/ratings",
                new { level, comment = level <= 2 ? "不满意" : null }), HttpStatusCode.Created);
        await Rate(a, 5);
        var badB = (await Rate(b, 2)).GetProperty("rectificationId").GetGuid(); // due 15 working days later: Nov 6
        var badC = (await Rate(c, 1)).GetProperty("rectificationId").GetGuid();
        Clock.SetCountyDay("2026-10-20");
        await Read<JsonElement>(await Step(await App.LoginAsync("t01_leader"), badC, "appeal", 1,
            new { note = "恶意差评" }));
        await Read<JsonElement>(await Step(await App.LoginAsync("zwfw"), badC, "decide", 2,
            new { decision = "upheld", note = "成立" }));

        // November 2: October is closed; the first read freezes it
        Clock.SetCountyDay("2026-11-02");
        var leader = await App.LoginAsync("leader");
        var report = await Read<JsonElement>(
            await leader.GetAsync("/api/v1/service-centre/kpis?from=2026-10&to=2026-10"));
        var oct = report.GetProperty("rows").EnumerateArray().Single();
        Assert.That(oct.GetProperty("frozen").GetBoolean(), Is.True);
        Assert.That(oct.GetProperty("revision").GetInt32(), Is.EqualTo(1));
        Assert.That(Figure(oct, "SC_RECEIVED"), Is.EqualTo((4L, 0L, (decimal?)4m)));
        Assert.That(Figure(oct, "SC_FORWARDED"), Is.EqualTo((1L, 4L, (decimal?)0.25m)));
        Assert.That(Figure(oct, "SC_ON_THE_SPOT"), Is.EqualTo((1L, 3L, (decimal?)0.3333m)));
        Assert.That(Figure(oct, "SC_ON_TIME"), Is.EqualTo((2L, 3L, (decimal?)0.6667m)));
        Assert.That(Figure(oct, "SC_VISITS"), Is.EqualTo((3L, 3L, (decimal?)1m)),
            "three window registrations, one visit each");
        Assert.That(Figure(oct, "SC_SATISFACTION"), Is.EqualTo((1L, 3L, (decimal?)0.3333m)));
        Assert.That(Figure(oct, "SC_RECTIFICATION"), Is.EqualTo((0L, 1L, (decimal?)0m)),
            "C's appeal was upheld; B is not rectified yet");
        Assert.That(Kpis(oct)["SC_ON_TIME"].GetProperty("met").GetBoolean(), Is.False);

        var byTier = await Read<JsonElement>(
            await leader.GetAsync("/api/v1/service-centre/kpis?from=2026-10&to=2026-10&level=village"));
        Assert.That(Figure(byTier.GetProperty("rows")[0], "SC_FORWARDED"), Is.EqualTo((1L, 1L, (decimal?)1m)));
        var grouped = await Read<JsonElement>(
            await leader.GetAsync("/api/v1/service-centre/kpis?from=2026-10&to=2026-10&groupBy=township"));
        Assert.That(grouped.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("regionName").GetString()),
            Has.Exactly(1).Items);
        var other = await Read<JsonElement>(await (await App.LoginAsync("t02_leader"))
            .GetAsync("/api/v1/service-centre/kpis?from=2026-10&to=2026-10"));
        Assert.That(other.GetProperty("rows").GetArrayLength(), Is.Zero,
            "another township has no figures, and sees none of ours");

        // Nov 3: B is rectified, in time. The frozen October figure stays until the month is revised — then revision 2
        // shows it
        Clock.SetCountyDay("2026-11-03");
        await Read<JsonElement>(await Step(await App.LoginAsync("t01_leader"), badB, "rectify", 1,
            new { note = "加强培训" }));
        leader = await App.LoginAsync("leader");
        var still =
            (await Read<JsonElement>(await leader.GetAsync("/api/v1/service-centre/kpis?from=2026-10&to=2026-10")))
                .GetProperty("rows")[0];
        Assert.That(Figure(still, "SC_RECTIFICATION"), Is.EqualTo((0L, 1L, (decimal?)0m)),
            "a frozen figure does not move by itself");
        await Problem(await leader.PostAsync("/api/v1/service-centre/kpis/revisions?month=2026-10&reason=整改完成",
            null), HttpStatusCode.Forbidden);
        var zwfw = await App.LoginAsync("zwfw");
        var noReason = await Problem(await zwfw.PostAsync("/api/v1/service-centre/kpis/revisions?month=2026-10", null),
            HttpStatusCode.BadRequest);
        Assert.That(noReason.GetProperty("errors").EnumerateObject().Select(e => e.Name), Has.Member("reason"),
            "a correction states its reason");
        // a blank month was a 500 (found by the fuzzer): it is the field's error, for the history and the correction
        foreach (var blank in new[] { await leader.GetAsync("/api/v1/service-centre/kpis/revisions?month="),
                     await zwfw.PostAsync("/api/v1/service-centre/kpis/revisions?month=%20&reason=整改完成", null) })
            Assert.That((await Problem(blank, HttpStatusCode.BadRequest)).GetProperty("errors")
                .EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "month" }));
        var revised = await Read<JsonElement>(
            await zwfw.PostAsync("/api/v1/service-centre/kpis/revisions?month=2026-10&reason=整改完成", null));
        Assert.That(revised.GetProperty("revised").GetInt32(), Is.EqualTo(1),
            "one rollup (township 1, tier township) changed");
        var now =
            (await Read<JsonElement>(await leader.GetAsync("/api/v1/service-centre/kpis?from=2026-10&to=2026-10")))
                .GetProperty("rows")[0];
        Assert.That(now.GetProperty("revision").GetInt32(), Is.EqualTo(2));
        Assert.That(Figure(now, "SC_RECTIFICATION"), Is.EqualTo((1L, 1L, (decimal?)1m)));
        var history = await Read<JsonElement>(
            await leader.GetAsync("/api/v1/service-centre/kpis/revisions?month=2026-10"));
        Assert.That(history.EnumerateArray().Select(r => (r.GetProperty("revision").GetInt32(),
            r.GetProperty("badRectifiedInTime").GetInt32(),
                r.GetProperty("forwarded").GetInt32(), r.GetProperty("badVoided").GetInt32(),
                r.GetProperty("reason").ToString())),
            Is.EqualTo(new[] { (1, 0, 0, 1, ""), (2, 1, 0, 1, "整改完成") }),
            "every counter of each revision (C's upheld appeal: bad_voided), and the reason");
        var again = await Read<JsonElement>(
            await zwfw.PostAsync("/api/v1/service-centre/kpis/revisions?month=2026-10&reason=复核", null));
        Assert.That(again.GetProperty("revised").GetInt32(), Is.Zero, "nothing changed since");

        var csv = await leader.GetAsync("/api/v1/service-centre/kpis?from=2026-10&to=2026-10&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1 + 7));
        Assert.That(lines.Single(l => l.Contains("SC_FORWARDED")), Does.Contain("0.25").And.Contain(",1,4,"));
        var bad = await Problem(await leader.GetAsync("/api/v1/service-centre/kpis?from=2026-13&level=city"),
            HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.SupersetOf(new[] { "from" }));
    }

    [Test]
    public async Task Rollups_equal_a_recount_from_the_applications_after_every_kind_of_change()
    {
        Clock.SetCountyDay("2026-11-16");
        var item = await ItemAsync("KPI-9", "promised", 2);
        var clerk = await App.LoginAsync("t01_window");
        for (var i = 0; i < 5; i++)
        {
            var id = (await Register(clerk, item)).GetProperty("id").GetGuid();
            if (i % 2 == 0) await Ok(clerk, id, "complete", 1, new { outcome = "approved" });
        }
        const string Recount = """
            select count(*) filter (where date_trunc('month', received_on) = '2026-11-01')::int as received,
                   count(*) filter (where date_trunc('month', completed_on) = '2026-11-01')::int as completed,
                   coalesce(sum(visits) filter (where date_trunc('month', completed_on) = '2026-11-01'), 0)::int
                       as visits
            from service_centre.applications
            """;
        const string Rollup = """
            select coalesce(sum(received), 0)::int, coalesce(sum(completed), 0)::int, coalesce(sum(visits), 0)::int
            from service_centre.kpi_rollups where month = '2026-11-01'
            """;
        await using var c = new NpgsqlConnection(TestDatabase.SuperuserConnectionString);
        Assert.That(await c.QuerySingleAsync<(int, int, int)>(Rollup),
            Is.EqualTo(await c.QuerySingleAsync<(int, int, int)>(Recount)));
        Assert.That(await c.QuerySingleAsync<(int, int, int)>(Rollup), Is.EqualTo((5, 3, 3)));
        // a bulk correction in one statement, and a delete, keep them equal
        await c.ExecuteAsync("""
            update service_centre.applications set visits = visits + 1 where completed_on is not null
            """);
        await c.ExecuteAsync("""
            delete from service_centre.application_events where record_id = (select id from service_centre.applications
                where completed_on is null limit 1);
            delete from service_centre.applications where id = (select id from service_centre.applications
                where completed_on is null limit 1);
            """);
        Assert.That(await c.QuerySingleAsync<(int, int, int)>(Rollup),
            Is.EqualTo(await c.QuerySingleAsync<(int, int, int)>(Recount)));
        Assert.That(await c.QuerySingleAsync<(int, int, int)>(Rollup), Is.EqualTo((4, 3, 6)));
    }

    [Test]
    public async Task Power_item_usage_counts_village_applications_for_their_township_and_equals_a_recount()
    {
        Clock.SetCountyDay("2026-11-16");
        var item = await ItemAsync("USE-1", "promised", 2);
        var plain = await ItemAsync("USE-2", "promised", 2);
        var power = Guid.CreateVersion7(); // the power item the service item implements (PowerLists is not asked here)
        await Scalar<int>("""
            update service_centre.item_versions set power_item_id = @power where item_id = @item returning 1
            """, new { power, item });
        var agent = await App.LoginAsync("v0101_agent");
        var forwarded = await Register(agent, item, channel: "village_point");
        await Read<JsonElement>(await Act(agent, forwarded.GetProperty("id").GetGuid(), "forward", 1));
        var clerk = await App.LoginAsync("t01_window");
        await Register(clerk, item);
        await Register(clerk, item);
        await Register(clerk, plain); // implements no power: not counted

        const string Recount = """
            select service_centre.township_of(a.origin_path) as township, v.power_item_id as power,
                date_trunc('month', a.received_on) as month, count(*)::int as n
            from service_centre.applications a join service_centre.item_versions v on v.item_id = a.item_id
                and v.version = a.item_version
            where v.power_item_id is not null group by 1, 2, 3 order by 1, 2, 3
            """;
        const string Rollup = """
            select township_path as township, power_item_id as power, month, applications as n
            from service_centre.power_item_usage where applications <> 0 order by 1, 2, 3
            """;
        await using var c = new NpgsqlConnection(TestDatabase.SuperuserConnectionString);
        var usage = (await c.QueryAsync<(string, Guid, DateTime, int)>(Rollup)).ToList();
        var township = await Scalar<string>("select path from organization.regions where name = '城关镇'");
        Assert.That(usage, Is.EqualTo(new[] { (township, power, new DateTime(2026, 11, 1), 3) }),
            "the village point's application counts for 城关镇");

        // a correction moving one application to another township, a second one back into October, and a deletion, all
        // keep it equal
        await c.ExecuteAsync("""
            update service_centre.applications set origin_path = (select path || '1/' from organization.regions
                where name = '河口镇')
            where id = (select id from service_centre.applications where item_id = @item order by id limit 1);
            update service_centre.applications set received_on = received_on - 20
            where id = (select id from service_centre.applications where item_id = @item order by id offset 1 limit 1);
            delete from service_centre.application_events where record_id = (select id from service_centre.applications
                where item_id = @item order by id offset 2 limit 1);
            delete from service_centre.applications where id = (select id from service_centre.applications
                where item_id = @item order by id offset 2 limit 1);
            """, new { item });
        var recount = (await c.QueryAsync<(string, Guid, DateTime, int)>(Recount)).ToList();
        Assert.That(await c.QueryAsync<(string, Guid, DateTime, int)>(Rollup), Is.EquivalentTo(recount));
        Assert.That(recount.Select(r => r.Item4), Is.EqualTo(new[] { 1, 1 }),
            "two applications left: one moved to 河口镇, one moved to October");
    }
}
