using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// 评估意见: an evaluator posts a finding on a record of its grant's scope or on a frozen KPI figure it quotes; the
/// township answers; the evaluator accepts or disputes and closes. Nothing posted changes; each side sees the thread
/// of its scope, an evaluator only its own grant's.
/// </summary>
public class FindingTests : ServiceCentreTest
{
    private const string Findings = "/api/v1/evaluation/findings";

    [SetUp]
    public void Now() => Clock.Now = DateTimeOffset.UtcNow;

    private async Task<HttpClient> EvaluatorAsync(HttpClient admin, string username, string[]? townships = null) =>
        await EvaluatorAsync(admin, await GrantAsync(admin, townships: townships), username);

    private static Task<HttpResponseMessage> Act(HttpClient client, Guid id, string action, int version,
        string? text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Findings}/{id}/{action}")
        {
            Content = JsonContent.Create(new { text }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"v{version}\""));
        return client.SendAsync(request);
    }

    private static object OnRecord(Guid id, string title = "受理超时未说明原因") => new
    {
        subject = new { module = "service_centre", recordType = "application", recordId = id },
        severity = "medium", title, text = "该办件超过承诺时限，系统中没有延期说明。",
    };

    [Test]
    public async Task A_finding_on_a_record_runs_its_thread_and_nothing_posted_changes()
    {
        var application = (await Register(await App.LoginAsync("t01_window"), await ItemAsync("SX-801", "promised", 5)))
            .GetProperty("id").GetGuid();
        var admin = await App.LoginAsync("admin");
        var evaluator = await EvaluatorAsync(admin, "pinggu11");

        var finding = await Read<JsonElement>(await evaluator.PostAsJsonAsync(Findings, OnRecord(application)),
            HttpStatusCode.Created);
        var id = finding.GetProperty("id").GetGuid();
        Assert.That((finding.GetProperty("state").GetString(), finding.GetProperty("regionName").GetString(),
                finding.GetProperty("recordTypeName").GetString()),
            Is.EqualTo(("open", "城关镇", "办件")));

        // the township reads it, among what waits for its answer; the other township does not even see it
        var leader = await App.LoginAsync("t01_leader");
        Assert.That((await Read<JsonElement>(await leader.GetAsync($"{Findings}?state=waiting"))).GetProperty("items")
            .EnumerateArray().Select(f => f.GetProperty("id").GetGuid()), Is.EqualTo(new[] { id }));
        var other = await App.LoginAsync("t02_leader");
        await Problem(await other.GetAsync($"{Findings}/{id}"), HttpStatusCode.NotFound);
        Assert.That((await Read<JsonElement>(await other.GetAsync(Findings))).GetProperty("items")
            .GetArrayLength(), Is.Zero);

        // an amendment is a new entry; each side only takes its own steps, with If-Match
        await Problem(await evaluator.PostAsJsonAsync($"{Findings}/{id}/amend", new { text = "补充" }),
            (HttpStatusCode)428);
        await Read<JsonElement>(await Act(evaluator, id, "amend", 1, "另：回执上没有受理人。"));
        await Problem(await Act(evaluator, id, "answer", 2, "自问自答"), HttpStatusCode.Forbidden);
        await Problem(await Act(leader, id, "accept", 2, null), HttpStatusCode.Forbidden);
        await Problem(await Act(leader, id, "answer", 2, " "), HttpStatusCode.BadRequest);
        await Read<JsonElement>(await Act(leader, id, "answer", 2, "已补录延期说明。"));
        await Read<JsonElement>(await Act(evaluator, id, "dispute", 3, "延期说明在期满后才补录。"));
        await Problem(await Act(evaluator, id, "close", 3, null), HttpStatusCode.PreconditionFailed);
        await Read<JsonElement>(await Act(leader, id, "answer", 4, "已约谈窗口负责人并整改。"));
        await Read<JsonElement>(await Act(evaluator, id, "accept", 5, null));
        var closed = await Read<JsonElement>(await Act(evaluator, id, "close", 6, "整改到位。"));
        Assert.That(closed.GetProperty("state").GetString(), Is.EqualTo("closed"));
        var thread = closed.GetProperty("thread").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("note").GetString())).ToList();
        Assert.That(thread.Select(e => e.Item1),
            Is.EqualTo(new[] { "post", "amend", "answer", "dispute", "answer", "accept", "close" }));
        Assert.That(thread[0].Item2, Is.EqualTo("该办件超过承诺时限，系统中没有延期说明。"), "the posted text stands");
        await Problem(await Act(leader, id, "answer", 7, "再答"), HttpStatusCode.Conflict);
        Assert.That((await Read<JsonElement>(await leader.GetAsync($"{Findings}?state=waiting"))).GetProperty("items")
            .GetArrayLength(), Is.Zero, "nothing waits once closed");

        // the county's overview and export
        var summary = await Read<JsonElement>(await admin.GetAsync($"{Findings}/summary"));
        Assert.That(summary.EnumerateArray().Select(r => (r.GetProperty("regionName").GetString(),
                r.GetProperty("module").GetString(), r.GetProperty("open").GetInt32(),
                r.GetProperty("total").GetInt32())),
            Is.EqualTo(new[] { ("城关镇", "service_centre", 0, 1) }));
        var csv = await admin.GetAsync($"{Findings}/export?module=service_centre");
        var text = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]);
        Assert.That(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Single(),
            Does.Contain("城关镇,便民服务").And.Contain("受理超时未说明原因,已关闭")
                .And.Contain("已约谈窗口负责人并整改。"));
        Assert.That(await Scalar<string>("""
            select string_agg(action, ',' order by seq) from audit.entries where record_id = @id
            """, new { id = id.ToString() }), Is.EqualTo("finding.post,access.denied,finding.amend,finding.answer,"
            + "finding.dispute,finding.answer,finding.accept,finding.close"),
            "every step once, and the other township's look");
    }

    [Test]
    public async Task A_finding_names_a_record_or_a_frozen_figure_of_its_grant_or_is_refused()
    {
        Clock.SetCountyDay("2026-10-12");
        var item = await ItemAsync("SX-802", "promised", 3);
        var inOne = (await Register(await App.LoginAsync("t01_window"), item)).GetProperty("id").GetGuid();
        Clock.SetCountyDay("2026-11-03");
        var admin = await App.LoginAsync("admin");
        var evaluator = await EvaluatorAsync(admin, "pinggu12", [Township2]);

        // township 02's evaluator: township 01's application is not there to name
        var p = await Problem(await evaluator.PostAsJsonAsync(Findings, OnRecord(inOne)), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EqualTo(new[] { "subject.recordId" }));
        p = await Problem(await evaluator.PostAsJsonAsync(Findings, new
        {
            subject = new { module = "service_centre", recordType = "queue_ticket", recordId = inOne },
            severity = "grave", title = "", text = "x",
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(),
            Is.EqualTo(new[] { "severity", "title" }));
        p = await Problem(await evaluator.PostAsJsonAsync(Findings, new
        {
            subject = new { module = "service_centre", recordType = "queue_ticket", recordId = inOne },
            severity = "low", title = "t", text = "x",
        }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").TryGetProperty("subject.recordType", out _));

        // the county's evaluator quotes township 01's frozen October figure, at the revision that exists
        var county = await EvaluatorAsync(admin, "pinggu13");
        await Read<JsonElement>(await county.GetAsync(
            "/api/v1/kpis/values?codes=SC_FORWARDED&level=township&from=2026-10&to=2026-10"));
        object Figure(int revision) => new
        {
            subject = new
            {
                kpiCode = "SC_FORWARDED", regionId = RegionId(Township1).Result, month = "2026-10", revision,
            },
            severity = "high", title = "转报率口径存疑", text = "10 月转报率与台账不符。",
        };
        p = await Problem(await county.PostAsJsonAsync(Findings, Figure(2)), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").TryGetProperty("subject.revision", out _));
        var finding = await Read<JsonElement>(await county.PostAsJsonAsync(Findings, Figure(1)),
            HttpStatusCode.Created);
        Assert.That((finding.GetProperty("kpiCode").GetString(), finding.GetProperty("kpiMonth").GetString(),
            finding.GetProperty("kpiRevision").GetInt32(), finding.GetProperty("regionName").GetString()),
            Is.EqualTo(("SC_FORWARDED", "2026-10", 1, "城关镇")));

        // each evaluator reads its own grant's findings only, even one of the same county; a window clerk none
        var another = await EvaluatorAsync(admin, "pinggu14");
        Assert.That((await Read<JsonElement>(await another.GetAsync(Findings))).GetProperty("items")
            .GetArrayLength(), Is.Zero);
        await Problem(await another.GetAsync($"{Findings}/{finding.GetProperty("id").GetGuid()}"),
            HttpStatusCode.NotFound);
        await Problem(await (await App.LoginAsync("t01_window")).GetAsync(Findings), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_finding_follows_its_grant_period_and_modules_and_the_overview_leads_to_the_list()
    {
        Clock.SetCountyDay("2026-10-12");
        var october = (await Register(await App.LoginAsync("t01_window"), await ItemAsync("SX-803", "promised", 3)))
            .GetProperty("id").GetGuid();
        Clock.SetCountyDay("2026-11-03");
        var november = (await Register(await App.LoginAsync("t01_window"), await ItemAsync("SX-804", "promised", 3)))
            .GetProperty("id").GetGuid();
        var admin = await App.LoginAsync("admin");
        var grant = await GrantAsync(admin, modules: ["service_centre", "staffing"], from: "2026-11-01",
            to: "2026-11-30");
        var evaluator = await EvaluatorAsync(admin, grant, "pinggu15");

        // the kinds of record it may name are those of its modules
        var kinds = await Read<JsonElement>(await evaluator.GetAsync("/api/v1/evaluation/record-kinds"));
        Assert.That(kinds.EnumerateArray().Select(k => $"{k.GetProperty("module").GetString()}/"
                + k.GetProperty("recordType").GetString()),
            Is.EqualTo(new[]
            {
                "service_centre/application", "service_centre/rectification", "staffing/post_request",
                "staffing/transfer",
            }));
        Assert.That((await Read<JsonElement>(await admin.GetAsync("/api/v1/evaluation/record-kinds")))
            .GetArrayLength(), Is.EqualTo(8), "the county's: every module's");

        // an application received before the period is not there to name; one of the period is
        var p = await Problem(await evaluator.PostAsJsonAsync(Findings, OnRecord(october)),
            HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EqualTo(new[] { "subject.recordId" }));
        var finding = await Read<JsonElement>(await evaluator.PostAsJsonAsync(Findings, OnRecord(november)),
            HttpStatusCode.Created);
        var id = finding.GetProperty("id").GetGuid();

        // the county's overview names the township by id: the list's filter
        var row = (await Read<JsonElement>(await admin.GetAsync($"{Findings}/summary"))).EnumerateArray().Single();
        Assert.That(row.GetProperty("regionId").GetGuid(), Is.EqualTo(await RegionId(Township1)));
        Assert.That((await Read<JsonElement>(await admin.GetAsync(
                $"{Findings}?regionId={row.GetProperty("regionId").GetGuid()}&module=service_centre")))
            .GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetGuid()),
            Is.EqualTo(new[] { id }));

        // the grant narrowed to staffing: its evaluator no longer reads the service-centre finding; the county does
        await Read<JsonElement>(await PostIfMatch(admin,
            $"{EvaluationGrants}/{grant.GetProperty("id").GetGuid()}", "\"v1\"", new
            {
                organisation = "华信评估", purpose = "改革成效评估", periodFrom = "2026-11-01", periodTo = "2026-11-30",
                modules = new[] { "staffing" }, expiresAt = DateTimeOffset.UtcNow.AddDays(30),
            }, HttpMethod.Put));
        Assert.That((await Read<JsonElement>(await evaluator.GetAsync(Findings))).GetProperty("items")
            .GetArrayLength(), Is.Zero);
        Assert.That((await Read<JsonElement>(await evaluator.GetAsync($"{Findings}/summary"))).GetArrayLength(),
            Is.Zero);
        await Problem(await evaluator.GetAsync($"{Findings}/{id}"), HttpStatusCode.NotFound);
        await Read<JsonElement>(await admin.GetAsync($"{Findings}/{id}"));
    }

    [Test]
    public async Task The_demo_gives_the_demo_evaluator_an_answered_finding_on_the_latest_application_once()
    {
        var application = (await Register(await App.LoginAsync("t01_window"), await ItemAsync("SX-805", "promised", 5)))
            .GetProperty("id").GetGuid();
        async Task<int> Generate()
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await Governance.Evaluation.EvaluationModule.GenerateDemoAsync(scope.ServiceProvider, default);
        }
        Assert.That(await Generate(), Is.GreaterThanOrEqualTo(1));
        Assert.That(await Generate(), Is.Zero, "once");

        var evaluator = await App.LoginAsync("evaluator");
        var finding = (await Read<JsonElement>(await evaluator.GetAsync($"{Findings}?module=service_centre")))
            .GetProperty("items").EnumerateArray().Single();
        Assert.That((finding.GetProperty("recordId").GetGuid(), finding.GetProperty("state").GetString(),
                finding.GetProperty("grantId").GetGuid()),
            Is.EqualTo((application, "answered", await DemoGrantId())));
        Assert.That(finding.GetProperty("thread").EnumerateArray().Select(e => e.GetProperty("actor").GetString()),
            Is.EqualTo(new[] { "evaluator", "t01_leader" }));
        // the township's leader reads it, and the evaluator may accept or dispute the answer
        await Read<JsonElement>(await (await App.LoginAsync("t01_leader")).GetAsync(
            $"{Findings}/{finding.GetProperty("id").GetGuid()}"));
        Assert.That(finding.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EquivalentTo(new[] { "accept", "dispute" }));
    }
}
