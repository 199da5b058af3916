namespace Governance.IntegrationTests;

/// <summary>
/// The service network (centres, offered items, windows) and the queue: tickets, calls, the public hall display.
/// </summary>
public class QueueTests : ServiceCentreTest
{
    private async Task<(Guid Centre, Guid Window1, Guid Window2, Guid Item)> HallAsync()
    {
        var admin = await App.LoginAsync("zwfw");
        var item = await ItemAsync("PD-001", "immediate", null);
        var other = await ItemAsync("PD-002", "promised", 5);
        var centre = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/centres",
            new { regionId = await RegionId(Township1), name = "一号乡便民服务中心", address = "政府路 1 号",
                hours = "8:30–17:30" }), HttpStatusCode.Created);
        var id = centre.GetProperty("centre").GetProperty("id").GetGuid();
        Assert.That(centre.GetProperty("centre").GetProperty("tier").GetString(), Is.EqualTo("township"));
        var offered = await Read<JsonElement>(await admin.PutAsJsonAsync($"/api/v1/service-centre/centres/{id}/items",
            new { itemIds = new[] { item, other } }));
        Assert.That(offered.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        var w1 = await Read<JsonElement>(await admin.PostAsJsonAsync($"/api/v1/service-centre/centres/{id}/windows",
            new { number = 1, name = "综合窗口" }), HttpStatusCode.Created);
        var w2 = await Read<JsonElement>(await admin.PostAsJsonAsync($"/api/v1/service-centre/centres/{id}/windows",
            new { number = 2, name = "社保窗口", itemIds = new[] { other } }), HttpStatusCode.Created);
        return (id, w1.GetProperty("id").GetGuid(), w2.GetProperty("id").GetGuid(), item);
    }

    private static async Task<HttpResponseMessage> TicketStep(HttpClient clerk, Guid ticket, string action,
        int? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-centre/tickets/{ticket}/{action}");
        if (version is not null)
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"v{version}\""));
        return await clerk.SendAsync(request);
    }

    [Test]
    public async Task Centres_are_one_per_region_offer_items_of_their_county_and_are_managed_by_the_county()
    {
        Clock.SetCountyDay("2026-11-20");
        var (centre, _, _, _) = await HallAsync();
        var admin = await App.LoginAsync("zwfw");
        var twice = await Problem(await admin.PostAsJsonAsync("/api/v1/service-centre/centres",
            new { regionId = await RegionId(Township1), name = "又一个" }), HttpStatusCode.Conflict);
        Assert.That(twice.GetProperty("code").GetString(), Is.EqualTo("centres.exists"));
        var unknown = await Problem(await admin.PutAsJsonAsync($"/api/v1/service-centre/centres/{centre}/items",
            new { itemIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.That(unknown.GetProperty("errors").GetProperty("itemIds")[0].GetString(), Does.Contain("1 个事项"));
        var duplicate = await Problem(await admin.PostAsJsonAsync($"/api/v1/service-centre/centres/{centre}/windows",
            new { number = 1, name = "重复" }), HttpStatusCode.BadRequest);
        Assert.That(duplicate.GetProperty("errors").GetProperty("number")[0].GetString(), Does.Contain("已存在"));
        await Problem(await (await App.LoginAsync("t01_leader"))
            .PutAsJsonAsync($"/api/v1/service-centre/centres/{centre}/items", new { itemIds = Array.Empty<Guid>() }),
            HttpStatusCode.Forbidden);
        Assert.That(await Scalar<long>("select count(*) from service_centre.centre_items"), Is.EqualTo(2),
            "refused changes change nothing");

        var mine = await Read<JsonElement>(await (await App.LoginAsync("t01_window"))
            .GetAsync("/api/v1/service-centre/centres"));
        Assert.That(mine.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()),
            Is.EqualTo(new[] { centre }));
        var theirs = await Read<JsonElement>(await (await App.LoginAsync("t02_window"))
            .GetAsync("/api/v1/service-centre/centres"));
        Assert.That(theirs.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Visitors_take_numbers_windows_call_the_ones_they_serve_and_the_hall_display_shows_it()
    {
        Clock.SetCountyDay("2026-11-20");
        var (centre, general, social, item) = await HallAsync();
        var kiosk = App.Anonymous();
        async Task<JsonElement> Take(object body) =>
            await Read<JsonElement>(
                await kiosk.PostAsJsonAsync($"/api/v1/public/service-centre/centres/{centre}/tickets", body),
                HttpStatusCode.Created);
        var first = await Take(new { itemId = item });
        var second = await Take(new { });
        Assert.That((first.GetProperty("display").GetString(), second.GetProperty("display").GetString()),
            Is.EqualTo(("A001", "A002")));
        Assert.That(second.GetProperty("waitingAhead").GetInt32(), Is.EqualTo(1));
        var notHere =
            await Problem(await kiosk.PostAsJsonAsync($"/api/v1/public/service-centre/centres/{centre}/tickets",
                new { itemId = Guid.NewGuid() }),
            HttpStatusCode.BadRequest);
        Assert.That(notHere.GetProperty("errors").GetProperty("itemId")[0].GetString(), Does.Contain("不办理"));

        Clock.Now = Clock.Now.AddMinutes(12);
        var clerk = await App.LoginAsync("t01_window");
        // the social-security window serves only its item: A001 (another item) is not its; A002 (no item) is
        var bySocial = await Read<JsonElement>(
            await clerk.PostAsync($"/api/v1/service-centre/centres/{centre}/windows/{social}/call", null));
        Assert.That(bySocial.GetProperty("display").GetString(), Is.EqualTo("A002"));
        var byGeneral = await Read<JsonElement>(
            await clerk.PostAsync($"/api/v1/service-centre/centres/{centre}/windows/{general}/call", null));
        Assert.That(byGeneral.GetProperty("display").GetString(), Is.EqualTo("A001"));
        var empty =
            await Problem(await clerk.PostAsync($"/api/v1/service-centre/centres/{centre}/windows/{general}/call",
                null), HttpStatusCode.Conflict);
        Assert.That(empty.GetProperty("code").GetString(), Is.EqualTo("queue.empty"));

        var ticket = byGeneral.GetProperty("id").GetGuid();
        Assert.That(byGeneral.GetProperty("version").GetInt32(), Is.EqualTo(2),
            "calling is a step of the ticket's workflow");
        await Problem(await TicketStep(clerk, ticket, "serve", null), HttpStatusCode.PreconditionRequired);
        await Problem(await TicketStep(clerk, ticket, "serve", 1), HttpStatusCode.PreconditionFailed);
        var serving = await Read<JsonElement>(await TicketStep(clerk, ticket, "serve", 2));
        var done = await Read<JsonElement>(await TicketStep(clerk, ticket, "done",
            serving.GetProperty("version").GetInt32()));
        Assert.That(done.GetProperty("state").GetString(), Is.EqualTo("done"));
        var again = await Problem(await TicketStep(clerk, ticket, "serve", done.GetProperty("version").GetInt32()),
            HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("allowedActions").GetArrayLength(), Is.Zero);
        await Problem(await TicketStep(await App.LoginAsync("t02_window"), ticket, "done", 4), HttpStatusCode.NotFound);
        Assert.That(await Scalar<string>("""
            select string_agg(action, ',' order by at, id) from service_centre.ticket_events where record_id = @ticket
            """, new { ticket }), Is.EqualTo("take,call,serve,done"), "the ticket's timeline");

        var display = await Read<JsonElement>(
            await kiosk.GetAsync($"/api/v1/public/service-centre/centres/{centre}/queue"));
        Assert.That(display.GetProperty("called").EnumerateArray().Select(c => c.GetProperty("display").GetString()),
            Is.EqualTo(new[] { "A002" }), "A001 is done: it drops off the hall display");
        Assert.That(display.GetProperty("waitingCount").GetInt32(), Is.Zero);
        Assert.That(display.GetProperty("servedToday").GetInt32(), Is.EqualTo(1));
        Assert.That(display.GetProperty("averageWaitMinutes").GetDouble(), Is.EqualTo(12.0),
            "both waited the 12 minutes the clock moved");
        var centres = await Read<JsonElement>(
            await kiosk.GetAsync($"/api/v1/public/service-centre/counties/{await RegionId(County)}/centres"));
        Assert.That(centres.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Contain(centre));
    }
}
