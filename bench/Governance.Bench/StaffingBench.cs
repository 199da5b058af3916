using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Governance.Organization.Contracts;
using Governance.Staffing.Features;

namespace Governance.Bench;

/// <summary>
/// Staffing at province scale: one county's ledger as of a date through the API against the same SQL (goal ≥ 0.5),
/// and the province staffing KPIs of the year so far (goal p95 ≤ 50 ms once the closed months are frozen).
/// </summary>
internal static class StaffingBench
{
    public static async Task RunAsync(Bench b)
    {
        await using (var c = await b.Db.OpenConnectionAsync())
        {
            var counts = await c.QuerySingleAsync<(long Counties, long Establishments, long People, long Lines)>("""
                select (select count(*) from organization.regions where level = 'county'),
                       (select count(*) from staffing.establishments), (select count(*) from staffing.people),
                       (select count(*) from staffing.ledger_lines)
                """);
            b.Say($"# Staffing benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
            b.Say($"data: {counts.Counties} counties, {counts.Establishments:N0} establishments, {counts.People:N0} people, " +
                  $"{counts.Lines:N0} ledger lines");
        }

        // ---- 1. one county's ledger as of a date (a page of 200 units and the totals): API vs direct SQL ----
        var (bianban, _, countyPath) = await b.PickUserAsync(Roles.EstablishmentOffice, RegionLevels.County);
        await b.Login(bianban);
        var asOf = new DateOnly(DateTime.UtcNow.Year, 6, 30);
        var url = $"/api/v1/staffing/ledger?asOf={asOf:yyyy-MM-dd}&limit=200";
        var apiRows = 0;
        var api = await b.Time(async () =>
        {
            using var response = await b.Http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            apiRows = doc.RootElement.GetProperty("items").GetArrayLength();
        });
        var args = new
        {
            scope = countyPath + "%", unitId = (Guid?)null, asOf, today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)),
            kind = (string?)null, funding = (string?)null, afterPath = (string?)null, afterName = "", afterId = Guid.Empty,
            take = 201,
        };
        var directRows = 0;
        var direct = await b.Time(async () =>
        {
            await using var c = await b.Db.OpenConnectionAsync();
            directRows = Math.Min(200, (await c.QueryAsync(Establishments.LedgerSql, args)).Count());
            await c.QueryAsync(Establishments.TotalsSql, args);
        });
        b.Say("");
        b.Say($"## 1. one county's ledger as of {asOf:yyyy-MM-dd} ({bianban}; {apiRows} units on the page; " +
              $"API rows = direct rows: {apiRows == directRows}), {b.Iterations} sequential requests each");
        b.Say("| path | mean ms | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|");
        b.Say($"| API (HTTP, auth, scope, JSON) | {api.Average():0.00} | {Bench.P(api, .5):0.00} | {Bench.P(api, .95):0.00} |");
        b.Say($"| same SQL through Npgsql + Dapper | {direct.Average():0.00} | {Bench.P(direct, .5):0.00} | " +
              $"{Bench.P(direct, .95):0.00} |");
        b.Say($"ratio (direct / API, goal ≥ 0.5): means **{direct.Average() / api.Average():0.00}**, " +
              $"medians {Bench.P(direct, .5) / Bench.P(api, .5):0.00}");

        // ---- 2. the province's staffing KPIs of the year so far ----
        await b.Login("bench_province");
        var kpiUrl = $"/api/v1/staffing/kpis?from={DateTime.UtcNow.Year}-01&to={DateTime.UtcNow:yyyy-MM}";
        var sw = Stopwatch.StartNew();
        (await b.Http.GetAsync(kpiUrl)).EnsureSuccessStatusCode(); // freezes the closed months once
        var freezeMs = sw.Elapsed.TotalMilliseconds;
        var kpis = await b.Time(async () => (await b.Http.GetAsync(kpiUrl)).EnsureSuccessStatusCode(), times: 50);
        b.Say("");
        b.Say($"## 2. province staffing KPIs ({kpiUrl}); the first call froze the closed months in {freezeMs:0} ms");
        b.Say("| p50 ms | p95 ms (goal ≤ 50) |");
        b.Say("|---|---|");
        b.Say($"| {Bench.P(kpis, .5):0.0} | **{Bench.P(kpis, .95):0.0}** |");
    }
}
