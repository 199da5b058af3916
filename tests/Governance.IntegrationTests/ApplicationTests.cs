using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>A clock the tests move: the county's "today" decides receipt days and deadlines.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Sets the clock to 10:00 in the county (Asia/Shanghai) on the given day.</summary>
    public void SetCountyDay(string date) => Now = new DateTimeOffset(DateTime.Parse(date + "T10:00:00"),
        TimeSpan.FromHours(8));
}

/// <summary>
/// ServiceCentre tests: a movable clock, a service item made through the API, and the window's verbs.
/// </summary>
public abstract class ServiceCentreTest : IntegrationTest
{
    protected static readonly TestClock Clock = new();

    protected override TestApp CreateApp() =>
        TestApp.Get("test-clock", services: s => s.AddSingleton<TimeProvider>(Clock));

    protected async Task<Guid> ItemAsync(string code, string kind, int? promised, string level = "township",
        string admin = "zwfw")
    {
        var client = await App.LoginAsync(admin);
        var response = await client.PostAsJsonAsync("/api/v1/service-centre/items", new
        {
            code, name = $"事项{code}", level, kind, legalBasis = "依据", conditions = "条件", statutoryDays = 20,
            promisedDays = promised, noMaterials = true, steps = new[] { "受理", "办结" }, phone = "0371-12345678",
            channels = new[] { "window", "village_point" }, effectiveFrom = "2024-01-01", changeNote = "新增",
        });
        return (await Read<JsonElement>(response, HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId")
            .GetGuid();
    }

    protected static async Task<JsonElement> Register(HttpClient clerk, Guid itemId,
        string idNumber = "110101199003070011", string channel = "window", string name = "张三") =>
        await Read<JsonElement>(await clerk.PostAsJsonAsync("/api/v1/service-centre/applications", new
        {
            itemId, channel, applicantKind = "person", applicantName = name, applicantIdNumber = idNumber,
            applicantPhone = "13812345678",
        }), HttpStatusCode.Created);

    protected static async Task<HttpResponseMessage> Act(HttpClient client, Guid id, string action, int version,
        object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/service-centre/applications/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"v{version}\""));
        return await client.SendAsync(request);
    }

    /// <summary>A step on a rectification (差评整改), with If-Match.</summary>
    protected static async Task<HttpResponseMessage> Step(HttpClient client, Guid id, string action, int version,
        object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/service-centre/rectifications/{id}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"v{version}\""));
        return await client.SendAsync(request);
    }
}

public class ApplicationTests : ServiceCentreTest
{
    [Test]
    public async Task The_due_date_counts_working_days_stops_during_补正_and_follows_calendar_edits()
    {
        Clock.SetCountyDay("2026-09-30");
        var item = await ItemAsync("SX-001", "promised", 3);
        var clerk = await App.LoginAsync("t01_window");
        var app = await Register(clerk, item);
        var id = app.GetProperty("id").GetGuid();
        Assert.That(app.GetProperty("dueOn").GetString(), Is.EqualTo("2026-10-10"),
            "Oct 1–7 off; Oct 8, 9 and the make-up Saturday Oct 10");

        await Read<JsonElement>(await Act(clerk, id, "accept", 1));
        Clock.SetCountyDay("2026-10-08");
        clerk = await App.LoginAsync("t01_window"); // a new working day, a new session (sessions last 10 hours)
        await Read<JsonElement>(await Act(clerk, id, "suspend", 2, new { note = "缺少户口簿复印件" }));
        Clock.SetCountyDay("2026-10-12");
        clerk = await App.LoginAsync("t01_window");
        var resumed = await Read<JsonElement>(await Act(clerk, id, "resume", 3, new { note = "材料已补齐" }));
        // the pause Oct 8 → Oct 12 held 3 working days (9, 10, 12): due moves 3 working days on
        Assert.That(resumed.GetProperty("dueOn").GetString(), Is.EqualTo("2026-10-14"));

        // the State Council moves a day off onto Oct 13: the open application is re-dated with the calendar change
        var admin = await App.LoginAsync("admin");
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2026-10-13",
            new { kind = "off", name = "临时调整" }));
        var redated = await Read<JsonElement>(await clerk.GetAsync($"/api/v1/service-centre/applications/{id}"));
        Assert.That(redated.GetProperty("dueOn").GetString(), Is.EqualTo("2026-10-15"));

        Clock.SetCountyDay("2026-10-15");
        clerk = await App.LoginAsync("t01_window");
        admin = await App.LoginAsync("admin");
        var done = await Read<JsonElement>(await Act(clerk, id, "complete", 4, new { outcome = "approved" }));
        Assert.That(done.GetProperty("onTheSpot").GetBoolean(), Is.False);
        Assert.That(done.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "register", "accept", "suspend", "resume", "complete" }));
        // a completed application keeps its due date when the calendar changes again
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2026-10-14",
            new { kind = "off", name = "再调整" }));
        Assert.That((await Read<JsonElement>(await clerk.GetAsync($"/api/v1/service-centre/applications/{id}")))
            .GetProperty("dueOn").GetString(), Is.EqualTo("2026-10-15"));
    }

    [Test]
    public async Task An_immediate_item_completed_the_same_day_is_on_the_spot()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-002", "immediate", null);
        var clerk = await App.LoginAsync("t01_window");
        var app = await Register(clerk, item);
        Assert.That(app.GetProperty("dueOn").GetString(), Is.EqualTo("2026-11-20"));
        var done = await Read<JsonElement>(await Act(clerk, app.GetProperty("id").GetGuid(), "complete", 1,
            new { outcome = "approved" }));
        Assert.That(done.GetProperty("onTheSpot").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Wrong_steps_answer_409_with_the_allowed_ones_and_stale_versions_412()
    {
        Clock.SetCountyDay("2026-11-20");
        var clerk = await App.LoginAsync("t01_window");
        var id = (await Register(clerk, await ItemAsync("SX-003", "promised", 5))).GetProperty("id").GetGuid();
        var p = await Problem(await Act(clerk, id, "resume", 1), HttpStatusCode.Conflict);
        Assert.That(p.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "accept", "refuse", "complete", "forward" }));
        var reason = await Problem(await Act(clerk, id, "refuse", 1, new { note = "" }), HttpStatusCode.BadRequest);
        Assert.That(reason.GetProperty("errors").GetProperty("note")[0].GetString(), Does.Contain("理由"));
        await Read<JsonElement>(await Act(clerk, id, "accept", 1));
        await Problem(await Act(clerk, id, "suspend", 1, new { note = "x" }), HttpStatusCode.PreconditionFailed);
        Assert.That(await Scalar<string>("select state from service_centre.applications"), Is.EqualTo("accepted"));
    }

    [Test]
    public async Task Villages_see_their_own_applications_and_personal_data_is_masked_for_leaders()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-004", "promised", 5);
        var agent = await App.LoginAsync("v0101_agent");
        var id = (await Register(agent, item)).GetProperty("id").GetGuid();

        var other = await App.LoginAsync("v0102_agent");
        await Problem(await other.GetAsync($"/api/v1/service-centre/applications/{id}"), HttpStatusCode.NotFound);
        var window = await App.LoginAsync("t01_window");
        var plain = await Read<JsonElement>(await window.GetAsync($"/api/v1/service-centre/applications/{id}"));
        Assert.That(plain.GetProperty("applicantIdNumber").GetString(), Is.EqualTo("1101**********0011"),
            "masked until asked for");
        var revealed = await Read<JsonElement>(
            await window.GetAsync($"/api/v1/service-centre/applications/{id}?reveal=true"));
        Assert.That(revealed.GetProperty("applicantIdNumber").GetString(), Is.EqualTo("110101199003070011"),
            "the township window handles what its villages forward");
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'application.personal_data_revealed' and record_id = @id
            """, new { id = id.ToString() }), Is.EqualTo(1), "every unmasking is audited");
        var leader = await App.LoginAsync("t01_leader");
        var masked = await Read<JsonElement>(await leader.GetAsync($"/api/v1/service-centre/applications/{id}"));
        await Problem(await leader.GetAsync($"/api/v1/service-centre/applications/{id}?reveal=true"),
            HttpStatusCode.Forbidden);
        Assert.That(masked.GetProperty("applicantIdNumber").GetString(), Is.EqualTo("1101**********0011"));
        Assert.That(masked.GetProperty("applicantPhone").GetString(), Is.EqualTo("138****5678"));
        await Problem(await (await App.LoginAsync("t02_window")).GetAsync($"/api/v1/service-centre/applications/{id}"),
            HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Applicant_identifiers_are_checked()
    {
        Clock.SetCountyDay("2026-11-20");
        var clerk = await App.LoginAsync("t01_window");
        var item = await ItemAsync("SX-005", "promised", 5);
        var p = await Problem(await clerk.PostAsJsonAsync("/api/v1/service-centre/applications", new
        {
            itemId = item, channel = "window", applicantKind = "person", applicantName = "李四",
            applicantIdNumber = "110101199003070015", applicantPhone = "123",
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "applicantIdNumber", "applicantPhone" }));
        Assert.That(await Scalar<long>("select count(*) from service_centre.applications"), Is.Zero);
    }
}
