using System.Net.Http.Headers;
using Governance.SharedKernel;

namespace Governance.IntegrationTests;

/// <summary>
/// 转报, delivery, idempotent creation, the list with its filters and cursor, the summary and the export.
/// </summary>
public class ApplicationFlowTests : ServiceCentreTest
{
    private static int Version(JsonElement application) => application.GetProperty("version").GetInt32();
    private static Guid Id(JsonElement application) => application.GetProperty("id").GetGuid();

    [Test]
    public async Task A_village_point_forwards_to_its_township_which_forwards_to_the_county_under_one_id()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-101", "promised", 5);
        var agent = await App.LoginAsync("v0101_agent");
        var app = await Register(agent, item, channel: "village_point");
        var id = Id(app);
        Assert.That(app.GetProperty("visits").GetInt32(), Is.Zero, "代办: the villager did not come to the centre");
        Assert.That(app.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "forward" }), "a village point only forwards township-level items");
        var refused = await Problem(await Act(agent, id, "accept", 1), HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("转报"));

        var window = await App.LoginAsync("t01_window");
        await Problem(await Act(window, id, "accept", 1), HttpStatusCode.Forbidden); // not yet at the township
        var forwarded = await Read<JsonElement>(await Act(agent, id, "forward", 1, new { note = "材料已收齐" }));
        Assert.That(forwarded.GetProperty("state").GetString(), Is.EqualTo("received"));
        Assert.That(forwarded.GetProperty("forwarded").GetBoolean(), Is.True);
        Assert.That(forwarded.GetProperty("allowedActions").GetArrayLength(), Is.Zero, "the village has handed it on");
        Assert.That(await Scalar<long>("select count(*) from notifications.notices where link like @link",
            new { link = $"%{id}" }), Is.EqualTo(1));

        var atTownship = await Read<JsonElement>(await Act(window, id, "accept", Version(forwarded)));
        var toCounty = await Read<JsonElement>(await Act(window, id, "forward", Version(atTownship)));
        var hall = await App.LoginAsync("window");
        var atCounty = await Read<JsonElement>(await hall.GetAsync($"/api/v1/service-centre/applications/{id}"));
        Assert.That(atCounty.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "accept", "refuse", "complete" }), "the county hall is the top: nothing to forward to");
        Assert.That(atCounty.GetProperty("centreName").GetString(),
            Is.EqualTo(toCounty.GetProperty("centreName").GetString()));
        Assert.That(atCounty.GetProperty("dueOn").GetString(), Is.EqualTo(app.GetProperty("dueOn").GetString()),
            "the deadline runs from the first receipt");
        Assert.That(atCounty.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "register", "forward", "accept", "forward" }));

        // the village point still sees what it forwarded, read-only; another village does not
        var seen = await Read<JsonElement>(await agent.GetAsync($"/api/v1/service-centre/applications/{id}"));
        Assert.That(seen.GetProperty("allowedActions").GetArrayLength(), Is.Zero);
        await Problem(await Act(agent, id, "complete", Version(seen), new { outcome = "approved" }),
            HttpStatusCode.Forbidden);
        await Problem(await (await App.LoginAsync("v0102_agent")).GetAsync($"/api/v1/service-centre/applications/{id}"),
            HttpStatusCode.NotFound);
        Assert.That(await Scalar<string>("""
            select string_agg(action, ',' order by seq) from audit.entries where outcome = 'denied'
                and action like 'application.%' and record_id = @id
            """, new { id = id.ToString() }), Is.EqualTo("application.accept,application.complete"),
            "both refused steps are audited, once each");
    }

    [Test]
    public async Task A_village_level_item_is_handled_at_the_village_point()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-102", "immediate", null, level: "village");
        var agent = await App.LoginAsync("v0101_agent");
        var app = await Register(agent, item, channel: "village_point");
        Assert.That(app.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "accept", "refuse", "complete", "forward" }));
        var done = await Read<JsonElement>(await Act(agent, Id(app), "complete", 1, new { outcome = "approved" }));
        Assert.That(done.GetProperty("onTheSpot").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Delivery_by_post_needs_a_tracking_number_and_ends_the_flow()
    {
        Clock.SetCountyDay("2026-11-20");
        var clerk = await App.LoginAsync("t01_window");
        var app = await Register(clerk, await ItemAsync("SX-103", "promised", 3));
        var done = await Read<JsonElement>(await Act(clerk, Id(app), "complete", 1, new { outcome = "approved" }));
        var missing = await Problem(await Act(clerk, Id(app), "deliver", Version(done),
            new { deliveryMethod = "post" }), HttpStatusCode.BadRequest);
        Assert.That(missing.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EqualTo(new[] { "trackingNumber" }));
        await Problem(await Act(clerk, Id(app), "deliver", Version(done), new { deliveryMethod = "drone" }),
            HttpStatusCode.BadRequest);
        Assert.That(await Scalar<string>("select state from service_centre.applications"), Is.EqualTo("completed"),
            "a refused step changes nothing");

        var delivered = await Read<JsonElement>(await Act(clerk, Id(app), "deliver", Version(done),
            new { deliveryMethod = "post", trackingNumber = "SF1234567890" }));
        Assert.That(delivered.GetProperty("state").GetString(), Is.EqualTo("delivered"));
        Assert.That(delivered.GetProperty("trackingNumber").GetString(), Is.EqualTo("SF1234567890"));
        Assert.That(delivered.GetProperty("allowedActions").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_second_visit_for_missing_materials_means_not_on_the_spot()
    {
        Clock.SetCountyDay("2026-11-20");
        var clerk = await App.LoginAsync("t01_window");
        var app = await Register(clerk, await ItemAsync("SX-104", "promised", 3));
        var accepted = await Read<JsonElement>(await Act(clerk, Id(app), "accept", 1));
        var paused = await Read<JsonElement>(await Act(clerk, Id(app), "suspend", Version(accepted),
            new { note = "缺身份证复印件" }));
        var resumed = await Read<JsonElement>(await Act(clerk, Id(app), "resume", Version(paused),
            new { visit = true }));
        var done = await Read<JsonElement>(await Act(clerk, Id(app), "complete", Version(resumed),
            new { outcome = "approved" }));
        Assert.That(done.GetProperty("visits").GetInt32(), Is.EqualTo(2));
        Assert.That(done.GetProperty("onTheSpot").GetBoolean(), Is.False, "same day, but two visits");
    }

    [Test]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_nothing_twice()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-105", "promised", 3);
        var clerk = await App.LoginAsync("t01_window");
        var body = new
        {
            itemId = item, channel = "window", applicantKind = "person", applicantName = "王五",
            applicantIdNumber = "110101199003070011", applicantPhone = "13812345678",
        };
        HttpRequestMessage Request(object content, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/service-centre/applications") { Content =
                JsonContent.Create(content) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        // two concurrent attempts and a later retry: one application
        var attempts = await Task.WhenAll(clerk.SendAsync(Request(body, "k-1")), clerk.SendAsync(Request(body, "k-1")));
        var ids = new List<Guid>();
        foreach (var attempt in attempts) ids.Add(Id(await Read<JsonElement>(attempt, HttpStatusCode.Created)));
        var retry = await clerk.SendAsync(Request(body, "k-1"));
        Assert.That(retry.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        ids.Add(Id(await Read<JsonElement>(retry, HttpStatusCode.Created)));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
        Assert.That(await Scalar<long>("select count(*) from service_centre.applications"), Is.EqualTo(1));

        var reused = await Problem(await clerk.SendAsync(Request(body with { applicantName = "赵六" }, "k-1")),
            HttpStatusCode.UnprocessableEntity);
        Assert.That(reused.GetProperty("code").GetString(), Is.EqualTo("idempotency_key_reused"));
        // keys belong to their user: another window's identical key is a new application
        await Read<JsonElement>(await (await App.LoginAsync("t02_window")).SendAsync(Request(body, "k-1")),
            HttpStatusCode.Created);
        Assert.That(await Scalar<long>("select count(*) from service_centre.applications"), Is.EqualTo(2));
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'application.registered'"),
            Is.EqualTo(2));
    }

    [Test]
    public async Task The_list_filters_in_scope_pages_by_cursor_and_masks_applicants()
    {
        var item = await ItemAsync("SX-106", "promised", 2);
        var other = await ItemAsync("SX-107", "immediate", null);
        var t1 = await App.LoginAsync("t01_window");
        var ids = new List<Guid>();
        foreach (var day in new[] { "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20" })
        {
            Clock.SetCountyDay(day);
            t1 = await App.LoginAsync("t01_window");
            ids.Add(Id(await Register(t1, item, name: $"申请人{day[^2..]}")));
        }
        Clock.SetCountyDay("2026-11-20");
        var t2 = await App.LoginAsync("t02_window");
        var theirs = Id(await Register(t2, other));
        // two working days each: due 11-18, 11-19, 11-20, 11-23 (Mon) and 11-24 — on Tue 11-24 four are overdue, one
        // due today
        Clock.SetCountyDay("2026-11-24");
        t1 = await App.LoginAsync("t01_window");

        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var next = cursor is null ? "" : "&cursor=" + cursor;
            var page = await Read<JsonElement>(await t1.GetAsync($"/api/v1/service-centre/applications?limit=2{next}"));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.That(all.Select(Id), Is.EqualTo(Enumerable.Reverse(ids)),
            "newest first, every page in scope, none twice");
        Assert.That(all[0].GetProperty("applicantIdNumber").GetString(), Is.EqualTo("1101**********0011"));

        async Task<Guid[]> Ids(HttpClient client, string query) =>
            (await Read<JsonElement>(await client.GetAsync($"/api/v1/service-centre/applications?{query}")))
                .GetProperty("items").EnumerateArray().Select(Id).ToArray();
        Assert.That(await Ids(t1, "overdue=true"), Is.EquivalentTo(ids.Take(4)));
        Assert.That(await Ids(t1, "dueSoon=true"), Is.EqualTo(new[] { ids[4] }));
        Assert.That(await Ids(t1, "from=2026-11-17&to=2026-11-18"), Is.EquivalentTo(ids.Skip(1).Take(2)));
        Assert.That(await Ids(t1, "applicant=申请人19"), Is.EqualTo(new[] { ids[3] }));
        Assert.That(await Ids(t1, "applicant=110101199003070011"), Has.Length.EqualTo(5));
        Assert.That(await Ids(t1, $"itemId={other}"), Is.Empty, "the other township's application is out of scope");
        Assert.That(await Ids(t1, $"regionId={await RegionId(Township2)}"), Is.Empty,
            "a region outside the scope filters to nothing");
        var county = await App.LoginAsync("leader");
        Assert.That(await Ids(county, $"regionId={await RegionId(Township2)}"), Is.EqualTo(new[] { theirs }));
        Assert.That(await Ids(county, "state=received&limit=200"), Has.Length.EqualTo(6));
        Assert.That(await Ids(county, "state=open&limit=200"), Has.Length.EqualTo(6));
        Assert.That(await Ids(county, "state=completed"), Is.Empty);
        var bad =
            await Problem(
                await t1.GetAsync("/api/v1/service-centre/applications?state=lost&from=2026-11-20&to=2026-11-01"),
                HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "state", "to" }));

        var summary = await Read<JsonElement>(await t1.GetAsync("/api/v1/service-centre/applications/summary"));
        Assert.That(summary.GetProperty("open").GetInt32(), Is.EqualTo(5));
        Assert.That(summary.GetProperty("overdue").GetInt32(), Is.EqualTo(4));
        Assert.That(summary.GetProperty("dueSoon").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_export_streams_the_filtered_list_with_masked_applicants()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-108", "promised", 2);
        var clerk = await App.LoginAsync("t01_window");
        for (var i = 0; i < 3; i++) await Register(clerk, item);
        await Register(await App.LoginAsync("t02_window"), item);

        var csv = await clerk.GetAsync("/api/v1/service-centre/applications/export?format=csv");
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4), "header + the township's 3");
        Assert.That(lines[0], Does.StartWith("办件编号,事项编码,事项名称"));
        Assert.That(lines[1],
            Does.Contain("1101**********0011").And.Contain("138****5678").And.Not.Contain("110101199003070011"));

        var xlsx = await clerk.GetAsync("/api/v1/service-centre/applications/export?format=xlsx");
        Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo(Xlsx.ContentType));
        var sheet = Xlsx.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.That(sheet, Has.Count.EqualTo(4));
        await Problem(await clerk.GetAsync("/api/v1/service-centre/applications/export?format=pdf"),
            HttpStatusCode.BadRequest);
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'applications.exported'"),
            Is.EqualTo(2));
    }

    [Test]
    public async Task The_online_portal_registers_with_a_machine_token_and_a_retry_creates_nothing_twice()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-109", "promised", 3);
        var admin = await App.LoginAsync("admin");
        var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "网上办事大厅", role = "online_portal", regionId = await RegionId(Township1),
            expiresAt = Clock.Now.AddDays(30),
        }), HttpStatusCode.Created);
        var portal = App.WithToken(issued.GetProperty("token").GetString()!);
        HttpRequestMessage Request(string channel)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/service-centre/applications")
            {
                Content = JsonContent.Create(new
                {
                    itemId = item, channel, applicantKind = "person", applicantName = "网上申请人",
                    applicantIdNumber = "110101199003070011", applicantPhone = "13812345678",
                }),
            };
            request.Headers.Add("Idempotency-Key", "portal-0001");
            return request;
        }
        var first = await Read<JsonElement>(await portal.SendAsync(Request("online")), HttpStatusCode.Created);
        var retried = await Read<JsonElement>(await portal.SendAsync(Request("online")), HttpStatusCode.Created);
        Assert.That(retried.GetProperty("id").GetGuid(), Is.EqualTo(first.GetProperty("id").GetGuid()));
        Assert.That(first.GetProperty("visits").GetInt32(), Is.Zero, "applied online: nobody came to the centre");
        var window = await Problem(await portal.SendAsync(Request("window")), HttpStatusCode.BadRequest);
        Assert.That(window.GetProperty("errors").EnumerateObject().Select(e => e.Name), Does.Contain("channel"));
        Assert.That(await Scalar<long>("select count(*) from service_centre.applications"), Is.EqualTo(1));
        // the township's window takes it from there; the portal itself cannot act on it
        var clerk = await App.LoginAsync("t01_window");
        var seen = await Read<JsonElement>(
            await clerk.GetAsync($"/api/v1/service-centre/applications/{first.GetProperty("id").GetGuid()}"));
        Assert.That(seen.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Does.Contain("accept"));
        await Problem(await Act(portal, first.GetProperty("id").GetGuid(), "accept", 1), HttpStatusCode.Forbidden);
    }
}
