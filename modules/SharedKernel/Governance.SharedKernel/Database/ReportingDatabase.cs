using System.Collections.Concurrent;
using System.Security.Claims;
using Governance.SharedKernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Governance.SharedKernel.Database;

/// <summary>
/// Where a request's reporting reads go — KPI figures, open-data packages and streamed exports: the read
/// replica while it is usable, else the primary. Never the replica for a caller that sent a change within
/// <see cref="ReplicaOptions.ReadYourWritesWindow"/>, nor after this request wrote (<see cref="ReadYourWrites"/>).
/// Writes never use it: they take the primary <see cref="NpgsqlDataSource"/>. The response says which served it in
/// <c>X-Served-By</c> (<c>replica</c>, <c>primary</c>, or both in the order used).
/// </summary>
public sealed class ReportingDatabase(NpgsqlDataSource primary, ReadReplica replica, RecentWriters writers,
    IHttpContextAccessor accessor, IOptions<ReplicaOptions> options, TimeProvider clock)
{
    public const string Header = "X-Served-By";
    private bool _pinned;

    /// <summary>The data source for the next read; each access decides afresh (the replica may drop out).</summary>
    public NpgsqlDataSource Db
    {
        get
        {
            var http = accessor.HttpContext;
            var useReplica = !_pinned && replica.Usable && !writers.WroteRecently(http?.User);
            if (http is { Response.HasStarted: false })
            {
                var served = useReplica ? "replica" : "primary";
                var header = http.Response.Headers[Header].ToString();
                if (header.Length == 0) http.Response.Headers[Header] = served;
                else if (!header.Contains(served, StringComparison.Ordinal))
                    http.Response.Headers[Header] = header + ", " + served;
            }
            return useReplica ? replica.Source! : primary;
        }
    }

    /// <summary>This request wrote what it is about to read (e.g. froze a month): the rest of it reads the
    /// primary.</summary>
    public void ReadYourWrites() => _pinned = true;

    /// <summary>What is about to be read was written at <paramref name="utc"/> (by anyone): if that is within the
    /// window a replica may not have replayed yet, the rest of this request reads the primary.</summary>
    public void WrittenAt(DateTime utc)
    {
        if (utc != default && clock.GetUtcNow().UtcDateTime - utc < options.Value.ReadYourWritesWindow) _pinned = true;
    }
}

/// <summary>
/// Who sent a change lately (per API process), so that their reports do not come from a replica that has not
/// replayed it yet. Every unsafe request counts, accepted or not — cheaper than knowing whether it wrote, and never
/// wrong in the unsafe direction. Behind several API processes, route a user's requests to one (sticky sessions) or
/// accept that a report right after a change on another process may be up to the lag bound old.
/// </summary>
public sealed class RecentWriters(IOptions<ReplicaOptions> options)
{
    // the process's monotonic clock in ms: replication lag is real time, whatever business date a test sets
    private readonly ConcurrentDictionary<string, long> _last = new(StringComparer.Ordinal);
    private long Window => (long)options.Value.ReadYourWritesWindow.TotalMilliseconds;

    private static string? Key(ClaimsPrincipal? user) => user?.FindFirstValue(GovClaims.UserId);

    public void Wrote(ClaimsPrincipal? user)
    {
        if (Key(user) is not { } key) return;
        var now = Environment.TickCount64;
        _last[key] = now;
        if (_last.Count <= 10_000) return;
        var expired = now - Window;
        foreach (var (k, at) in _last)
            if (at < expired) _last.TryRemove(k, out _);
    }

    public bool WroteRecently(ClaimsPrincipal? user) =>
        Key(user) is { } key && _last.TryGetValue(key, out var at)
        && Environment.TickCount64 - at < Window;
}

public static class ReadYourWritesMiddleware
{
    /// <summary>Notes the signed-in caller of every unsafe request in <see cref="RecentWriters"/> before it runs (after
    /// authentication: the caller must be known). Noted first, so that no read can overtake its own write.</summary>
    public static IApplicationBuilder UseReadYourWrites(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method))
            http.RequestServices.GetRequiredService<RecentWriters>().Wrote(http.User);
        return next(http);
    });
}
