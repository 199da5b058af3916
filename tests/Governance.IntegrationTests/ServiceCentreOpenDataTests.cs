using System.Net.Http.Headers;
using Governance.OpenData.Contracts;
using Governance.Organization.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// 便民服务 in the monthly open-data package: the published guides in force at the month's end, and the month's
/// application counts per unit and item — counts only.
/// </summary>
public class ServiceCentreOpenDataTests : ServiceCentreTest
{
    private static async Task Publish(HttpClient admin, Guid item)
    {
        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-centre/items/{item}/publish");
        publish.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v1\""));
        await Read<JsonElement>(await admin.SendAsync(publish));
    }

    private static async Task Offer(HttpClient admin, Guid region, params Guid[] items)
    {
        var centre = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/centres",
            new { regionId = region, name = "服务中心" }), HttpStatusCode.Created);
        await Read<JsonElement>(await admin.PutAsJsonAsync(
            $"/api/v1/service-centre/centres/{centre.GetProperty("centre").GetProperty("id").GetGuid()}/items",
            new { itemIds = items }));
    }

    private static async Task<JsonElement> Ok(HttpClient client, Guid id, string action, int version,
        object? body = null) =>
        await Read<JsonElement>(await Act(client, id, action, version, body));

    private Task<IReadOnlyList<OpenDataFile>> October() =>
        OpenDataFiles.ReadAsync(App, "service_centre", new DateOnly(2026, 10, 1));

    [Test]
    public async Task A_month_has_the_published_guides_and_its_received_and_completed_counts_per_unit_and_item()
    {
        Clock.SetCountyDay("2026-09-30");
        var a = await ItemAsync("OD-A", "immediate", null);
        var b = await ItemAsync("OD-B", "promised", 3);
        await ItemAsync("OD-U", "promised", 2); // never published: not in the catalogue file
        var admin = await App.LoginAsync("zwfw");
        await Publish(admin, a);
        await Publish(admin, b);
        await Offer(admin, await RegionId(County), a);
        await Offer(admin, await RegionId(Township1), a, b);
        // received in September (due Oct 10), completed in October, late
        var september = (await Register(await App.LoginAsync("t01_window"), b)).GetProperty("id").GetGuid();

        await App.GenerateDemoAsync(2);
        var foreignAdmin = await App.LoginAsync("c002_zwfw");
        var foreign = (await Read<JsonElement>(await foreignAdmin.PostAsJsonAsync("/api/v1/service-centre/items", new
        {
            code = "OD-A", name = "外县事项", level = "township", kind = "immediate", legalBasis = "依据",
            conditions = "条件", statutoryDays = 20, noMaterials = true, steps = new[] { "受理" },
            phone = "0371-12345678", channels = new[] { "window" }, effectiveFrom = "2024-01-01", changeNote = "新增",
        }), HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId").GetGuid();
        await Publish(foreignAdmin, foreign);

        // Mon Oct 12: two A at township 1 (one done on the spot), one B accepted; one A at township 2, one at the hall
        Clock.SetCountyDay("2026-10-12");
        var clerk = await App.LoginAsync("t01_window");
        var a1 = (await Register(clerk, a)).GetProperty("id").GetGuid();
        await Register(clerk, a);
        await Ok(clerk, a1, "complete", 1, new { outcome = "approved" });
        var b1 = (await Register(clerk, b)).GetProperty("id").GetGuid();
        await Ok(clerk, b1, "accept", 1);
        await Register(await App.LoginAsync("t02_window"), a);
        await Register(await App.LoginAsync("window"), a);
        await Register(await App.LoginAsync("c002_t01_window"), foreign);
        Clock.SetCountyDay("2026-10-14");
        clerk = await App.LoginAsync("t01_window");
        await Ok(clerk, b1, "complete", 2, new { outcome = "approved" });
        await Ok(clerk, september, "complete", 1, new { outcome = "approved" });
        Clock.SetCountyDay("2026-11-02");
        await Register(await App.LoginAsync("t01_window"), a); // November's

        var files = await October();
        Assert.That(files.Select(f => f.Name), Is.EqualTo(new[] { "service_items.csv", "applications_by_item.csv" }));
        Assert.That(files[0].Rows, Is.EqualTo(new[]
        {
            new[]
            {
                "OD-A", "事项OD-A", "乡镇", "即办件", null, null, "20", null, null, "false", "窗口;村代办点",
                "2024-01-01",
            },
            [
                "OD-B", "事项OD-B", "乡镇", "承诺件", null, null, "20", "3", null, "false", "窗口;村代办点",
                "2024-01-01",
            ],
        }), "the county's published guides in force");
        Assert.That(files[1].Columns.Select(c => c.Name), Is.EqualTo(new[]
        {
            "region_code", "region_name", "region_level", "item_code", "item_name", "received", "completed",
            "completed_on_time", "completed_on_the_spot",
        }));
        Assert.That(files[1].Rows, Is.EqualTo(new[]
        {
            new[] { County, "清河县行政服务中心", "county", "OD-A", "事项OD-A", "1", "0", "0", "0" },
            [Township1, "城关镇", "township", "OD-A", "事项OD-A", "2", "1", "1", "1"],
            [Township1, "城关镇", "township", "OD-B", "事项OD-B", "1", "2", "1", "0"],
            [Township2, "河口镇", "township", "OD-A", "事项OD-A", "1", "0", "0", "0"],
        }), "B: one received in October, two completed there (September's one late)");
        Assert.That(string.Join(",", files.SelectMany(f => f.Rows).SelectMany(r => r)),
            Does.Not.Contain("110101").And.Not.Contain("张三").And.Not.Contain("138"), "no applicant data");
        Assert.That((await October()).Select(f => f.Rows), Is.EqualTo(files.Select(f => f.Rows)),
            "the same rows in the same order on every call");
    }
}
