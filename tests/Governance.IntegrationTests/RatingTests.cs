namespace Governance.IntegrationTests;

/// <summary>
/// 好差评 and 差评整改: once per channel, bad ratings open a rectification with a working-day deadline, appeals.
/// </summary>
public class RatingTests : ServiceCentreTest
{
    private async Task<(HttpClient Clerk, Guid Id)> CompletedAsync(string code)
    {
        var clerk = await App.LoginAsync("t01_window");
        var app = await Register(clerk, await ItemAsync(code, "immediate", null));
        var id = app.GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(clerk, id, "complete", 1, new { outcome = "approved" }));
        return (clerk, id);
    }

    [Test]
    public async Task An_application_is_rated_once_per_channel_and_only_when_completed()
    {
        Clock.SetCountyDay("2026-11-20");
        var clerk = await App.LoginAsync("t01_window");
        var open = (await Register(clerk, await ItemAsync("PJ-001", "promised", 3))).GetProperty("id").GetGuid();
        var early = await Problem(await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{open}/ratings",
            new { level = 5 }), HttpStatusCode.Conflict);
        Assert.That(early.GetProperty("code").GetString(), Is.EqualTo("ratings.not_completed"));

        var (_, id) = await CompletedAsync("PJ-002");
        var rated = await Read<JsonElement>(
            await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{id}/ratings", new { level = 5 }),
            HttpStatusCode.Created);
        Assert.That(rated.GetProperty("levelName").GetString(), Is.EqualTo("非常满意"));
        Assert.That(rated.GetProperty("rectificationId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var again = await Problem(await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{id}/ratings",
            new { level = 1, comment = "改主意" }), HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("code").GetString(), Is.EqualTo("ratings.already_rated"));

        // the applicant rates online too, without logging in, proving the phone; a wrong phone is a 404 and audited
        var anonymous = App.Anonymous();
        await Problem(await anonymous.PostAsJsonAsync("/api/v1/public/service-centre/ratings",
            new { applicationId = id, phone = "13900000000", channel = "online", level = 4 }), HttpStatusCode.NotFound);
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'rating.refused'"),
            Is.EqualTo(1));
        var online = await Read<JsonElement>(await anonymous.PostAsJsonAsync("/api/v1/public/service-centre/ratings",
            new { applicationId = id, phone = "13812345678", channel = "online", level = 4 }), HttpStatusCode.Created);
        Assert.That(online.GetProperty("channel").GetString(), Is.EqualTo("online"));
        var bad = await Problem(await anonymous.PostAsJsonAsync("/api/v1/public/service-centre/ratings",
            new { applicationId = id, phone = "13812345678", channel = "sms", level = 9 }), HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "level" }));
        Assert.That(await Scalar<long>("select count(*) from service_centre.ratings"), Is.EqualTo(2));

        var list = await Read<JsonElement>(await (await App.LoginAsync("t01_leader"))
            .GetAsync("/api/v1/service-centre/ratings"));
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        var others = await Read<JsonElement>(await (await App.LoginAsync("t02_leader"))
            .GetAsync("/api/v1/service-centre/ratings"));
        Assert.That(others.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_bad_rating_opens_a_rectification_due_in_15_working_days_called_back_rectified_and_closed()
    {
        Clock.SetCountyDay("2026-09-24"); // Thu, before 中秋 (Sep 25–27) and the National Day week
        var (clerk, id) = await CompletedAsync("PJ-003");
        var missing = await Problem(await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{id}/ratings",
            new { level = 2 }), HttpStatusCode.BadRequest);
        Assert.That(missing.GetProperty("errors").GetProperty("comment")[0].GetString(), Does.Contain("原因"));
        var rated = await Read<JsonElement>(
            await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{id}/ratings",
                new { level = 2, comment = "等了很久" }), HttpStatusCode.Created);
        var rid = rated.GetProperty("rectificationId").GetGuid();

        var leader = await App.LoginAsync("t01_leader");
        var x = await Read<JsonElement>(await leader.GetAsync($"/api/v1/service-centre/rectifications/{rid}"));
        // Sep 28, 29, 30, Oct 8, 9, 10 (make-up Sat), 12–16, 19–22: the 15th working day after Sep 24 is Thu Oct 22
        Assert.That(x.GetProperty("dueOn").GetString(), Is.EqualTo("2026-10-22"));
        Assert.That(x.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "callback", "rectify", "appeal" }));
        await Problem(await (await App.LoginAsync("t02_leader"))
            .GetAsync($"/api/v1/service-centre/rectifications/{rid}"), HttpStatusCode.NotFound);

        var empty = await Problem(await Step(leader, rid, "callback", 1, new { note = "" }), HttpStatusCode.BadRequest);
        Assert.That(empty.GetProperty("errors").GetProperty("note")[0].GetString(), Does.Contain("回访"));
        var called = await Read<JsonElement>(await Step(leader, rid, "callback", 1, new { note = "已电话回访，致歉" }));
        await Problem(await Step(leader, rid, "respond", called.GetProperty("version").GetInt32(),
            new { response = "satisfied" }), HttpStatusCode.Conflict);
        Clock.SetCountyDay("2026-10-20");
        leader = await App.LoginAsync("t01_leader");
        var rectified = await Read<JsonElement>(await Step(leader, rid, "rectify", 2,
            new { note = "增设引导岗，高峰期加开窗口" }));
        Assert.That(rectified.GetProperty("rectifiedInTime").GetBoolean(), Is.True);
        var closed = await Read<JsonElement>(await Step(leader, rid, "respond", 3,
            new { response = "satisfied", note = "满意" }));
        Assert.That(closed.GetProperty("state").GetString(), Is.EqualTo("closed"));
        Assert.That(closed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "open", "callback", "rectify", "respond" }));
    }

    [Test]
    public async Task Rectifications_waiting_come_first_the_soonest_due_on_top_then_the_finished_newest_first()
    {
        async Task<Guid> BadRating(string day, string code)
        {
            Clock.SetCountyDay(day);
            var (clerk, id) = await CompletedAsync(code);
            return (await Read<JsonElement>(await clerk.PostAsJsonAsync(
                $"/api/v1/service-centre/applications/{id}/ratings", new { level = 1, comment = "态度差" }),
                HttpStatusCode.Created)).GetProperty("rectificationId").GetGuid();
        }
        async Task Close(Guid rid)
        {
            var leader = await App.LoginAsync("t01_leader");
            await Read<JsonElement>(await Step(leader, rid, "callback", 1, new { note = "已回访" }));
            await Read<JsonElement>(await Step(leader, rid, "rectify", 2, new { note = "已整改" }));
            await Read<JsonElement>(await Step(leader, rid, "respond", 3, new { response = "satisfied" }));
        }
        var oldest = await BadRating("2026-09-01", "PJ-010");
        await Close(oldest);
        var finished = await BadRating("2026-09-15", "PJ-011");
        await Close(finished);
        var later = await BadRating("2026-11-02", "PJ-012");
        var sooner = await BadRating("2026-10-12", "PJ-013");

        var ids = new List<Guid>();
        var reader = await App.LoginAsync("t01_leader");
        string? cursor = null;
        do // one at a time: the order holds across pages
        {
            var page = await Read<JsonElement>(await reader.GetAsync("/api/v1/service-centre/rectifications?limit=1"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.That(ids, Is.EqualTo(new[] { sooner, later, finished, oldest }));
    }

    [Test]
    public async Task Overdue_rectifications_are_listed_and_an_appeal_is_decided_by_the_county_only()
    {
        Clock.SetCountyDay("2026-11-02");
        var (clerk, id) = await CompletedAsync("PJ-004");
        var rid =
            (await Read<JsonElement>(await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{id}/ratings",
                new { level = 1, comment = "态度差" }), HttpStatusCode.Created)).GetProperty("rectificationId")
                    .GetGuid();
        Clock.SetCountyDay("2026-11-24"); // 15 working days after Nov 2 is Nov 23
        var leader = await App.LoginAsync("t01_leader");
        var overdue = await Read<JsonElement>(
            await leader.GetAsync("/api/v1/service-centre/rectifications?overdue=true"));
        Assert.That(overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()),
            Is.EqualTo(new[] { rid }));
        Assert.That(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean(), Is.True);

        var appealed = await Read<JsonElement>(await Step(leader, rid, "appeal", 1,
            new { note = "申请人恶意差评，有录像为证" }));
        Assert.That(appealed.GetProperty("allowedActions").GetArrayLength(), Is.Zero,
            "the township cannot decide its own appeal");
        await Problem(await Step(leader, rid, "decide", 2, new { decision = "upheld", note = "成立" }),
            HttpStatusCode.Forbidden);
        var county = await App.LoginAsync("zwfw");
        var rejected = await Read<JsonElement>(await Step(county, rid, "decide", 2,
            new { decision = "rejected", note = "录像不能证明" }));
        Assert.That(rejected.GetProperty("state").GetString(), Is.EqualTo("open"),
            "a rejected appeal goes back to rectification");
        var stale = await Problem(await Step(leader, rid, "appeal", 2, new { note = "再申诉" }),
            HttpStatusCode.PreconditionFailed);
        Assert.That(stale.GetProperty("code").GetString(), Is.EqualTo("precondition_failed"));
        await Read<JsonElement>(await Step(leader, rid, "appeal", 3, new { note = "补充证据" }));
        var upheld = await Read<JsonElement>(await Step(county, rid, "decide", 4,
            new { decision = "upheld", note = "成立" }));
        Assert.That(upheld.GetProperty("state").GetString(), Is.EqualTo("voided"));
        Assert.That(upheld.GetProperty("overdue").GetBoolean(), Is.False);
    }
}
