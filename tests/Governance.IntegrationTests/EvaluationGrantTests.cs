using System.Net.Http.Headers;

namespace Governance.IntegrationTests;

/// <summary>
/// 评估任务: an evaluator reads only what its grant opens — region or chosen townships, modules, period — every read is
/// audited, and revoking or expiring the grant cuts its sessions and tokens at once.
/// </summary>
public class EvaluationGrantTests : ServiceCentreTest
{
    private const string Grants = EvaluationGrants;

    [SetUp]
    public void Now() => Clock.Now = DateTimeOffset.UtcNow;

    private static Task<HttpResponseMessage> PostIfMatch(HttpClient client, string path, int version,
        object body, HttpMethod? method = null) => PostIfMatch(client, path, $"\"v{version}\"", body, method);

    [Test]
    public async Task A_grant_opens_only_its_modules_and_every_read_is_audited_under_it()
    {
        var admin = await App.LoginAsync("admin");
        var grant = await GrantAsync(admin, modules: ["service_centre"]);
        var id = grant.GetProperty("id").GetGuid();
        var evaluator = await EvaluatorAsync(admin, grant);

        await Read<JsonElement>(await evaluator.GetAsync("/api/v1/service-centre/applications"));
        await Problem(await evaluator.GetAsync("/api/v1/power-lists/items"), HttpStatusCode.NotFound);
        await Problem(await evaluator.GetAsync("/api/v1/enforcement/cases"), HttpStatusCode.NotFound);
        var catalogue = await Read<JsonElement>(await evaluator.GetAsync("/api/v1/kpis/definitions"));
        Assert.That(catalogue.EnumerateArray().Select(d => d.GetProperty("module").GetString()).Distinct(),
            Is.EqualTo(new[] { "service_centre" }), "the KPI catalogue of the opened modules only");
        var values = await Read<JsonElement>(await evaluator.GetAsync("/api/v1/kpis/values"));
        Assert.That(values.EnumerateArray().All(v => v.GetProperty("module").GetString() == "service_centre"));
        // an open-data package holds every module: not for this grant
        await Problem(await evaluator.GetAsync(
            $"/api/v1/open-data/packages/{await RegionId(County)}/{DateTime.UtcNow.AddMonths(-1):yyyy-MM}"),
            HttpStatusCode.NotFound);

        // the county lists what the evaluator read, denied reads included, one line each
        var reads = await Read<JsonElement>(await admin.GetAsync(
            $"/api/v1/audit/entries?recordType=evaluation_grant&recordId={id}&action=evaluation.read&limit=50"));
        var lines = reads.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("after").GetProperty("path").GetString()!,
                e.GetProperty("outcome").GetString()))
            .Reverse().ToList();
        Assert.That(lines.Select(l => l.Item1.Split('?')[0]), Is.EqualTo(new[]
        {
            "/api/v1/service-centre/applications", "/api/v1/power-lists/items", "/api/v1/enforcement/cases",
            "/api/v1/kpis/definitions", "/api/v1/kpis/values",
            $"/api/v1/open-data/packages/{await RegionId(County)}/{DateTime.UtcNow.AddMonths(-1):yyyy-MM}",
        }));
        Assert.That(lines.Select(l => l.Item2), Is.EqualTo(new[]
            { "success", "denied", "denied", "success", "success", "success" }));
    }

    [Test]
    public async Task Revoking_or_expiring_a_grant_cuts_its_sessions_and_tokens_at_once()
    {
        var admin = await App.LoginAsync("admin");
        var grant = await GrantAsync(admin);
        var id = grant.GetProperty("id").GetGuid();
        var evaluator = await EvaluatorAsync(admin, grant);
        var token = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "评估脚本", role = "evaluator", regionId = await RegionId(County),
            expiresAt = DateTimeOffset.UtcNow.AddDays(5), grantId = id,
        }), HttpStatusCode.Created);
        var machine = App.WithToken(token.GetProperty("token").GetString()!);
        await Read<JsonElement>(await evaluator.GetAsync("/api/v1/kpis/definitions"));
        await Read<JsonElement>(await machine.GetAsync("/api/v1/kpis/definitions"));

        await Problem(await admin.PostAsJsonAsync($"{Grants}/{id}/revoke", new { reason = "评估结束" }),
            (HttpStatusCode)428);
        var revoked = await Read<JsonElement>(await PostIfMatch(admin, $"{Grants}/{id}/revoke", 1,
            new { reason = "评估结束" }));
        Assert.That(revoked.GetProperty("status").GetString(), Is.EqualTo("revoked"));
        await Problem(await evaluator.GetAsync("/api/v1/kpis/definitions"), HttpStatusCode.Unauthorized);
        await Problem(await machine.GetAsync("/api/v1/kpis/definitions"), HttpStatusCode.Unauthorized);
        var login = await Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login",
            new { username = "pinggu01", password = "Pinggu2026" }), HttpStatusCode.Unauthorized);
        Assert.That(login.GetProperty("code").GetString(), Is.EqualTo("auth.grant_ended"));
        await Problem(await PostIfMatch(admin, $"{Grants}/{id}/revoke", 2, new { reason = "再次" }),
            HttpStatusCode.Conflict);
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'evaluation_grant.revoked' and record_id = @id
            """, new { id = id.ToString() }), Is.EqualTo(1));

        // the user and token lists say so too: the grant's user disabled, its token revoked, both under the grant
        var user = (await Read<JsonElement>(await admin.GetAsync("/api/v1/organization/users?q=pinggu01")))
            .GetProperty("items")[0];
        Assert.That((user.GetProperty("disabled").GetBoolean(), user.GetProperty("grantId").GetGuid()),
            Is.EqualTo((true, id)));
        var listed = (await Read<JsonElement>(await admin.GetAsync("/api/v1/organization/api-tokens?limit=200")))
            .GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetGuid()
                == token.GetProperty("id").GetGuid());
        Assert.That((listed.GetProperty("revokedAt").ValueKind, listed.GetProperty("grantId").GetGuid()),
            Is.EqualTo((JsonValueKind.String, id)));

        // a second grant that simply runs out: refused from that moment, by the clock
        var other = await GrantAsync(admin);
        var late = await EvaluatorAsync(admin, other, "pinggu02");
        await Read<JsonElement>(await late.GetAsync("/api/v1/kpis/definitions"));
        Clock.Now = DateTimeOffset.UtcNow.AddDays(31);
        await Problem(await late.GetAsync("/api/v1/kpis/definitions"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_grant_of_chosen_townships_lets_its_evaluator_switch_between_them_and_nowhere_else()
    {
        var item = await ItemAsync("SX-901", "promised", 5);
        var in1 = (await Register(await App.LoginAsync("t01_window"), item)).GetProperty("id").GetGuid();
        var in2 = (await Register(await App.LoginAsync("t02_window"), item)).GetProperty("id").GetGuid();
        var admin = await App.LoginAsync("admin");
        var grant = await GrantAsync(admin, townships: [Township1, Township2]);
        var evaluator = await EvaluatorAsync(admin, grant);

        var me = await Read<JsonElement>(await evaluator.GetAsync("/api/v1/auth/me"));
        Assert.That(me.GetProperty("regionId").GetGuid(), Is.EqualTo(await RegionId(Township1)), "the first township");
        Assert.That(me.GetProperty("grant").GetProperty("regions").GetArrayLength(), Is.EqualTo(2));
        var detail = await Read<JsonElement>(await evaluator.GetAsync($"/api/v1/service-centre/applications/{in1}"));
        Assert.That(detail.GetProperty("applicantIdNumber").GetString(), Does.Contain("*"), "always masked");
        await Problem(await evaluator.GetAsync($"/api/v1/service-centre/applications/{in1}?reveal=true"),
            HttpStatusCode.Forbidden); // an evaluator cannot reveal
        await Problem(await evaluator.GetAsync($"/api/v1/service-centre/applications/{in2}"), HttpStatusCode.NotFound);

        me = await Read<JsonElement>(await evaluator.PutAsJsonAsync("/api/v1/auth/scope",
            new { regionId = await RegionId(Township2) }));
        Assert.That(me.GetProperty("regionId").GetGuid(), Is.EqualTo(await RegionId(Township2)));
        await Read<JsonElement>(await evaluator.GetAsync($"/api/v1/service-centre/applications/{in2}"));
        await Problem(await evaluator.GetAsync($"/api/v1/service-centre/applications/{in1}"), HttpStatusCode.NotFound);
        foreach (var outside in new[] { County, "990101003000" })
            await Problem(await evaluator.PutAsJsonAsync("/api/v1/auth/scope",
                new { regionId = await RegionId(outside) }), HttpStatusCode.NotFound);

        // a token of the grant sits in one of its townships, never the county above them
        var p = await Problem(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "评估脚本", role = "evaluator", regionId = await RegionId(County),
            expiresAt = DateTimeOffset.UtcNow.AddDays(5), grantId = grant.GetProperty("id").GetGuid(),
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").TryGetProperty("regionId", out _));

        // narrowing the grant to township 01 stops the session left in township 02 at once
        var narrowed = await PostIfMatch(admin, $"{Grants}/{grant.GetProperty("id").GetGuid()}", 1, new
        {
            organisation = "华信评估", purpose = "改革成效评估", townshipIds = new[] { await RegionId(Township1) },
            periodFrom = "2000-01-01", periodTo = "2099-12-31", modules = EvaluationModules,
            expiresAt = DateTimeOffset.UtcNow.AddDays(30),
        }, HttpMethod.Put);
        Assert.That(narrowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await narrowed.Content.ReadAsStringAsync());
        await Problem(await evaluator.GetAsync($"/api/v1/service-centre/applications/{in2}"),
            HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_evaluator_reads_KPIs_and_the_audit_trail_of_its_period_only()
    {
        // an application in October and one in November; the grant's period is October
        Clock.SetCountyDay("2026-10-12");
        var item = await ItemAsync("SX-902", "promised", 3);
        var inOctober = (await Register(await App.LoginAsync("t01_window"), item)).GetProperty("id").GetGuid();
        Clock.SetCountyDay("2026-11-03");
        var inNovember = (await Register(await App.LoginAsync("t01_window"), item, idNumber: "110101199003070038"))
            .GetProperty("id").GetGuid();
        var admin = await App.LoginAsync("admin");
        var october = await EvaluatorAsync(admin, await GrantAsync(admin, from: "2026-10-01", to: "2026-10-31"),
            "pinggu03");

        const string Url = "/api/v1/kpis/values?codes=SC_FORWARDED&level=township&from=2026-08&to=2026-11";
        Assert.That(await Months(admin, Url), Is.EqualTo(new[] { "2026-10", "2026-11" }));
        Assert.That(await Months(october, Url), Is.EqualTo(new[] { "2026-10" }));
        await Problem(await october.GetAsync("/api/v1/kpis/values?from=2026-11&to=2026-11"), HttpStatusCode.NotFound);

        // the applications: October's in the list and the change feed, November's not even by its id
        foreach (var url in new[]
                 { "/api/v1/service-centre/applications", "/api/v1/service-centre/applications/changes" })
            Assert.That((await Read<JsonElement>(await october.GetAsync(url))).GetProperty("items").EnumerateArray()
                .Select(a => a.GetProperty("id").GetGuid()), Is.EqualTo(new[] { inOctober }), url);
        await Problem(await october.GetAsync($"/api/v1/service-centre/applications/{inNovember}"),
            HttpStatusCode.NotFound);

        // the trail: October's rows (the registration), none of November's (this grant, the second application)
        var trail = await Read<JsonElement>(await october.GetAsync("/api/v1/audit/entries?limit=200"));
        Assert.That(trail.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("occurredAt")
                .GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM")).Distinct(),
            Is.EqualTo(new[] { "2026-10" }));
        var november = await EvaluatorAsync(admin, await GrantAsync(admin, from: "2026-11-01", to: "2026-11-30"),
            "pinggu04");
        Assert.That((await Read<JsonElement>(await november.GetAsync("/api/v1/audit/entries?limit=200")))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Does.Contain("evaluation_grant.created").And.Not.Empty);
    }

    private static async Task<string[]> Months(HttpClient client, string url) =>
        (await Read<JsonElement>(await client.GetAsync(url))).EnumerateArray()
        .Select(v => v.GetProperty("month").GetString()!).Distinct().Order().ToArray();

    /// <summary>Generated from the OpenAPI document: every read route of every module the grant does not open.
    /// </summary>
    [Test]
    public async Task Every_read_route_of_a_module_the_grant_does_not_open_answers_404_and_is_audited()
    {
        var admin = await App.LoginAsync("admin");
        var grant = await GrantAsync(admin, modules: ["staffing"]);
        var evaluator = await EvaluatorAsync(admin, grant, "pinggu05");
        var doc = JsonDocument.Parse(await App.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var reads = doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _))
            .Select(p => (Path: p.Name, Module: Governance.Organization.Contracts.EvaluationModules.OfPath(p.Name)))
            .Where(r => r.Module is not null).ToList();
        var closed = reads.Where(r => r.Module != "staffing").ToList();
        Assert.That(closed.Select(r => r.Module).Distinct().Order(),
            Is.EqualTo(new[] { "enforcement", "power_lists", "service_centre" }));
        foreach (var (path, _) in closed)
            Assert.That((await evaluator.GetAsync(ConcretePath(path))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
                path);
        // the gate refused each one (not the route's own 404), and recorded it once
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries
            where action = 'evaluation.read' and outcome = 'denied' and record_id = @id
            """, new { id = grant.GetProperty("id").GetGuid().ToString() }), Is.EqualTo(closed.Count));
        foreach (var (path, _) in reads.Where(r => r.Module == "staffing" && !r.Path.Contains('{')))
            Assert.That((int)(await evaluator.GetAsync(path)).StatusCode, Is.Not.EqualTo(404).And.LessThan(500), path);
    }

    [Test]
    public async Task Grants_are_validated_scoped_and_their_changes_need_if_match_and_are_audited()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PostAsJsonAsync(Grants, new
        {
            organisation = "", regionId = await RegionId(County), townshipIds = new[] { await RegionId(Village1_1) },
            periodFrom = "2026-05-01", periodTo = "2026-04-01", modules = new[] { "grid" },
            expiresAt = DateTimeOffset.UtcNow.AddYears(3),
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(),
            Is.EqualTo(new[] { "expiresAt", "modules", "organisation", "periodTo", "purpose" }));
        p = await Problem(await admin.PostAsJsonAsync(Grants, new
        {
            organisation = "机构", purpose = "评估", regionId = await RegionId(County),
            townshipIds = new[] { await RegionId(Village1_1) }, periodFrom = "2026-01-01", periodTo = "2026-04-01",
            modules = EvaluationModules, expiresAt = DateTimeOffset.UtcNow.AddDays(3),
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").TryGetProperty("townshipIds", out _));
        // accounts: an evaluator needs a grant, nobody else may have one
        p = await Problem(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "pinggu09", displayName = "评估员", password = "Pinggu2026", role = "evaluator",
            regionId = await RegionId(County),
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").TryGetProperty("grantId", out _));

        var grant = await GrantAsync(admin);
        var id = grant.GetProperty("id").GetGuid();
        var change = new
        {
            organisation = "华信评估", purpose = "改革成效评估（延期）", periodFrom = "2025-01-01",
            periodTo = "2026-12-31",
            modules = new[] { "staffing" }, expiresAt = DateTimeOffset.UtcNow.AddDays(60),
        };
        await Problem(await admin.PutAsJsonAsync($"{Grants}/{id}", change), (HttpStatusCode)428);
        await Problem(await PostIfMatch(admin, $"{Grants}/{id}", 7, change, HttpMethod.Put),
            HttpStatusCode.PreconditionFailed);
        var changed = await Read<JsonElement>(await PostIfMatch(admin, $"{Grants}/{id}", 1, change, HttpMethod.Put));
        Assert.That(changed.GetProperty("modules").EnumerateArray().Select(m => m.GetString()),
            Is.EqualTo(new[] { "staffing" }));
        Assert.That(changed.GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(await Scalar<string>("""
            select string_agg(action, ',' order by seq) from audit.entries where record_id = @id
            """, new { id = id.ToString() }), Is.EqualTo("evaluation_grant.created,evaluation_grant.changed"));

        // a township leader manages no grants
        await Problem(await (await App.LoginAsync("t01_leader")).GetAsync($"{Grants}/{id}"), HttpStatusCode.Forbidden);
        var list = await Read<JsonElement>(await admin.GetAsync($"{Grants}?status=active&q=华信"));
        Assert.That(list.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()),
            Does.Contain(id));
    }
}
