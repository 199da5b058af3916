using System.Net.Http.Headers;

namespace Governance.IntegrationTests;

public class ServiceItemsTests : IntegrationTest
{
    private static object Guide(string code = "QX-001", string kind = "promised", int statutory = 20, int? promised = 5,
        string from = "2026-01-01", string[]? steps = null, object[]? materials = null, bool noMaterials = false,
        Guid? powerItemId = null, string name = "农村宅基地和建房（规划许可）审批", string level = "township") => new
    {
        code, name, level, kind,
        legalBasis = "《中华人民共和国土地管理法》第六十二条", conditions = "本集体经济组织成员，符合一户一宅",
        statutoryDays = statutory, promisedDays = promised,
        materials = materials ?? new object[] { new { name = "农村宅基地和建房（规划许可）申请表", form = "original",
            copies = 1, required = true } },
        noMaterials, steps = steps ?? new[] { "受理", "审查", "决定" }, phone = "0371-12345678",
        channels = new[] { "window", "village_point" }, powerItemId, effectiveFrom = from, changeNote = "首次发布",
    };

    [Test]
    public async Task A_guide_is_versioned_and_public_only_once_published()
    {
        var admin = await App.LoginAsync("zwfw");
        var created = await admin.PostAsJsonAsync("/api/v1/service-centre/items", Guide());
        var item = await Read<JsonElement>(created, HttpStatusCode.Created);
        var id = item.GetProperty("current").GetProperty("itemId").GetGuid();
        var countyId = await RegionId(County);

        var anonymous = App.Anonymous();
        var publicItems = $"/api/v1/public/service-centre/counties/{countyId}/items";
        Assert.That((await Read<JsonElement>(await anonymous.GetAsync(publicItems))).GetArrayLength(), Is.Zero);
        await Problem(await anonymous.GetAsync($"/api/v1/public/service-centre/items/{id}"), HttpStatusCode.NotFound);

        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-centre/items/{id}/publish");
        publish.Headers.IfMatch.Add(new EntityTagHeaderValue(created.Headers.ETag!.Tag));
        await Read<JsonElement>(await admin.SendAsync(publish));
        var guide = await Read<JsonElement>(await anonymous.GetAsync($"/api/v1/public/service-centre/items/{id}"));
        Assert.That(guide.GetProperty("kindName").GetString(), Is.EqualTo("承诺件"));
        Assert.That(guide.GetProperty("materials")[0].GetProperty("name").GetString(), Does.Contain("申请表"));

        // a later version is not public until it is published; until then the public keeps reading v1
        var revise = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-centre/items/{id}/versions")
            { Content = JsonContent.Create(Guide(promised: 3, from: "2026-06-01")) };
        revise.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v1\""));
        await Read<JsonElement>(await admin.SendAsync(revise), HttpStatusCode.Created);
        var detail = await Read<JsonElement>(
            await admin.GetAsync($"/api/v1/service-centre/items/{id}?asOf=2026-03-01"));
        Assert.That(detail.GetProperty("current").GetProperty("promisedDays").GetInt32(), Is.EqualTo(5));
        Assert.That(detail.GetProperty("versions").GetArrayLength(), Is.EqualTo(2));
        Assert.That(await Scalar<string>("""
            select string_agg(action, ',' order by seq) from audit.entries where record_type = 'service_item'
            """),
            Is.EqualTo("service_item.created,service_item.published,service_item.revised"));
    }

    [TestCase("promised", 5, 8, "promisedDays", "不能长于法定时限")]
    [TestCase("immediate", 0, 1, "promisedDays", "即办件")]
    [TestCase("promised", 10, null, "promisedDays", "承诺件须填写")]
    public async Task Time_limits_follow_the_rules(string kind, int statutory, int? promised, string field,
        string message)
    {
        var admin = await App.LoginAsync("zwfw");
        var p = await Problem(await admin.PostAsJsonAsync("/api/v1/service-centre/items",
            Guide(kind: kind, statutory: statutory, promised: promised)), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message));
        Assert.That(await Scalar<long>("select count(*) from service_centre.items"), Is.Zero);
    }

    [Test]
    public async Task Steps_materials_and_the_linked_power_are_checked()
    {
        var admin = await App.LoginAsync("zwfw");
        var tooMany = await Problem(await admin.PostAsJsonAsync("/api/v1/service-centre/items",
            Guide(steps: ["受理", "审查", "勘查", "公示", "决定"])), HttpStatusCode.BadRequest);
        Assert.That(tooMany.GetProperty("errors").GetProperty("steps")[0].GetString(), Does.Contain("最多 4 个"));
        var none = await Problem(await admin.PostAsJsonAsync("/api/v1/service-centre/items", Guide(materials: [])),
            HttpStatusCode.BadRequest);
        Assert.That(none.GetProperty("errors").GetProperty("materials")[0].GetString(), Does.Contain("无需材料"));
        await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/items",
            Guide(code: "QX-002", materials: [], noMaterials: true)), HttpStatusCode.Created);
        var badPower = await Problem(await admin.PostAsJsonAsync("/api/v1/service-centre/items",
            Guide(code: "QX-003", powerItemId: Guid.CreateVersion7())), HttpStatusCode.BadRequest);
        Assert.That(badPower.GetProperty("errors").TryGetProperty("powerItemId", out _), Is.True);
        var badMaterial = await Problem(await admin.PostAsJsonAsync("/api/v1/service-centre/items",
            Guide(code: "QX-004", materials: [new { name = "", form = "scan", copies = 0, required = true }])),
            HttpStatusCode.BadRequest);
        Assert.That(badMaterial.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "materials[0].name", "materials[0].form", "materials[0].copies" }));
    }

    [Test]
    public async Task A_search_ranks_the_exact_name_then_names_that_start_with_it_township_items_first()
    {
        var admin = await App.LoginAsync("zwfw");
        foreach (var (code, name, level) in new[]
                 {
                     ("QX-100", "农村高龄老人走访登记", "village"), ("QX-101", "高龄老人生活补贴代办", "village"),
                     ("QX-102", "高龄津贴申领", "township"), ("QX-103", "高龄", "village"),
                     ("QX-104", "办理高龄补贴", "township"), ("QX-105", "低保申请", "township"),
                 })
            await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/items",
                Guide(code, name: name, level: level)), HttpStatusCode.Created);
        var window = await App.LoginAsync("t01_window");
        async Task<List<string>> Codes(string query)
        {
            var codes = new List<string>();
            string? cursor = null;
            do // two at a time: the order holds across pages
            {
                var page = await Read<JsonElement>(await window.GetAsync(
                    $"/api/v1/service-centre/items?asOf=2026-03-01&limit=2{query}"
                    + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
                codes.AddRange(page.GetProperty("items").EnumerateArray()
                    .Select(i => i.GetProperty("code").GetString()!));
                cursor = page.GetProperty("nextCursor").GetString();
            } while (cursor is not null);
            return codes;
        }

        Assert.That(await Codes("&q=" + Uri.EscapeDataString("高龄")),
            Is.EqualTo(new[] { "QX-103", "QX-102", "QX-101", "QX-104", "QX-100" }),
            "exact (village), starts with (township, village), contains (township, village)");
        Assert.That(await Codes(""), Is.EqualTo(new[] { "QX-100", "QX-101", "QX-102", "QX-103", "QX-104", "QX-105" }),
            "without a search: code order");
    }

    [Test]
    public async Task Townships_read_the_catalogue_but_only_the_county_maintains_it()
    {
        var admin = await App.LoginAsync("zwfw");
        await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/items", Guide()),
            HttpStatusCode.Created);
        var window = await App.LoginAsync("t01_window");
        var list = await Read<JsonElement>(await window.GetAsync("/api/v1/service-centre/items?asOf=2026-03-01"));
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        await Problem(await window.PostAsJsonAsync("/api/v1/service-centre/items", Guide(code: "QX-009")),
            HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_published_guide_says_where_and_when_to_go_the_centres_that_take_the_item()
    {
        var admin = await App.LoginAsync("zwfw");
        var created = await admin.PostAsJsonAsync("/api/v1/service-centre/items", Guide("QX-009"));
        var id = (await Read<JsonElement>(created, HttpStatusCode.Created)).GetProperty("current")
            .GetProperty("itemId").GetGuid();
        async Task<Guid> Centre(string region, string name, bool offers)
        {
            var centre = (await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/centres",
                new
                {
                    regionId = await RegionId(region), name, address = name + "（政府路 1 号）", hours = "8:30–17:30",
                }), HttpStatusCode.Created)).GetProperty("centre").GetProperty("id").GetGuid();
            if (offers)
                await Read<JsonElement>(await admin.PutAsJsonAsync($"/api/v1/service-centre/centres/{centre}/items",
                    new { itemIds = new[] { id } }));
            return centre;
        }
        var hall = await Centre(County, "县政务服务中心", offers: true);
        var first = await Centre(Township1, "一号乡便民服务中心", offers: true);
        await Centre(Township2, "二号乡便民服务中心", offers: false);

        var anonymous = App.Anonymous();
        var places = $"/api/v1/public/service-centre/items/{id}/places";
        await Problem(await anonymous.GetAsync(places), HttpStatusCode.NotFound); // not published yet
        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-centre/items/{id}/publish");
        publish.Headers.IfMatch.Add(new EntityTagHeaderValue(created.Headers.ETag!.Tag));
        await Read<JsonElement>(await admin.SendAsync(publish));

        var all = await Read<JsonElement>(await anonymous.GetAsync(places));
        Assert.That(all.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()), Is.EqualTo(new[] { hall, first }),
            "the county hall first, then the township centres that take the item");
        Assert.That((all[1].GetProperty("address").GetString(), all[1].GetProperty("hours").GetString()),
            Is.EqualTo(("一号乡便民服务中心（政府路 1 号）", "8:30–17:30")));
        var second = await Read<JsonElement>(await anonymous.GetAsync(
            $"{places}?regionId={await RegionId(Township2)}"));
        Assert.That(second.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()), Is.EqualTo(new[] { hall }),
            "township 2 does not take it: its citizens go to the county hall");
        await Problem(await anonymous.GetAsync($"{places}?regionId={Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }
}
