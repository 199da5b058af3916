namespace Governance.IntegrationTests;

/// <summary>Case tests: the county's 编办 and the township leader signed in, a team for 城关镇, and the verbs that
/// bring a case to 立案 (a power item assigned to the township, officers, a lead).</summary>
public abstract class EnforcementCaseTest : EnforcementTest
{
    protected HttpClient Office { get; private set; } = null!;

    protected HttpClient Leader { get; private set; } = null!;

    protected Guid Urban { get; private set; }

    protected Guid Team { get; private set; }

    protected Guid T1 { get; private set; }

    [SetUp]
    public async Task PrepareAsync()
    {
        Office = await App.LoginAsync("bianban");
        Leader = await App.LoginAsync("t01_leader");
        Urban = await Scalar<Guid>(
            "select id from organization.units where name = '县城市管理局' and region_path like '%990101000000/'");
        T1 = await RegionId(Township1);
        Team = await TeamAsync();
    }

    protected async Task<Guid> ItemAsync(string code, string type = "CF", string domain = "CG") =>
        (await Read<JsonElement>(await Office.PostAsJsonAsync("/api/v1/power-lists/items", new
        {
            code, name = $"事项{code}", type, domainCode = domain, departmentId = Urban,
            effectiveFrom = Today.AddYears(-1).ToString("yyyy-MM-dd"), changeNote = "新增",
        }), HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId").GetGuid();

    protected async Task AssignAsync(string mode, Guid? agreementId, params Guid[] items) =>
        await Read<JsonElement>(await Office.PostAsJsonAsync("/api/v1/power-lists/entries", new
        {
            townshipIds = new[] { T1 }, itemIds = items, mode, listKind = "basic", agreementId,
            decisionNo = mode == "granted" ? "清政发〔2025〕1号" : null,
            effectiveFrom = Today.AddMonths(-7).ToString("yyyy-MM-dd"),
        }), HttpStatusCode.Created);

    protected async Task<Guid> AgreementAsync(string no, DateOnly ends, params Guid[] items) =>
        (await Read<JsonElement>(await Office.PostAsJsonAsync("/api/v1/power-lists/agreements", new
        {
            documentNo = no, departmentId = Urban, townshipId = T1,
            signedOn = Today.AddYears(-1).ToString("yyyy-MM-dd"), startsOn = Today.AddMonths(-7).ToString("yyyy-MM-dd"),
            endsOn = ends.ToString("yyyy-MM-dd"), itemIds = items,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    protected async Task<JsonElement> LeadAsync(DateOnly? occurredOn = null, HttpClient? client = null) =>
        await Read<JsonElement>(await (client ?? Leader).PostAsJsonAsync("/api/v1/enforcement/cases", new
        {
            source = "patrol", domain = "CG", occurredOn = (occurredOn ?? Today.AddDays(-3)).ToString("yyyy-MM-dd"),
            place = "城关镇人民路 12 号", description = "占道经营，堵塞人行道", partyKind = "person",
            partyName = "张三",
            partyIdNumber = "110101199003070011",
        }), HttpStatusCode.Created);

    protected Task<HttpResponseMessage> FileAsync(
        JsonElement lead, Guid item, object officerIds, bool severe = false) =>
        PostIfMatch(Leader, $"/api/v1/enforcement/cases/{lead.GetProperty("id")}/file", "\"v1\"",
            new { itemId = item, officerIds, severeHarm = severe });

    protected async Task<Guid[]> TwoOfficersAsync(string domain = "CG") =>
        [(await OfficerAsync(Team, null, domain)).GetProperty("id").GetGuid(),
         (await OfficerAsync(Team, null, domain)).GetProperty("id").GetGuid()];

    /// <summary>Takes <paramref name="action"/> on a case (or another enforcement record) as it was last read — its
    /// version as If-Match.</summary>
    protected static Task<HttpResponseMessage> Act(
        HttpClient client, JsonElement record, string action, object body, string records = "cases") =>
        PostIfMatch(client, $"/api/v1/enforcement/{records}/{record.GetProperty("id")}/{action}",
            $"\"v{record.GetProperty("version").GetInt32()}\"", body);

    /// <summary>A lead decided on the spot (简易程序: a 100-yuan fine) under a new item with its benchmark.</summary>
    protected async Task<JsonElement> DecidedOnTheSpotAsync(string code)
    {
        var item = await ItemAsync(code);
        await AssignAsync("statutory", null, item);
        await Read<JsonElement>(await Admin.PutAsJsonAsync("/api/v1/enforcement/benchmarks/" + code, new
        {
            degrees = new[]
            {
                new
                {
                    degree = "minor", description = "首次", kinds = new[] { "warning", "fine" }, minFine = 50,
                    maxFine = 200,
                },
            },
        }));
        var lead = await LeadAsync();
        return await Read<JsonElement>(await PostIfMatch(Leader,
            $"/api/v1/enforcement/cases/{lead.GetProperty("id")}/simple", "\"v1\"", new
            {
                itemId = item, officerIds = await TwoOfficersAsync(), penaltyKinds = new[] { "fine" }, fineAmount = 100,
                benchmarkDegree = "minor",
            }));
    }
}
