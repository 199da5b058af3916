using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Governance.IntegrationTests;

/// <summary>The test host takes the caller's address from <c>X-Test-Address</c> (its transport has none).</summary>
internal sealed class TestAddress : IStartupFilter
{
    public const string Header = "X-Test-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, go) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var a))
                http.Connection.RemoteIpAddress = IPAddress.Parse(a!);
            await go(http);
        });
        next(app);
    };
}
