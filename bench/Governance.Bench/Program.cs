using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Governance.Bench;
using Npgsql;

// Benchmarks at province scale, measured in one run against a running API and its database.
// Usage: bench/run.sh [powerlists|services|exports|staffing|enforcement][,…] (starts PostgreSQL and the API, loads the
// demo province, runs this).
// Several suites may share one load (`staffing` last: it adds secondees and finalizes them): "powerlists,staffing".
var suites = (args.FirstOrDefault() ?? "powerlists").Split(',', StringSplitOptions.RemoveEmptyEntries);
// as the API maps: snake_case, date as DateOnly
Governance.SharedKernel.Database.DataSourceRegistration.ConfigureDapper();
var bench = new Bench(
    Environment.GetEnvironmentVariable("BENCH_API") ?? "http://127.0.0.1:5300",
    Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("BENCH_DB is required"),
    int.Parse(Environment.GetEnvironmentVariable("BENCH_ITERATIONS") ?? "300"));
await bench.EnsureProvinceUserAsync();
foreach (var suite in suites)
{
    switch (suite)
    {
        case "powerlists": await PowerListsBench.RunAsync(bench); break;
        case "services": await ServiceCentreBench.RunAsync(bench); break;
        case "exports": await ExportsBench.RunAsync(bench); break;
        case "staffing": await StaffingBench.RunAsync(bench); break;
        case "enforcement": await EnforcementBench.RunAsync(bench); break;
        default:
            throw new ArgumentException(
                $"unknown suite {suite}: powerlists, services, exports, staffing or enforcement");
    }
    bench.Save(suite);
}

namespace Governance.Bench
{
    /// <summary>What every suite shares: the API client with a session, the database, timing, and the report.</summary>
    internal sealed class Bench(string api, string cs, int iterations)
    {
        private readonly StringBuilder _report = new();
        private readonly System.Net.CookieContainer _cookies = new();
        public NpgsqlDataSource Db { get; } = NpgsqlDataSource.Create(cs);
        private HttpClient? _http;
        public HttpClient Http =>
            _http ??= new(new SocketsHttpHandler { UseCookies = true, CookieContainer = _cookies })
            { BaseAddress = new Uri(api), Timeout = TimeSpan.FromMinutes(30) };

        /// <summary>
        /// A state-changing request as the SPA sends it: the session's CSRF header, and If-Match when given.
        /// </summary>
        public async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null,
            string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null) request.Content = JsonContent.Create(body);
            var csrf = _cookies.GetCookies(Http.BaseAddress!)["gov_csrf"]?.Value;
            if (csrf is not null) request.Headers.Add("X-CSRF-Token", csrf);
            if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await Http.SendAsync(request);
        }

        public int Iterations => iterations;

        /// <summary>Reads a download to its end: its bytes and its lines (a CSV's rows, header included).</summary>
        public static async Task<(long Bytes, long Lines)> DrainAsync(Stream stream)
        {
            var buffer = new byte[1 << 16];
            long bytes = 0, lines = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            return (bytes, lines);
        }

        public void Say(string line) { Console.WriteLine(line); _report.AppendLine(line); }

        public async Task Login(string user) =>
            (await Http.PostAsJsonAsync("/api/v1/auth/login", new { username = user, password = "Demo@2026" }))
                .EnsureSuccessStatusCode();

        /// <summary>Warm-up, then <c>iterations</c> sequential timings in milliseconds, sorted.</summary>
        public async Task<double[]> Time(Func<Task> action, int? times = null)
        {
            await WarmUpAsync(action);
            var samples = new double[times ?? iterations];
            for (var i = 0; i < samples.Length; i++)
            {
                var sw = Stopwatch.StartNew();
                await action();
                samples[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(samples);
            return samples;
        }

        /// <summary>
        /// The API and the direct SQL timed side by side: after both are warm, samples alternate between them (and
        /// which goes first), so a load change on a shared machine falls on both sides instead of on whichever ran
        /// then.
        /// </summary>
        public async Task<(double[] Api, double[] Direct)> TimeSideBySide(Func<Task> api, Func<Task> direct)
        {
            await WarmUpAsync(api);
            await WarmUpAsync(direct);
            var (a, d) = (new double[iterations], new double[iterations]);
            for (var i = 0; i < iterations; i++)
            {
                if (i % 2 == 0) { a[i] = await Ms(api); d[i] = await Ms(direct); }
                else { d[i] = await Ms(direct); a[i] = await Ms(api); }
            }
            Array.Sort(a);
            Array.Sort(d);
            return (a, d);
        }

        private static async Task<double> Ms(Func<Task> action)
        {
            var sw = Stopwatch.StartNew();
            await action();
            return sw.Elapsed.TotalMilliseconds;
        }

        /// <summary>
        /// Steady state before measuring: .NET compiles a method quickly first and optimises it after about 30 calls,
        /// in the background, so 30 calls left the API partly on its first-tier code. 300 calls and 3 seconds at least.
        /// </summary>
        private static async Task WarmUpAsync(Func<Task> action)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 300 || sw.Elapsed < TimeSpan.FromSeconds(3); i++) await action();
        }

        /// <summary>
        /// Page 1 and a deep page of a list in keyset order (<c>received_at desc, id desc</c>), 50 a page, as
        /// <paramref name="user"/>, 200 sequential requests each: the deep page is <paramref name="wanted"/> or, with
        /// less data loaded, the last full page there is; its cursor is the row before it (<paramref name="key"/>
        /// shapes it as the endpoint encodes its cursors).
        /// </summary>
        public async Task<(double[] First, double[] Deep, long Page)> DeepPagesAsync(
            string user, long wanted, string table, string scopeColumn, string url, Func<DateTime, Guid, object> key)
        {
            await Login(user);
            string? cursor = null;
            long page;
            await using (var c = await Db.OpenConnectionAsync())
            {
                var scope = await c.ExecuteScalarAsync<string>(
                    "select region_path from organization.users where username = @user", new { user }) + "%";
                var total = await c.ExecuteScalarAsync<long>(
                    $"select count(*) from {table} where {scopeColumn} like @scope", new { scope }, commandTimeout: 0);
                page = Math.Clamp(total / 50, 1, wanted);
                if (page > 1)
                {
                    var (at, id) = await c.QuerySingleAsync<(DateTime, Guid)>($"""
                        select received_at, id from {table} where {scopeColumn} like @scope
                        order by received_at desc, id desc offset @offset limit 1
                        """, new { scope, offset = (page - 1) * 50 - 1 }, commandTimeout: 0);
                    cursor = Governance.SharedKernel.Paging.Cursor.Encode(key(at, id));
                }
            }
            async Task Get(string pageUrl)
            {
                using var response = await Http.GetAsync(pageUrl);
                response.EnsureSuccessStatusCode();
                using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                if (page > 1 && doc.RootElement.GetProperty("items").GetArrayLength() != 50)
                    throw new InvalidOperationException("short page");
            }
            var first = await Time(() => Get(url), 200);
            var deepUrl = url + (cursor is null ? "" : "&cursor=" + cursor);
            var deep = await Time(() => Get(deepUrl), 200);
            return (first, deep, page);
        }

        public static double P(double[] sorted, double q) =>
            sorted[(int)Math.Min(sorted.Length - 1, Math.Round(q * (sorted.Length - 1)))];

        /// <summary>
        /// A demo user of <paramref name="role"/> at <paramref name="level"/> in the middle county of those loaded (the
        /// middle one of its level there), so every suite runs at any BENCH_COUNTIES without naming a county that may
        /// not exist.
        /// </summary>
        public async Task<(string Username, Guid RegionId, string RegionPath)> PickUserAsync(string role, string level)
        {
            await using var c = await Db.OpenConnectionAsync();
            return await c.QuerySingleAsync<(string, Guid, string)>("""
                with county as (
                    select path from organization.regions where level = 'county' order by code
                    offset (select count(*) / 2 from organization.regions where level = 'county') limit 1),
                candidates as (
                    select u.username, u.region_id, u.region_path
                    from organization.users u join organization.regions r on r.id = u.region_id, county
                    where u.role = @role and r.level = @level and u.region_path like county.path || '%'
                      and not u.disabled)
                select * from candidates order by region_path, username
                offset (select count(*) / 2 from candidates) limit 1
                """, new { role, level });
        }

        /// <summary>A province-level reviewer (the demo data has county users only).</summary>
        public async Task EnsureProvinceUserAsync()
        {
            await using var c = await Db.OpenConnectionAsync();
            await c.ExecuteAsync("""
                insert into organization.users (id, username, display_name, password_hash, role, region_id, region_path,
                    created_at, updated_at)
                select gen_random_uuid(), 'bench_province', '省级评估', u.password_hash, 'county_admin', r.id, r.path,
                    now(), now()
                from organization.regions r, organization.users u where r.level = 'province' and u.username = 'admin'
                on conflict do nothing
                """);
        }

        public void Save(string suite)
        {
            var outDir = Environment.GetEnvironmentVariable("BENCH_RESULTS")
                ?? Path.Combine(AppContext.BaseDirectory, "../../../../results");
            Directory.CreateDirectory(outDir);
            var file = Path.Combine(outDir, $"{suite}-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
            File.WriteAllText(file, _report.ToString());
            _report.Clear();
            Console.WriteLine($"\nwritten to {Path.GetFullPath(file)}");
        }
    }
}
