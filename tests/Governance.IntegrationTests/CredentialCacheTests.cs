using System.Diagnostics;
using System.Net.Http.Headers;
using Governance.Organization.Auth;
using CredentialCache = Governance.Organization.Auth.CredentialCache;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// The credential cache (Auth/CredentialCache) never outlives a revocation: the instance that makes the change
/// refuses the credential on the very next request, another instance on the same database as soon as the notice
/// reaches it (polled for up to a few seconds), and a listener that lost its connection serves nothing from the
/// cache and starts empty when it is back. Each test first uses the credential, so it is in the cache.
/// </summary>
public class CredentialCacheTests : IntegrationTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>A second API host on the same database: its own cache and its own listener.</summary>
    private static TestApp Other => TestApp.Get("second-instance");

    private static CredentialCache CacheOf(TestApp app) => app.Services.GetRequiredService<CredentialCache>();

    [SetUp]
    public async Task ListenersUpAsync()
    {
        await LiveAsync(App);
        await LiveAsync(Other);
    }

    private static async Task LiveAsync(TestApp app)
    {
        _ = app.Server;
        var sw = Stopwatch.StartNew();
        while (!CacheOf(app).IsLive)
        {
            Assert.That(sw.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the credential listener connects");
            await Task.Delay(20);
        }
    }

    /// <summary>Signs in on <see cref="App"/> and returns the raw session cookie and the CSRF token.</summary>
    private async Task<(string Session, string Csrf)> SignInAsync(string username)
    {
        var response = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login",
            new { username, password = "Demo@2026" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        string Value(string name) =>
            cookies.First(c => c.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
        return (Value(GovAuthenticationHandler.SessionCookie), Value(GovAuthenticationHandler.CsrfCookie));
    }

    private static HttpClient WithSession(TestApp app, (string Session, string Csrf) s)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{GovAuthenticationHandler.SessionCookie}={s.Session}");
        client.DefaultRequestHeaders.Add(GovAuthenticationHandler.CsrfHeader, s.Csrf);
        return client;
    }

    private static HttpClient WithToken(TestApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Key((string Session, string Csrf) s) => CredentialCache.SessionKey(Secrets.Hash(s.Session));

    private static async Task CachedAsync(HttpClient client, TestApp app, string key, string url = "/api/v1/auth/me")
    {
        Assert.That((await client.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(CacheOf(app).Holds(key), Is.True, "the credential is in the cache");
        Assert.That((await client.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Refused within <see cref="Patience"/> (the notice crosses instances in milliseconds).</summary>
    private static async Task RefusedSoonAsync(HttpClient client, string url = "/api/v1/auth/me")
    {
        var sw = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await client.GetAsync(url)).StatusCode) != HttpStatusCode.Unauthorized
               && sw.Elapsed < Patience)
            await Task.Delay(10);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), $"refused within {Patience.TotalSeconds} s");
    }

    private async Task<(Guid Id, string Token)> IssueTokenAsync(HttpClient admin)
    {
        var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "夜间指标脚本", role = "kpi_reader", regionId = await RegionId(County),
            expiresAt = DateTimeOffset.UtcNow.AddDays(30),
        }), HttpStatusCode.Created);
        return (issued.GetProperty("id").GetGuid(), issued.GetProperty("token").GetString()!);
    }

    [Test]
    public async Task After_logout_the_same_cookie_is_refused_on_the_next_request()
    {
        var session = await SignInAsync("t01_leader");
        var here = WithSession(App, session);
        var there = WithSession(Other, session);
        await CachedAsync(here, App, Key(session));
        await CachedAsync(there, Other, Key(session));

        Assert.That((await here.PostAsync("/api/v1/auth/logout", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await here.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        await RefusedSoonAsync(there);
    }

    [Test]
    public async Task Disabling_a_user_refuses_their_live_session_on_the_next_request()
    {
        var session = await SignInAsync("t01_staff");
        var here = WithSession(App, session);
        var there = WithSession(Other, session);
        await CachedAsync(here, App, Key(session));
        await CachedAsync(there, Other, Key(session));

        var admin = await App.LoginAsync("admin");
        var id = await UserId("t01_staff");
        await Read<JsonElement>(await admin.PostAsync($"/api/v1/organization/users/{id}/disable", null));
        await Problem(await here.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        await RefusedSoonAsync(there);
    }

    [Test]
    public async Task A_revoked_token_is_refused_on_the_next_request()
    {
        var admin = await App.LoginAsync("admin");
        var (id, token) = await IssueTokenAsync(admin);
        var here = WithToken(App, token);
        var there = WithToken(Other, token);
        var key = CredentialCache.TokenKey(Secrets.Hash(token));
        await CachedAsync(here, App, key, "/api/v1/kpis/definitions");
        await CachedAsync(there, Other, key, "/api/v1/kpis/definitions");

        Assert.That((await admin.DeleteAsync($"/api/v1/organization/api-tokens/{id}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await here.GetAsync("/api/v1/kpis/definitions"), HttpStatusCode.Unauthorized);
        await RefusedSoonAsync(there, "/api/v1/kpis/definitions");
    }

    [Test]
    public async Task A_role_or_region_changed_in_the_database_reaches_every_instance()
    {
        // no endpoint changes a role yet: a DBA's UPDATE is heard through the same trigger
        var session = await SignInAsync("t01_staff");
        var there = WithSession(Other, session);
        await CachedAsync(there, Other, Key(session));
        await Scalar<int>(
            "update organization.users set role = 'township_leader' where username = 't01_staff' returning 1");

        // /auth/me reads the user's row; the permissions come from the claims, i.e. from what the cache holds
        var sw = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await there.GetAsync("/api/v1/organization/users")).StatusCode) != HttpStatusCode.OK
               && sw.Elapsed < Patience)
            await Task.Delay(10);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK),
            "the new role's permissions (users.read), not the cached ones");
    }

    [Test]
    public async Task A_cached_session_still_needs_the_CSRF_header_on_unsafe_requests()
    {
        var session = await SignInAsync("admin");
        var client = WithSession(App, session);
        await CachedAsync(client, App, Key(session));
        client.DefaultRequestHeaders.Remove(GovAuthenticationHandler.CsrfHeader);
        var problem = await Problem(await client.PostAsync("/api/v1/auth/logout", null), HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("csrf_invalid"));
    }

    [Test]
    public async Task A_change_the_listener_missed_takes_effect_when_it_reconnects()
    {
        var session = await SignInAsync("t01_leader");
        var client = WithSession(App, session);
        await CachedAsync(client, App, Key(session));

        // revoked behind the cache's back: replica mode skips the trigger, so no notice is sent
        await using (var c = await App.Db.OpenConnectionAsync())
            await c.ExecuteAsync("""
                set session_replication_role = replica;
                update organization.sessions set revoked_at = now() where revoked_at is null;
                set session_replication_role = origin;
                """);
        Assert.That((await client.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "the cache still holds it: the worst case this test is about");

        // the listener's connection drops: notices may have been missed, so the cache is off and starts empty
        await Scalar<int>($"""
            select count(pg_terminate_backend(pid))::int from pg_stat_activity
            where application_name = '{CredentialListener.ApplicationName}' and datname = current_database()
            """);
        await RefusedSoonAsync(client);
        await LiveAsync(App);
        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }
}
