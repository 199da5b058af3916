namespace Governance.IntegrationTests;

public class UsersTests : IntegrationTest
{
    [Test]
    public async Task A_county_admin_creates_a_user_whose_password_works_and_the_creation_is_audited()
    {
        var admin = await App.LoginAsync("admin");
        var regionId = await RegionId(Township1);
        var created = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "t01_new", displayName = "新用户", password = "Passw0rd!", role = "window_clerk", regionId,
            phone = "13912345678",
        }), HttpStatusCode.Created);
        Assert.That(created.GetProperty("phone").GetString(), Is.EqualTo("139****5678"));
        Assert.That(created.GetProperty("regionName").GetString(), Is.EqualTo("城关镇"));
        await App.LoginAsync("t01_new", "Passw0rd!");

        var audit = await Scalar<string>("select after::text from audit.entries where action = 'user.created'");
        Assert.That(audit,
            Does.Contain("t01_new").And.Contain("139****5678").And.Not.Contain("Passw0rd").And.Not.Contain("AQAAAA"));
    }

    [Test]
    public async Task Invalid_input_lists_every_field_and_creates_nothing()
    {
        var admin = await App.LoginAsync("admin");
        var before = await Scalar<long>("select count(*) from organization.users");
        var p = await Problem(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "x", displayName = "", password = "short", role = "kpi_reader", phone = "123",
        }), HttpStatusCode.BadRequest);
        var errors = p.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "username", "displayName", "password", "role", "regionId", "phone" }));
        Assert.That(await Scalar<long>("select count(*) from organization.users"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_role_must_fit_the_level_of_its_region()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "agent_at_county", displayName = "甲", password = "Passw0rd1", role = "village_agent",
            regionId = await RegionId(County),
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("role")[0].GetString(), Does.Contain("村级代办员"));
    }

    [Test]
    public async Task A_taken_username_is_a_conflict_regardless_of_case()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "T01_LEADER", displayName = "重名", password = "Passw0rd1", role = "township_staff",
            regionId = await RegionId(Township1),
        }), HttpStatusCode.Conflict);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("users.username_taken"));
    }

    [Test]
    public async Task A_township_leader_may_read_users_but_not_create_them_and_the_denial_is_audited()
    {
        var leader = await App.LoginAsync("t01_leader");
        await Read<JsonElement>(await leader.GetAsync("/api/v1/organization/users"));
        var p = await Problem(await leader.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "sneaky", displayName = "甲", password = "Passw0rd1", role = "township_staff",
            regionId = await RegionId(Township1),
        }), HttpStatusCode.Forbidden);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("forbidden"));
        Assert.That(await Scalar<long>("select count(*) from organization.users where username = 'sneaky'"), Is.Zero);
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries
            where action = 'access.denied' and record_id = 'POST /api/v1/organization/users'
                and actor_name = 't01_leader'
            """), Is.EqualTo(1));
    }

    [Test]
    public async Task Users_are_listed_with_keyset_pages_that_neither_skip_nor_repeat()
    {
        var admin = await App.LoginAsync("admin");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Read<JsonElement>(
                await admin.GetAsync($"/api/v1/organization/users?limit=100&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray()
                .Select(u => u.GetProperty("username").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.That(seen, Has.Count.EqualTo(await Scalar<long>("select count(*) from organization.users")));
        Assert.That(seen, Is.Unique);
        Assert.That(seen, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public async Task Search_and_filters_narrow_the_list_in_SQL()
    {
        var admin = await App.LoginAsync("admin");
        var page = await Read<JsonElement>(
            await admin.GetAsync($"/api/v1/organization/users?role=window_clerk&regionId={await RegionId(Township2)}"));
        Assert.That(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("username").GetString()),
            Is.EqualTo(new[] { "t02_window" }));
        var search = await Read<JsonElement>(await admin.GetAsync("/api/v1/organization/users?q=t16_"));
        // t16_leader, t16_staff, t16_window, t16_officer, t16_legal
        Assert.That(search.GetProperty("items").GetArrayLength(), Is.EqualTo(5));
    }

    [Test]
    public async Task A_user_cannot_disable_itself()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PostAsync($"/api/v1/organization/users/{await UserId("admin")}/disable",
            null), HttpStatusCode.Conflict);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("users.cannot_disable_self"));
    }
}
