using Governance.IntegrationTests.Fuzzing;

namespace Governance.IntegrationTests;

/// <summary>
/// Scope as a property: every paged list of the OpenAPI document, for each caller of <see cref="ScopeMatrixTests"/>,
/// under many random filter combinations (ids of their own and other regions and records, enum values, dates, page
/// sizes, the next pages), returns only records on the caller's line — its own subtree, or a county-level record
/// shared down to it, never a sibling's — over every module's demo data. Each item is placed by its row in the
/// database (a module table with an <c>id</c> and a region, township, unit or county path); items of tables with
/// none (staffing posts, notifications) are counted, not checked.
/// </summary>
public class ScopeFilterPropertyTests : IntegrationTest
{
    private const int CombinationsPerList = 6;

    private sealed record ListOperation(string Path, IReadOnlyList<ApiParameter> Filters);

    private static IReadOnlyList<ListOperation> Lists(ApiDocument doc) =>
        doc.Operations
            // public lists (published disclosures) are everyone's by design
            .Where(op => op.Method == "GET" && !op.Path.Contains('{') && !op.Path.StartsWith("/api/v1/public/")
                && op.Responses.TryGetValue("200", out var ok)
                && ok.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/json", out var json)
                && doc.Resolve(json.GetProperty("schema")) is var schema
                && schema.TryGetProperty("properties", out var p)
                && p.TryGetProperty("items", out _) && p.TryGetProperty("nextCursor", out _))
            .Select(op => new ListOperation(op.Path, op.Parameters.Where(x => x.In == "query").ToList()))
            .ToList();

    [Test]
    public async Task Random_filters_never_reach_past_the_callers_line()
    {
        var lists = Lists(ApiDocument.Load());
        Assert.That(lists, Has.Count.GreaterThan(30));
        await App.GenerateModuleDemosAsync(applicationMonths: 2, applicationsPerMonth: 400);
        var rng = new Random(20261208);
        var pool = await IdPool();
        // each table with an id and a region column, by the column that places its rows
        var tables = await Query<(string Table, string Column)>("""
            select distinct on (c.table_schema, c.table_name) c.table_schema || '.' || c.table_name, r.column_name
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                and t.table_type = 'BASE TABLE'
            join information_schema.columns r on r.table_schema = c.table_schema and r.table_name = c.table_name
                and r.column_name in ('region_path', 'township_path', 'unit_path', 'county_path')
            where c.column_name = 'id' and c.data_type = 'uuid'
            order by c.table_schema, c.table_name,
                array_position(array['region_path', 'township_path', 'unit_path', 'county_path'], r.column_name::text)
            """);
        var regionOf = string.Join(" union all ", tables.Select(t =>
            $"select id, {t.Column} from {t.Table} where id = any(@ids)"));

        long requests = 0, checkedItems = 0, unplaced = 0;
        var statuses = new SortedDictionary<int, int>();
        var leaks = new List<string>();
        foreach (var caller in ScopeMatrixTests.Callers())
        {
            var client = await caller.Login(App);
            var scope = await Scalar<string>("select path from organization.regions where code = @c",
                new { c = caller.RegionCode });
            foreach (var list in lists)
                for (var i = 0; i < CombinationsPerList; i++)
                {
                    string? cursor = null;
                    // the first combination is no filter at all: the whole list in pages
                    var query = Filters(list, pool, rng, filtered: i > 0);
                    for (var page = 0; page < 3; page++)
                    {
                        var url = $"{list.Path}?{string.Join('&', query)}{(cursor is null ? "" : $"&cursor={cursor}")}";
                        using var response = await client.GetAsync(url);
                        requests++;
                        statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                        Assert.That((int)response.StatusCode, Is.LessThan(500), $"{caller.Name} {url}");
                        if (response.StatusCode != HttpStatusCode.OK) break;
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        var ids = body.GetProperty("items").EnumerateArray()
                            .Select(x => x.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                                && Guid.TryParse(id.GetString(), out var g) ? g : (Guid?)null)
                            .OfType<Guid>().ToArray();
                        var placed = (await Query<(Guid Id, string RegionPath)>(regionOf, new { ids })).ToList();
                        checkedItems += placed.Count;
                        unplaced += ids.Length - placed.Select(x => x.Id).Distinct().Count();
                        leaks.AddRange(placed.Where(x => !OnTheLine(x.RegionPath, scope))
                            .Select(x => $"{caller.Name} {url}: {x.Id} at {x.RegionPath}"));
                        cursor = body.GetProperty("nextCursor").GetString();
                        if (cursor is null) break;
                    }
                }
        }
        TestContext.Out.WriteLine($"{lists.Count} lists, {requests} requests, {checkedItems} items placed and " +
            $"checked, {unplaced} in tables without a region; by status: " +
            string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}")));
        Assert.That(checkedItems, Is.GreaterThan(1000), "the lists returned records to check");
        Assert.That(leaks.Take(20), Is.Empty);
    }

    /// <summary>Inside the caller's subtree, or above it (a county record every township sees).</summary>
    private static bool OnTheLine(string regionPath, string scope) =>
        regionPath.StartsWith(scope, StringComparison.Ordinal)
        || scope.StartsWith(regionPath, StringComparison.Ordinal);

    /// <summary>Ids to filter by, per kind of id parameter (<c>officerId</c> → officers): records of the caller's
    /// own and of other regions, and one that matches nothing.</summary>
    private async Task<Dictionary<string, Guid[]>> IdPool()
    {
        var pool = new Dictionary<string, Guid[]>();
        foreach (var (kind, sql) in new[]
        {
            ("region", "select id from organization.regions where level <> 'province'"),
            ("unit", "select id from organization.units"), ("item", "select id from service_centre.items"),
            ("application", "select id from service_centre.applications"), ("team", "select id from enforcement.teams"),
            ("officer", "select id from enforcement.officers"), ("case", "select id from enforcement.cases"),
            ("complaint", "select id from enforcement.complaints"),
        })
            pool[kind] = [.. await Query<Guid>($"{sql} order by random() limit 40"), Guid.NewGuid()];
        // every township and the county, not only the villages a random draw favours
        pool["region"] = [.. pool["region"], .. await Query<Guid>(
            "select id from organization.regions where level in ('county', 'township')")];
        pool["township"] = pool["region"];
        pool["department"] = pool["unit"];
        return pool;
    }

    private static Guid[] IdsFor(string parameter, Dictionary<string, Guid[]> pool) =>
        pool.GetValueOrDefault(parameter.ToLowerInvariant().Replace("id", "")) ?? pool.Values.SelectMany(v => v)
            .ToArray();

    private static readonly string[] Words = ["", "open", "done", "pending", "waiting", "active", "x", "乡", "2026"];

    /// <summary>A random subset of the list's filters (each one in two) with plausible values, and a page size.
    /// </summary>
    private static List<string> Filters(ListOperation list, Dictionary<string, Guid[]> pool, Random rng,
        bool filtered)
    {
        var query = new List<string> { $"limit={rng.Next(1, 101)}" };
        foreach (var p in list.Filters.Where(p => p.Name is not ("cursor" or "limit")))
        {
            if (!p.Required && (!filtered || rng.Next(2) == 0)) continue;
            var schema = p.Schema;
            var types = ApiDocument.TypesOf(schema);
            string value = ApiDocument.FormatOf(schema) switch
            {
                "uuid" => IdsFor(p.Name, pool) is var ids ? ids[rng.Next(ids.Length)].ToString() : "",
                "date" => new DateOnly(2024, 1, 1).AddDays(rng.Next(1100)).ToString("yyyy-MM-dd"),
                "date-time" => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(rng.Next(1100))
                    .ToString("O"),
                _ when schema.TryGetProperty("enum", out var e) => e[rng.Next(e.GetArrayLength())].ToString(),
                _ when types.Contains("boolean") => rng.Next(2) == 0 ? "true" : "false",
                _ when types.Contains("integer") => rng.Next(2024, 2027).ToString(),
                _ => Words[rng.Next(Words.Length)],
            };
            query.Add($"{p.Name}={Uri.EscapeDataString(value)}");
        }
        return query;
    }
}
