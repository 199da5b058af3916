using System.Net.Http.Headers;
using System.Text;

namespace Governance.IntegrationTests;

/// <summary>The PowerLists KPIs against a small fixture whose figures are worked out by hand in the comments.</summary>
public class PowerListsKpiTests : IntegrationTest
{
    private HttpClient _office = null!;
    private Guid _market;

    private async Task<(Guid Id, string ETag)> Item(string code, string from, bool complete)
    {
        var response = await _office.PostAsJsonAsync("/api/v1/power-lists/items", new
        {
            code, name = code, type = code[..2], domainCode = "SC", departmentId = _market, effectiveFrom = from,
            changeNote = "新增",
            legalBasis = complete ? new[] { new { law = "《食品安全法》" } } : Array.Empty<object>(),
            responsibilities = complete ? new[] { "检查责任" } : Array.Empty<string>(),
            accountabilities = complete ? new[] { "不依法履职" } : Array.Empty<string>(),
        });
        var body = await Read<JsonElement>(response, HttpStatusCode.Created);
        return (body.GetProperty("current").GetProperty("itemId").GetGuid(), response.Headers.ETag!.Tag);
    }

    private async Task Revise(Guid id, string etag, string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/power-lists/items/{id}/versions")
        {
            Content = JsonContent.Create(new
            {
                name = "修订", type = "JC", domainCode = "SC", departmentId = _market, effectiveFrom = from,
                changeNote = "补全", legalBasis = new[] { new { law = "《食品安全法》" } },
                responsibilities = new[] { "检查责任" }, accountabilities = new[] { "不依法履职" },
            }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        await Read<JsonElement>(await _office.SendAsync(request), HttpStatusCode.Created);
    }

    [Test]
    public async Task Monthly_figures_match_the_hand_computed_fixture()
    {
        _office = await App.LoginAsync("bianban");
        _market = await Scalar<Guid>("""
            select id from organization.units where name = '县市场监督管理局' and region_path like '%990101000000/'
            """);
        var a = await Item("JC00000001", "2026-01-01", complete: true);
        var b = await Item("JC00000002", "2026-01-01", complete: false);
        await Item("JC00000003", "2026-03-01", complete: true);
        await Revise(b.Id, b.ETag, "2026-04-01");          // B becomes complete in April
        var c = await Scalar<Guid>("select id from power_lists.items where code = 'JC00000003'");
        await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", new
            { townshipIds = new[] { await RegionId(Township1), await RegionId(Township2) }, itemIds = new[] { a.Id },
                mode = "statutory", listKind = "basic", effectiveFrom = "2026-02-10" }), HttpStatusCode.Created);
        await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", new
            { townshipIds = new[] { await RegionId(Township1) }, itemIds = new[] { c }, mode = "granted",
                decisionNo = "清政发〔2026〕2号", listKind = "supporting", effectiveFrom = "2026-03-05" }),
                HttpStatusCode.Created);
        await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", new
            { townshipIds = new[] { await RegionId(Township2) }, itemIds = new[] { c }, mode = "statutory",
                listKind = "basic", effectiveFrom = "2026-03-20", effectiveTo = "2026-04-10" }),
                HttpStatusCode.Created);
        // A redefined 80 days after its delegation: both February entries churn
        await Revise(a.Id, a.ETag, "2026-05-01");

        var kpis = await Read<JsonElement>(await _office.GetAsync("/api/v1/power-lists/kpis?from=2026-01&to=2026-05"));
        var months = kpis.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!);
        string R(string month, string kpi) =>
            $"{months[month].GetProperty(kpi).GetProperty("numerator").GetInt32()}"
            + $"/{months[month].GetProperty(kpi).GetProperty("denominator").GetInt32()}";
        Assert.Multiple(() =>
        {
            Assert.That(R("2026-01", "completeness"), Is.EqualTo("1/2"), "A complete, B not");
            Assert.That(R("2026-03", "completeness"), Is.EqualTo("2/3"), "C arrives complete");
            Assert.That(R("2026-04", "completeness"), Is.EqualTo("3/3"), "B completed in April");
            Assert.That(months["2026-03"].GetProperty("completeness").GetProperty("rate").GetDecimal(),
                Is.EqualTo(0.6667m));
            Assert.That(R("2026-02", "churn"), Is.EqualTo("2/2"),
                "A was delegated twice in February and redefined on May 1");
            Assert.That(R("2026-03", "churn"), Is.EqualTo("0/2"), "C, delegated twice in March, never changed");
            Assert.That(R("2026-01", "churn"), Is.EqualTo("0/0"));
            Assert.That(months["2026-01"].GetProperty("churn").GetProperty("rate").ValueKind,
                Is.EqualTo(JsonValueKind.Null));
        });
        string Counts(string month, string kpi) => string.Join(",", months[month].GetProperty(kpi).EnumerateArray()
            .Select(x => $"{x.GetProperty("name").GetString()}={x.GetProperty("value").GetInt32()}"));
        Assert.That(Counts("2026-03", "entriesByMode"), Is.EqualTo("法定=3,赋权=1"));
        Assert.That(Counts("2026-03", "entriesByListKind"), Is.EqualTo("基本履职事项=3,配合履职事项=1"));
        Assert.That(Counts("2026-03", "entriesByTownship"), Is.EqualTo("城关镇=2,河口镇=2"));
        Assert.That(Counts("2026-04", "entriesByTownship"), Is.EqualTo("城关镇=2,河口镇=1"),
            "河口镇's C ended on April 10");
        Assert.That(Counts("2026-04", "entriesByMode"), Is.EqualTo("法定=2,赋权=1"));
        Assert.That(Counts("2026-01", "entriesByMode"), Is.Empty, "nothing delegated yet");
        Assert.That(Counts("2026-03", "itemsByType"), Is.EqualTo("行政检查=3"));

        // machine clients read the same figures as CSV, scoped to their region
        var admin = await App.LoginAsync("admin");
        var token = (await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
            { name = "夜间指标", role = "kpi_reader", regionId = await RegionId(Township2),
                expiresAt = DateTimeOffset.UtcNow.AddDays(1) }), HttpStatusCode.Created))
            .GetProperty("token").GetString()!;
        var response = await App.WithToken(token)
            .GetAsync("/api/v1/power-lists/kpis?from=2026-03&to=2026-03&format=csv");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var rows = Governance.SharedKernel.Csv.Parse(csv);
        Assert.That(rows.Single(r => r[1] == "PL_ENTRIES_BY_TOWNSHIP")[3..],
            Is.EqualTo(new[] { "河口镇", "", "", "2" }), "a township-scoped token sees its township only");
        await Problem(await _office.GetAsync("/api/v1/power-lists/kpis?from=2026-13"), HttpStatusCode.BadRequest);
    }
}
