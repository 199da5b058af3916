using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// The one KPI query across modules (<c>GET /api/v1/kpis/values</c>): frozen figures by revision (latest, original,
/// a quoted number answering the same figure after a later correction), the open month provisional, a breakdown by
/// township, CSV for Excel, scope and field errors.
/// </summary>
public class KpiValuesTests : ServiceCentreTest
{
    private static List<JsonElement> Rows(JsonElement rows) => rows.EnumerateArray().ToList();

    private static (string Month, string Region, long N, long D, bool Frozen, int Revision) Figure(JsonElement r) =>
        (r.GetProperty("month").GetString()!, r.GetProperty("regionCode").GetString()!,
            r.GetProperty("numerator").GetInt64(), r.GetProperty("denominator").GetInt64(),
            r.GetProperty("frozen").GetBoolean(), r.GetProperty("revision").GetInt32());

    [Test]
    public async Task Frozen_figures_answer_by_revision_the_open_month_is_provisional_and_scope_holds()
    {
        // October: two applications at a village point of township 1, one forwarded at once
        Clock.SetCountyDay("2026-10-12");
        var item = await ItemAsync("KPI-V1", "promised", 3);
        var agent = await App.LoginAsync("v0101_agent");
        var a = (await Register(agent, item, channel: "village_point")).GetProperty("id").GetGuid();
        var b = (await Register(agent, item, channel: "village_point", idNumber: "110101199003070038"))
            .GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(agent, a, "forward", 1));

        // November: the late forward of B is corrected into October as revision 2; one new application, not forwarded
        Clock.SetCountyDay("2026-11-03");
        agent = await App.LoginAsync("v0101_agent");
        var admin = await App.LoginAsync("admin");
        const string Url = "/api/v1/kpis/values?codes=SC_FORWARDED&from=2026-10&to=2026-11&level=township";
        var original = Rows(await Read<JsonElement>(await admin.GetAsync(Url)));
        Assert.That(original.Select(Figure), Is.EqualTo(new[] { ("2026-10", Township1, 1L, 2L, true, 1) }));
        await Read<JsonElement>(await Act(agent, b, "forward", 1));
        await Register(agent, item, channel: "village_point", idNumber: "110101199003070054");
        await Read<JsonElement>(await admin.PostAsJsonAsync(
            "/api/v1/kpis/revisions?module=service_centre&month=2026-10", new { reason = "村代办点补报转报" }));

        var latest = Rows(await Read<JsonElement>(await admin.GetAsync(Url)));
        Assert.That(latest.Select(Figure), Is.EqualTo(new[]
        {
            ("2026-10", Township1, 2L, 2L, true, 2), ("2026-11", Township1, 0L, 1L, false, 0),
        }));
        var october = latest[0];
        Assert.That((october.GetProperty("code").GetString(), october.GetProperty("module").GetString(),
            october.GetProperty("value").GetDecimal(), october.GetProperty("definitionVersion").GetString()),
            Is.EqualTo(("SC_FORWARDED", "service_centre", 1.0m, "SC-2026.1")));
        // a quoted revision answers the figure as it stood: the original 1/2, forever; no provisional month with it
        foreach (var revision in new[] { "original", "1" })
            Assert.That(
                Rows(await Read<JsonElement>(await admin.GetAsync($"{Url}&revision={revision}"))).Select(Figure),
                Is.EqualTo(new[] { ("2026-10", Township1, 1L, 2L, true, 1) }), revision);
        Assert.That(Rows(await Read<JsonElement>(await admin.GetAsync($"{Url}&revision=7"))).Select(Figure),
            Is.EqualTo(new[] { ("2026-10", Township1, 2L, 2L, true, 2) }), "the highest revision at or below 7");

        // the county's own figure (level self, the caller's region) adds its townships' leaves
        var county = Rows(await Read<JsonElement>(await admin.GetAsync(
            "/api/v1/kpis/values?codes=SC_FORWARDED&from=2026-10&to=2026-10")));
        Assert.That(county.Select(Figure), Is.EqualTo(new[] { ("2026-10", County, 2L, 2L, true, 2) }));

        // CSV for Excel: BOM, Chinese headers, one line per figure
        var csv = await admin.GetAsync(Url + "&format=csv");
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("月份,区划代码,区划,指标编码,指标"));
        Assert.That(lines.Skip(1).Select(l => string.Join(',', l.Split(',')[0], l.Split(',')[3], l.Split(',')[12])),
            Is.EqualTo(new[] { "2026-10,SC_FORWARDED,已冻结", "2026-11,SC_FORWARDED,临时" }));

        // scope: township 2 does not see township 1 (404), and its own breakdown has no township 1 row
        var other = await App.LoginAsync("t02_leader");
        await Problem(await other.GetAsync($"{Url}&regionId={await RegionId(Township1)}"), HttpStatusCode.NotFound);
        Assert.That(Rows(await Read<JsonElement>(await other.GetAsync(Url))).Select(r =>
            r.GetProperty("regionCode").GetString()), Has.No.Member(Township1));
        var own = await App.LoginAsync("t01_leader");
        Assert.That(Rows(await Read<JsonElement>(await own.GetAsync($"{Url}&regionId={await RegionId(Township1)}")))
            .Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Every_module_answers_through_the_one_query_and_bad_parameters_are_field_errors()
    {
        var evaluator = await App.LoginAsync("evaluator");
        var all = Rows(await Read<JsonElement>(await evaluator.GetAsync("/api/v1/kpis/values")));
        var catalogue = (await Read<JsonElement>(await evaluator.GetAsync("/api/v1/kpis/definitions")))
            .EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToHashSet();
        Assert.That(all.Select(r => r.GetProperty("code").GetString()), Is.SubsetOf(catalogue));
        var enforcement = Rows(await Read<JsonElement>(await evaluator.GetAsync(
            "/api/v1/kpis/values?module=enforcement&level=township")));
        Assert.That(enforcement.Select(r => r.GetProperty("module").GetString()).Distinct(),
            Is.EqualTo(enforcement.Count == 0 ? Array.Empty<string>() : new[] { "enforcement" }));

        foreach (var (query, field) in new[]
                 {
                     ("codes=NOPE", "codes"), ("module=nothing", "module"), ("revision=abc", "revision"),
                     ("revision=0", "revision"), ("level=village", "level"), ("format=xml", "format"),
                     ("from=2026-10&to=2026-09", "to"), ("from=2026-13", "from"), ("to=2099-01", "to"),
                     ("from=2000-01&to=2026-10&level=township", "from"),
                 })
        {
            var problem = await Problem(await evaluator.GetAsync($"/api/v1/kpis/values?{query}"),
                HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Has.Member(field), query);
        }
        await Problem(await evaluator.GetAsync($"/api/v1/kpis/values?regionId={Guid.NewGuid()}"),
            HttpStatusCode.NotFound);
    }
}

/// <summary>The open month's provisional figures are reused for <c>Kpis:ProvisionalSeconds</c>, then recomputed.
/// </summary>
public class KpiProvisionalTests : ServiceCentreTest
{
    protected override TestApp CreateApp() => TestApp.Get("kpi-provisional",
        new Dictionary<string, string?> { ["Kpis:ProvisionalSeconds"] = "60" },
        s => s.AddSingleton<TimeProvider>(Clock));

    [Test]
    public async Task A_provisional_figure_is_reused_within_its_seconds_with_the_time_it_was_computed()
    {
        Clock.SetCountyDay("2026-11-03");
        var item = await ItemAsync("KPI-P1", "promised", 3);
        var agent = await App.LoginAsync("v0101_agent");
        await Register(agent, item, channel: "village_point");
        var admin = await App.LoginAsync("admin");
        const string Url = "/api/v1/kpis/values?codes=SC_FORWARDED&from=2026-11&to=2026-11";
        static (long, string) Read1(JsonElement rows) => (rows[0].GetProperty("denominator").GetInt64(),
            rows[0].GetProperty("computedAt").GetString()!);
        var first = Read1(await Read<JsonElement>(await admin.GetAsync(Url)));
        Assert.That(first.Item1, Is.EqualTo(1));

        await Register(agent, item, channel: "village_point", idNumber: "110101199003070038");
        Clock.Now = Clock.Now.AddSeconds(30);
        Assert.That(Read1(await Read<JsonElement>(await admin.GetAsync(Url))), Is.EqualTo(first),
            "within the minute: the same figure, computed at the same time");
        Clock.Now = Clock.Now.AddSeconds(31);
        var later = Read1(await Read<JsonElement>(await admin.GetAsync(Url)));
        Assert.That(later.Item1, Is.EqualTo(2), "after it: recomputed");
    }
}

/// <summary>A module's own KPI page reuses the open month the same way (<see cref="IProvisionalKpis"/>): the
/// province's staffing and power-list figures take hundreds of milliseconds to seconds at 100 counties.</summary>
public class ModuleKpiProvisionalTests : StaffingTest
{
    private static readonly TestClock Clock = new();

    protected override TestApp CreateApp() => TestApp.Get("module-kpi-provisional",
        new Dictionary<string, string?> { ["Kpis:ProvisionalSeconds"] = "60" },
        s => s.AddSingleton<TimeProvider>(Clock));

    [Test]
    public async Task The_open_months_staffing_figures_are_reused_within_their_seconds_then_recomputed()
    {
        Clock.SetCountyDay("2026-11-03");
        await SignInAsync();
        var unit = await Unit("县市场监督管理局");
        await OpenAsync(unit, "institution", "partial", 4, "2026-11-02");
        const string Url = "/api/v1/staffing/kpis?from=2026-11&to=2026-11";
        async Task<long> VacanciesAsync() => (await Read<JsonElement>(await Bianban.GetAsync(Url)))[0]
            .GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == "ST_VACANCIES")
            .GetProperty("numerator").GetInt64();
        var first = await VacanciesAsync();

        await OpenAsync(unit, "institution", "full", 3, "2026-11-02");
        Clock.Now = Clock.Now.AddSeconds(30);
        Assert.That(await VacanciesAsync(), Is.EqualTo(first), "within the minute: the same figure");
        Clock.Now = Clock.Now.AddSeconds(31);
        Assert.That(await VacanciesAsync(), Is.EqualTo(first + 3), "after it: recomputed");
    }
}
