namespace Governance.IntegrationTests;

/// <summary>
/// The mechanism's answers, once per workflow (applications, rectifications, admissions, queue tickets): a role without
/// the action's permission 403 (one audit row), another township 404, no If-Match 428, a stale one 412, an action the
/// state does not allow 409 with what the caller may do instead — and none of these changes the record.
/// </summary>
public class WorkflowContractTests : ServiceCentreTest
{
    /// <summary>
    /// A record in a known state: who may act, an action its state refuses, who lacks the permission, who cannot see
    /// it.
    /// </summary>
    private sealed record Case(string Path, HttpClient Actor, string RefusedAction, HttpClient Unpermitted,
        HttpClient Outsider)
    {
        /// <summary>Where the actor reads the record (a ticket is read in its centre's list of the day).</summary>
        public string? ListPath { get; init; }

        public async Task<(string ETag, string State, string[] Allowed)> ReadAsync()
        {
            JsonElement record;
            if (ListPath is null)
            {
                var response = await Actor.GetAsync(Path);
                record = await Read<JsonElement>(response);
                Assert.That(response.Headers.ETag!.Tag, Is.EqualTo($"\"v{record.GetProperty("version").GetInt32()}\""));
            }
            else
            {
                var id = Path[(Path.LastIndexOf('/') + 1)..];
                record = (await Read<JsonElement>(await Actor.GetAsync(ListPath))).EnumerateArray()
                    .Single(t => t.GetProperty("id").GetString() == id);
            }
            return ($"\"v{record.GetProperty("version").GetInt32()}\"", record.GetProperty("state").GetString()!,
                record.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        }
    }

    public static IEnumerable<string> Workflows => ["applications", "rectifications", "admissions", "tickets"];

    private async Task<Case> Arrange(string workflow)
    {
        Clock.SetCountyDay("2026-11-16");
        var clerk = await App.LoginAsync("t01_window");
        var otherClerk = await App.LoginAsync("t02_window");
        switch (workflow)
        {
            case "applications":
            {
                var id = (await Register(clerk, await ItemAsync("WF-A", "promised", 5))).GetProperty("id").GetGuid();
                return new($"/api/v1/service-centre/applications/{id}", clerk, "deliver",
                    await App.LoginAsync("t01_leader"), otherClerk);
            }
            case "rectifications":
            {
                var id = (await Register(clerk, await ItemAsync("WF-R", "immediate", null))).GetProperty("id")
                    .GetGuid();
                await Read<JsonElement>(await Act(clerk, id, "complete", 1, new { outcome = "approved" }));
                var rating = await Read<JsonElement>(
                    await clerk.PostAsJsonAsync($"/api/v1/service-centre/applications/{id}/ratings",
                        new { level = 1, comment = "等了很久" }), HttpStatusCode.Created);
                var rid = rating.GetProperty("rectificationId").GetGuid();
                return new($"/api/v1/service-centre/rectifications/{rid}", clerk, "respond",
                    await App.LoginAsync("leader"), otherClerk);
            }
            case "admissions":
            {
                var department = await App.LoginAsync("dept_scjg");
                var office = await App.LoginAsync("bianban");
                var market = await Scalar<Guid>("""
                    select id from organization.units where name = '县市场监督管理局'
                        and region_path like '%990101000000/'
                    """);
                var item = (await Read<JsonElement>(await office.PostAsJsonAsync("/api/v1/power-lists/items", new
                {
                    code = "JC00078000", name = "对食品摊贩的监督检查", type = "JC", domainCode = "SC",
                    departmentId = market, effectiveFrom = "2026-01-01", changeNote = "新增",
                }), HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId").GetGuid();
                var id = (await Read<JsonElement>(await department.PostAsJsonAsync("/api/v1/power-lists/admissions", new
                {
                    kind = "admission", itemId = item, townshipIds = new[] { await RegionId(Township1) },
                    mode = "statutory", listKind = "basic", effectiveFrom = "2026-12-01", legalBasis = "《食品安全法》",
                    reason = "就近监管",
                }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
                // the county leader decides, but not before the office has reviewed; the department does not decide;
                // another county's leader does not see the request
                await App.GenerateDemoAsync(2);
                return new($"/api/v1/power-lists/admissions/{id}", await App.LoginAsync("leader"), "approve",
                    department, await App.LoginAsync("c002_leader"));
            }
            case "tickets":
            {
                var admin = await App.LoginAsync("zwfw");
                var centre = (await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/centres",
                    new { regionId = await RegionId(Township1), name = "一号乡便民服务中心", address = "政府路 1 号",
                        hours = "8:30–17:30" }),
                    HttpStatusCode.Created)).GetProperty("centre").GetProperty("id").GetGuid();
                var ticket = await Read<JsonElement>(await App.Anonymous().PostAsJsonAsync(
                    $"/api/v1/public/service-centre/centres/{centre}/tickets", new { }), HttpStatusCode.Created);
                // a waiting ticket is called (call-next), not served directly
                return new($"/api/v1/service-centre/tickets/{ticket.GetProperty("id").GetGuid()}", clerk, "serve",
                    await App.LoginAsync("t01_leader"),
                    otherClerk) { ListPath = $"/api/v1/service-centre/centres/{centre}/tickets" };
            }
            default: throw new ArgumentOutOfRangeException(nameof(workflow));
        }
    }

    [TestCaseSource(nameof(Workflows))]
    public async Task Refused_steps_answer_the_same_way_in_every_workflow_and_change_nothing(string workflow)
    {
        var c = await Arrange(workflow);
        var (etag, state, allowed) = await c.ReadAsync();
        var action = $"{c.Path}/{c.RefusedAction}";

        await Problem(await PostIfMatch(c.Unpermitted, action, etag, new { }), HttpStatusCode.Forbidden);
        Assert.That(await Scalar<long>("select count(*) from audit.entries where outcome = 'denied'"), Is.EqualTo(1),
            "one denial, one row");
        await Problem(await PostIfMatch(c.Outsider, action, etag, new { }), HttpStatusCode.NotFound);
        await Problem(await PostIfMatch(c.Actor, action, null, new { }), HttpStatusCode.PreconditionRequired);
        await Problem(await PostIfMatch(c.Actor, action, "\"v99\"", new { }), HttpStatusCode.PreconditionFailed);
        var conflict = await Problem(await PostIfMatch(c.Actor, action, etag, new { }), HttpStatusCode.Conflict);
        Assert.That(conflict.GetProperty("code").GetString(), Is.EqualTo($"{workflow}.invalid_transition"));
        Assert.That(conflict.GetProperty("state").GetString(), Is.EqualTo(state));
        Assert.That(conflict.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(allowed), "what the record offers the same caller");
        Assert.That(await c.ReadAsync(), Is.EqualTo((etag, state, allowed)).Using<(string, string, string[])>((x, y) =>
            x.Item1 == y.Item1 && x.Item2 == y.Item2 && x.Item3.SequenceEqual(y.Item3)),
            "no refused step changed the record");
    }
}
