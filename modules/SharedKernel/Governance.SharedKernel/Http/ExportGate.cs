using System.Threading.RateLimiting;
using Governance.SharedKernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Governance.SharedKernel.Http;

/// <summary>
/// How many streamed downloads (<see cref="TableExport"/>) one caller runs at once: <c>Exports:ConcurrentPerCaller</c>
/// (default 2) per user, per API token, or per address when anonymous. One caller's fifty parallel exports otherwise
/// take the database and the cores from everyone else; the next one is refused with 429 before any work is done.
/// </summary>
public sealed class ExportGate(IConfiguration configuration) : IDisposable
{
    /// <summary>What a refused caller is told to wait: an export of a township's year takes seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("Exports:ConcurrentPerCaller", 2)),
            QueueLimit = 0,
        }));

    /// <summary>The caller an export counts against.</summary>
    public static string Caller(HttpContext http) =>
        http.User.FindFirst(GovClaims.TokenId)?.Value is { } token ? "token:" + token
        : http.User.FindFirst(GovClaims.UserId)?.Value is { } user ? "user:" + user
        : "address:" + http.Connection.RemoteIpAddress;

    /// <summary>A slot for one export, held until the lease is disposed; not acquired when the caller has none left.
    /// </summary>
    public RateLimitLease Enter(string caller) => limiter.AttemptAcquire(caller);

    public void Dispose() => limiter.Dispose();
}
