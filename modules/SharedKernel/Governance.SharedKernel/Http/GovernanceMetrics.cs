using System.Diagnostics.Metrics;

namespace Governance.SharedKernel.Http;

/// <summary>
/// The API's own instruments (meter <c>Governance</c>), for what the framework's and Npgsql's meters do not say: which
/// of our limits refused a request, how often the database was unavailable, how many exports are running. Every tag
/// takes one of a few fixed values, so the number of series stays bounded.
/// </summary>
public static class GovernanceMetrics
{
    public const string MeterName = "Governance";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "governance.rate_limit.rejections", "{request}", "Requests refused with 429, by the limit that refused them");

    private static readonly Counter<long> DatabaseUnavailable = Meter.CreateCounter<long>(
        "governance.database.unavailable", "{request}", "Requests answered 503 database_unavailable");

    private static readonly UpDownCounter<long> ExportsInFlight = Meter.CreateUpDownCounter<long>(
        "governance.exports.in_flight", "{export}", "CSV/XLSX exports being written now");

    /// <summary>The limits that answer 429.</summary>
    public static class Policies
    {
        /// <summary>An API token's requests per minute.</summary>
        public const string ApiToken = "api_token";

        /// <summary>The login throttle (failed sign-ins per user and address).</summary>
        public const string Login = "login";

        /// <summary>Concurrent exports per caller.</summary>
        public const string Export = "export";
    }

    public static void RateLimited(string policy) => RateLimitRejections.Add(1, new KeyValuePair<string, object?>(
        "policy", policy));

    public static void DatabaseUnavailableAnswered() => DatabaseUnavailable.Add(1);

    /// <summary>Counts an export as running until the returned handle is disposed.</summary>
    public static IDisposable ExportRunning()
    {
        ExportsInFlight.Add(1);
        return new Finished();
    }

    private sealed class Finished : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) ExportsInFlight.Add(-1);
        }
    }
}
