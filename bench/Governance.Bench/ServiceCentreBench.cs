using Governance.SharedKernel.Workflows;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Governance.Organization.Contracts;
using Governance.ServiceCentre.Features;

namespace Governance.Bench;

/// <summary>
/// ServiceCentre at province scale (≥ 10 million applications), measured in one run:
/// (1) application detail through the API vs. the same SQL through Npgsql (ratio, goal ≥ 0.7);
/// (2) list pagination: page 10,000 over page 1 (goal ≤ 1.5);
/// (3) the province KPI dashboard query from the rollups (goal p95 ≤ 50 ms);
/// (4) CSV export of ~1 million and of all (≥ 10 million) applications vs. PostgreSQL's COPY of the same query
///     (goal ≤ 2×), with the API process's peak resident memory for both (goal: flat).
/// </summary>
internal static class ServiceCentreBench
{
    public static async Task RunAsync(Bench b)
    {
        var (db, http) = (b.Db, b.Http);
        await using (var c = await db.OpenConnectionAsync())
        {
            var counts = await c.QuerySingleAsync<(
                long Counties, long Applications, long Events, long Ratings, long Rollups)>("""
                select (select count(*) from organization.regions where level = 'county'),
                       (select count(*) from service_centre.applications),
                       (select count(*) from service_centre.application_events),
                       (select count(*) from service_centre.ratings), (select count(*) from service_centre.kpi_rollups)
                """, commandTimeout: 0);
            b.Say($"# ServiceCentre benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} " +
                "cores");
            b.Say($"data: {counts.Counties} counties, {counts.Applications:N0} applications, " +
                $"{counts.Events:N0} events, {counts.Ratings:N0} ratings, " +
                  $"{counts.Rollups:N0} KPI rollup rows");
        }

        // ---- 1. application detail: API vs the same SQL ----
        var (window, _, scope) = await b.PickUserAsync(Roles.WindowClerk, RegionLevels.Township);
        await b.Login(window);
        Guid[] ids;
        await using (var c = await db.OpenConnectionAsync())
            ids = (await c.QueryAsync<Guid>(
                "select id from service_centre.applications where origin_path like @scope order by random() limit 500",
                new { scope = scope + "%" })).ToArray();
        if (ids.Length == 0)
            throw new InvalidOperationException($"no applications in {window}'s township: load BENCH_MONTHS ≥ 1");
        var (na, nd) = (0, 0);
        var (apiTimes, directTimes) = await b.TimeSideBySide(async () =>
        {
            using var response = await http.GetAsync($"/api/v1/service-centre/applications/{ids[na++ % ids.Length]}");
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        }, async () =>
        {
            await using var c = await db.OpenConnectionAsync();
            // what the API sends per request: the application and its timeline in one batch (region names come from
            // the API's process cache, so they are not queried here either)
            var (row, events) = await WorkflowEvents.ReadWithRecordAsync<object>(c, null,
                Applications.Workflow.EventsTable,
                $"{Applications.Select} where a.id = @id and a.origin_path like @scope",
                new { id = ids[nd++ % ids.Length], scope = scope + "%" }, default);
            if (row is null || events.Count == 0) throw new InvalidOperationException("application not read");
        });
        b.Say("");
        b.Say($"## 1. application detail ({ids.Length} different applications of one township, caller {window}, " +
              $"{apiTimes.Length} requests each, alternating with the SQL)");
        b.Say("| path | mean ms | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|");
        b.Say($"| API (HTTP, session, scope, masking, timeline, JSON) | {apiTimes.Average():0.00} | " +
            $"{Bench.P(apiTimes, .5):0.00} | {Bench.P(apiTimes, .95):0.00} |");
        b.Say($"| same SQL (one batch) through Npgsql + Dapper | {directTimes.Average():0.00} | " +
            $"{Bench.P(directTimes, .5):0.00} | {Bench.P(directTimes, .95):0.00} |");
        // the median too: on a loaded machine a few slow outliers move the means
        b.Say($"ratio (direct / API, goal ≥ 0.7): means **{directTimes.Average() / apiTimes.Average():0.00}**, " +
            $"medians {Bench.P(directTimes, .5) / Bench.P(apiTimes, .5):0.00}");

        // ---- 2. pagination: page 1 vs a deep page (10,000 for the province, 2,000 for a county) ----
        Task<(double[] First, double[] Deep, long Page)> Pages(string user, long wanted, string query) =>
            b.DeepPagesAsync(user, wanted, "service_centre.applications", "origin_path",
                $"/api/v1/service-centre/applications?limit=50{query}", (at, id) => new { At = at, Id = id });
        var (countyLeader, _, _) = await b.PickUserAsync(Roles.CountyLeader, RegionLevels.County);
        var province = await Pages("bench_province", 10_000, "");
        var county = await Pages(countyLeader, 2_000, "");
        static string Rows(long page) => $"{page:N0} (rows {(page - 1) * 50 + 1:N0}–{page * 50:N0})";
        b.Say("");
        b.Say("## 2. list pagination (50 per page, keyset cursor; 200 sequential requests each; " +
              $"county caller {countyLeader})");
        b.Say("| caller | page | mean ms | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|---|");
        b.Say($"| province | 1 | {province.First.Average():0.00} | {Bench.P(province.First, .5):0.00} | " +
            $"{Bench.P(province.First, .95):0.00} |");
        b.Say($"| province | {Rows(province.Page)} | {province.Deep.Average():0.00} | " +
              $"{Bench.P(province.Deep, .5):0.00} | {Bench.P(province.Deep, .95):0.00} |");
        b.Say($"| one county | 1 | {county.First.Average():0.00} | {Bench.P(county.First, .5):0.00} | " +
            $"{Bench.P(county.First, .95):0.00} |");
        b.Say($"| one county | {Rows(county.Page)} | {county.Deep.Average():0.00} | " +
              $"{Bench.P(county.Deep, .5):0.00} | {Bench.P(county.Deep, .95):0.00} |");
        b.Say($"ratio deep / first (goal ≤ 1.5): province **{province.Deep.Average() / province.First.Average():0.00}" +
            "**, " +
              $"county **{county.Deep.Average() / county.First.Average():0.00}**");

        // ---- 3. the province KPI dashboard from the rollups ----
        await b.Login("bench_province");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var range = $"from={today.AddMonths(-11):yyyy-MM}&to={today:yyyy-MM}";
        await http.GetAsync($"/api/v1/service-centre/kpis?{range}"); // freezes the closed months once
        async Task Kpi(string url)
        {
            using var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        var kpiAll = await b.Time(() => Kpi($"/api/v1/service-centre/kpis?{range}"));
        var kpiTownship = await b.Time(() => Kpi($"/api/v1/service-centre/kpis?{range}&level=township"));
        b.Say("");
        b.Say($"## 3. province KPI dashboard, 12 months ({kpiAll.Length} sequential requests each)");
        b.Say("| query | mean ms | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|");
        b.Say($"| all tiers | {kpiAll.Average():0.00} | {Bench.P(kpiAll, .5):0.00} | " +
            $"**{Bench.P(kpiAll, .95):0.00}** |");
        b.Say($"| township centres | {kpiTownship.Average():0.00} | {Bench.P(kpiTownship, .5):0.00} | " +
            $"**{Bench.P(kpiTownship, .95):0.00}** |");

        // ---- 4. CSV export vs COPY, with the API's peak memory ----
        var apiPid = int.Parse(Environment.GetEnvironmentVariable("BENCH_API_PID") ?? "0");
        // the newest ~1 million applications, or the newest tenth when fewer are loaded
        DateOnly since;
        await using (var c = await db.OpenConnectionAsync())
            since = await c.ExecuteScalarAsync<DateOnly>("""
                select received_on from service_centre.applications order by received_on desc
                offset least(1000000, (select count(*) / 10 from service_centre.applications)) limit 1
                """, commandTimeout: 0);
        b.Say("");
        b.Say("## 4. CSV export through the API vs PostgreSQL COPY of the same query (province caller)");
        b.Say("| export | rows | API s | COPY s | API / COPY | API MB | API peak RSS MB (before) |");
        b.Say("|---|---|---|---|---|---|---|");
        foreach (var (label, from) in new[] { ("received since " + since.ToString("yyyy-MM-dd"), (DateOnly?)since),
            ("everything", null) })
        {
            var (rows, bytes, apiSeconds, before, peak) = await ExportAsync(b, apiPid, from);
            var copySeconds = await CopyAsync(b, from);
            b.Say($"| {label} | {rows:N0} | {apiSeconds:0.0} | {copySeconds:0.0} | **{apiSeconds / copySeconds:0.00}" +
                $"** | {bytes / 1e6:N0} | {peak / 1e6:N0} ({before / 1e6:N0}) |");
        }
    }

    private static long Rss(int pid)
    {
        if (pid == 0) return 0;
        var line = File.ReadLines($"/proc/{pid}/status")
            .FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    private static async Task<(long Rows, long Bytes, double Seconds, long Before, long Peak)> ExportAsync(Bench b,
        int pid, DateOnly? from)
    {
        var before = Rss(pid);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested) { peak = Math.Max(peak, Rss(pid)); await Task.Delay(50); }
        });
        var sw = Stopwatch.StartNew();
        using var response = await b.Http.GetAsync(
            $"/api/v1/service-centre/applications/export?format=csv{(from is { } f ? $"&from={f:yyyy-MM-dd}" : "")}",
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var (bytes, lines) = await Bench.DrainAsync(stream);
        var seconds = sw.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return (lines - 1, bytes, seconds, before, peak);
    }

    /// <summary>
    /// The export's query (its filters folded for a province caller) through COPY … TO STDOUT, read and discarded.
    /// </summary>
    private static async Task<double> CopyAsync(Bench b, DateOnly? from)
    {
        await using var c = await b.Db.OpenConnectionAsync();
        var sw = Stopwatch.StartNew();
        var receivedFrom = from is { } f ? $"and a.received_on >= '{f:yyyy-MM-dd}'" : "";
        using var reader = await c.BeginTextExportAsync($"""
            copy (select {ApplicationLists.Columns} {ApplicationLists.From}
                  where a.origin_path like '/990000000000/%' {receivedFrom}
                  order by a.received_at desc, a.id desc) to stdout (format csv)
            """);
        var buffer = new char[1 << 16];
        while (await reader.ReadAsync(buffer, 0, buffer.Length) > 0) { }
        return sw.Elapsed.TotalSeconds;
    }
}
