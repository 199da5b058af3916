using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

public class PowerListsTests : IntegrationTest
{
    private HttpClient _office = null!;

    [SetUp]
    public async Task SignInEstablishmentOffice() => _office = await App.LoginAsync("bianban");

    private async Task<Guid> UnitId(string name) =>
        await Scalar<Guid>("""
            select id from organization.units
            where name = @name and region_path = (select path from organization.regions where code = @County)
            """, new { name, County });

    private async Task<object> ItemBody(string code, string name, string type = "CF", string domain = "SC",
        string from = "2026-01-01") => new
    {
        code, name, type, domainCode = domain, departmentId = await UnitId("县市场监督管理局"),
        legalBasis = new[] { new { law = "《中华人民共和国食品安全法》", article = "第一百二十六条", text = "……" } },
        responsibilities = new[] { "立案责任", "调查取证责任" }, accountabilities = new[] { "不依法履职" },
        effectiveFrom = from, changeNote = "首次发布",
    };

    private async Task<(Guid Id, string ETag)> CreateItem(string code, string name, string type = "CF",
        string domain = "SC", string from = "2026-01-01")
    {
        var response = await _office.PostAsJsonAsync("/api/v1/power-lists/items",
            await ItemBody(code, name, type, domain, from));
        var item = await Read<JsonElement>(response, HttpStatusCode.Created);
        return (item.GetProperty("current").GetProperty("itemId").GetGuid(), response.Headers.ETag!.Tag);
    }

    private async Task<string?> NameAsOf(Guid id, string date, bool includeWithdrawn = false)
    {
        var page = await Read<JsonElement>(
            await _office.GetAsync($"/api/v1/power-lists/items?asOf={date}&includeWithdrawn={includeWithdrawn}"));
        return page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("itemId").GetGuid() == id)
            .Select(i => i.GetProperty("name").GetString()
                + (i.GetProperty("withdrawn").GetBoolean() ? "（已取消）" : "")).SingleOrDefault();
    }

    private async Task<HttpResponseMessage> PostWithIfMatch(string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await _office.SendAsync(request);
    }

    [Test]
    public async Task Every_change_is_a_version_and_any_date_answers_with_the_version_then_in_force()
    {
        var (id, etag) = await CreateItem("CF00123000", "对生产经营不符合食品安全标准食品的处罚");
        var revised = await PostWithIfMatch($"/api/v1/power-lists/items/{id}/versions", new
        {
            name = "对生产经营不符合食品安全标准的食品的行政处罚", type = "CF", domainCode = "SC",
            departmentId = await UnitId("县市场监督管理局"),
            legalBasis = new[] { new { law = "《中华人民共和国食品安全法》", article = "第一百二十四条" } },
            responsibilities = new[] { "立案责任" }, effectiveFrom = "2026-07-01", changeNote = "依据修订",
        }, etag);
        await Read<JsonElement>(revised, HttpStatusCode.Created);
        var withdrawn = await PostWithIfMatch($"/api/v1/power-lists/items/{id}/withdraw",
            new { effectiveFrom = "2027-01-01", changeNote = "上级取消" }, revised.Headers.ETag!.Tag);
        await Read<JsonElement>(withdrawn, HttpStatusCode.Created);

        Assert.Multiple(async () =>
        {
            Assert.That(await NameAsOf(id, "2025-12-31"), Is.Null, "before the first version");
            Assert.That(await NameAsOf(id, "2026-06-30"), Is.EqualTo("对生产经营不符合食品安全标准食品的处罚"));
            Assert.That(await NameAsOf(id, "2026-07-01"), Is.EqualTo("对生产经营不符合食品安全标准的食品的行政处罚"));
            Assert.That(await NameAsOf(id, "2027-01-01"), Is.Null, "withdrawn items are hidden by default");
            Assert.That(await NameAsOf(id, "2027-01-01", includeWithdrawn: true),
                Is.EqualTo("对生产经营不符合食品安全标准的食品的行政处罚（已取消）"));
        });

        var before = await Read<JsonElement>(await _office.GetAsync($"/api/v1/power-lists/items/{id}?asOf=2025-06-01"));
        Assert.That(before.GetProperty("current").ValueKind, Is.EqualTo(JsonValueKind.Null),
            "no version in force yet, but the history is there");
        Assert.That(before.GetProperty("versions").GetArrayLength(), Is.EqualTo(3));
        var detail = await Read<JsonElement>(await _office.GetAsync($"/api/v1/power-lists/items/{id}?asOf=2026-03-01"));
        Assert.That(detail.GetProperty("current").GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(detail.GetProperty("current").GetProperty("effectiveTo").GetString(), Is.EqualTo("2026-07-01"));
        Assert.That(detail.GetProperty("versions").EnumerateArray()
            .Select(v => v.GetProperty("changeNote").GetString()),
            Is.EqualTo(new[] { "首次发布", "依据修订", "上级取消" }));
        Assert.That(await Scalar<string>("""
            select string_agg(action, ',' order by seq) from audit.entries where record_type = 'power_item'
            """),
            Is.EqualTo("power_item.created,power_item.revised,power_item.withdrawn"));
    }

    [Test]
    public async Task A_revision_needs_the_current_ETag_and_a_later_effective_date()
    {
        var (id, etag) = await CreateItem("XK00001000", "食品经营许可", "XK");
        var body = new { name = "食品经营许可（修订）", type = "XK", domainCode = "SC",
            departmentId = await UnitId("县市场监督管理局"), effectiveFrom = "2026-03-01", changeNote = "改名" };
        await Problem(await PostWithIfMatch($"/api/v1/power-lists/items/{id}/versions", body, null),
            (HttpStatusCode)428);
        await Problem(await PostWithIfMatch($"/api/v1/power-lists/items/{id}/versions", body, "\"v9\""),
            HttpStatusCode.PreconditionFailed);
        var early = await Problem(await PostWithIfMatch($"/api/v1/power-lists/items/{id}/versions",
            body with { effectiveFrom = "2025-06-01" }, etag), HttpStatusCode.BadRequest);
        Assert.That(early.GetProperty("errors").GetProperty("effectiveFrom")[0].GetString(),
            Does.Contain("2026-01-01"));

        await Read<JsonElement>(await PostWithIfMatch($"/api/v1/power-lists/items/{id}/versions", body, etag),
            HttpStatusCode.Created);
        // the same ETag again is now stale: a second editor cannot silently overwrite the first
        await Problem(await PostWithIfMatch($"/api/v1/power-lists/items/{id}/versions",
            body with { effectiveFrom = "2026-04-01" }, etag), HttpStatusCode.PreconditionFailed);
        Assert.That(await Scalar<long>("select count(*) from power_lists.item_versions where item_id = @id",
            new { id }), Is.EqualTo(2));
    }

    [Test]
    public async Task Item_input_is_validated_field_by_field()
    {
        var p = await Problem(await _office.PostAsJsonAsync("/api/v1/power-lists/items", new
        {
            code = "CF123", name = "", type = "ZZ", domainCode = "NOPE", departmentId = await UnitId("城关镇"),
            legalBasis = new[] { new { law = "" } },
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.SupersetOf(new[] { "code", "name", "type", "domainCode", "effectiveFrom", "legalBasis[0].law" }));
        var mismatch = await Problem(await _office.PostAsJsonAsync("/api/v1/power-lists/items", (object)new
        {
            code = "XK00001000", name = "x", type = "CF", domainCode = "SC",
            departmentId = await UnitId("县市场监督管理局"), effectiveFrom = "2026-01-01", changeNote = "x",
        }), HttpStatusCode.BadRequest);
        Assert.That(mismatch.GetProperty("errors").GetProperty("code")[0].GetString(), Does.Contain("CF"));
        Assert.That(await Scalar<long>("select count(*) from power_lists.items"), Is.Zero);
    }

    private async Task<JsonElement> Assign(object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        expected == HttpStatusCode.Created
            ? await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", body), expected)
            : await Problem(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", body), expected);

    [Test]
    public async Task Assigning_to_many_townships_is_all_or_nothing_and_overlaps_are_refused()
    {
        var (a, _) = await CreateItem("CF00001000", "事项甲");
        var (b, _) = await CreateItem("CF00002000", "事项乙");
        var t1 = await RegionId(Township1);
        var t2 = await RegionId(Township2);
        var created = await Assign(new
        {
            townshipIds = new[] { t1 }, itemIds = new[] { a }, mode = "granted", listKind = "basic",
            decisionNo = "清政发〔2026〕1号", effectiveFrom = "2026-01-01",
        });
        Assert.That(created.GetArrayLength(), Is.EqualTo(1));

        // t2 would be fine, but (t1, a) overlaps: nothing at all is created
        var p = await Assign(new
        {
            townshipIds = new[] { t2, t1 }, itemIds = new[] { a, b }, mode = "statutory", listKind = "basic",
            effectiveFrom = "2026-06-01",
        }, HttpStatusCode.Conflict);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("powers.entry_overlap"));
        Assert.That(p.GetProperty("detail").GetString(), Does.Contain("城关镇 CF00001000"));
        Assert.That(await Scalar<long>("select count(*) from power_lists.entries"), Is.EqualTo(1));

        // ending the first entry frees the period after it
        var entryId = created[0].GetProperty("id").GetGuid();
        await Read<JsonElement>(await _office.PostAsJsonAsync($"/api/v1/power-lists/entries/{entryId}/end",
            new { effectiveTo = "2026-06-01", reason = "调整为法定" }));
        var both = await Assign(new { townshipIds = new[] { t2, t1 }, itemIds = new[] { a, b }, mode = "statutory",
            listKind = "basic", effectiveFrom = "2026-06-01" });
        Assert.That(both.GetArrayLength(), Is.EqualTo(4));

        var before = await Read<JsonElement>(
            await _office.GetAsync($"/api/v1/power-lists/townships/{t1}/entries?asOf=2026-05-31"));
        Assert.That(before.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("modeName").GetString()),
            Is.EqualTo(new[] { "赋权" }));
        var after = await Read<JsonElement>(
            await _office.GetAsync($"/api/v1/power-lists/townships/{t1}/entries?asOf=2026-06-01"));
        Assert.That(after.GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("code").GetString() + e.GetProperty("modeName").GetString()),
            Is.EqualTo(new[] { "CF00001000法定", "CF00002000法定" }));
    }

    [Test]
    public async Task The_database_itself_refuses_overlapping_entries()
    {
        var (a, _) = await CreateItem("CF00001000", "事项甲");
        var t1 = await RegionId(Township1);
        await Assign(new { townshipIds = new[] { t1 }, itemIds = new[] { a }, mode = "statutory", listKind = "basic",
            effectiveFrom = "2026-01-01" });
        await using var c = await App.Db.OpenConnectionAsync();
        var e = Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("""
            insert into power_lists.entries (id, township_id, township_path, item_id, mode, list_kind, valid,
                created_at, created_by)
            select gen_random_uuid(), township_id, township_path, item_id, 'statutory', 'basic',
                daterange('2026-05-01', null), now(), 'x' from power_lists.entries
            """))!;
        Assert.That(e.SqlState, Is.EqualTo("23P01"), "exclusion violation");
    }

    private async Task<(Guid Agreement, Guid Item, Guid Township, string ETag)> Entrust(string starts = "2026-01-01",
        string ends = "2026-12-31")
    {
        var (item, _) = await CreateItem("CF00003000", "对无证经营的处罚");
        var township = await RegionId(Township1);
        var response = await _office.PostAsJsonAsync("/api/v1/power-lists/agreements", new
        {
            documentNo = "清市监委〔2026〕3号", departmentId = await UnitId("县市场监督管理局"), townshipId = township,
            signedOn = "2025-12-20", startsOn = starts, endsOn = ends, itemIds = new[] { item },
        });
        var agreement = await Read<JsonElement>(response, HttpStatusCode.Created);
        await Assign(new
        {
            townshipIds = new[] { township }, itemIds = new[] { item }, mode = "entrusted", listKind = "basic",
            agreementId = agreement.GetProperty("id").GetGuid(), effectiveFrom = starts,
        });
        return (agreement.GetProperty("id").GetGuid(), item, township, response.Headers.ETag!.Tag);
    }

    private async Task<JsonElement> CanExercise(Guid township, Guid item, string date) =>
        await Read<JsonElement>(await _office.GetAsync(
            $"/api/v1/power-lists/can-exercise?townshipId={township}&itemId={item}&date={date}"));

    [Test]
    public async Task An_entrusted_power_is_exercisable_only_while_its_agreement_is_in_force()
    {
        var (agreement, item, township, _) = await Entrust(ends: "2026-06-30");
        var inForce = await CanExercise(township, item, "2026-06-30");
        Assert.That(inForce.GetProperty("allowed").GetBoolean(), Is.True);
        Assert.That(inForce.GetProperty("mode").GetString(), Is.EqualTo("entrusted"));
        Assert.That(inForce.GetProperty("agreementId").GetGuid(), Is.EqualTo(agreement));

        var expired = await CanExercise(township, item, "2026-07-01");
        Assert.That(expired.GetProperty("allowed").GetBoolean(), Is.False,
            "the day after the term, with nothing having run");
        Assert.That(expired.GetProperty("reason").GetString(), Does.Contain("委托协议"));
        var list = await Read<JsonElement>(
            await _office.GetAsync($"/api/v1/power-lists/townships/{township}/entries?asOf=2026-07-01"));
        Assert.That(list.GetProperty("entries")[0].GetProperty("problem").GetString(),
            Is.EqualTo("委托协议不在有效期内"));

        var other = await CanExercise(await RegionId(Township2), item, "2026-03-01");
        Assert.That(other.GetProperty("allowed").GetBoolean(), Is.False);
        Assert.That(other.GetProperty("reason").GetString(), Does.Contain("移送"));
    }

    [Test]
    public async Task Revoking_an_agreement_stops_its_entries_from_the_revocation_date()
    {
        var (agreement, item, township, etag) = await Entrust();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/power-lists/agreements/{agreement}/revoke")
            { Content = JsonContent.Create(new { revokedOn = "2026-09-01", reason = "乡镇执法力量不足，接不住" }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var revoked = await Read<JsonElement>(await _office.SendAsync(request));
        Assert.That(revoked.GetProperty("revokedOn").GetString(), Is.EqualTo("2026-09-01"));

        Assert.That((await CanExercise(township, item, "2026-08-31")).GetProperty("allowed").GetBoolean(), Is.True);
        Assert.That((await CanExercise(township, item, "2026-09-01")).GetProperty("allowed").GetBoolean(), Is.False);
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'agreement.revoked'"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task Agreements_about_to_expire_are_flagged()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await Entrust(starts: today.AddDays(-100).ToString("yyyy-MM-dd"),
            ends: today.AddDays(20).ToString("yyyy-MM-dd"));
        var expiring = await Read<JsonElement>(
            await _office.GetAsync("/api/v1/power-lists/agreements?status=expiring"));
        var a = expiring.GetProperty("items").EnumerateArray().Single();
        Assert.That(a.GetProperty("status").GetString(), Is.EqualTo("expiring"));
        Assert.That(a.GetProperty("daysToExpiry").GetInt32(), Is.EqualTo(20));
        foreach (var other in new[] { "expired", "in_force", "revoked", "pending" })
            Assert.That(
                (await Read<JsonElement>(await _office.GetAsync($"/api/v1/power-lists/agreements?status={other}")))
                    .GetProperty("items").GetArrayLength(),
                Is.Zero, $"the status filter matches the status field exactly: {other}");
    }

    [Test]
    public async Task An_entrusted_entry_needs_an_agreement_that_covers_the_item_for_that_township()
    {
        var (agreement, _, _, _) = await Entrust();
        var (other, _) = await CreateItem("CF00004000", "不在协议内的事项");
        var p = await Assign(new
        {
            townshipIds = new[] { await RegionId(Township1) }, itemIds = new[] { other }, mode = "entrusted",
            listKind = "basic", agreementId = agreement, effectiveFrom = "2026-02-01",
        }, HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("itemIds")[0].GetString(), Does.Contain("委托范围"));
        var wrongTownship = await Assign(new
        {
            townshipIds = new[] { await RegionId(Township2) }, itemIds = new[] { other }, mode = "entrusted",
            listKind = "basic", agreementId = agreement, effectiveFrom = "2026-02-01",
        }, HttpStatusCode.BadRequest);
        Assert.That(wrongTownship.GetProperty("errors").GetProperty("townshipIds")[0].GetString(),
            Does.Contain("受托乡镇"));
        var noAgreement = await Assign(new
        {
            townshipIds = new[] { await RegionId(Township1) }, itemIds = new[] { other }, mode = "entrusted",
            listKind = "basic", effectiveFrom = "2026-02-01",
        }, HttpStatusCode.BadRequest);
        Assert.That(noAgreement.GetProperty("errors").TryGetProperty("agreementId", out _), Is.True);
    }

    [Test]
    public async Task A_township_sees_its_own_list_and_agreements_only_and_cannot_edit_the_catalogue()
    {
        var (agreement, item, township, _) = await Entrust();
        var leader = await App.LoginAsync("t01_leader");
        var other = await App.LoginAsync("t02_leader");

        await Read<JsonElement>(
            await leader.GetAsync($"/api/v1/power-lists/townships/{township}/entries?asOf=2026-03-01"));
        await Problem(await other.GetAsync($"/api/v1/power-lists/townships/{township}/entries"),
            HttpStatusCode.NotFound);
        await Read<JsonElement>(await leader.GetAsync($"/api/v1/power-lists/agreements/{agreement}"));
        await Problem(await other.GetAsync($"/api/v1/power-lists/agreements/{agreement}"), HttpStatusCode.NotFound);
        Assert.That((await Read<JsonElement>(await other.GetAsync("/api/v1/power-lists/agreements")))
            .GetProperty("items").GetArrayLength(), Is.Zero);

        // the county catalogue is read by its townships
        var catalogue = await Read<JsonElement>(await other.GetAsync("/api/v1/power-lists/items?asOf=2026-03-01"));
        Assert.That(catalogue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetGuid()),
            Does.Contain(item));
        await Problem(await leader.PostAsJsonAsync("/api/v1/power-lists/items",
            await ItemBody("CF00009000", "乡镇自建")), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_public_reads_only_published_entries_without_logging_in()
    {
        var (a, _) = await CreateItem("CF00001000", "事项甲");
        var t1 = await RegionId(Township1);
        var entry = (await Assign(new { townshipIds = new[] { t1 }, itemIds = new[] { a }, mode = "statutory",
            listKind = "basic", effectiveFrom = "2026-01-01" }))[0]
            .GetProperty("id").GetGuid();
        var anonymous = App.Anonymous();
        Assert.That(
            (await Read<JsonElement>(await anonymous.GetAsync($"/api/v1/public/power-lists/townships/{t1}/history")))
                .GetArrayLength(), Is.Zero,
            "nothing published, no public history");
        var before = await Read<JsonElement>(
            await anonymous.GetAsync($"/api/v1/public/power-lists/townships/{t1}?asOf=2026-03-01"));
        Assert.That(before.GetProperty("entries").GetArrayLength(), Is.Zero);

        var published = await Read<JsonElement>(await _office.PostAsync($"/api/v1/power-lists/townships/{t1}/publish",
            null));
        Assert.That(published.GetProperty("published").GetInt32(), Is.EqualTo(1));
        var after = await Read<JsonElement>(
            await anonymous.GetAsync($"/api/v1/public/power-lists/townships/{t1}?asOf=2026-03-01"));
        Assert.That(after.GetProperty("entries")[0].GetProperty("name").GetString(), Is.EqualTo("事项甲"));
        var index = await Read<JsonElement>(await anonymous.GetAsync("/api/v1/public/power-lists/townships"));
        Assert.That(index.EnumerateArray()
            .Select(t =>
                $"{t.GetProperty("countyName").GetString()}/{t.GetProperty("name").GetString()}/" +
                $"{t.GetProperty("publishedEntries").GetInt32()}"),
            Is.EqualTo(new[] { "清河县/城关镇/1" }));
        await Problem(await anonymous.GetAsync($"/api/v1/public/power-lists/townships/{Guid.CreateVersion7()}"),
            HttpStatusCode.NotFound);

        // the public change history: taken in on Jan 1, taken out on Jun 1 (newest first)
        await Read<JsonElement>(await _office.PostAsJsonAsync($"/api/v1/power-lists/entries/{entry}/end",
            new { effectiveTo = "2026-06-01", reason = "收回" }));
        var history = await Read<JsonElement>(
            await anonymous.GetAsync($"/api/v1/public/power-lists/townships/{t1}/history"));
        Assert.That(history.EnumerateArray()
            .Select(h =>
                $"{h.GetProperty("changedOn").GetString()} {h.GetProperty("changeName").GetString()} " +
                $"{h.GetProperty("itemName").GetString()}"),
            Is.EqualTo(new[] { "2026-06-01 调出 事项甲", "2026-01-01 调入 事项甲" }));
        await Problem(await anonymous.GetAsync($"/api/v1/public/power-lists/townships/{Guid.CreateVersion7()}/history"),
            HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_contract_lists_a_townships_exercisable_powers_in_a_domain()
    {
        var (entrusted, _, township, _) = await Entrust(ends: "2026-06-30");
        var (statutory, _) = await CreateItem("JC00001000", "食品安全检查", "JC");
        var (urban, _) = await CreateItem("CF00005000", "占道经营处罚", "CF", "CG");
        await Assign(new { townshipIds = new[] { township }, itemIds = new[] { statutory, urban }, mode = "statutory",
            listKind = "basic", effectiveFrom = "2026-01-01" });

        using var scope = App.Services.CreateScope();
        var powers = scope.ServiceProvider.GetRequiredService<Governance.PowerLists.Contracts.IPowerLists>();
        var march = await powers.TownshipPowersAsync(township, "SC", new DateOnly(2026, 3, 1), CancellationToken.None);
        Assert.That(march.Select(p => p.Code), Is.EqualTo(new[] { "CF00003000", "JC00001000" }));
        var july = await powers.TownshipPowersAsync(township, "SC", new DateOnly(2026, 7, 1), CancellationToken.None);
        Assert.That(july.Select(p => p.Code), Is.EqualTo(new[] { "JC00001000" }),
            "the entrusted power lapsed with its agreement");
        Assert.That(entrusted, Is.Not.EqualTo(Guid.Empty));
    }
}
