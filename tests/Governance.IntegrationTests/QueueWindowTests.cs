using System.Net.Http.Headers;

namespace Governance.IntegrationTests;

/// <summary>
/// The queue at the window: each clerk's window remembered per user, and the application registered for the visitor
/// a window called, linked to that ticket.
/// </summary>
public class QueueWindowTests : ServiceCentreTest
{
    private const string MyWindow = "/api/v1/service-centre/my-window";

    private async Task<(Guid Centre, Guid Window1, Guid Window2)> CentreAsync(string township, string name)
    {
        var admin = await App.LoginAsync("zwfw");
        var centre = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/centres",
            new { regionId = await RegionId(township), name }), HttpStatusCode.Created);
        var id = centre.GetProperty("centre").GetProperty("id").GetGuid();
        async Task<Guid> Window(int number) => (await Read<JsonElement>(await admin.PostAsJsonAsync(
            $"/api/v1/service-centre/centres/{id}/windows", new { number, name = $"综合窗口{number}" }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (id, await Window(1), await Window(2));
    }

    private async Task<Guid> CalledTicketAsync(Guid centre, Guid window, string clerk)
    {
        await Read<JsonElement>(await App.Anonymous().PostAsJsonAsync(
            $"/api/v1/public/service-centre/centres/{centre}/tickets", new { }), HttpStatusCode.Created);
        var called = await Read<JsonElement>(await (await App.LoginAsync(clerk))
            .PostAsync($"/api/v1/service-centre/centres/{centre}/windows/{window}/call", null));
        return called.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> RegisterFor(HttpClient clerk, Guid item, Guid? ticketId) =>
        clerk.PostAsJsonAsync("/api/v1/service-centre/applications", new
        {
            itemId = item, channel = "window", applicantKind = "person", applicantName = "张三",
            applicantIdNumber = "110101199003070011", applicantPhone = "13812345678", ticketId,
        });

    [Test]
    public async Task A_clerks_window_is_remembered_per_user_so_another_PC_opens_at_it()
    {
        Clock.SetCountyDay("2026-11-20");
        var (centre, window1, window2) = await CentreAsync(Township1, "一号乡便民服务中心");
        var (_, theirs, _) = await CentreAsync(Township2, "二号乡便民服务中心");
        var firstPc = await App.LoginAsync("t01_window");
        var none = await Read<JsonElement>(await firstPc.GetAsync(MyWindow));
        Assert.That(none.GetProperty("windowId").ValueKind, Is.EqualTo(JsonValueKind.Null));

        await Read<JsonElement>(await firstPc.PutAsJsonAsync(MyWindow, new { windowId = window2 }));
        await Read<JsonElement>(await firstPc.PutAsJsonAsync(MyWindow, new { windowId = window2 }));
        var secondPc = await Read<JsonElement>(await (await App.LoginAsync("t01_window")).GetAsync(MyWindow));
        Assert.That((secondPc.GetProperty("centreId").GetGuid(), secondPc.GetProperty("windowId").GetGuid(),
            secondPc.GetProperty("windowNumber").GetInt32()), Is.EqualTo((centre, window2, 2)));
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'window.chosen'"),
            Is.EqualTo(1), "choosing the same window again changes nothing");

        await Read<JsonElement>(await (await App.LoginAsync("admin")).PostAsJsonAsync("/api/v1/organization/users",
            new
            {
                username = "t01_second", displayName = "二号窗口人员", password = "Passw0rd!", role = "window_clerk",
                regionId = await RegionId(Township1), phone = "13912345678",
            }), HttpStatusCode.Created);
        var colleague = await App.LoginAsync("t01_second", "Passw0rd!");
        var notTheirs = await Read<JsonElement>(await colleague.GetAsync(MyWindow));
        Assert.That(notTheirs.GetProperty("windowId").ValueKind, Is.EqualTo(JsonValueKind.Null), "per user");
        var foreign = await Problem(await firstPc.PutAsJsonAsync(MyWindow, new { windowId = theirs }),
            HttpStatusCode.BadRequest);
        Assert.That(foreign.GetProperty("errors").GetProperty("windowId")[0].GetString(), Does.Contain("本中心"));
        await Problem(await (await App.LoginAsync("t01_leader")).PutAsJsonAsync(MyWindow, new { windowId = window1 }),
            HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_application_registered_for_a_called_ticket_records_it_and_the_window()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("PD-001", "promised", 5);
        var (centre, _, window2) = await CentreAsync(Township1, "一号乡便民服务中心");
        var clerk = await App.LoginAsync("t01_window");
        await Read<JsonElement>(await clerk.PutAsJsonAsync(MyWindow, new { windowId = window2 }));
        var ticket = await CalledTicketAsync(centre, window2, "t01_window");
        var mine = await Read<JsonElement>(await clerk.GetAsync(MyWindow));
        Assert.That(mine.GetProperty("ticketDisplay").GetString(), Is.EqualTo("A001"), "the workbench offers it");

        var linked = await Read<JsonElement>(await RegisterFor(clerk, item, ticket), HttpStatusCode.Created);
        Assert.That((linked.GetProperty("ticketDisplay").GetString(), linked.GetProperty("windowNumber").GetInt32(),
            linked.GetProperty("receivingCentre").GetString()), Is.EqualTo(("A001", 2, "一号乡便民服务中心")));
        var tickets = await Read<JsonElement>(await clerk.GetAsync($"/api/v1/service-centre/centres/{centre}/tickets"));
        Assert.That(tickets[0].GetProperty("applicationNumbers").EnumerateArray().Select(n => n.GetString()),
            Is.EqualTo(new[] { linked.GetProperty("number").GetString() }));

        // registered without naming a ticket: the clerk's own window is the receipt's
        var walkIn = await Read<JsonElement>(await RegisterFor(clerk, item, null), HttpStatusCode.Created);
        Assert.That(walkIn.GetProperty("ticketId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(walkIn.GetProperty("windowNumber").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Only_a_ticket_of_the_clerks_centre_now_at_a_window_can_be_linked()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("PD-001", "promised", 5);
        var (centre, window1, _) = await CentreAsync(Township1, "一号乡便民服务中心");
        var (other, otherWindow, _) = await CentreAsync(Township2, "二号乡便民服务中心");
        var theirs = await CalledTicketAsync(other, otherWindow, "t02_window");
        var finished = await CalledTicketAsync(centre, window1, "t01_window");
        await Read<JsonElement>(await App.Anonymous().PostAsJsonAsync(
            $"/api/v1/public/service-centre/centres/{centre}/tickets", new { }), HttpStatusCode.Created);
        var clerk = await App.LoginAsync("t01_window");
        var noShow = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-centre/tickets/{finished}/no-show");
        noShow.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v2\""));
        await Read<JsonElement>(await clerk.SendAsync(noShow));
        var waiting = await Scalar<Guid>("select id from service_centre.tickets where state = 'waiting'");

        foreach (var (ticket, message) in new[]
                 {
                     (theirs, "不是本中心"), (Guid.NewGuid(), "不是本中心"), (finished, "不在窗口办理中"),
                     (waiting, "不在窗口办理中"),
                 })
        {
            var refused = await Problem(await RegisterFor(clerk, item, ticket), HttpStatusCode.BadRequest);
            Assert.That(refused.GetProperty("errors").GetProperty("ticketId")[0].GetString(), Does.Contain(message));
        }
        Assert.That(await Scalar<long>("select count(*) from service_centre.applications"), Is.Zero);
    }
}
