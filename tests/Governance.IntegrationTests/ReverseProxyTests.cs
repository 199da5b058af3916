using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// Behind the reverse proxy that ends TLS: the client's address and scheme are taken from the forwarded headers of a
/// known proxy only — then the session cookies are Secure, HSTS is sent, and the audit trail records the client; the
/// same headers from anyone else change nothing.
/// </summary>
public class ReverseProxyTests : IntegrationTest
{
    private const string Proxy = "10.0.0.5";

    /// <summary>The test host takes the peer's address from <c>X-Test-Peer</c> (its transport has none).</summary>
    private sealed class TestPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, go) =>
            {
                if (http.Request.Headers.TryGetValue("X-Test-Peer", out var a))
                    http.Connection.RemoteIpAddress = IPAddress.Parse(a!);
                await go(http);
            });
            next(app);
        };
    }

    protected override TestApp CreateApp() => TestApp.Get("reverse-proxy",
        new Dictionary<string, string?> { ["ReverseProxy:KnownProxies"] = Proxy },
        s => s.AddTransient<IStartupFilter, TestPeer>());

    private async Task<HttpResponseMessage> LoginFrom(string peer)
    {
        var client = App.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { username = "admin", password = "Demo@2026" }),
        };
        request.Headers.Host = "gov.example.cn";
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    private Task<string?> LastLoginAddress() =>
        Scalar<string?>("select ip from audit.entries where action = 'auth.login' order by seq desc limit 1");

    [Test]
    public async Task A_known_proxys_forwarded_https_makes_cookies_secure_sends_HSTS_and_names_the_client()
    {
        var response = await LoginFrom(Proxy);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Has.Count.EqualTo(2).And.All.Contains("secure"));
        Assert.That(response.Headers.GetValues("Strict-Transport-Security").Single(),
            Is.EqualTo("max-age=31536000; includeSubDomains"));
        Assert.That(await LastLoginAddress(), Is.EqualTo("203.0.113.9"));
    }

    [Test]
    public async Task The_same_headers_from_anyone_else_are_ignored()
    {
        var response = await LoginFrom("198.51.100.7");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("Set-Cookie"), Has.None.Contains("secure"));
        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
        Assert.That(await LastLoginAddress(), Is.EqualTo("198.51.100.7"));
    }
}
