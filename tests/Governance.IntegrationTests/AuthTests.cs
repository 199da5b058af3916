namespace Governance.IntegrationTests;

public class AuthTests : IntegrationTest
{
    [Test]
    public async Task Login_sets_an_HttpOnly_session_cookie_and_me_returns_the_role_and_region()
    {
        var client = App.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { username = "t01_leader", password = "Demo@2026" });
        var me = await Read<JsonElement>(response);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies.Single(c => c.StartsWith("gov_session=")),
            Does.Contain("httponly").And.Contain("samesite=strict"));
        Assert.That(cookies.Single(c => c.StartsWith("gov_csrf=")), Does.Not.Contain("httponly"));
        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("township_leader"));
        Assert.That(me.GetProperty("regionName").GetString(), Is.EqualTo("城关镇"));

        var again = await Read<JsonElement>(await client.GetAsync("/api/v1/auth/me"));
        Assert.That(again.GetProperty("username").GetString(), Is.EqualTo("t01_leader"));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'auth.login' and outcome = 'success'
            """), Is.EqualTo(1));

        // a county department's staff are told their department (they score and co-own cases as it)
        var dept = await Read<JsonElement>(await (await App.LoginAsync("dept_scjg")).GetAsync("/api/v1/auth/me"));
        Assert.That((dept.GetProperty("unitName").GetString(), dept.GetProperty("unitId").GetGuid()),
            Is.EqualTo(("县市场监督管理局", await Scalar<Guid>(
                "select unit_id from organization.users where username = 'dept_scjg'"))));
    }

    [Test]
    public async Task Only_a_hash_of_the_session_is_stored()
    {
        var response = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login",
            new { username = "admin", password = "Demo@2026" });
        var session = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("gov_session="))
            .Split(';')[0]["gov_session=".Length..];
        Assert.That(await Scalar<long>("""
            select count(*) from organization.sessions where encode(token_hash, 'escape') like '%' || @session || '%'
            """, new { session }), Is.Zero);
        Assert.That(await Scalar<long>("""
            select count(*) from organization.sessions where token_hash = sha256(convert_to(@session, 'UTF8'))
            """, new { session }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_wrong_password_is_refused_with_a_clear_message_and_audited()
    {
        var problem = await Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login",
            new { username = "admin", password = "wrong-pass1" }), HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("auth.invalid_credentials"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("用户名或密码错误"));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'auth.login_failed' and outcome = 'denied'
                and actor_name = 'admin'
            """), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var problem = await Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login",
            new { username = "nobody", password = "whatever1" }), HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("auth.invalid_credentials"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("用户名或密码错误。"));
    }

    [Test]
    public async Task Logout_ends_the_session_on_the_server()
    {
        var client = await App.LoginAsync("admin");
        Assert.That((await client.PostAsync("/api/v1/auth/logout", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        Assert.That(await Scalar<long>("select count(*) from organization.sessions where revoked_at is not null"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task An_unsafe_request_without_the_CSRF_header_is_refused_and_changes_nothing()
    {
        var client = await App.LoginAsync("admin");
        client.DefaultRequestHeaders.Remove("X-CSRF-Token");
        var problem = await Problem(await client.PutAsJsonAsync("/api/v1/calendar/days/2027-03-10",
            new { kind = "off", name = "x" }), HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("csrf_invalid"));
        client.DefaultRequestHeaders.Add("X-CSRF-Token", "forged");
        await Problem(await client.PutAsJsonAsync("/api/v1/calendar/days/2027-03-10", new { kind = "off", name = "x" }),
            HttpStatusCode.Forbidden);
        Assert.That(await Scalar<long>("select count(*) from calendar.days where date = '2027-03-10'"), Is.Zero);
    }

    [Test]
    public async Task Disabling_a_user_ends_its_sessions_and_refuses_its_login()
    {
        var victim = await App.LoginAsync("t01_staff");
        var admin = await App.LoginAsync("admin");
        var id = await UserId("t01_staff");
        var user = await Read<JsonElement>(await admin.PostAsync($"/api/v1/organization/users/{id}/disable", null));
        Assert.That(user.GetProperty("disabled").GetBoolean(), Is.True);

        await Problem(await victim.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        var p = await Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login",
            new { username = "t01_staff", password = "Demo@2026" }), HttpStatusCode.Unauthorized);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("auth.account_disabled"));

        await Read<JsonElement>(await admin.PostAsync($"/api/v1/organization/users/{id}/enable", null));
        await App.LoginAsync("t01_staff");
    }
}
