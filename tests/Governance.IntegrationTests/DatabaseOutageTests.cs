using System.Diagnostics;
using Governance.IntegrationTests.Fixtures.Network;

namespace Governance.IntegrationTests;

/// <summary>
/// While PostgreSQL cannot be reached every call answers 503 problem+json with Retry-After (never 500) and changes
/// nothing; <c>/health</c> (liveness) still answers, <c>/health/ready</c> says not ready; when the database is back the
/// API serves again by itself. The API host reaches the database through a <see cref="TcpSwitch"/> the test cuts.
/// </summary>
public class DatabaseOutageTests : IntegrationTest
{
    private static readonly Lazy<TcpSwitch> Switch = new(() =>
    {
        var cs = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        return new TcpSwitch(cs.Host!, cs.Port);
    });

    protected override TestApp CreateApp()
    {
        var cs = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Port = Switch.Value.Port };
        return TestApp.Get("database-outage", new Dictionary<string, string?>
        {
            ["ConnectionStrings:Governance"] = cs.ConnectionString,
        });
    }

    [TearDown]
    public void Reconnect() => Switch.Value.Restore();

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, string header, string value)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation(header, value);
        return App.Anonymous().SendAsync(request);
    }

    [Test]
    public async Task Every_call_answers_503_with_retry_after_and_changes_nothing_then_the_api_recovers_by_itself()
    {
        var admin = await App.LoginAsync("admin");
        var anonymous = App.Anonymous();
        var regionId = await RegionId(Township1);
        var users = await Scalar<long>("select count(*) from organization.users");

        Switch.Value.Cut();
        var calls = new (string Name, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("list", () => admin.GetAsync("/api/v1/organization/units")),
            ("create", () => admin.PostAsJsonAsync("/api/v1/organization/users", new
            {
                username = "t01_outage", displayName = "断库时新建", password = "Passw0rd!", role = "window_clerk",
                regionId,
            })),
            ("login", () => anonymous.PostAsJsonAsync("/api/v1/auth/login",
                new { username = "admin", password = "Demo@2026" })),
            ("public", () => anonymous.GetAsync("/api/v1/public/power-lists/townships")),
            // a credential the cache has not seen must be looked up in the database
            ("unknown session", () => Send(HttpMethod.Get, "/api/v1/auth/me", "Cookie", "gov_session=never-issued")),
            ("unknown token", () => Send(HttpMethod.Get, "/api/v1/organization/units", "Authorization",
                "Bearer gov_never_issued")),
            ("export", () => admin.GetAsync("/api/v1/power-lists/items/export")),
            ("streamed export", () => admin.GetAsync("/api/v1/service-centre/applications/export",
                HttpCompletionOption.ResponseHeadersRead)),
        };
        foreach (var (name, call) in calls)
        {
            var response = await call();
            var p = await Problem(response, HttpStatusCode.ServiceUnavailable);
            Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("database_unavailable"), name);
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)), name);
        }
        Assert.That((await anonymous.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "liveness needs no database");
        Assert.That((await anonymous.GetAsync("/health/ready")).StatusCode,
            Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        Switch.Value.Restore();
        var back = Stopwatch.StartNew();
        while ((await admin.GetAsync("/api/v1/organization/units")).StatusCode != HttpStatusCode.OK)
        {
            Assert.That(back.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)),
                "the API serves again once the database is back");
            await Task.Delay(100);
        }
        TestContext.Out.WriteLine($"serving again {back.Elapsed.TotalSeconds:0.0} s after the database came back");
        Assert.That((await anonymous.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Scalar<long>("select count(*) from organization.users"), Is.EqualTo(users),
            "the refused creation left nothing");
        Assert.That(await Scalar<long>("select count(*) from organization.users where username = 't01_outage'"),
            Is.Zero);
    }
}
