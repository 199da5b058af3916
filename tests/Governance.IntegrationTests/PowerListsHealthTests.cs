using System.Net.Http.Headers;
using System.Text;

namespace Governance.IntegrationTests;

/// <summary>
/// What the health-check tests share: the establishment office's session, two townships, and record builders.
/// </summary>
public abstract class PowerListsHealthTest : IntegrationTest
{
    protected HttpClient _office = null!;
    protected Guid _market, _urban, _t1, _t2;
    protected static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [SetUp]
    public async Task Prepare()
    {
        _office = await App.LoginAsync("bianban");
        _market = await Scalar<Guid>("""
            select id from organization.units where name = '县市场监督管理局' and region_path like '%990101000000/'
            """);
        _urban = await Scalar<Guid>("""
            select id from organization.units where name = '县城市管理局' and region_path like '%990101000000/'
            """);
        _t1 = await RegionId(Township1);
        _t2 = await RegionId(Township2);
    }

    protected async Task<Guid> Item(string code, string type, string domain, Guid department,
        Guid? supervisor = null) =>
        (await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/items", new
        {
            code, name = $"事项{code}", type, domainCode = domain, departmentId = department, supervisorId = supervisor,
            effectiveFrom = Today.AddYears(-1).ToString("yyyy-MM-dd"), changeNote = "新增",
        }), HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId").GetGuid();

    protected async Task Assign(Guid township, string mode, Guid? agreementId, params Guid[] items) =>
        await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", new
        {
            townshipIds = new[] { township }, itemIds = items, mode, listKind = "basic", agreementId,
            decisionNo = mode == "granted" ? "清政发〔2025〕1号" : null,
            effectiveFrom = Today.AddMonths(-7).ToString("yyyy-MM-dd"),
        }), HttpStatusCode.Created);

    protected async Task<Guid> Agreement(Guid township, string no, DateOnly ends, params Guid[] items) =>
        (await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/agreements", new
        {
            documentNo = no, departmentId = _market, townshipId = township,
            signedOn = Today.AddYears(-1).ToString("yyyy-MM-dd"), startsOn = Today.AddMonths(-7).ToString("yyyy-MM-dd"),
            endsOn = ends.ToString("yyyy-MM-dd"), itemIds = items,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>
    /// A service item implementing <paramref name="power"/>, and one application for it at township 1 (城关镇) today.
    /// </summary>
    protected async Task ServiceItemUsedByTownship1(Guid power)
    {
        var zwfw = await App.LoginAsync("zwfw");
        var service = (await Read<JsonElement>(await zwfw.PostAsJsonAsync("/api/v1/service-centre/items", new
        {
            code = "SX-900", name = "食品经营许可（小作坊）", level = "township", kind = "promised",
            legalBasis = "食品安全法", conditions = "条件", statutoryDays = 20, promisedDays = 5, noMaterials = true,
            steps = new[] { "受理", "办结" }, phone = "0391-1234567", channels = new[] { "window" },
            powerItemId = power, effectiveFrom = Today.AddMonths(-6).ToString("yyyy-MM-dd"), changeNote = "新增",
        }), HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId").GetGuid();
        await Read<JsonElement>(await (await App.LoginAsync("t01_window"))
            .PostAsJsonAsync("/api/v1/service-centre/applications", new
        {
            itemId = service, channel = "window", applicantKind = "person", applicantName = "张三",
            applicantIdNumber = "110101199003070011", applicantPhone = "13812345678",
        }), HttpStatusCode.Created);
    }

    /// <summary>A team in the township with one officer certified in <paramref name="domain"/> until
    /// <paramref name="until"/> (a year before today onwards).</summary>
    protected async Task CertifiedOfficer(string townshipCode, string domain, DateOnly until)
    {
        var admin = await App.LoginAsync("admin");
        var team = (await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/enforcement/teams",
            new { townshipId = await RegionId(townshipCode), population = 20_000 }), HttpStatusCode.Created))
            .GetProperty("id");
        await Read<JsonElement>(await admin.PostAsJsonAsync($"/api/v1/enforcement/teams/{team}/officers", new
        {
            name = "赵执法", domains = new[] { domain }, joinedOn = Today.AddYears(-2).ToString("yyyy-MM-dd"),
            certificate = new
            {
                number = $"CERT-{townshipCode}-{domain}", issuingBody = "县人民政府",
                validFrom = Today.AddYears(-1).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd"),
            },
        }), HttpStatusCode.Created);
    }

    protected async Task<List<JsonElement>> Flags(string kind, DateOnly? asOf = null) =>
        (await Read<JsonElement>(await _office.GetAsync("/api/v1/power-lists/health"
                + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : "")))).GetProperty("flags").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == kind).ToList();
}

public class PowerListsHealthTests : PowerListsHealthTest
{
    [Test]
    public async Task The_check_flags_each_kind_of_problem_against_the_records_behind_it()
    {
        // no supervisor, no SC inspection in t2
        var licence = await Item("XK00000100", "XK", "SC", _market);
        // supervised, and CG penalty delegated
        var urbanLicence = await Item("XK00000200", "XK", "CG", _urban, _urban);
        var urbanPenalty = await Item("CF00000200", "CF", "CG", _urban);
        var entrusted = await Item("CF00000300", "CF", "SC", _market);
        var lapsed = await Item("CF00000400", "CF", "SC", _market);
        await Assign(_t2, "statutory", null, licence, urbanLicence, urbanPenalty);
        var soon = await Agreement(_t1, "协议-将到期", Today.AddDays(10), entrusted);
        var gone = await Agreement(_t1, "协议-已到期", Today.AddDays(2), lapsed);
        await Assign(_t1, "entrusted", soon, entrusted);
        await Assign(_t1, "entrusted", gone, lapsed);
        await CertifiedOfficer(Township1, "SC", Today.AddYears(3)); // so 城关镇's SC penalties are not 接不住
        // the second agreement is revoked as of today: its entry is no longer backed
        var etag = (await _office.GetAsync($"/api/v1/power-lists/agreements/{gone}")).Headers.ETag!.Tag;
        var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/power-lists/agreements/{gone}/revoke")
            { Content = JsonContent.Create(new { revokedOn = Today.ToString("yyyy-MM-dd"), reason = "提前终止" }) };
        revoke.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        await Read<JsonElement>(await _office.SendAsync(revoke));
        // a delegated item that the county has since withdrawn
        var withdrawnEtag = (await _office.GetAsync($"/api/v1/power-lists/items/{urbanPenalty}")).Headers.ETag!.Tag;
        var withdraw = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/power-lists/items/{urbanPenalty}/withdraw")
            { Content = JsonContent.Create(new { effectiveFrom = Today.ToString("yyyy-MM-dd"), changeNote = "取消" }) };
        withdraw.Headers.IfMatch.Add(new EntityTagHeaderValue(withdrawnEtag));
        await Read<JsonElement>(await _office.SendAsync(withdraw), HttpStatusCode.Created);

        var report = await Read<JsonElement>(await _office.GetAsync("/api/v1/power-lists/health"));
        var flags = report.GetProperty("flags").EnumerateArray()
            .Select(f =>
                $"{f.GetProperty("kind").GetString()}|{f.GetProperty("townshipName").GetString()}|" +
                $"{f.GetProperty("itemCode").GetString()}{f.GetProperty("agreementNo").GetString()}")
            .ToList();
        Assert.That(flags, Is.EquivalentTo(new[]
        {
            "item_not_in_force|河口镇|CF00000200",                  // withdrawn but still listed
            "entrusted_without_agreement|城关镇|CF00000400协议-已到期",  // revoked agreement
            "approval_without_enforcement|河口镇|XK00000100",       // SC licence without SC inspection/penalty
            "approval_without_enforcement|河口镇|XK00000200",       // its CG penalty is withdrawn today
            "approval_without_supervisor|河口镇|XK00000100",
            "agreement_expiring|城关镇|协议-将到期",
        }));
        Assert.That(report.GetProperty("byTownship").EnumerateArray()
            .Select(t => $"{t.GetProperty("townshipName").GetString()}:{t.GetProperty("count").GetInt32()}"),
            Is.EqualTo(new[] { "河口镇:4", "城关镇:2" }));

        // a week ago the urban penalty and the revoked agreement were still fine
        var earlier = await Read<JsonElement>(
            await _office.GetAsync($"/api/v1/power-lists/health?asOf={Today.AddDays(-7):yyyy-MM-dd}"));
        Assert.That(earlier.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString()),
            Is.EquivalentTo(new[] { "approval_without_enforcement", "approval_without_supervisor", "agreement_expiring",
                "agreement_expiring" }));

        var leader = await App.LoginAsync("t01_leader");
        var own = await Read<JsonElement>(await leader.GetAsync("/api/v1/power-lists/health"));
        Assert.That(own.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("townshipName").GetString())
            .Distinct(), Is.EqualTo(new[] { "城关镇" }));
        await Problem(await leader.GetAsync($"/api/v1/power-lists/health?townshipId={_t2}"), HttpStatusCode.NotFound);

        var export = await _office.GetAsync($"/api/v1/power-lists/health/export?townshipId={_t2}");
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        var rows = Governance.SharedKernel.Csv.Parse(csv);
        Assert.That(rows, Has.Count.EqualTo(5));
        Assert.That(rows.Skip(1).Select(r => r[2]).Distinct(), Is.EqualTo(new[] { "河口镇" }));
    }

    [Test]
    public async Task A_delegated_penalty_power_with_no_certified_officer_in_its_domain_is_flagged_after_the_last_day()
    {
        var penalty = await Item("CF00000700", "CF", "CG", _urban);
        var inspection = await Item("JC00000700", "JC", "CG", _urban);   // not a penalty power
        var statutory = await Item("CF00000701", "CF", "CG", _urban);    // 法定, not delegated
        await Assign(_t1, "granted", null, penalty, inspection);
        await Assign(_t2, "statutory", null, statutory);
        var until = Today.AddDays(20);
        await CertifiedOfficer(Township1, "CG", until);

        Assert.That(await Flags("no_certified_officer"), Is.Empty);
        Assert.That(await Flags("no_certified_officer", until), Is.Empty, "the certificate's last day still counts");
        var after = await Flags("no_certified_officer", until.AddDays(1));
        Assert.That(after.Select(f => (f.GetProperty("townshipId").GetGuid(), f.GetProperty("itemId").GetGuid())),
            Is.EqualTo(new[] { (_t1, penalty) }));
        Assert.That(after[0].GetProperty("severity").GetString(), Is.EqualTo("error"));
    }

    [Test]
    public async Task A_delegated_item_unused_for_six_months_is_flagged_and_counts_against_normal_operation()
    {
        var licence = await Item("XK00000900", "XK", "SC", _market, _market);
        await Assign(_t1, "statutory", null, licence);
        await Assign(_t2, "statutory", null, licence);
        await ServiceItemUsedByTownship1(licence);
        var report = await Read<JsonElement>(await _office.GetAsync("/api/v1/power-lists/health"));
        var unused = report.GetProperty("flags").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "unused").ToList();
        Assert.That(unused.Select(f => (f.GetProperty("townshipId").GetGuid(), f.GetProperty("itemId").GetGuid())),
            Is.EqualTo(new[] { (_t2, licence) }), "township 1 used it this month; township 2 has not in six months");
        Assert.That(unused[0].GetProperty("message").GetString(), Does.Contain("连续 6 个整月以上"));

        var month = Today.ToString("yyyy-MM");
        var kpis = await Read<JsonElement>(await _office.GetAsync($"/api/v1/power-lists/kpis?from={month}&to={month}"));
        var operation = kpis.GetProperty("months")[0].GetProperty("normalOperation");
        Assert.That((operation.GetProperty("numerator").GetInt32(), operation.GetProperty("denominator").GetInt32()),
            Is.EqualTo((1, 2)));
    }
}

/// <summary>The expiry warning and the 接不住 window are configuration ("PowerLists" section), not constants.</summary>
public class PowerListsConfiguredThresholdTests : PowerListsHealthTest
{
    protected override TestApp CreateApp() => TestApp.Get("power-lists-thresholds", new Dictionary<string, string?>
    {
        ["PowerLists:AgreementExpiryWarningDays"] = "60",
        ["PowerLists:UnusedMonths"] = "3",
    });

    [Test]
    public async Task The_agreement_list_and_the_health_check_use_the_configured_windows_and_agree_on_the_last_day()
    {
        var entrusted = await Item("CF00000500", "CF", "SC", _market);
        var lastDay = await Agreement(_t1, "协议-第60天到期", Today.AddDays(60), entrusted);
        await Agreement(_t1, "协议-第61天到期", Today.AddDays(61), entrusted);
        var agreements = (await Read<JsonElement>(await _office.GetAsync("/api/v1/power-lists/agreements")))
            .GetProperty("items").EnumerateArray()
            .ToDictionary(a => a.GetProperty("documentNo").GetString()!, a => a.GetProperty("status").GetString());
        Assert.That(agreements,
            Is.EqualTo(new Dictionary<string, string?> { ["协议-第60天到期"] = "expiring",
                ["协议-第61天到期"] = "in_force" }));
        var expiring =
            (await Read<JsonElement>(await _office.GetAsync("/api/v1/power-lists/agreements?status=expiring")))
                .GetProperty("items");
        Assert.That(expiring.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()),
            Is.EqualTo(new[] { lastDay }));
        Assert.That((await Flags("agreement_expiring")).Select(f => f.GetProperty("agreementId").GetGuid()),
            Is.EqualTo(new[] { lastDay }), "the health check flags exactly what the list calls 即将到期");

        var licence = await Item("XK00000900", "XK", "SC", _market, _market);
        await Assign(_t2, "statutory", null, licence);
        await ServiceItemUsedByTownship1(licence);
        var unused = await Flags("unused");
        Assert.That(unused.Select(f => f.GetProperty("townshipId").GetGuid()), Is.EqualTo(new[] { _t2 }));
        Assert.That(unused[0].GetProperty("message").GetString(), Does.Contain("连续 3 个整月以上"));
    }
}

/// <summary>
/// 小马拉大车: items moved down without posts, with Staffing's transfers behind the check (thresholds configured).
/// </summary>
public class PowerListsOverloadTests : PowerListsHealthTest
{
    protected override TestApp CreateApp() => TestApp.Get("power-lists-overload", new Dictionary<string, string?>
    {
        ["PowerLists:OverloadItems"] = "3",
    });

    [Test]
    public async Task A_township_that_gained_many_items_without_posts_is_flagged_until_posts_move_down_with_them()
    {
        var items = new List<Guid>();
        for (var i = 0; i < 3; i++) items.Add(await Item($"CF0000070{i}", "CF", "SC", _market));
        await Assign(_t1, "statutory", null, [.. items]);
        await Assign(_t2, "statutory", null, items[0], items[1]);
        var flagged = await Flags("overloaded");
        Assert.That(flagged.Select(f => f.GetProperty("townshipId").GetGuid()), Is.EqualTo(new[] { _t1 }),
            "t2 gained 2 < 3");
        Assert.That(flagged[0].GetProperty("message").GetString(), Does.Contain("新下放 3 项事项"));

        // the county moves two enforcement posts to the township's team within the window: no longer flagged
        var team = await Scalar<Guid>("""
            select u.id from organization.units u join organization.regions r on r.id = u.region_id
            where u.name = '综合行政执法大队' and r.code = @code
            """, new { code = Township1 });
        var opening = await _office.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "opening", documentNo = "县编办〔2020〕1号", documentDate = "2020-01-01", issuedBy = "县编委",
            effectiveOn = "2020-01-01",
            lines = new[] { new { unitId = _market, kind = "institution", funding = "full", posts = 5 } },
        });
        await Read<JsonElement>(opening, HttpStatusCode.Created);
        await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/staffing/transfers", new
        {
            documentNo = "县编委〔2026〕2号", documentDate = Today.AddMonths(-2).ToString("yyyy-MM-dd"),
            approvedBy = "县编委", effectiveOn = Today.AddMonths(-1).ToString("yyyy-MM-dd"),
            lines = new[] { new { fromUnitId = _market, toUnitId = team, kind = "institution", funding = "full",
                posts = 2 } },
        }), HttpStatusCode.Created);
        Assert.That(await Flags("overloaded"), Is.Empty);
    }
}
