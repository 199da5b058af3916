using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Governance.Api;

/// <summary>
/// Deployed behind a reverse proxy that ends TLS (docs/reverse-proxy.md): the client's address and scheme come from
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, believed only from the proxies listed in
/// <c>ReverseProxy:KnownProxies</c> (comma-separated addresses; loopback always) — so login throttling and the audit
/// trail see the real client, session cookies are <c>Secure</c> and HSTS is sent when the client used HTTPS. A header
/// from anyone else is ignored (a client cannot pose as another address to escape the login throttle).
/// </summary>
internal static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration config)
    {
        var proxies = (config["ReverseProxy:KnownProxies"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => IPAddress.TryParse(a, out var ip) ? ip
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{a}' is not an IP address."))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1; // the one proxy in front; a longer chain is the client's own claim
            foreach (var ip in proxies) o.KnownProxies.Add(ip);
        });
        // a year, subdomains too; never for localhost (./run.sh serves plain HTTP on loopback)
        return services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts(); // only on HTTPS requests (as the proxy reports them)
        return app;
    }
}
