using Governance.SharedKernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>Staffing tests: the 编办's client and the verbs of the ledger (open posts, plan, request, approve, hire,
/// transfer, read the ledger and the health check).</summary>
public abstract class StaffingTest : IntegrationTest
{
    protected HttpClient Bianban { get; private set; } = null!;
    protected static readonly int Year = DateTime.UtcNow.Year;
    protected static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [SetUp]
    public async Task SignInAsync() => Bianban = await App.LoginAsync("bianban");

    protected Task<Guid> Unit(string name, string regionCode = County) => Scalar<Guid>("""
        select u.id from organization.units u join organization.regions r on r.id = u.region_id
        where u.name = @name and r.code = @regionCode
        """, new { name, regionCode });

    protected async Task<Guid> OpenAsync(Guid unitId, string kind, string funding, int posts, string on = "2020-01-01")
    {
        var approval = await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "opening", documentNo = "县编办〔2020〕1号", documentDate = on, issuedBy = "县机构编制委员会",
            effectiveOn = on, lines = new[] { new { unitId, kind, funding, posts } },
        }), HttpStatusCode.Created);
        return approval.GetProperty("lines")[0].GetProperty("establishmentId").GetGuid();
    }

    protected async Task PlanAsync(Guid unitId, string kind, string funding, int posts) =>
        await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/plans",
                new { unitId, kind, funding, year = Year, posts, documentNo = $"{Year}年用编计划" }),
            HttpStatusCode.Created);

    protected async Task<Guid> RequestAsync(HttpClient client, Guid unitId, string kind, string funding, int posts)
    {
        var r = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/staffing/post-requests", new
        {
            unitId, kind, funding, year = Year, posts, entryKind = "recruitment", reason = "补充执法力量",
        }), HttpStatusCode.Created);
        return r.GetProperty("id").GetGuid();
    }

    protected Task<HttpResponseMessage> ApproveAsync(Guid requestId) =>
        PostIfMatch(Bianban, $"/api/v1/staffing/post-requests/{requestId}/approve", "\"v1\"", new { });

    private static int _seq;

    /// <summary>A valid ID number for a person born on 1990-01-01 (unique per call).</summary>
    protected static string IdNumber()
    {
        var first = $"99010119900101{Interlocked.Increment(ref _seq) % 1000:000}";
        return first + IdNumbers.Check(first);
    }

    protected Task<HttpResponseMessage> HireAsync(Guid? requestId, string enteredOn = "2026-03-01",
        bool leader = false) =>
        Bianban.PostAsJsonAsync("/api/v1/staffing/people", new
        {
            requestId, name = "张三", idNumber = IdNumber(), gender = "male", birthDate = "1990-01-01",
            education = "bachelor", professional = true, title = "助理工程师", enteredOn, documentNo = "入编审批表 001",
            leader,
        });

    protected async Task<JsonElement> LedgerRow(Guid establishmentId, string? asOf = null)
    {
        var unitId = await Scalar<Guid>("select unit_id from staffing.establishments where id = @establishmentId",
            new { establishmentId });
        var ledger = await Read<JsonElement>(await Bianban.GetAsync(
            $"/api/v1/staffing/ledger?unitId={unitId}{(asOf is null ? "" : "&asOf=" + asOf)}"));
        return ledger.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("establishmentId").GetGuid() == establishmentId);
    }

    protected async Task<JsonElement> HealthAsync() =>
        await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/health"));

    protected Task<HttpResponseMessage> TransferAsync(string? higherApproval, params object[] lines) =>
        Bianban.PostAsJsonAsync("/api/v1/staffing/transfers", new
        {
            documentNo = "县编委〔2019〕5号", documentDate = "2019-06-01", approvedBy = "县机构编制委员会",
            higherApproval,
            effectiveOn = "2019-07-01", lines,
        });

    protected async Task<int> CountyApprovedAsync() =>
        (await Read<JsonElement>(await Bianban.GetAsync("/api/v1/staffing/ledger"))).GetProperty("totals")
        .EnumerateArray().Sum(t => t.GetProperty("approved").GetInt32());

}
