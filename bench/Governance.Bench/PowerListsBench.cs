using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Governance.Organization.Contracts;
using Governance.PowerLists.Features;

namespace Governance.Bench;

/// <summary>
/// PowerLists at province scale: (1) a township's list as of a date through the API vs. the same SQL run directly
/// (ratio, goal ≥ 0.7); (2) the full health check of one county and of the province (wall times; which check
/// dominates); (3) the KPIs of the year so far; (4) when applications are loaded, the usage question behind 接不住,
/// answered from the rollup vs. from the applications.
/// </summary>
internal static class PowerListsBench
{
    public static async Task RunAsync(Bench b)
    {
        var (db, http, iterations) = (b.Db, b.Http, b.Iterations);
        void Say(string line) => b.Say(line);
        Task Login(string user) => b.Login(user);
        static double P(double[] s, double q) => Bench.P(s, q);

        await using (var c = await db.OpenConnectionAsync())
        {
            var counts = await c.QuerySingleAsync<(
                long Counties, long Items, long Versions, long Entries, long Agreements)>("""
                select (select count(*) from organization.regions where level = 'county'),
                       (select count(*) from power_lists.items), (select count(*) from power_lists.item_versions),
                       (select count(*) from power_lists.entries), (select count(*) from power_lists.agreements)
                """);
            Say($"# PowerLists benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
            Say($"data: {counts.Counties} counties, {counts.Items:N0} items, {counts.Versions:N0} versions, " +
                $"{counts.Entries:N0} township entries, {counts.Agreements:N0} agreements");
        }

        // ---- 1. township list as of a date: API vs direct SQL ----
        var (leader, township, _) = await b.PickUserAsync(Roles.TownshipLeader, RegionLevels.Township);
        var (bianban, _, _) = await b.PickUserAsync(Roles.EstablishmentOffice, RegionLevels.County);
        Say($"callers: {leader} (township list), {bianban} (one county), bench_province (the province)");
        await Login(leader);
        var date = new DateOnly(DateTime.UtcNow.Year, 6, 30);
        var url = $"/api/v1/power-lists/townships/{township}/entries?asOf={date:yyyy-MM-dd}";

        var (apiRows, directRows) = (0, 0);
        var (apiTimes, directTimes) = await b.TimeSideBySide(async () =>
        {
            using var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            apiRows = doc.RootElement.GetProperty("entries").GetArrayLength();
        }, async () =>
        {
            await using var c = await db.OpenConnectionAsync();
            var rows = await c.QueryAsync(TownshipLists.ListSql,
                new { townshipId = township, date, domain = (string?)null, mode = (string?)null,
                    listKind = (string?)null, publishedOnly = false });
            directRows = rows.Count();
        });
        Say("");
        Say($"## 1. township list as of {date:yyyy-MM-dd} ({apiRows} entries; " +
            $"API rows = direct rows: {apiRows == directRows}), {iterations} requests each, alternating with the SQL");
        Say($"| path | mean ms | p50 ms | p95 ms |");
        Say($"|---|---|---|---|");
        Say($"| API (HTTP, auth, scope check, JSON) | {apiTimes.Average():0.00} | {P(apiTimes, .5):0.00} | " +
            $"{P(apiTimes, .95):0.00} |");
        Say($"| same SQL through Npgsql + Dapper | {directTimes.Average():0.00} | {P(directTimes, .5):0.00} | " +
            $"{P(directTimes, .95):0.00} |");
        // the median too: on a loaded machine a few slow outliers move the means
        Say($"ratio (direct / API, goal ≥ 0.7): means **{directTimes.Average() / apiTimes.Average():0.00}**, " +
            $"medians {P(directTimes, .5) / P(apiTimes, .5):0.00}");

        // ---- 2. health check: one county, the province; and which check dominates ----
        async Task<(double Ms, int Flags)> HealthCheck(string user)
        {
            await Login(user);
            await http.GetAsync("/api/v1/power-lists/health"); // warm-up
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync("/api/v1/power-lists/health");
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            return (sw.Elapsed.TotalMilliseconds, doc.RootElement.GetProperty("total").GetInt32());
        }
        var county = await HealthCheck(bianban);
        var province = await HealthCheck("bench_province");
        Say("");
        Say("## 2. full health check through the API");
        Say($"| scope | wall ms | flags |");
        Say($"|---|---|---|");
        Say($"| one county | {county.Ms:0} | {county.Flags:N0} |");
        Say($"| province | {province.Ms:0} | {province.Flags:N0} |");

        await using (var c = await db.OpenConnectionAsync())
        {
            var plan = string.Join("\n", await c.QueryAsync<string>(
                "explain (analyze, timing on, summary on) " + Health.Sql,
                new { scope = "/990000000000/%", date = DateOnly.FromDateTime(DateTime.UtcNow), expiryDays = 30 }));
            var top = plan.Split('\n').Where(l => l.Contains("actual time")).Take(12);
            Say("");
            Say("province plan, top nodes (EXPLAIN ANALYZE):");
            Say("```");
            foreach (var l in top) Say(l.Length > 160 ? l[..160] : l);
            Say(plan.Split('\n').Last(l => l.Contains("Execution Time")));
            Say("```");
        }
    
        // ---- 3. the KPIs of the year so far (what a nightly script pulls): one county, the province. The first call
        // freezes the closed months and computes the open one; later calls reuse the open month for
        // Kpis:ProvisionalSeconds (default 60), as every KPI page does ----
        var kpiUrl = $"/api/v1/power-lists/kpis?from={DateTime.UtcNow.Year}-01&to={DateTime.UtcNow:yyyy-MM}";
        async Task<(double First, double[] Then)> Kpis(string user)
        {
            await Login(user);
            var sw = Stopwatch.StartNew();
            (await http.GetAsync(kpiUrl)).EnsureSuccessStatusCode();
            var first = sw.Elapsed.TotalMilliseconds;
            return (first, await b.Time(async () => (await http.GetAsync(kpiUrl)).EnsureSuccessStatusCode(), 50));
        }
        var (countyKpis, provinceKpis) = (await Kpis(bianban), await Kpis("bench_province"));
        Say("");
        Say($"## 3. KPIs through the API ({kpiUrl}), the first call, then 50 more");
        Say("| scope | first call ms | p50 ms | p95 ms (goal ≤ 50) |");
        Say("|---|---|---|---|");
        Say($"| one county | {countyKpis.First:0} | {P(countyKpis.Then, .5):0.0} | {P(countyKpis.Then, .95):0.0} |");
        Say($"| province | {provinceKpis.First:0} | {P(provinceKpis.Then, .5):0.0} | "
            + $"**{P(provinceKpis.Then, .95):0.0}** |");

        await UsageAsync(b);
    }

    /// <summary>The 接不住 check asks which townships used which power items in the last 6 months (IServiceUsage): the
    /// rollup kept by triggers against the same answer aggregated from the applications, which is how it was first
    /// asked.</summary>
    private static async Task UsageAsync(Bench b)
    {
        long applications;
        await using (var c = await b.Db.OpenConnectionAsync())
            applications = await c.ExecuteScalarAsync<long>("select count(*) from service_centre.applications");
        if (applications == 0) return;
        var (scope, to) = ("/990000000000/", DateOnly.FromDateTime(DateTime.UtcNow));
        var from = Health.UnusedSince(to, new Governance.PowerLists.PowerListsOptions().UnusedMonths);
        var usage = new Governance.ServiceCentre.ServiceUsage(b.Db);
        HashSet<(string, Guid, DateOnly)> rollup = [], recount = [];
        var rollupMs =
            await Median(async () => rollup = (await usage.UsageAsync(scope, from, to, CancellationToken.None))
            .Select(u => (u.TownshipPath, u.PowerItemId, u.Month)).ToHashSet());
        var recountMs = await Median(async () =>
        {
            await using var c = await b.Db.OpenConnectionAsync();
            recount = (await c.QueryAsync<(string, Guid, DateTime)>(new CommandDefinition("""
                select substring(a.origin_path from '^/[0-9]+/[0-9]+/[0-9]+/'), v.power_item_id,
                    date_trunc('month', a.received_on)::date
                from service_centre.applications a join service_centre.item_versions v on v.item_id = a.item_id
                    and v.version = a.item_version
                where a.origin_path like @pattern and a.received_on >= @from and a.received_on < @end
                    and v.power_item_id is not null
                  and length(a.origin_path) - length(replace(a.origin_path, '/', '')) >= 4
                group by 1, 2, 3
                """, new { pattern = scope + "%", from, end = new DateOnly(to.Year, to.Month, 1).AddMonths(1) },
                commandTimeout: 0)))
                .Select(r => (r.Item1, r.Item2, DateOnly.FromDateTime(r.Item3))).ToHashSet();
        }, times: 3);
        b.Say("");
        b.Say($"## 4. 接不住: which townships used which power items, province, {from:yyyy-MM} – {to:yyyy-MM} " +
            $"({applications:N0} applications loaded)");
        b.Say("| source | median ms | (township, item, month) rows |");
        b.Say("|---|---|---|");
        b.Say($"| usage rollup (service_centre.power_item_usage, what the API asks) | {rollupMs:0.0} | " +
            $"{rollup.Count:N0} |");
        b.Say($"| aggregated from the applications | {recountMs:0.0} | {recount.Count:N0} |");
        b.Say($"same answer: {rollup.SetEquals(recount)}; " +
            $"rollup / applications time: **{rollupMs / recountMs:0.000}**");
    }

    private static async Task<double> Median(Func<Task> action, int times = 7)
    {
        await action(); // warm-up
        var samples = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples.Order().ElementAt(times / 2);
    }
}
