using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

public class ApiTokenTests : IntegrationTest
{
    private async Task<JsonElement> IssueAsync(HttpClient admin, string role = "kpi_reader", string region = County,
        int days = 30) =>
        await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "夜间指标脚本", role, regionId = await RegionId(region),
            expiresAt = DateTimeOffset.UtcNow.AddDays(days),
            grantId = role == "evaluator" ? await DemoGrantId() : (Guid?)null,
        }), HttpStatusCode.Created);

    [Test]
    public async Task A_token_is_shown_once_stored_as_a_hash_and_works_as_a_bearer_credential()
    {
        var admin = await App.LoginAsync("admin");
        var issued = await IssueAsync(admin, "evaluator");
        var token = issued.GetProperty("token").GetString()!;
        Assert.That(token, Does.StartWith("gov_"));
        Assert.That(await Scalar<long>("""
            select count(*) from organization.api_tokens where token_hash = sha256(convert_to(@token, 'UTF8'))
            """, new { token }), Is.EqualTo(1));

        var list = await Read<JsonElement>(await admin.GetAsync("/api/v1/organization/api-tokens"));
        var listed = list.GetProperty("items")[0];
        Assert.That(listed.TryGetProperty("token", out _), Is.False, "the secret is never listed");
        Assert.That(listed.GetProperty("prefix").GetString(), Is.EqualTo(token[..12]));

        var machine = App.WithToken(token);
        var entries = await Read<JsonElement>(await machine.GetAsync("/api/v1/audit/entries"));
        Assert.That(entries.GetProperty("items").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(await Scalar<DateTime?>("select last_used_at from organization.api_tokens"), Is.Not.Null);
    }

    [Test]
    public async Task A_revoked_or_expired_token_is_refused()
    {
        var admin = await App.LoginAsync("admin");
        var revoked = await IssueAsync(admin);
        var expired = await IssueAsync(admin);
        var revokedId = revoked.GetProperty("id").GetGuid();
        Assert.That((await admin.DeleteAsync($"/api/v1/organization/api-tokens/{revokedId}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        await Scalar<int>("""
            update organization.api_tokens set expires_at = now() - interval '1 minute' where id = @id returning 1
            """, new { id = expired.GetProperty("id").GetGuid() });

        foreach (var t in new[] { revoked, expired })
            await Problem(await App.WithToken(t.GetProperty("token").GetString()!)
                .GetAsync("/api/v1/calendar/years/2026"), HttpStatusCode.Unauthorized);
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'api_token.revoked'"),
            Is.EqualTo(1));
        var refused = await Scalar<string>("""
            select string_agg(record_id, ',' order by seq) from audit.entries where action = 'auth.token_refused'
                and outcome = 'denied'
            """);
        Assert.That(refused,
            Is.EqualTo($"{revoked.GetProperty("prefix").GetString()},{expired.GetProperty("prefix").GetString()}"));
    }

    [Test]
    public async Task A_token_carries_its_role_read_only_evaluators_cannot_change_anything()
    {
        var admin = await App.LoginAsync("admin");
        var machine = App.WithToken((await IssueAsync(admin, "evaluator")).GetProperty("token").GetString()!);
        await Problem(await machine.PutAsJsonAsync("/api/v1/calendar/days/2027-01-04",
            new { kind = "off", name = "x" }), HttpStatusCode.Forbidden);
        await Problem(await machine.GetAsync("/api/v1/organization/users"), HttpStatusCode.Forbidden);
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'access.denied' and actor_kind = 'token'
            """), Is.EqualTo(2));
    }

    [Test]
    public async Task Token_requests_are_validated()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "", role = "county_admin", regionId = await RegionId(County),
            expiresAt = DateTimeOffset.UtcNow.AddDays(-1),
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "name", "role", "expiresAt" }));
        Assert.That(await Scalar<long>("select count(*) from organization.api_tokens"), Is.Zero);
    }
}

public class RateLimitTests : IntegrationTest
{
    private static readonly TestClock Clock = new();

    protected override TestApp CreateApp() =>
        TestApp.Get("rate-limited", new Dictionary<string, string?> { ["Organization:TokenRequestsPerMinute"] = "3" },
            services: s => s.AddSingleton<TimeProvider>(Clock));

    [Test]
    public async Task A_machine_token_over_its_limit_gets_429_with_Retry_After_and_sessions_are_not_limited()
    {
        var admin = await App.LoginAsync("admin");
        var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "脚本", role = "kpi_reader", regionId = await RegionId(County),
            expiresAt = DateTimeOffset.UtcNow.AddDays(1),
        }), HttpStatusCode.Created);
        var machine = App.WithToken(issued.GetProperty("token").GetString()!);
        for (var i = 0; i < 3; i++)
            Assert.That((await machine.GetAsync("/api/v1/calendar/years/2026")).StatusCode,
                Is.EqualTo(HttpStatusCode.OK));
        // 45 s into the minute the window has 15 s left: that is what Retry-After says, and then it reopens
        Clock.Now += TimeSpan.FromSeconds(45);
        var limited = await machine.GetAsync("/api/v1/calendar/years/2026");
        var p = await Problem(limited, HttpStatusCode.TooManyRequests);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("rate_limited"));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Clock.Now += TimeSpan.FromSeconds(15);
        Assert.That((await machine.GetAsync("/api/v1/calendar/years/2026")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        for (var i = 0; i < 6; i++)
            Assert.That((await admin.GetAsync("/api/v1/calendar/years/2026")).StatusCode,
                Is.EqualTo(HttpStatusCode.OK));
    }
}
