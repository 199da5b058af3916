using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Governance.Enforcement.Features;
using Governance.Organization.Contracts;
using Governance.SharedKernel.Paging;
using Governance.SharedKernel.Security;

namespace Governance.Bench;

/// <summary>
/// Enforcement at the loaded scale (the demo has ≈ 3,660 cases a county; 100 counties ≈ 366,000), in one run:
/// (1) case detail through the API vs the same SQL through Npgsql (ratio, goal ≥ 0.5);
/// (2) the case list: a deep page over page 1 for the province and for a county (goal ≤ 1.5);
/// (3) the public disclosure list of a township, anonymous: requests per second with 16 concurrent clients, plain
///     and conditional (If-None-Match ⇒ 304);
/// (4) the province's enforcement KPIs of the year so far through the one KPI query (goal p95 ≤ 50 ms), the province
///     figure and each county's, and every module's KPIs of the province in the same call;
/// (5) the case change feed drained by the province, pages of 200, through the API against the same feed queries
///     run directly (<see cref="ChangeFeed"/> with the rows read by id, no HTTP, no JSON): from the beginning, and
///     again after a day of activity (every case received in the last 24 hours of the demo touched).
/// </summary>
internal static class EnforcementBench
{
    public static async Task RunAsync(Bench b)
    {
        var (db, http) = (b.Db, b.Http);
        await using (var c = await db.OpenConnectionAsync())
        {
            var (counties, cases, disclosures) = await c.QuerySingleAsync<(long, long, long)>("""
                select (select count(*) from organization.regions where level = 'county'),
                       (select count(*) from enforcement.cases), (select count(*) from enforcement.disclosures)
                """, commandTimeout: 0);
            b.Say($"# Enforcement benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
                $"{Environment.ProcessorCount} cores");
            b.Say($"data: {counties} counties, {cases:N0} cases, {disclosures:N0} disclosures");
        }

        // ---- 1. case detail: API vs the same SQL (the row, then the detail batch: the API's two round trips) ----
        var (leader, townshipId, scope) = await b.PickUserAsync(Roles.TownshipLeader, RegionLevels.Township);
        await b.Login(leader);
        Guid[] ids;
        await using (var c = await db.OpenConnectionAsync())
            ids = (await c.QueryAsync<Guid>("""
                select id from enforcement.cases where region_path like @scope and filed_on is not null
                order by random() limit 500
                """, new { scope = scope + "%" })).ToArray();
        if (ids.Length == 0) throw new InvalidOperationException($"no cases in {leader}'s township");
        var (na, nd) = (0, 0);
        var (apiTimes, directTimes) = await b.TimeSideBySide(async () =>
        {
            using var response = await http.GetAsync($"/api/v1/enforcement/cases/{ids[na++ % ids.Length]}");
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        }, async () =>
        {
            await using var c = await db.OpenConnectionAsync();
            var id = ids[nd++ % ids.Length];
            var row = await c.QuerySingleOrDefaultAsync<Cases.Row>(
                $"{Cases.Select} where k.id = @id and {Cases.InScope}",
                new { id, scope = scope + "%", unitId = (Guid?)null });
            using var grid = await c.QueryMultipleAsync(Cases.Detail, new { id });
            while (!grid.IsConsumed) _ = (await grid.ReadAsync()).AsList();
            if (row is null) throw new InvalidOperationException("case not read");
        });
        b.Say("");
        b.Say($"## 1. case detail ({ids.Length} different cases of one township, caller {leader}, " +
              $"{apiTimes.Length} requests each, alternating with the SQL)");
        b.Say("| path | mean ms | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|");
        b.Say($"| API (HTTP, session, scope, masking, timeline, evidence, JSON) | {apiTimes.Average():0.00} | " +
            $"{Bench.P(apiTimes, .5):0.00} | {Bench.P(apiTimes, .95):0.00} |");
        b.Say($"| same SQL (row + detail batch) through Npgsql + Dapper | {directTimes.Average():0.00} | " +
            $"{Bench.P(directTimes, .5):0.00} | {Bench.P(directTimes, .95):0.00} |");
        b.Say($"ratio (direct / API, goal ≥ 0.5): means **{directTimes.Average() / apiTimes.Average():0.00}**, " +
            $"medians {Bench.P(directTimes, .5) / Bench.P(apiTimes, .5):0.00}");

        // ---- 2. the case list: page 1 vs a deep page ----
        Task<(double[] First, double[] Deep, long Page)> Pages(string user, long wanted) =>
            b.DeepPagesAsync(user, wanted, "enforcement.cases", "region_path", "/api/v1/enforcement/cases?limit=50",
                (at, id) => new { ReceivedAt = at, Id = id });
        var (countyLeader, _, _) = await b.PickUserAsync(Roles.CountyLeader, RegionLevels.County);
        var province = await Pages("bench_province", 2_000);
        var county = await Pages(countyLeader, 2_000);
        static string Rows(long page) => $"{page:N0} (rows {(page - 1) * 50 + 1:N0}–{page * 50:N0})";
        b.Say("");
        b.Say($"## 2. case list (50 per page, keyset cursor; 200 sequential requests each; county caller " +
              $"{countyLeader}; the deep page is page 2,000 or the last full one)");
        b.Say("| caller | page | mean ms | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|---|");
        foreach (var (who, r) in new[] { ("province", province), ("one county", county) })
        {
            b.Say($"| {who} | 1 | {r.First.Average():0.00} | {Bench.P(r.First, .5):0.00} | " +
                $"{Bench.P(r.First, .95):0.00} |");
            b.Say($"| {who} | {Rows(r.Page)} | {r.Deep.Average():0.00} | {Bench.P(r.Deep, .5):0.00} | " +
                $"{Bench.P(r.Deep, .95):0.00} |");
        }
        b.Say($"ratio deep / first (goal ≤ 1.5): province **{province.Deep.Average() / province.First.Average():0.00}" +
            $"**, county **{county.Deep.Average() / county.First.Average():0.00}**");

        // ---- 3. the public disclosure list: throughput, plain and conditional ----
        var url = $"/api/v1/public/enforcement/disclosures?regionId={townshipId}";
        using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };
        using var first = await anonymous.GetAsync(url);
        first.EnsureSuccessStatusCode();
        var tag = first.Headers.ETag ?? throw new InvalidOperationException("no ETag on the public list");
        var shown = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("items")
            .GetArrayLength();
        var plain = await Throughput(anonymous, url, null, HttpStatusCode.OK);
        var conditional = await Throughput(anonymous, url, tag, HttpStatusCode.NotModified);
        b.Say("");
        b.Say($"## 3. public disclosure list of one township (anonymous, {shown} entries on the page, 16 concurrent " +
              "clients, 10 s each)");
        b.Say("| request | requests/s | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|");
        b.Say($"| plain GET (200, full page) | **{plain.PerSecond:0}** | {Bench.P(plain.Times, .5):0.00} | " +
            $"{Bench.P(plain.Times, .95):0.00} |");
        b.Say($"| If-None-Match (304, no body) | **{conditional.PerSecond:0}** | " +
            $"{Bench.P(conditional.Times, .5):0.00} | {Bench.P(conditional.Times, .95):0.00} |");

        // ---- 4. the province's KPIs through the one KPI query ----
        await b.Login("bench_province");
        var months = $"from={DateTime.UtcNow.Year}-01&to={DateTime.UtcNow:yyyy-MM}";
        b.Say("");
        b.Say($"## 4. province KPIs of the year so far (/api/v1/kpis/values?…&{months}; closed months frozen, " +
              "the open month live, reused for Kpis:ProvisionalSeconds; 50 sequential requests after the first, " +
              "which freezes the closed months)");
        b.Say("| query | figures | first call ms | p50 ms | p95 ms (goal ≤ 50) |");
        b.Say("|---|---|---|---|---|");
        foreach (var (what, query) in new[]
                 {
                     ("enforcement, the province", "module=enforcement"),
                     ("enforcement, each county", "module=enforcement&level=county"),
                     ("every module, the province", "module="),
                 })
        {
            var kpiUrl = $"/api/v1/kpis/values?{query}&{months}".Replace("module=&", "");
            var sw = Stopwatch.StartNew();
            using var once = await http.GetAsync(kpiUrl);
            once.EnsureSuccessStatusCode();
            var firstMs = sw.Elapsed.TotalMilliseconds;
            var figures = JsonDocument.Parse(await once.Content.ReadAsStringAsync()).RootElement.GetArrayLength();
            var times = await b.Time(async () => (await http.GetAsync(kpiUrl)).EnsureSuccessStatusCode(), times: 50);
            b.Say($"| {what} | {figures:N0} | {firstMs:0} | {Bench.P(times, .5):0.0} | " +
                $"**{Bench.P(times, .95):0.0}** |");
        }

        // ---- 5. the case change feed, drained ----
        var drained = await DrainAsync(b);
        await using (var c = await db.OpenConnectionAsync())
            // a day of activity: the cases received in the demo's last 24 hours change (the trigger moves them on)
            await c.ExecuteAsync("""
                update enforcement.cases set version = version
                where received_at > (select max(received_at) from enforcement.cases) - interval '1 day'
                """, commandTimeout: 0);
        var day = await DrainAsync(b, drained.Api.Cursor, drained.Direct.Cursor);
        b.Say("");
        b.Say("## 5. case change feed drained by the province (/api/v1/enforcement/cases/changes, 200 a page; " +
              "direct: the same feed queries through Npgsql + Dapper, no HTTP or JSON)");
        b.Say("| drain | rows | API s | API rows/s | direct s | direct rows/s | ratio (direct / API time) |");
        b.Say("|---|---|---|---|---|---|---|");
        foreach (var (what, r) in new[] { ("from the beginning", drained), ("a day's changes", day) })
            b.Say($"| {what} | {r.Api.Rows:N0} | {r.Api.Seconds:0.00} | {r.Api.Rows / r.Api.Seconds:N0} | " +
                $"{r.Direct.Seconds:0.00} | {r.Direct.Rows / r.Direct.Seconds:N0} | " +
                $"**{r.Direct.Seconds / r.Api.Seconds:0.00}** |");
    }

    private sealed record Drain(long Rows, double Seconds, string? Cursor);

    /// <summary>Pulls the case feed from the cursors until no more is ready: through the API as the province user, and
    /// directly.</summary>
    private static async Task<(Drain Api, Drain Direct)> DrainAsync(
        Bench b, string? apiCursor = null, string? directCursor = null)
    {
        await b.Login("bench_province");
        var (rows, sw, cursor) = (0L, Stopwatch.StartNew(), apiCursor);
        while (true)
        {
            var url = "/api/v1/enforcement/cases/changes?limit=200"
                + (cursor is null ? "" : "&changedSince=" + Uri.EscapeDataString(cursor));
            using var response = await b.Http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            rows += page.RootElement.GetProperty("items").GetArrayLength();
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
            if (!page.RootElement.GetProperty("more").GetBoolean()) break;
        }
        var api = new Drain(rows, sw.Elapsed.TotalSeconds, cursor);

        await using var c = await b.Db.OpenConnectionAsync();
        var province = new RegionScope(await c.QuerySingleAsync<string>(
            "select path from organization.regions where level = 'province'"));
        (rows, sw, cursor) = (0L, Stopwatch.StartNew(), directCursor);
        while (true)
        {
            var feed = Cases.Feed<Cases.Row>(null, async ids => (await c.QueryAsync<Cases.Row>(
                $"{Cases.Select} where k.id = any(@ids)", new { ids = ids.ToArray() })).ToList(), k => k.Id);
            var page = await ChangeFeed.ReadAsync(c, feed, province, cursor, 200, default);
            rows += page.Items.Count;
            cursor = page.NextCursor;
            if (!page.More) break;
        }
        return (api, new Drain(rows, sw.Elapsed.TotalSeconds, cursor));
    }

    /// <summary>16 clients requesting <paramref name="url"/> as fast as answered for 10 s (after 2 s of warm-up):
    /// requests per second and the sorted latencies; every answer must have <paramref name="expected"/>.</summary>
    private static async Task<(double PerSecond, double[] Times)> Throughput(
        HttpClient http, string url, EntityTagHeaderValue? ifNoneMatch, HttpStatusCode expected)
    {
        async Task<List<double>> Client(TimeSpan duration)
        {
            var times = new List<double>();
            var until = Stopwatch.StartNew();
            while (until.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
                var sw = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != expected)
                    throw new InvalidOperationException($"{url}: {(int)response.StatusCode}, expected {expected}");
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            return times;
        }
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Client(TimeSpan.FromSeconds(2))));
        var clock = Stopwatch.StartNew();
        var all = (await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Client(TimeSpan.FromSeconds(10)))))
            .SelectMany(t => t).ToArray();
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(all);
        return (all.Length / seconds, all);
    }
}
