using Governance.Calendar;
using Governance.Organization.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Respawn;
using Respawn.Graph;

namespace Governance.IntegrationTests;

/// <summary>
/// Base of the integration tests: before each test the database is reset by Respawn (every table of the module
/// schemas emptied, migration journals and reference data kept) and the demo county is loaded again.
/// </summary>
public abstract class IntegrationTest
{
    private static Respawner? _respawner;

    protected TestApp App { get; private set; } = null!;

    protected virtual TestApp CreateApp() => TestApp.Get();

    [SetUp]
    public async Task ResetAsync()
    {
        App = CreateApp();
        _ = App.Server; // builds the host: migrations run at start-up
        await ResetDatabaseAsync(App);
        await App.GenerateDemoAsync();
    }

    /// <summary>Reference data loaded by migrations: kept across tests.</summary>
    private static readonly Table[] ReferenceData = [new("power_lists", "domains")];

    public static async Task ResetDatabaseAsync(TestApp app)
    {
        await using var c = await app.Db.OpenConnectionAsync();
        // the audit trail refuses DELETE by trigger; a test reset (superuser) turns triggers off for this session only
        // (replica role also skips foreign-key triggers, which Respawn's ordered deletes do not need anyway)
        await c.ExecuteAsync("set session_replication_role = replica");
        _respawner ??= await Respawner.CreateAsync(c, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = Schemas,
            TablesToIgnore = [.. Schemas.Select(s => new Table(s, "schema_migrations")), .. ReferenceData],
        });
        await _respawner.ResetAsync(c);
        await c.ExecuteAsync("select setval('audit.entries_seq', 1, false); set session_replication_role = origin;");
        await CalendarModule.SeedOfficialCalendarAsync(app.Services, CancellationToken.None);
    }

    private static readonly string[] Schemas = [.. Governance.Api.Startup.Migrations.Select(m => m.Schema)];

    protected static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    protected static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)expected));
        Assert.That(problem.GetProperty("code").GetString(), Is.Not.Empty);
        Assert.That(problem.GetProperty("type").GetString(), Does.StartWith("/problems/"));
        Assert.That(body, Does.Not.Contain("Npgsql").And.Not.Contain("   at ").And.Not.Contain("Exception"),
            "no internals leak");
        return problem;
    }

    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A POST of a change to a record with an optional If-Match (null sends none): the workflow steps'
    /// shape.</summary>
    protected static async Task<HttpResponseMessage> PostIfMatch(HttpClient client, string path, string? ifMatch,
        object body, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    protected async Task<T> Scalar<T>(string sql, object? args = null)
    {
        await using var c = await App.Db.OpenConnectionAsync();
        return (await c.ExecuteScalarAsync<T>(sql, args))!;
    }

    protected async Task<IReadOnlyList<T>> Query<T>(string sql, object? args = null)
    {
        await using var c = await App.Db.OpenConnectionAsync();
        return (await c.QueryAsync<T>(sql, args)).AsList();
    }

    protected async Task<Guid> RegionId(string code) =>
        await Scalar<Guid>("select id from organization.regions where code = @code", new { code });

    protected async Task<Guid> UserId(string username) => await Scalar<Guid>("""
        select id from organization.users where username = @username
        """, new { username });

    /// <summary>The demo county's evaluation grant: its evaluator's (all modules, last year and this).</summary>
    protected async Task<Guid> DemoGrantId() =>
        await Scalar<Guid>("select grant_id from organization.users where username = 'evaluator'");

    /// <summary>A caller holding <paramref name="role"/> in the demo county (a township or village one where the role
    /// works there): a signed-in user, or an API token for a machine-only role.</summary>
    protected async Task<HttpClient> CallerFor(Role role, HttpClient admin)
    {
        var level = role.Levels.Contains(RegionLevels.County) ? County : role.Levels.Contains(RegionLevels.Township)
            ? Township1 : Village1_1;
        var regionId = await RegionId(level);
        // an evaluator works under an evaluation grant (the demo county's)
        var grantId = role.Code == Roles.Evaluator ? await DemoGrantId() : (Guid?)null;
        if (role.MachineOnly)
        {
            var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens",
                new { name = $"矩阵 {role.Code}", role = role.Code, regionId, grantId,
                    expiresAt = DateTimeOffset.UtcNow.AddDays(1) }), HttpStatusCode.Created);
            return App.WithToken(issued.GetProperty("token").GetString()!);
        }
        var username = $"matrix_{role.Code}";
        // a department's staff belong to a department (they submit 职责准入 in its name)
        var unitId = role.Code == Roles.CountyDepartment
            ? await Scalar<Guid>("""
                select id from organization.units where kind = 'county_department' order by name limit 1
                """)
            : (Guid?)null;
        await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username, displayName = role.Name, password = "Matrix@2026", role = role.Code, regionId, unitId, grantId,
        }), HttpStatusCode.Created);
        return await App.LoginAsync(username, "Matrix@2026");
    }

    /// <summary>Route parameters filled with values that pass the route constraints and match no record.</summary>
    protected static string ConcretePath(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}]+)\}", m => m.Groups[1].Value switch
        {
            "year" => "2099",
            "date" => "2099-01-01",
            _ => Guid.NewGuid().ToString(),
        });

    protected const string EvaluationGrants = "/api/v1/organization/evaluation-grants";

    /// <summary>An evaluation grant of the demo county (all modules and all time unless narrowed).</summary>
    protected async Task<JsonElement> GrantAsync(HttpClient admin, string[]? modules = null, string[]? townships = null,
        string from = "2000-01-01", string to = "2099-12-31")
    {
        var townshipIds = new List<Guid>();
        foreach (var code in townships ?? []) townshipIds.Add(await RegionId(code));
        return await Read<JsonElement>(await admin.PostAsJsonAsync(EvaluationGrants, new
        {
            organisation = "华信评估", purpose = "改革成效评估", regionId = await RegionId(County), townshipIds,
            periodFrom = from, periodTo = to, modules = modules ?? EvaluationModules,
            expiresAt = DateTimeOffset.UtcNow.AddDays(30),
        }), HttpStatusCode.Created);
    }

    /// <summary>An evaluator user of the grant, signed in.</summary>
    protected async Task<HttpClient> EvaluatorAsync(HttpClient admin, JsonElement grant, string username = "pinggu01")
    {
        await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username, displayName = "评估员", password = "Pinggu2026", role = "evaluator",
            grantId = grant.GetProperty("id").GetGuid(),
        }), HttpStatusCode.Created);
        return await App.LoginAsync(username, "Pinggu2026");
    }

    /// <summary>
    /// An evaluator reads a record of a date only inside its grant's period: one whose period ended the day before
    /// <paramref name="day"/> finds it in none of the lists (change feeds included) and not by id; one whose period
    /// is that day finds it everywhere (and by id, when the record has a detail route).
    /// </summary>
    protected async Task AssertReadInPeriodOnlyAsync(
        HttpClient admin, DateOnly day, string username, Guid id, string? detail, params string[] lists)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
        var before = await EvaluatorAsync(admin,
            await GrantAsync(admin, from: Iso(day.AddYears(-1)), to: Iso(day.AddDays(-1))), username + "a");
        var during = await EvaluatorAsync(admin, await GrantAsync(admin, from: Iso(day), to: Iso(day)), username + "b");
        async Task<Guid[]> Ids(HttpClient client, string url) =>
            (await Read<JsonElement>(await client.GetAsync(url))).GetProperty("items").EnumerateArray()
            .Select(k => k.GetProperty("id").GetGuid()).ToArray();
        foreach (var url in lists)
        {
            Assert.That(await Ids(before, url), Does.Not.Contain(id), url);
            Assert.That(await Ids(during, url), Does.Contain(id), url);
        }
        if (detail is null) return;
        await Problem(await before.GetAsync($"{detail}/{id}"), HttpStatusCode.NotFound);
        await Read<JsonElement>(await during.GetAsync($"{detail}/{id}"));
    }

    /// <summary>Every module an evaluation grant can open.</summary>
    protected static readonly string[] EvaluationModules = ["power_lists", "service_centre", "staffing", "enforcement"];

    /// <summary>Demo county region codes: the county, township 01 (城关镇), township 02, a village of each.</summary>
    protected const string County = "990101000000", Township1 = "990101001000", Township2 = "990101002000",
        Village1_1 = "990101001001", Village2_1 = "990101002001";
}
