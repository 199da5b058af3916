namespace Governance.IntegrationTests;

public class AuditTests : IntegrationTest
{
    [TestCase("update audit.entries set actor_name = 'someone else'")]
    [TestCase("delete from audit.entries")]
    [TestCase("truncate audit.entries")]
    public async Task The_database_refuses_to_change_or_remove_audit_rows(string sql)
    {
        await App.LoginAsync("admin");
        await using var c = await App.Db.OpenConnectionAsync();
        var e = Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(sql))!;
        Assert.That(e.MessageText, Does.Contain("append-only"));
        Assert.That(await Scalar<long>("select count(*) from audit.entries"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_chain_verifies_and_detects_a_row_edited_behind_the_triggers_back()
    {
        var admin = await App.LoginAsync("admin");
        for (var i = 1; i <= 3; i++)
            await Read<JsonElement>(await admin.PutAsJsonAsync($"/api/v1/calendar/days/2027-03-0{i}",
                new { kind = "off", name = $"测试{i}" }));
        var ok = await Read<JsonElement>(await admin.GetAsync("/api/v1/audit/verify"));
        Assert.That(ok.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(ok.GetProperty("checked").GetInt64(), Is.EqualTo(4));

        // a superuser who disables the triggers can still edit a row — but the chain no longer verifies
        await using (var c = await App.Db.OpenConnectionAsync())
            await c.ExecuteAsync(
                "set session_replication_role = replica; update audit.entries set after = '{\"name\":\"改过\"}' " +
                "where seq = 3; set session_replication_role = origin;");
        var broken = await Read<JsonElement>(await admin.GetAsync("/api/v1/audit/verify"));
        Assert.That(broken.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(broken.GetProperty("brokenAtSeq").GetInt64(), Is.EqualTo(3));
    }

    [Test]
    public async Task Deleting_a_row_behind_the_triggers_back_breaks_the_link_of_the_next_row()
    {
        var admin = await App.LoginAsync("admin");
        await App.LoginAsync("t01_leader");
        await App.LoginAsync("t02_leader");
        await using (var c = await App.Db.OpenConnectionAsync())
            await c.ExecuteAsync(
                "set session_replication_role = replica; delete from audit.entries where seq = 2; " +
                "set session_replication_role = origin;");
        var broken = await Read<JsonElement>(await admin.GetAsync("/api/v1/audit/verify"));
        Assert.That(broken.GetProperty("brokenAtSeq").GetInt64(), Is.EqualTo(3));
    }

    [Test]
    public async Task Concurrent_writers_still_form_one_unbroken_chain()
    {
        var admin = await App.LoginAsync("admin");
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            admin.PutAsJsonAsync($"/api/v1/calendar/days/2027-04-{i:00}", new { kind = "off", name = $"并发{i}" })));
        var result = await Read<JsonElement>(await admin.GetAsync("/api/v1/audit/verify"));
        Assert.That(result.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(result.GetProperty("checked").GetInt64(), Is.EqualTo(21));
    }

    [Test]
    public async Task A_change_is_recorded_with_who_what_before_after_and_from_where()
    {
        var admin = await App.LoginAsync("admin");
        admin.DefaultRequestHeaders.UserAgent.ParseAdd("county-browser/1.0");
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-05-06",
            new { kind = "off", name = "测试" }));
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-05-06",
            new { kind = "work", name = "测试" }));
        var row = await Scalar<string>("""
            select concat_ws('|', actor_name, actor_kind, record_type, record_id, outcome, before->>'kind',
                after->>'kind', user_agent)
            from audit.entries where action = 'calendar.day_marked' order by seq desc limit 1
            """);
        Assert.That(row, Is.EqualTo("admin|user|calendar_day|2027-05-06|success|off|work|county-browser/1.0"));
    }

    [Test]
    public async Task Entries_are_filtered_by_time_user_record_and_action()
    {
        var admin = await App.LoginAsync("admin");
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-06-07",
            new { kind = "off", name = "甲" }));
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-06-08",
            new { kind = "off", name = "乙" }));
        await App.LoginAsync("t01_leader");

        async Task<string[]> Actions(string query) =>
            (await Read<JsonElement>(await admin.GetAsync($"/api/v1/audit/entries?{query}"))).GetProperty("items")
                .EnumerateArray()
                .Select(e => e.GetProperty("action").GetString()!).ToArray();

        Assert.That(await Actions("recordType=calendar_day&recordId=2027-06-08"),
            Is.EqualTo(new[] { "calendar.day_marked" }));
        Assert.That(await Actions("actor=t01_leader"), Is.EqualTo(new[] { "auth.login" }));
        Assert.That(await Actions("action=calendar.day_marked"), Has.Length.EqualTo(2));
        Assert.That(await Actions($"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"),
            Is.Empty);
        Assert.That(await Actions($"to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"),
            Has.Length.EqualTo(4));
    }

    [Test]
    public async Task A_township_leader_sees_its_own_townships_entries_only()
    {
        await App.LoginAsync("t01_staff");
        await App.LoginAsync("t02_staff");
        var leader = await App.LoginAsync("t01_leader");
        var actors = (await Read<JsonElement>(await leader.GetAsync("/api/v1/audit/entries"))).GetProperty("items")
            .EnumerateArray()
            .Select(e => e.GetProperty("actorName").GetString()).ToList();
        Assert.That(actors, Is.EquivalentTo(new[] { "t01_staff", "t01_leader" }));
    }

    [Test]
    public async Task Only_roles_with_audit_read_may_query_the_trail()
    {
        var clerk = await App.LoginAsync("t01_window");
        await Problem(await clerk.GetAsync("/api/v1/audit/entries"), HttpStatusCode.Forbidden);
        await Problem(await App.Anonymous().GetAsync("/api/v1/audit/entries"), HttpStatusCode.Unauthorized);
    }
}
