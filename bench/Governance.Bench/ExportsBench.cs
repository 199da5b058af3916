using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Governance.Organization.Contracts;

namespace Governance.Bench;

/// <summary>
/// Issue 13's resource bound, in one run: one user's flood of exports must not starve another user (goal: the other
/// user's p99 during the flood ≤ 2× its quiet p99). User B, a township window clerk, makes the same sequential
/// requests in every phase — its application list's first page and an application's detail, alternately:
/// quiet; while user A (the province, every application) keeps 50 parallel CSV exports going, refused ones fired again
/// at once (<c>ExportGate</c> lets 2 run); the same honouring Retry-After; a control — the same 50 parallel exports
/// spread over 50 province users, which a per-caller gate does not limit (what the gate buys); quiet again (the
/// machine's drift during the run).
/// </summary>
internal static class ExportsBench
{
    private const int Parallel = 50;

    public static async Task RunAsync(Bench b)
    {
        await using (var c = await b.Db.OpenConnectionAsync())
        {
            var (counties, applications) = await c.QuerySingleAsync<(long, long)>("""
                select (select count(*) from organization.regions where level = 'county'),
                       (select count(*) from service_centre.applications)
                """, commandTimeout: 0);
            b.Say($"# Exports benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
            b.Say($"data: {counties} counties, {applications:N0} applications");
        }
        var userA = await SessionAsync(b, "bench_province");
        var others = await Task.WhenAll((await EnsureExportUsersAsync(b)).Select(u => SessionAsync(b, u)));
        var (clerk, _, scope) = await b.PickUserAsync(Roles.WindowClerk, RegionLevels.Township);
        var userB = new Victim(await SessionAsync(b, clerk), await ApplicationIdsAsync(b, scope));

        await ExportAloneAsync(userA); // warm
        var (rows, bytes, seconds) = await ExportAloneAsync(userA);
        b.Say($"one export by user A alone (bench_province, every application): {rows:N0} rows, " +
            $"{bytes / 1e6:0.0} MB, {seconds:0.00} s");
        b.Say("");
        b.Say($"## user B ({clerk}): {2 * b.Iterations} sequential requests a phase (list page 1 and a detail, " +
            "alternately), after a warm-up under the same load");
        b.Say("| phase | p50 ms | p95 ms | p99 ms | p99 / quiet p99 | B failed | exports completed | refused (429) | " +
            "export mean s |");
        b.Say("|---|---|---|---|---|---|---|---|---|");
        var phases = new (string Name, Func<ExportFlood?> Flood)[]
        {
            ("quiet", () => null),
            ($"user A: {Parallel} parallel exports, refused ones fired again at once",
                () => new ExportFlood([userA], Parallel, honourRetryAfter: false)),
            ($"user A: {Parallel} parallel exports, refused ones fired again after Retry-After",
                () => new ExportFlood([userA], Parallel, honourRetryAfter: true)),
            ($"control: {Parallel} parallel exports by {Parallel} users (one each, not gated)",
                () => new ExportFlood(others, Parallel, honourRetryAfter: false)),
            ("quiet again", () => null),
        };
        var results = new List<(string Name, double[] Times, int Failed, ExportFlood? Flood)>();
        foreach (var (name, makeFlood) in phases)
        {
            var flood = makeFlood()?.Start();
            var failed = userB.Failed;
            var times = await b.Time(userB.RequestAsync, 2 * b.Iterations);
            if (flood is not null) await flood.StopAsync();
            results.Add((name, times, userB.Failed - failed, flood));
        }
        // the reference: both quiet phases' samples, so the machine's drift during the run weighs on it
        var quiet = results[0].Times.Concat(results[^1].Times).Order().ToArray();
        var quietP99 = Bench.P(quiet, .99);
        foreach (var (name, times, failed, flood) in results)
            b.Say($"| {name} | {Bench.P(times, .5):0.0} | {Bench.P(times, .95):0.0} | {Bench.P(times, .99):0.0} | " +
                $"**{Bench.P(times, .99) / quietP99:0.00}** | {failed} | {flood?.Completed ?? 0} | " +
                $"{flood?.Refused ?? 0} | {flood?.MeanSeconds ?? 0:0.00} |");
        var floodP99 = Bench.P(results[1].Times, .99);
        b.Say($"goal (user B's p99 during user A's flood ≤ 2× quiet): {floodP99:0.0} ms / {quietP99:0.0} ms (both " +
            $"quiet phases) = **{floodP99 / quietP99:0.00}×** — {(floodP99 <= 2 * quietP99 ? "met" : "not met")}");
        var completed = results.Sum(r => r.Flood?.Completed ?? 0);
        var refused = results.Sum(r => r.Flood?.Refused ?? 0);
        b.Say($"audit rows applications.exported: {await AuditedExportsAsync(b):N0}, for {completed + 2:N0} exports " +
            $"completed (2 alone), {refused:N0} refused and those cut off at each phase's end");
    }

    private static async Task<long> AuditedExportsAsync(Bench b)
    {
        await using var c = await b.Db.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>(
            "select count(*) from audit.entries where action = 'applications.exported'");
    }

    /// <summary>A session of its own for <paramref name="user"/>: its cookies, no timeout (exports are long).</summary>
    private static async Task<HttpClient> SessionAsync(Bench b, string user)
    {
        var http = new HttpClient(new SocketsHttpHandler()) // cookies on, a container of its own
            { BaseAddress = b.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        (await http.PostAsJsonAsync("/api/v1/auth/login", new { username = user, password = "Demo@2026" }))
            .EnsureSuccessStatusCode();
        return http;
    }

    /// <summary>The control's province users, bench_export_01…50, as <c>bench_province</c> is made.</summary>
    private static async Task<string[]> EnsureExportUsersAsync(Bench b)
    {
        var users = Enumerable.Range(1, Parallel).Select(i => $"bench_export_{i:00}").ToArray();
        await using var c = await b.Db.OpenConnectionAsync();
        await c.ExecuteAsync("""
            insert into organization.users (id, username, display_name, password_hash, role, region_id, region_path,
                created_at, updated_at)
            select gen_random_uuid(), bench.name, '导出', u.password_hash, 'county_admin', r.id, r.path, now(), now()
            from unnest(@users) bench(name), organization.regions r, organization.users u
            where r.level = 'province' and u.username = 'admin'
            on conflict do nothing
            """, new { users });
        return users;
    }

    private static async Task<Guid[]> ApplicationIdsAsync(Bench b, string scope)
    {
        await using var c = await b.Db.OpenConnectionAsync();
        var ids = (await c.QueryAsync<Guid>(
            "select id from service_centre.applications where origin_path like @scope order by random() limit 500",
            new { scope = scope + "%" })).ToArray();
        return ids.Length > 0 ? ids
            : throw new InvalidOperationException("no applications in the clerk's township: load BENCH_MONTHS ≥ 1");
    }

    private static async Task<(long Rows, long Bytes, double Seconds)> ExportAloneAsync(HttpClient http)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(ExportFlood.Url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var (bytes, lines) = await Bench.DrainAsync(stream);
        return (lines - 1, bytes, sw.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// User B's requests, one at a time: the list's first page and an application's detail in turn. A failure (an
    /// error status, a timeout) is counted, not thrown: under load that is a finding to report.
    /// </summary>
    private sealed class Victim(HttpClient http, Guid[] ids)
    {
        private int _n;

        public int Failed { get; private set; }

        public async Task RequestAsync()
        {
            var n = _n++;
            var url = n % 2 == 0 ? "/api/v1/service-centre/applications?limit=50"
                : $"/api/v1/service-centre/applications/{ids[n / 2 % ids.Length]}";
            try
            {
                using var response = await http.GetAsync(url);
                if (!response.IsSuccessStatusCode) { Failed++; return; }
                using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Failed++;
            }
        }
    }
}
