namespace Governance.IntegrationTests;

/// <summary>
/// Change feeds (增量拉取): a nightly script pulls what was created or changed since its cursor and never misses a
/// row — not even one written by a transaction that started first and committed after a faster one.
/// </summary>
public sealed class ChangeFeedTests : ServiceCentreTest
{
    private const string Feed = "/api/v1/service-centre/applications/changes";

    private async Task<HttpClient> ScriptAsync(string region = County)
    {
        var admin = await App.LoginAsync("admin");
        var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "夜间拉取脚本", role = "kpi_reader", regionId = await RegionId(region),
            expiresAt = DateTimeOffset.UtcNow.AddDays(30),
        }), HttpStatusCode.Created);
        return App.WithToken(issued.GetProperty("token").GetString()!);
    }

    private static async Task<(List<Guid> Ids, string Cursor, bool More)> Pull(
        HttpClient script, string? cursor, int? limit = null)
    {
        var query = new List<string>();
        if (cursor is not null) query.Add($"changedSince={Uri.EscapeDataString(cursor)}");
        if (limit is not null) query.Add($"limit={limit}");
        var page = await Read<JsonElement>(await script.GetAsync($"{Feed}?{string.Join('&', query)}"));
        return (page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList(),
            page.GetProperty("nextCursor").GetString()!, page.GetProperty("more").GetBoolean());
    }

    [Test]
    public async Task A_slow_transaction_that_commits_after_a_faster_one_is_still_delivered_by_the_next_pull()
    {
        Clock.SetCountyDay("2026-12-07");
        var item = await ItemAsync("FEED01", "promised", 5);
        var clerk = await App.LoginAsync("t01_window");
        // in another township: the monthly KPI rollup row of a township is locked by whoever writes its applications
        var first = (await Register(await App.LoginAsync("t02_window"), item)).GetProperty("id").GetGuid();
        var script = await ScriptAsync();

        var (ids, cursor, more) = await Pull(script, null);
        Assert.That((ids, more), Is.EqualTo((new List<Guid> { first }, false)));
        Assert.That((await Pull(script, cursor)).Ids, Is.Empty, "nothing changed since");

        // a slow writer changes the first application and stays open; a fast one registers a second and commits
        await using var slow = await App.Db.OpenConnectionAsync();
        await using var tx = await slow.BeginTransactionAsync();
        await slow.ExecuteAsync("update service_centre.applications set note = '补充说明' where id = @first",
            new { first }, tx);
        var second = (await Register(clerk, item, "110101199003070038")).GetProperty("id").GetGuid();

        var during = await Pull(script, cursor);
        Assert.That(during.Ids, Is.Empty, "the second waits behind the slow writer, which may still commit");
        await tx.CommitAsync();

        var after = await Pull(script, during.Cursor);
        Assert.That(after.Ids, Is.EqualTo(new[] { first, second }), "both, in the order their writers began");
        Assert.That((await Pull(script, after.Cursor)).Ids, Is.Empty);
    }

    [Test]
    public async Task A_feed_pages_in_order_stays_in_scope_and_refuses_a_forged_cursor()
    {
        Clock.SetCountyDay("2026-12-07");
        var item = await ItemAsync("FEED02", "promised", 5);
        var clerk = await App.LoginAsync("t01_window");
        var registered = new List<Guid>();
        for (var n = 0; n < 3; n++)
            registered.Add((await Register(clerk, item)).GetProperty("id").GetGuid());

        var script = await ScriptAsync();
        var (one, cursor, more) = await Pull(script, null, limit: 2);
        Assert.That((one.Count, more), Is.EqualTo((2, true)));
        var (two, _, last) = await Pull(script, cursor, limit: 2);
        Assert.That((one.Concat(two), last), Is.EqualTo((registered, false)));

        // accepting one moves it to the end of the feed, in its new state
        var accepted = await Read<JsonElement>(await Act(clerk, registered[0], "accept", 1));
        var page = await Read<JsonElement>(await script.GetAsync($"{Feed}?changedSince={cursor}&limit=10"));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(a => a.GetProperty("id").GetGuid()),
            Is.EqualTo(new[] { registered[2], registered[0] }));
        Assert.That(items[1].GetProperty("state").GetString(), Is.EqualTo(accepted.GetProperty("state").GetString()));

        Assert.That((await Pull(await ScriptAsync(Township2), null)).Ids, Is.Empty, "another township sees none");
        var forged = await Problem(await script.GetAsync($"{Feed}?changedSince=bm90LWEtY3Vyc29y"),
            HttpStatusCode.BadRequest);
        Assert.That(forged.GetProperty("errors").TryGetProperty("changedSince", out _));
    }

    [Test]
    public async Task A_bad_rating_and_its_rectification_are_pulled_from_their_feeds()
    {
        Clock.SetCountyDay("2026-12-07");
        var clerk = await App.LoginAsync("t01_window");
        var id = (await Register(clerk, await ItemAsync("FEED03", "immediate", null))).GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(clerk, id, "complete", 1, new { outcome = "approved" }));
        var rating = await Read<JsonElement>(await clerk.PostAsJsonAsync(
            $"/api/v1/service-centre/applications/{id}/ratings", new { level = 1, comment = "等太久" }),
            HttpStatusCode.Created);

        var script = await ScriptAsync();
        var ratings = await Read<JsonElement>(await script.GetAsync("/api/v1/service-centre/ratings/changes"));
        Assert.That(ratings.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid(),
            Is.EqualTo(rating.GetProperty("id").GetGuid()));
        var rectifications = await Read<JsonElement>(
            await script.GetAsync("/api/v1/service-centre/rectifications/changes"));
        var x = rectifications.GetProperty("items").EnumerateArray().Single();
        Assert.That((x.GetProperty("id").GetGuid(), x.GetProperty("state").GetString()),
            Is.EqualTo((rating.GetProperty("rectificationId").GetGuid(), "open")));
    }
}

/// <summary>The enforcement and power-list feeds: a case decided on the spot, its disclosure (a retraction is a
/// tombstone), the township entry and agreement it rests on.</summary>
public sealed class EnforcementChangeFeedTests : EnforcementCaseTest
{
    private async Task<JsonElement> PullAsync(string feed, string? cursor = null) =>
        await Read<JsonElement>(await Admin.GetAsync($"/api/v1/enforcement/{feed}/changes"
            + (cursor is null ? "" : $"?changedSince={Uri.EscapeDataString(cursor)}")));

    private static List<Guid> Ids(JsonElement page, string list = "items") =>
        page.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

    [Test]
    public async Task Cases_and_disclosures_are_pulled_incrementally_and_a_retraction_comes_as_a_tombstone()
    {
        var k = await DecidedOnTheSpotAsync("CF00009101");
        var cases = await PullAsync("cases");
        Assert.That(Ids(cases), Is.EqualTo(new[] { k.GetProperty("id").GetGuid() }));
        Assert.That(cases.GetProperty("items")[0].GetProperty("state").GetString(),
            Is.EqualTo(k.GetProperty("state").GetString()));
        Assert.That(Ids(await PullAsync("cases", cases.GetProperty("nextCursor").GetString())), Is.Empty);
        Assert.That(Ids(await Read<JsonElement>(await (await App.LoginAsync("t02_leader"))
            .GetAsync("/api/v1/enforcement/cases/changes"))), Is.Empty, "another township's team sees none");

        var first = await PullAsync("disclosures");
        var d = first.GetProperty("items").EnumerateArray().Single();
        d = await Read<JsonElement>(await Act(Leader, d, "publish", new { }, "disclosures"));
        d = await Read<JsonElement>(await Act(Leader, d, "retract",
            new { revokedOn = Today.ToString("yyyy-MM-dd"), reason = "经行政复议，原处罚决定被撤销" }, "disclosures"));
        var retracted = await PullAsync("disclosures", first.GetProperty("nextCursor").GetString());
        Assert.That(Ids(retracted), Is.Empty, "a retracted disclosure is no longer an item");
        var tombstone = retracted.GetProperty("deleted").EnumerateArray().Single();
        Assert.That((tombstone.GetProperty("id").GetGuid(), tombstone.GetProperty("on").GetString(),
            tombstone.GetProperty("reason").GetString()),
            Is.EqualTo((d.GetProperty("id").GetGuid(), Today.ToString("yyyy-MM-dd"), "经行政复议，原处罚决定被撤销")));
    }

    [Test]
    public async Task Township_list_entries_and_agreements_are_pulled_as_they_are_assigned_and_revoked()
    {
        var item = await ItemAsync("CF00009102");
        var agreement = await AgreementAsync("清城管委〔2026〕9号", Today.AddYears(1), item);
        await AssignAsync("entrusted", agreement, item);
        var entries = await Read<JsonElement>(await Admin.GetAsync("/api/v1/power-lists/entries/changes"));
        var entry = entries.GetProperty("items").EnumerateArray().Single();
        Assert.That((entry.GetProperty("mode").GetString(), entry.GetProperty("agreementNo").GetString()),
            Is.EqualTo(("entrusted", "清城管委〔2026〕9号")));
        var agreements = await Read<JsonElement>(await Admin.GetAsync("/api/v1/power-lists/agreements/changes"));
        Assert.That(Ids(agreements), Is.EqualTo(new[] { agreement }));

        var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/power-lists/agreements/{agreement}/revoke")
        {
            Content = JsonContent.Create(new { revokedOn = Today.ToString("yyyy-MM-dd"), reason = "委托事项调整" }),
        };
        revoke.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"v1\""));
        var revoked = await Office.SendAsync(revoke);
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revoked.Content.ReadAsStringAsync());
        var again = await Read<JsonElement>(await Admin.GetAsync("/api/v1/power-lists/agreements/changes?changedSince="
            + Uri.EscapeDataString(agreements.GetProperty("nextCursor").GetString()!)));
        Assert.That(again.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString(),
            Is.EqualTo("revoked"), "the revocation brings the agreement back, in its new state");
        Assert.That(Ids(await Read<JsonElement>(await (await App.LoginAsync("t02_leader"))
            .GetAsync("/api/v1/power-lists/entries/changes"))), Is.Empty, "another township sees none");
    }
}

/// <summary>编制变动: the ledger's movements pulled incrementally, in scope.</summary>
public sealed class StaffingChangeFeedTests : StaffingTest
{
    [Test]
    public async Task The_ledgers_movements_are_pulled_once_each_in_scope()
    {
        var unit = await Unit("县市场监督管理局");
        var establishment = await OpenAsync(unit, "administrative", "full", 12);
        var page = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/ledger/changes"));
        var line = page.GetProperty("items").EnumerateArray().Single();
        Assert.That((line.GetProperty("establishmentId").GetGuid(), line.GetProperty("movement").GetString(),
            line.GetProperty("approvedDelta").GetInt32(), line.GetProperty("documentNo").GetString()),
            Is.EqualTo((establishment, "opening", 12, "县编办〔2020〕1号")));
        var next = await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/ledger/changes?changedSince="
            + Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)));
        Assert.That((next.GetProperty("items").GetArrayLength(), next.GetProperty("more").GetBoolean()),
            Is.EqualTo((0, false)));
        Assert.That((await Read<JsonElement>(await (await App.LoginAsync("t01_leader"))
            .GetAsync("/api/v1/staffing/ledger/changes"))).GetProperty("items").GetArrayLength(), Is.Zero,
            "a county department's posts are not a township's");
    }
}
