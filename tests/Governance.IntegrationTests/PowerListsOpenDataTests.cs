using Governance.OpenData.Contracts;
using Governance.Organization.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// 权责清单 in the monthly open-data package: what the public pages show, as of the month's end, and never changed by
/// what happens after it. (A ServiceCentreTest only for its movable clock: publication is stamped with "now".)
/// </summary>
public class PowerListsOpenDataTests : ServiceCentreTest
{
    private HttpClient _office = null!;

    private async Task SignIn(string day, string user = "bianban")
    {
        Clock.SetCountyDay(day);
        _office = await App.LoginAsync(user);
    }

    private async Task<Guid> CreateItem(string code, string name, string type, string county = County)
    {
        var department = await Scalar<Guid>("""
            select u.id from organization.units u join organization.regions r on r.path = u.region_path
            where u.name = '县市场监督管理局' and r.code = @county
            """, new { county });
        var item = await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/items", new
        {
            code, name, type, domainCode = "SC", departmentId = department,
            legalBasis = new[] { new { law = "《中华人民共和国食品安全法》", article = "第一百二十六条" } },
            effectiveFrom = "2026-01-01", changeNote = "首次发布",
        }), HttpStatusCode.Created);
        return item.GetProperty("current").GetProperty("itemId").GetGuid();
    }

    private async Task<Guid> Assign(Guid township, Guid item, string from, string mode = "statutory",
        string? decisionNo = null) =>
        (await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", new
        {
            townshipIds = new[] { township }, itemIds = new[] { item }, mode, listKind = "basic", decisionNo,
            effectiveFrom = from,
        }), HttpStatusCode.Created))[0].GetProperty("id").GetGuid();

    private async Task Publish(Guid township) =>
        await Read<JsonElement>(await _office.PostAsync($"/api/v1/power-lists/townships/{township}/publish", null));

    private Task<IReadOnlyList<OpenDataFile>> March() =>
        OpenDataFiles.ReadAsync(App, "power_lists", new DateOnly(2026, 3, 1));

    [Test]
    public async Task A_month_lists_the_published_entries_in_force_at_its_end_and_its_changes_and_nothing_later()
    {
        await SignIn("2026-03-02");
        var (t1, t2) = (await RegionId(Township1), await RegionId(Township2));
        var a = await CreateItem("CF00001000", "事项甲", "CF");
        var b = await CreateItem("XK00002000", "事项乙", "XK");
        var c = await CreateItem("CF00003000", "事项丙", "CF");
        await Assign(t1, a, "2026-01-01");
        await Assign(t1, b, "2026-03-10", "granted", "清政发〔2026〕3号");
        await Assign(t1, c, "2026-04-01"); // not yet in force on March 31
        var ended = await Assign(t2, a, "2026-01-01");
        await Read<JsonElement>(await _office.PostAsJsonAsync($"/api/v1/power-lists/entries/{ended}/end",
            new { effectiveTo = "2026-03-20", reason = "收回" }));
        await Publish(t1);
        await Publish(t2);
        await Assign(t2, b, "2026-03-15"); // in force in March, but not published yet

        // another county's published list stays out of this county's package
        await App.GenerateDemoAsync(2);
        await SignIn("2026-03-02", "c002_bianban");
        var foreign = await CreateItem("CF00001000", "外县事项", "CF", "990102000000");
        var foreignTownship = await RegionId("990102001000");
        await Assign(foreignTownship, foreign, "2026-01-01");
        await Publish(foreignTownship);

        var files = await March();
        Assert.That(files.Select(f => f.Name),
            Is.EqualTo(new[] { "power_list_entries.csv", "power_list_changes.csv" }));
        Assert.That(files[0].Columns.Select(col => col.Name), Is.EqualTo(new[]
        {
            "township_code", "township_name", "item_code", "item_name", "power_type", "domain", "mode", "list_kind",
            "department", "decision_no", "agreement_no", "exercisable", "in_force_from", "ends_on",
        }));
        Assert.That(files[0].Rows, Is.EqualTo(new[]
        {
            new[]
            {
                Township1, "城关镇", "CF00001000", "事项甲", "行政处罚", "市场监管", "法定", "基本履职事项",
                "县市场监督管理局",
                null, null, "true", "2026-01-01", null,
            },
            [
                Township1, "城关镇", "XK00002000", "事项乙", "行政许可", "市场监管", "赋权", "基本履职事项",
                "县市场监督管理局",
                "清政发〔2026〕3号", null, "true", "2026-03-10", null,
            ],
        }), "t1's two published entries in force on March 31; t2's ended one, the unpublished one and April's are out");
        Assert.That(files[1].Rows, Is.EqualTo(new[]
        {
            new[] { "2026-03-10", "added", Township1, "城关镇", "XK00002000", "事项乙", "赋权", "基本履职事项" },
            ["2026-03-20", "ended", Township2, "河口镇", "CF00001000", "事项甲", "法定", "基本履职事项"],
        }));

        // published in April: March's package stays byte for byte what it was
        await SignIn("2026-04-02");
        await Publish(t2);
        var again = await March();
        Assert.That(again.Select(f => f.Rows), Is.EqualTo(files.Select(f => f.Rows)));
    }

    [Test]
    public async Task Rows_come_in_the_same_order_on_every_call()
    {
        await SignIn("2026-02-02");
        var townships = new[] { await RegionId(Township2), await RegionId(Township1) };
        var items = new List<Guid>();
        foreach (var code in new[] { "CF00009000", "CF00001000", "CF00005000" })
            items.Add(await CreateItem(code, $"事项{code}", "CF"));
        foreach (var t in townships)
        {
            foreach (var i in items) await Assign(t, i, "2026-03-05");
            await Publish(t);
        }

        var first = await March();
        var second = await March();
        Assert.That(first[0].Rows.Select(r => $"{r[0]} {r[2]}"), Is.EqualTo(new[]
        {
            $"{Township1} CF00001000", $"{Township1} CF00005000", $"{Township1} CF00009000",
            $"{Township2} CF00001000", $"{Township2} CF00005000", $"{Township2} CF00009000",
        }));
        Assert.That(first[1].Rows.Select(r => $"{r[2]} {r[4]}"),
            Is.EqualTo(first[0].Rows.Select(r => $"{r[0]} {r[2]}")),
            "every entry was taken in on March 5: by township, then code");
        Assert.That(second.Select(f => f.Rows), Is.EqualTo(first.Select(f => f.Rows)));
    }
}
