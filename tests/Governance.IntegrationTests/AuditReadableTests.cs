using Governance.SharedKernel;

namespace Governance.IntegrationTests;

/// <summary>The trail as evaluators read it (issue 14): people by name and unit, filters, the streamed export.
/// </summary>
public class AuditReadableTests : IntegrationTest
{
    private const string Export = "/api/v1/audit/entries/export";

    private static async Task<JsonElement[]> Items(HttpClient client, string query = "") =>
        (await Read<JsonElement>(await client.GetAsync($"/api/v1/audit/entries?{query}"))).GetProperty("items")
            .EnumerateArray().ToArray();

    private static async Task<List<string[]>> Csv(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        return Governance.SharedKernel.Csv.Parse(await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task An_entry_names_its_actor_and_the_actors_unit_or_region()
    {
        var admin = await App.LoginAsync("admin");
        await App.LoginAsync("t01_leader");
        await App.LoginAsync("evaluator");
        var names = await Scalar<string>(
            "select string_agg(display_name, '|' order by username) from organization.users " +
            "where username in ('evaluator', 't01_leader')");
        var county = await Scalar<string>("select name from organization.regions where code = @County", new { County });

        var items = await Items(admin, "action=auth.login");
        string Who(string username) => items.Where(e => e.GetProperty("actorName").GetString() == username)
            .Select(e => $"{e.GetProperty("actorDisplayName").GetString()}|{e.GetProperty("actorUnit").GetString()}")
            .Single();
        Assert.That(Who("t01_leader"), Is.EqualTo($"{names.Split('|')[1]}|党政办公室"));
        Assert.That(Who("evaluator"), Is.EqualTo($"{names.Split('|')[0]}|{county}"), "no unit: its region");
    }

    [Test]
    public async Task The_actor_filter_takes_part_of_a_display_name_as_well_as_a_username()
    {
        var admin = await App.LoginAsync("admin");
        await App.LoginAsync("t01_leader");
        await App.LoginAsync("t01_staff");
        var name = await Scalar<string>("select display_name from organization.users where username = 't01_leader'");

        var byName = await Items(admin, $"actor={Uri.EscapeDataString(name[1..])}");
        Assert.That(byName.Select(e => e.GetProperty("actorName").GetString()), Has.Member("t01_leader")
            .And.No.Member("t01_staff"));
        Assert.That((await Items(admin, "actor=t01_staff")).Select(e => e.GetProperty("actorName").GetString()),
            Is.EqualTo(new[] { "t01_staff" }));
    }

    [Test]
    public async Task An_unknown_outcome_is_a_field_error()
    {
        var admin = await App.LoginAsync("admin");
        var problem = await Problem(await admin.GetAsync("/api/v1/audit/entries?outcome=maybe"),
            HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("outcome", out _), Is.True);
        await Problem(await admin.GetAsync($"{Export}?outcome=maybe"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_export_is_the_filtered_trail_in_the_callers_scope_labelled_in_chinese_and_is_audited()
    {
        var admin = await App.LoginAsync("admin");
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-06-07",
            new { kind = "off", name = "甲" }));
        await App.LoginAsync("t01_staff");
        await App.LoginAsync("t02_staff");
        var leader = await App.LoginAsync("t01_leader");
        var staff = await Scalar<string>("select display_name from organization.users where username = 't01_staff'");

        var rows = await Csv(await leader.GetAsync($"{Export}?action=auth.login&format=csv"));
        Assert.That(rows[0][..6], Is.EqualTo(new[] { "时间", "操作人", "账户", "所属单位", "操作", "对象类型" }));
        Assert.That(rows.Skip(1).Select(r => r[2]), Is.EqualTo(new[] { "t01_leader", "t01_staff" }),
            "newest first; the calendar change is filtered out, the other township's login is out of scope");
        Assert.That(rows[2][..6], Is.EqualTo(new[] { rows[2][0], staff, "t01_staff", "党政办公室", "登录", "用户" }));

        var xlsx = await leader.GetAsync($"{Export}?action=auth.login&format=xlsx");
        Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo(Xlsx.ContentType));
        Assert.That(Xlsx.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())), Has.Count.EqualTo(3));
        await Problem(await leader.GetAsync($"{Export}?format=pdf"), HttpStatusCode.BadRequest);
        Assert.That(await Scalar<long>(
                "select count(*) from audit.entries where action = 'audit.exported' and actor_name = 't01_leader'"),
            Is.EqualTo(2));
    }

    [Test]
    public async Task The_export_escapes_a_cell_that_a_spreadsheet_would_run_as_a_formula()
    {
        var admin = await App.LoginAsync("admin");
        await using (var c = await App.Db.OpenConnectionAsync())
            await c.ExecuteAsync("""
                insert into audit.entries (seq, id, occurred_at, actor_name, actor_kind, action, record_type,
                                           record_id, region_path, outcome, prev_hash, hash)
                select 0, gen_random_uuid(), now(), '=HYPERLINK("http://x")', 'anonymous', 'rating.refused',
                       'application', '+1', path, 'denied', '\x'::bytea, '\x'::bytea
                from organization.regions where code = '990101000000'
                """);
        var rows = await Csv(await admin.GetAsync($"{Export}?action=rating.refused"));
        Assert.That(rows[1][1..3], Is.EqualTo(new[] { "'=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")" }));
        Assert.That(rows[1][4], Is.EqualTo("评价被拒绝"));
    }

    [Test]
    public async Task Only_roles_with_audit_read_may_export_the_trail()
    {
        var clerk = await App.LoginAsync("t01_window");
        await Problem(await clerk.GetAsync(Export), HttpStatusCode.Forbidden);
        await Problem(await App.Anonymous().GetAsync(Export), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_codes_carry_both_labels_grouped_by_module()
    {
        var admin = await App.LoginAsync("admin");
        var codes = await Read<JsonElement>(await admin.GetAsync("/api/v1/audit/codes"));
        var login = codes.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("code").GetString() == "auth.login");
        Assert.That($"{login.GetProperty("module")}|{login.GetProperty("zh")}|{login.GetProperty("en")}",
            Is.EqualTo("organization|登录|Signed in"));
    }
}
