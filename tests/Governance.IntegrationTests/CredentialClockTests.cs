using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// Organization's timestamps come from the injected clock (as everywhere else), not from the database's now(): a
/// token's last use, its revocation, a logout, disabling a user. Also: a cached session still expires by that clock.
/// </summary>
public class CredentialClockTests : IntegrationTest
{
    private static readonly TestClock Clock = new();

    protected override TestApp CreateApp() =>
        TestApp.Get("credential-clock", services: s => s.AddSingleton<TimeProvider>(Clock));

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private Task<DateTime?> At(string sql, object? args = null) => Scalar<DateTime?>(sql, args);

    [Test]
    public async Task Last_use_revocation_logout_and_disabling_are_stamped_with_the_clock()
    {
        Clock.Now = Start;
        var admin = await App.LoginAsync("admin");
        var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "夜间指标脚本", role = "kpi_reader", regionId = await RegionId(County),
            expiresAt = Start.AddDays(30),
        }), HttpStatusCode.Created);
        var id = issued.GetProperty("id").GetGuid();
        var machine = App.WithToken(issued.GetProperty("token").GetString()!);
        const string lastUse = "select last_used_at from organization.api_tokens where id = @id";

        Clock.Now = Start.AddMinutes(1);
        await Read<JsonElement>(await machine.GetAsync("/api/v1/kpis/definitions"));
        Assert.That(await At(lastUse, new { id }), Is.EqualTo(Clock.Now.UtcDateTime));
        // within the minute a use is not written again (reads stay reads); after it, it is
        Clock.Now = Start.AddMinutes(1).AddSeconds(40);
        await Read<JsonElement>(await machine.GetAsync("/api/v1/kpis/definitions"));
        Assert.That(await At(lastUse, new { id }), Is.EqualTo(Start.AddMinutes(1).UtcDateTime));
        Clock.Now = Start.AddMinutes(2).AddSeconds(5);
        await Read<JsonElement>(await machine.GetAsync("/api/v1/kpis/definitions"));
        Assert.That(await At(lastUse, new { id }), Is.EqualTo(Clock.Now.UtcDateTime));

        Clock.Now = Start.AddMinutes(3);
        Assert.That((await admin.DeleteAsync($"/api/v1/organization/api-tokens/{id}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await At("select revoked_at from organization.api_tokens where id = @id", new { id }),
            Is.EqualTo(Clock.Now.UtcDateTime));

        var staff = await App.LoginAsync("t01_staff");
        Clock.Now = Start.AddMinutes(4);
        var staffId = await UserId("t01_staff");
        await Read<JsonElement>(await admin.PostAsync($"/api/v1/organization/users/{staffId}/disable", null));
        Assert.That(await At("select updated_at from organization.users where id = @staffId", new { staffId }),
            Is.EqualTo(Clock.Now.UtcDateTime));
        Assert.That(await At("select revoked_at from organization.sessions where user_id = @staffId", new { staffId }),
            Is.EqualTo(Clock.Now.UtcDateTime));
        await Problem(await staff.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);

        Clock.Now = Start.AddMinutes(5);
        Assert.That((await admin.PostAsync("/api/v1/auth/logout", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        var adminId = await UserId("admin");
        Assert.That(await At("select revoked_at from organization.sessions where user_id = @adminId", new { adminId }),
            Is.EqualTo(Clock.Now.UtcDateTime));
    }

    [Test]
    public async Task A_cached_session_expires_by_the_clock()
    {
        Clock.Now = Start;
        var cache = App.Services.GetRequiredService<Governance.Organization.Auth.CredentialCache>();
        for (var i = 0; i < 500 && !cache.IsLive; i++) await Task.Delay(20); // the listener connects after start-up
        Assert.That(cache.IsLive, Is.True);
        var client = await App.LoginAsync("t01_leader");
        await Read<JsonElement>(await client.GetAsync("/api/v1/auth/me"));
        await Read<JsonElement>(await client.GetAsync("/api/v1/auth/me")); // from the cache
        Clock.Now = Start.AddHours(10).AddSeconds(1); // Organization:SessionLifetime is 10 hours
        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }
}
