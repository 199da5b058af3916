
namespace Governance.IntegrationTests;

/// <summary>
/// The shared KPI model (Kpis module): both modules' definitions in one catalogue; a closed month frozen once; a
/// correction is revision 2 with its reason while revision 1 stays readable with every counter; scope.
/// </summary>
public class KpiModelTests : ServiceCentreTest
{
    private static Dictionary<string, JsonElement> Kpis(JsonElement row) =>
        row.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("code").GetString()!);

    private static (long N, long D) Figure(JsonElement row, string code) =>
        (Kpis(row)[code].GetProperty("numerator").GetInt64(), Kpis(row)[code].GetProperty("denominator").GetInt64());

    [Test]
    public async Task Every_module_registers_its_definitions_in_one_catalogue()
    {
        var catalogue = await Read<JsonElement>(await (await App.LoginAsync("evaluator"))
            .GetAsync("/api/v1/kpis/definitions"));
        var byCode = catalogue.EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!);
        Assert.That(byCode.Values.Select(d => d.GetProperty("module").GetString()).Distinct(),
            Is.EquivalentTo(new[] { "service_centre", "power_lists", "staffing", "enforcement" }));
        var forwarded = byCode["SC_FORWARDED"];
        Assert.That(forwarded.GetProperty("numeratorCounters").EnumerateArray().Select(x => x.GetString()),
            Is.EqualTo(new[] { "forwarded" }));
        Assert.That(forwarded.GetProperty("denominatorCounters").EnumerateArray().Select(x => x.GetString()),
            Is.EqualTo(new[] { "received" }));
        Assert.That(forwarded.GetProperty("direction").GetString(), Is.EqualTo("lower"));
        Assert.That(forwarded.GetProperty("levels").EnumerateArray().Select(x => x.GetString()),
            Is.EqualTo(new[] { "county", "township", "village" }));
        Assert.That(forwarded.GetProperty("version").GetString(), Is.EqualTo("SC-2026.1"));
        Assert.That(byCode["SC_RECTIFICATION"].GetProperty("denominatorCounters").EnumerateArray()
            .Select(x => x.GetString()), Is.EqualTo(new[] { "bad_ratings", "-bad_voided" }));
        var completeness = byCode["PL_COMPLETENESS"];
        Assert.That((completeness.GetProperty("module").GetString(), completeness.GetProperty("version").GetString(),
            completeness.GetProperty("target").GetDecimal()), Is.EqualTo(("power_lists", "PL-2026.1", 1.0m)));
        var one = await Read<JsonElement>(await (await App.LoginAsync("evaluator"))
            .GetAsync("/api/v1/kpis/definitions?module=power_lists"));
        Assert.That(one.EnumerateArray().Select(d => d.GetProperty("module").GetString()).Distinct(),
            Is.EqualTo(new[] { "power_lists" }));
    }

    [Test]
    public async Task A_correction_is_revision_2_with_its_reason_and_the_original_forwarding_rate_stays_readable()
    {
        // Oct 12: two applications at a village point of township 1, one forwarded at once
        Clock.SetCountyDay("2026-10-12");
        var item = await ItemAsync("KPI-M1", "promised", 3);
        var agent = await App.LoginAsync("v0101_agent");
        var a = (await Register(agent, item, channel: "village_point")).GetProperty("id").GetGuid();
        var b = (await Register(agent, item, channel: "village_point", idNumber: "110101199003070038"))
            .GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(agent, a, "forward", 1));

        // Nov 2: October closed; the first read freezes it (revision 1)
        Clock.SetCountyDay("2026-11-02");
        var leader = await App.LoginAsync("leader");
        const string Village = "/api/v1/service-centre/kpis?from=2026-10&to=2026-10&level=village";
        var frozen = (await Read<JsonElement>(await leader.GetAsync(Village))).GetProperty("rows").EnumerateArray()
            .Single();
        Assert.That((frozen.GetProperty("frozen").GetBoolean(), frozen.GetProperty("revision").GetInt32()),
            Is.EqualTo((true, 1)));
        Assert.That(Figure(frozen, "SC_FORWARDED"), Is.EqualTo((1L, 2L)));

        // Nov 3: B, received in October, is forwarded late; the frozen figure stays until the month is revised with a
        // reason
        Clock.SetCountyDay("2026-11-03");
        agent = await App.LoginAsync("v0101_agent");
        await Read<JsonElement>(await Act(agent, b, "forward", 1));
        leader = await App.LoginAsync("leader");
        Assert.That(Figure((await Read<JsonElement>(await leader.GetAsync(Village))).GetProperty("rows")[0],
            "SC_FORWARDED"), Is.EqualTo((1L, 2L)));
        const string Revise = "/api/v1/kpis/revisions?module=service_centre&month=2026-10";
        var admin = await App.LoginAsync("admin");
        var noReason = await Problem(await admin.PostAsJsonAsync(Revise, new { reason = " " }),
            HttpStatusCode.BadRequest);
        Assert.That(noReason.GetProperty("errors").EnumerateObject().Select(e => e.Name), Has.Member("reason"));
        await Problem(await leader.PostAsJsonAsync(Revise, new { reason = "补报" }), HttpStatusCode.Forbidden);
        await Problem(await (await App.LoginAsync("evaluator")).PostAsJsonAsync(Revise, new { reason = "补报" }),
            HttpStatusCode.Forbidden);
        var revised = await Read<JsonElement>(await admin.PostAsJsonAsync(Revise, new { reason = "村代办点补报转报" }));
        Assert.That(revised.GetProperty("revisedLeaves").GetInt32(), Is.EqualTo(1),
            "one leaf (township 1, village tier) changed");
        Assert.That(revised.GetProperty("revisedTotals").GetInt32(), Is.GreaterThan(0), "and the totals above it");

        var now = (await Read<JsonElement>(await leader.GetAsync(Village))).GetProperty("rows")[0];
        Assert.That((now.GetProperty("revision").GetInt32(), Figure(now, "SC_FORWARDED")), Is.EqualTo((2, (2L, 2L))));

        // the history keeps revision 1 with every counter: the original 转报率 (1/2) is still readable
        var history =
            (await Read<JsonElement>(
                await leader.GetAsync($"/api/v1/kpis/revisions?module=service_centre&month=2026-10"))).EnumerateArray()
                    .ToList();
        Assert.That(
            history.Select(r => (r.GetProperty("revision").GetInt32(),
                r.GetProperty("reason").ValueKind == JsonValueKind.Null ? null : r.GetProperty("reason").GetString(),
                r.GetProperty("counters").GetProperty("forwarded").GetInt64(),
                r.GetProperty("counters").GetProperty("received").GetInt64())),
            Is.EqualTo(new (int, string?, long, long)[] { (1, null, 1, 2), (2, "村代办点补报转报", 2, 2) }));
        Assert.That(history[0].GetProperty("counters").EnumerateObject().Select(c => c.Name),
            Is.SupersetOf(new[] { "forwarded", "bad_voided", "received" }));
        Assert.That(Kpis(history[0])["SC_FORWARDED"].GetProperty("value").GetDecimal(), Is.EqualTo(0.5m),
            "the original 转报率");
        var scHistory = await Read<JsonElement>(
            await leader.GetAsync("/api/v1/service-centre/kpis/revisions?month=2026-10"));
        Assert.That(scHistory.EnumerateArray().Select(r => (r.GetProperty("revision").GetInt32(),
            r.GetProperty("forwarded").GetInt32(), r.GetProperty("badVoided").GetInt32())),
            Is.EqualTo(new[] { (1, 1, 0), (2, 2, 0) }), "the service-centre history carries every counter too");

        // one audit row for the freeze, one for the revision; nothing changed since: no new revision
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'kpis.frozen' and record_id = 'service_centre:2026-10'
            """), Is.EqualTo(1));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'kpis.revised' and record_id = 'service_centre:2026-10'
            """), Is.EqualTo(1));
        Assert.That((await Read<JsonElement>(await admin.PostAsJsonAsync(Revise, new { reason = "再次核对" })))
            .GetProperty("revisedLeaves").GetInt32(), Is.Zero);

        // scope: township 2 sees neither the figures nor the history of township 1
        var other = await App.LoginAsync("t02_leader");
        const string revisionsUrl = "/api/v1/kpis/revisions?module=service_centre&month=2026-10";
        Assert.That((await Read<JsonElement>(await other.GetAsync(revisionsUrl))).GetArrayLength(), Is.Zero);
        Assert.That((await Read<JsonElement>(await other.GetAsync(Village))).GetProperty("rows").GetArrayLength(),
            Is.Zero);
        var own = await App.LoginAsync("t01_leader");
        Assert.That((await Read<JsonElement>(await own.GetAsync(revisionsUrl))).GetArrayLength(), Is.EqualTo(2));
        await Problem(await own.GetAsync("/api/v1/kpis/revisions?module=nothing&month=2026-10"),
            HttpStatusCode.BadRequest);
    }
}

/// <summary>
/// PowerLists' closed months are frozen on the shared model: read back from the store, revised with a reason.
/// </summary>
public class PowerListsKpiFreezeTests : IntegrationTest
{
    [Test]
    public async Task A_closed_month_is_frozen_a_back_dated_change_waits_for_a_revision_a_township_sees_its_own()
    {
        var office = await App.LoginAsync("bianban");
        var market = await Scalar<Guid>("""
            select id from organization.units where name = '县市场监督管理局' and region_path like '%990101000000/'
            """);
        async Task<Guid> Item(string code) =>
            (await Read<JsonElement>(await office.PostAsJsonAsync("/api/v1/power-lists/items", new
        {
            code, name = code, type = "JC", domainCode = "SC", departmentId = market, effectiveFrom = "2026-01-01",
            changeNote = "新增", legalBasis = new[] { new { law = "《食品安全法》" } },
            responsibilities = new[] { "检查责任" }, accountabilities = new[] { "不依法履职" },
        }), HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId").GetGuid();
        async Task Assign(string township, Guid item, string from) =>
            await Read<JsonElement>(await office.PostAsJsonAsync("/api/v1/power-lists/entries", new
            { townshipIds = new[] { await RegionId(township) }, itemIds = new[] { item }, mode = "statutory",
                listKind = "basic", effectiveFrom = from }),
            HttpStatusCode.Created);
        var a = await Item("JC00000701");
        var b = await Item("JC00000702");
        await Assign(Township1, a, "2026-02-10");
        await Assign(Township2, a, "2026-02-10");

        const string March = "/api/v1/power-lists/kpis?from=2026-03&to=2026-03";
        string ByTownship(JsonElement month) => string.Join(",", month.GetProperty("entriesByTownship").EnumerateArray()
            .Select(x => $"{x.GetProperty("name").GetString()}={x.GetProperty("value").GetInt32()}"));
        var first = (await Read<JsonElement>(await office.GetAsync(March))).GetProperty("months")[0];
        Assert.That((first.GetProperty("frozen").GetBoolean(), first.GetProperty("revision").GetInt32(),
            ByTownship(first)), Is.EqualTo((true, 1, "城关镇=1,河口镇=1")));

        // a back-dated entry into March does not move the frozen figure until the month is revised, with a reason
        await Assign(Township1, b, "2026-03-01");
        Assert.That(ByTownship((await Read<JsonElement>(await office.GetAsync(March))).GetProperty("months")[0]),
            Is.EqualTo("城关镇=1,河口镇=1"));
        var admin = await App.LoginAsync("admin");
        var revised = await Read<JsonElement>(
            await admin.PostAsJsonAsync("/api/v1/kpis/revisions?module=power_lists&month=2026-03",
                new { reason = "补录三月下放条目" }));
        Assert.That(revised.GetProperty("revisedLeaves").GetInt32(), Is.EqualTo(1), "township 1's entries changed");
        var now = (await Read<JsonElement>(await office.GetAsync(March))).GetProperty("months")[0];
        Assert.That((now.GetProperty("revision").GetInt32(), ByTownship(now)), Is.EqualTo((2, "城关镇=2,河口镇=1")));
        var history =
            (await Read<JsonElement>(await office.GetAsync("/api/v1/kpis/revisions?module=power_lists&month=2026-03")))
                .EnumerateArray().ToList();
        Assert.That(
            history.Select(r => (r.GetProperty("revision").GetInt32(),
                r.GetProperty("counters").GetProperty("entries").GetInt64())),
            Is.EqualTo(new[] { (1, 1L), (2, 2L) }), "the original count stays readable");

        // a township's scope: its own entries, its county's catalogue
        var township = await App.LoginAsync("t02_leader");
        var mine = (await Read<JsonElement>(await township.GetAsync(March))).GetProperty("months")[0];
        Assert.That(ByTownship(mine), Is.EqualTo("河口镇=1"));
        Assert.That(mine.GetProperty("completeness").GetProperty("denominator").GetInt32(), Is.EqualTo(2),
            "the county's items, shared down");
    }
}
