namespace Governance.IntegrationTests;

/// <summary>联合执法 and 部门移送: a county department sees a township's case only when it co-owns it or referred
/// the lead — filtered in SQL, 404 otherwise.</summary>
public sealed class EnforcementJointTests : EnforcementCaseTest
{
    private HttpClient _market = null!;
    private Guid _marketUnit;

    [SetUp]
    public async Task DepartmentAsync()
    {
        _market = await App.LoginAsync("dept_scjg"); // 县市场监督管理局
        _marketUnit = await Scalar<Guid>("""
            select id from organization.units where name = '县市场监督管理局' and region_path like '%990101000000/'
            """);
    }

    private async Task<HttpClient> UrbanStaffAsync()
    {
        await Read<JsonElement>(await Admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "dept_cgj", displayName = "城管局科员", password = "Dept@2026", role = "county_department",
            regionId = await RegionId(County), unitId = Urban,
        }), HttpStatusCode.Created);
        return await App.LoginAsync("dept_cgj", "Dept@2026");
    }

    private async Task<string[]> ListedAsync(HttpClient client) =>
        (await Read<JsonElement>(await client.GetAsync("/api/v1/enforcement/cases"))).GetProperty("items")
        .EnumerateArray().Select(k => k.GetProperty("id").GetString()!).ToArray();

    private static string Path(JsonElement k) => $"/api/v1/enforcement/cases/{k.GetProperty("id")}";

    [Test]
    public async Task A_department_sees_a_case_once_it_co_owns_it_and_no_other()
    {
        var k = await LeadAsync();
        await LeadAsync(); // another case of the township, never shared
        Assert.That(await ListedAsync(_market), Is.Empty);
        await Problem(await _market.GetAsync(Path(k)), HttpStatusCode.NotFound);

        k = await Read<JsonElement>(await Act(Leader, k, "add_co_owner",
            new { unitId = _marketUnit, note = "涉及食品摊贩" }));
        Assert.That(k.GetProperty("coOwners")[0].GetProperty("name").GetString(), Is.EqualTo("县市场监督管理局"));
        Assert.That(await ListedAsync(_market), Is.EqualTo(new[] { k.GetProperty("id").GetString() }));
        Assert.That((await Read<JsonElement>(await _market.GetAsync(Path(k)))).GetProperty("partyIdNumber")
            .GetString(), Does.Contain("*"));
        await Problem(await (await UrbanStaffAsync()).GetAsync(Path(k)), HttpStatusCode.NotFound);

        Assert.That((await Problem(await Act(Leader, k, "add_co_owner", new { unitId = _marketUnit }),
            HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("enforcement.already_co_owner"));
        var township = await Scalar<Guid>("select id from organization.units where kind like 'township%' limit 1");
        var wrong = await Problem(await Act(Leader, k, "add_co_owner", new { unitId = township }),
            HttpStatusCode.BadRequest);
        Assert.That(wrong.GetProperty("errors").GetProperty("unitId")[0].GetString(), Does.Contain("县级部门"));
        // the co-owner follows the case; acting on it stays with the township's team
        await Problem(await Act(_market, k, "add_co_owner", new { unitId = Urban }), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_department_refers_a_lead_to_a_township_and_follows_it()
    {
        var lead = new
        {
            townshipId = T1, source = "referral", domain = "CG", occurredOn = Today.AddDays(-1).ToString("yyyy-MM-dd"),
            place = "城关镇建设路 3 号", description = "市场监管检查中发现的违规户外广告，移送乡镇处理",
        };
        var wrongSource = await Problem(await _market.PostAsJsonAsync("/api/v1/enforcement/cases",
            lead with { source = "patrol" }), HttpStatusCode.BadRequest);
        Assert.That(wrongSource.GetProperty("errors").GetProperty("source")[0].GetString(), Does.Contain("部门移送"));

        var k = await Read<JsonElement>(await _market.PostAsJsonAsync("/api/v1/enforcement/cases", lead),
            HttpStatusCode.Created);
        Assert.That((k.GetProperty("referredByName").GetString(), k.GetProperty("reporter").GetString()),
            Is.EqualTo(("县市场监督管理局", "县市场监督管理局")));
        Assert.That(await ListedAsync(Leader), Does.Contain(k.GetProperty("id").GetString()));
        Assert.That(await ListedAsync(_market), Is.EqualTo(new[] { k.GetProperty("id").GetString() }));
        Assert.That(await ListedAsync(await UrbanStaffAsync()), Is.Empty);
    }
}
