using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.PowerLists.Features;
using Npgsql;

// PowerLists benchmarks at province scale, measured in one run:
//   1. a township's list as of a date through the API vs. the same SQL run directly through Npgsql (ratio, goal ≥ 0.5)
//   2. the full health check of one county and of the province (wall times; which check dominates)
// Usage: bench/run.sh (starts PostgreSQL and the API, loads the demo province, runs this).
var api = Environment.GetEnvironmentVariable("BENCH_API") ?? "http://127.0.0.1:5300";
var cs = Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("BENCH_DB is required");
var iterations = int.Parse(Environment.GetEnvironmentVariable("BENCH_ITERATIONS") ?? "300");
var report = new StringBuilder();
void Say(string line) { Console.WriteLine(line); report.AppendLine(line); }

await using var db = NpgsqlDataSource.Create(cs);
await using (var c = await db.OpenConnectionAsync())
{
    var counts = await c.QuerySingleAsync<(long Counties, long Items, long Versions, long Entries, long Agreements)>("""
        select (select count(*) from organization.regions where level = 'county'), (select count(*) from power_lists.items),
               (select count(*) from power_lists.item_versions), (select count(*) from power_lists.entries), (select count(*) from power_lists.agreements)
        """);
    Say($"# PowerLists benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
    Say($"data: {counts.Counties} counties, {counts.Items:N0} items, {counts.Versions:N0} versions, {counts.Entries:N0} township entries, {counts.Agreements:N0} agreements");
    // a province-level reviewer for the province-wide health check (demo data has county users only)
    await c.ExecuteAsync("""
        insert into organization.users (id, username, display_name, password_hash, role, region_id, region_path, created_at, updated_at)
        select gen_random_uuid(), 'bench_province', '省级评估', u.password_hash, 'county_admin', r.id, r.path, now(), now()
        from organization.regions r, organization.users u where r.level = 'province' and u.username = 'admin'
        on conflict do nothing
        """);
}

var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(api) };
async Task Login(string user) =>
    (await http.PostAsJsonAsync("/api/v1/auth/login", new { username = user, password = "Demo@2026" })).EnsureSuccessStatusCode();

// ---- 1. township list as of a date: API vs direct SQL ----
await Login("c050_t08_leader");
Guid township;
await using (var c = await db.OpenConnectionAsync())
    township = await c.ExecuteScalarAsync<Guid>("select region_id from organization.users where username = 'c050_t08_leader'");
var date = new DateOnly(DateTime.UtcNow.Year, 6, 30);
var url = $"/api/v1/power-lists/townships/{township}/entries?asOf={date:yyyy-MM-dd}";

async Task<double[]> Time(Func<Task> action)
{
    for (var i = 0; i < 30; i++) await action(); // warm-up: JIT, connection pools, plans
    var samples = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        samples[i] = sw.Elapsed.TotalMilliseconds;
    }
    Array.Sort(samples);
    return samples;
}

var apiRows = 0;
var apiTimes = await Time(async () =>
{
    using var response = await http.GetAsync(url);
    response.EnsureSuccessStatusCode();
    using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
    apiRows = doc.RootElement.GetProperty("entries").GetArrayLength();
});
var directRows = 0;
var directTimes = await Time(async () =>
{
    await using var c = await db.OpenConnectionAsync();
    var rows = await c.QueryAsync(TownshipLists.ListSql,
        new { townshipId = township, date, domain = (string?)null, mode = (string?)null, listKind = (string?)null, publishedOnly = false });
    directRows = rows.Count();
});
double P(double[] s, double q) => s[(int)Math.Min(s.Length - 1, Math.Round(q * (s.Length - 1)))];
Say("");
Say($"## 1. township list as of {date:yyyy-MM-dd} ({apiRows} entries; API rows = direct rows: {apiRows == directRows}), {iterations} sequential requests each");
Say($"| path | mean ms | p50 ms | p95 ms |");
Say($"|---|---|---|---|");
Say($"| API (HTTP, auth, scope check, JSON) | {apiTimes.Average():0.00} | {P(apiTimes, .5):0.00} | {P(apiTimes, .95):0.00} |");
Say($"| same SQL through Npgsql + Dapper | {directTimes.Average():0.00} | {P(directTimes, .5):0.00} | {P(directTimes, .95):0.00} |");
Say($"ratio (direct mean / API mean, goal ≥ 0.5): **{directTimes.Average() / apiTimes.Average():0.00}**");

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
var county = await HealthCheck("c050_bianban");
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
        "explain (analyze, timing on, summary on) " + Health.Sql, new { scope = "/990000000000/%", date = DateOnly.FromDateTime(DateTime.UtcNow) }));
    var top = plan.Split('\n').Where(l => l.Contains("actual time")).Take(12);
    Say("");
    Say("province plan, top nodes (EXPLAIN ANALYZE):");
    Say("```");
    foreach (var l in top) Say(l.Length > 160 ? l[..160] : l);
    Say(plan.Split('\n').Last(l => l.Contains("Execution Time")));
    Say("```");
}

var outDir = Path.Combine(AppContext.BaseDirectory, "../../../../results");
Directory.CreateDirectory(outDir);
var file = Path.Combine(outDir, $"powerlists-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
await File.WriteAllTextAsync(file, report.ToString());
Console.WriteLine($"\nwritten to {Path.GetFullPath(file)}");
