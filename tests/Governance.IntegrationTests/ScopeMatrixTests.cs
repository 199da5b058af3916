namespace Governance.IntegrationTests;

/// <summary>
/// Roles × regions × endpoints: every caller sees exactly its region subtree. A record outside answers 404 (the same
/// as a missing one) and lists never contain anything outside — checked against the scope paths in the database.
/// </summary>
public class ScopeMatrixTests : IntegrationTest
{
    private static readonly string[] Targets = [County, Township1, Township2, Village1_1, Village2_1];

    internal sealed record Caller(string Name, string RegionCode, Func<TestApp, Task<HttpClient>> Login);

    internal static IEnumerable<Caller> Callers() =>
    [
        new("admin", County, app => app.LoginAsync("admin")),
        new("t01_leader", Township1, app => app.LoginAsync("t01_leader")),
        new("t02_leader", Township2, app => app.LoginAsync("t02_leader")),
        new("t01_window", Township1, app => app.LoginAsync("t01_window")),
        new("v0101_agent", Village1_1, app => app.LoginAsync("v0101_agent")),
        new("evaluator token for township 02", Township2, async app =>
        {
            var admin = await app.LoginAsync("admin");
            await using var db = app.Db.OpenConnection();
            var regionId = await db.ExecuteScalarAsync<Guid>("select id from organization.regions where code = @c",
                new { c = Township2 });
            var countyId = await db.ExecuteScalarAsync<Guid>("select id from organization.regions where code = @c",
                new { c = County });
            // an evaluation grant for township 02 only, and its token
            var grant = await (await admin.PostAsJsonAsync("/api/v1/organization/evaluation-grants", new
            {
                organisation = "评估机构", purpose = "乡镇评估", regionId = countyId, townshipIds = new[] { regionId },
                periodFrom = "2000-01-01", periodTo = "2099-12-31", modules = EvaluationModules,
                expiresAt = DateTimeOffset.UtcNow.AddDays(10),
            })).Content.ReadFromJsonAsync<JsonElement>();
            var issued = await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
            {
                name = "评估", role = "evaluator", regionId, expiresAt = DateTimeOffset.UtcNow.AddDays(5),
                grantId = grant.GetProperty("id").GetGuid(),
            });
            return app.WithToken((await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token")
                .GetString()!);
        }),
    ];

    private async Task<string> PathOf(string code) =>
        await Scalar<string>("select path from organization.regions where code = @code", new { code });

    [Test]
    public async Task Region_details_and_children_are_visible_only_inside_the_callers_subtree()
    {
        foreach (var caller in Callers())
        {
            var client = await caller.Login(App);
            var scope = await PathOf(caller.RegionCode);
            foreach (var target in Targets)
            {
                var id = await RegionId(target);
                var visible = (await PathOf(target)).StartsWith(scope, StringComparison.Ordinal);
                var expected = visible ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                var detail = await client.GetAsync($"/api/v1/organization/regions/{id}");
                Assert.That(detail.StatusCode, Is.EqualTo(expected), $"{caller.Name} → region {target}");
                var children = await client.GetAsync($"/api/v1/organization/regions?parentId={id}");
                Assert.That(children.StatusCode, Is.EqualTo(expected), $"{caller.Name} → children of {target}");
                var units = await client.GetAsync($"/api/v1/organization/units?regionId={id}");
                var unitItems = (await units.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
                Assert.That(unitItems.GetArrayLength() > 0, Is.EqualTo(visible), $"{caller.Name} → units of {target}");
            }
        }
    }

    [Test]
    public async Task A_404_for_another_township_looks_exactly_like_a_missing_record_and_is_audited()
    {
        var client = await App.LoginAsync("t01_leader");
        var other = await Problem(await client.GetAsync($"/api/v1/organization/regions/{await RegionId(Township2)}"),
            HttpStatusCode.NotFound);
        var missing = await Problem(await client.GetAsync($"/api/v1/organization/regions/{Guid.CreateVersion7()}"),
            HttpStatusCode.NotFound);
        Assert.That(other.GetProperty("detail").GetString(), Is.EqualTo(missing.GetProperty("detail").GetString()));
        Assert.That(other.GetProperty("code").GetString(), Is.EqualTo(missing.GetProperty("code").GetString()));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries
            where action = 'access.denied' and record_type = 'region' and actor_name = 't01_leader'
            """), Is.EqualTo(2));
    }

    [Test]
    public async Task Lists_contain_exactly_the_callers_subtree()
    {
        // make some audit rows in both townships first
        await App.LoginAsync("t01_staff");
        await App.LoginAsync("t02_staff");
        await App.LoginAsync("v0201_agent");

        foreach (var caller in Callers())
        {
            var client = await caller.Login(App);
            var scope = await PathOf(caller.RegionCode);
            await AssertListMatches(client, "/api/v1/organization/units", """
                select count(*) from organization.units where region_path like @p
                """, scope, caller.Name);
            if (caller.Name.Contains("leader") || caller.Name == "admin")
                await AssertListMatches(client, "/api/v1/organization/users", """
                    select count(*) from organization.users where region_path like @p
                    """, scope, caller.Name);
            if (caller.Name.Contains("leader") || caller.Name == "admin" || caller.Name.Contains("evaluator"))
                await AssertListMatches(client, "/api/v1/audit/entries", """
                    select count(*) from audit.entries where region_path like @p
                    """, scope, caller.Name);
        }
    }

    private async Task AssertListMatches(HttpClient client, string url, string countSql, string scope, string caller)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Read<JsonElement>(await client.GetAsync($"{url}?limit=200&cursor={cursor}"));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        var expected = await Scalar<long>(countSql, new { p = scope + "%" });
        Assert.That(ids, Has.Count.EqualTo(expected), $"{caller}: {url}");
        Assert.That(expected, Is.GreaterThan(0), $"{caller}: {url} has something to show");
        var table = url.Contains("units") ? "organization.units" : url.Contains("users") ? "organization.users"
            : "audit.entries";
        var outside = await Scalar<long>($"""
            select count(*) from {table} where id::text = any(@ids) and region_path not like @p
            """, new { ids = ids.ToArray(), p = scope + "%" });
        Assert.That(outside, Is.Zero, $"{caller}: {url} leaked records outside its scope");
    }

    [Test]
    public async Task A_township_admin_cannot_create_users_tokens_or_act_outside_its_township()
    {
        var admin = await App.LoginAsync("admin");
        // even a county admin cannot place a user outside its own county: a second county exists now
        await App.GenerateDemoAsync(2);
        var foreignTownship = await RegionId("990102001000");
        var p = await Problem(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "outsider", displayName = "甲", password = "Passw0rd1", role = "township_staff",
            regionId = foreignTownship,
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("regionId")[0].GetString(), Does.Contain("管辖范围"));
        await Problem(await admin.PostAsync($"/api/v1/organization/users/{await UserId("c002_t01_staff")}/disable",
            null), HttpStatusCode.NotFound);
        Assert.That(await Scalar<bool>("select disabled from organization.users where username = 'c002_t01_staff'"),
            Is.False);
    }
}
