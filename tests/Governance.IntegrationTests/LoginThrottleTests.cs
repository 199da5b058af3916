using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// 登录防暴力破解 (Auth/LoginThrottle), on a movable clock and with the caller's address set per request: guessing
/// one account from one address waits, growing; the owner elsewhere signs in; a spread-out attack slows the account at
/// most a minute; unknown usernames are answered and counted exactly like real ones.
/// </summary>
public class LoginThrottleTests : IntegrationTest
{
    private static readonly TestClock Clock = new();

    protected override TestApp CreateApp() => TestApp.Get("login-throttle", services: s =>
    {
        s.AddSingleton<TimeProvider>(Clock);
        s.AddTransient<IStartupFilter, TestAddress>();
    });

    [SetUp]
    public void Now() => Clock.Now = DateTimeOffset.UtcNow;

    private Task<HttpResponseMessage> Login(string address, string username, string password)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Add(TestAddress.Header, address);
        return client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
    }

    private async Task WrongTimes(int times, string address, string username)
    {
        for (var i = 1; i <= times; i++)
        {
            var p = await Problem(await Login(address, username, $"wrong{i}x"), HttpStatusCode.Unauthorized);
            Assert.That(p.GetProperty("detail").GetString(), Is.EqualTo("用户名或密码错误。"),
                "no count of tries left");
        }
    }

    [Test]
    public async Task Guessing_from_one_address_waits_there_growing_while_the_owner_elsewhere_signs_in()
    {
        await WrongTimes(6, "10.0.0.66", "t02_staff"); // 5 free, the 6th sets a 2 s wait
        var refused = await Login("10.0.0.66", "t02_staff", "Demo@2026");
        var p = await Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("auth.throttled"));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)),
            "not even the right password gets in");

        Assert.That((await Login("10.0.0.7", "t02_staff", "Demo@2026")).StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "the owner at another address is not locked out");

        Clock.Now += TimeSpan.FromSeconds(3);
        await WrongTimes(1, "10.0.0.66", "t02_staff"); // the 7th failure: 4 s
        Assert.That((await Login("10.0.0.66", "t02_staff", "Demo@2026")).Headers.RetryAfter?.Delta,
            Is.EqualTo(TimeSpan.FromSeconds(4)), "each further failure doubles the wait");
        Clock.Now += TimeSpan.FromSeconds(5);
        Assert.That((await Login("10.0.0.66", "t02_staff", "Demo@2026")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await WrongTimes(5, "10.0.0.66", "t02_staff"); // a success started the pair again: five free
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'auth.login_throttled'"),
            Is.EqualTo(2));
    }

    [Test]
    public async Task Unknown_usernames_get_the_same_answers_and_waits_as_real_ones()
    {
        await WrongTimes(6, "10.0.0.66", "nobody_here");
        var unknown = await Login("10.0.0.66", "nobody_here", "whatever1");
        await WrongTimes(6, "10.0.0.67", "t02_staff");
        var known = await Login("10.0.0.67", "t02_staff", "whatever1");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Normalise(await unknown.Content.ReadAsStringAsync()),
            Is.EqualTo(Normalise(await known.Content.ReadAsStringAsync())));
    }

    private static string Normalise(string problem) =>
        System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");

    [Test]
    public async Task A_spread_attack_slows_the_account_a_minute_at_most_and_an_address_trying_many_names_waits()
    {
        for (var i = 1; i <= 21; i++) await WrongTimes(1, $"10.1.0.{i}", "t02_staff"); // 20 free, the 21st sets a wait
        var owner = await Login("10.0.0.7", "t02_staff", "Demo@2026");
        Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(owner.Headers.RetryAfter?.Delta, Is.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
        Clock.Now += TimeSpan.FromMinutes(1);
        Assert.That((await Login("10.0.0.7", "t02_staff", "Demo@2026")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        for (var i = 1; i <= 21; i++) await WrongTimes(1, "10.2.0.1", $"name{i}");
        Assert.That((await Login("10.2.0.1", "t01_leader", "Demo@2026")).StatusCode,
            Is.EqualTo(HttpStatusCode.TooManyRequests),
            "one address trying many names waits, whichever name it tries next");
    }
}
