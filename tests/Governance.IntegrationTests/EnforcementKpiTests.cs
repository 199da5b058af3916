using Governance.Enforcement.Features;
using Governance.Kpis.Contracts;
using Governance.SharedKernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>综合行政执法 KPIs on the shared model: the month's counters per township, and the figures they
/// give.</summary>
public sealed class EnforcementKpiTests : EnforcementCaseTest
{
    private async Task<IReadOnlyDictionary<string, long>> CountersAsync(DateOnly month)
    {
        using var scope = App.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IKpiSource>().Single(s => s.Module == "enforcement");
        var township = await Scalar<string>("select path from organization.regions where code = @code",
            new { code = Township1 });
        return (await source.CountersAsync(month, new RegionScope("/"), CancellationToken.None))
            .Single(l => l.RegionPath == township).Values;
    }

    private static decimal? Value(string code, IReadOnlyDictionary<string, long> counters) =>
        KpiFormula.Evaluate(EnforcementKpis.All.Single(d => d.Code == code), counters).Value;

    [Test]
    public async Task A_months_cases_give_the_case_count_closure_days_overdue_disclosure_and_transfer_figures()
    {
        var item = await ItemAsync("CF00009201");
        await AssignAsync("statutory", null, item);
        var k = await Read<JsonElement>(await FileAsync(await LeadAsync(), item, await TwoOfficersAsync()));
        k = await Read<JsonElement>(await Act(Leader, k, "decide",
            new { penaltyKinds = new[] { "none" }, noPenaltyReason = "违法行为轻微并及时改正" }));
        k = await Read<JsonElement>(await Act(Leader, k, "deliver", new { deliveryMethod = "direct" }));
        k = await Read<JsonElement>(await Act(Leader, k, "close", new { }));
        // as if filed on Wednesday 30 September 2026 and closed on Tuesday 13 October: five working days
        // (1–7 October off, Saturday 10 October worked); decided today after a deadline that passed yesterday
        await Scalar<int>("""
            update enforcement.cases set filed_on = '2026-09-30', closed_on = '2026-10-13', decision_due_on = @yesterday
            where id = @id returning 1
            """, new { id = k.GetProperty("id").GetGuid(), yesterday = Today.AddDays(-1) });
        var october = await CountersAsync(new DateOnly(2026, 10, 1));
        Assert.That((october.GetValueOrDefault("closed"), october.GetValueOrDefault("closed_days")),
            Is.EqualTo((1L, 5L)));
        Assert.That(Value("EN_AVG_DAYS", october), Is.EqualTo(5m));

        var spot = await DecidedOnTheSpotAsync("CF00009202");
        var disclosure = (await Read<JsonElement>(await Leader.GetAsync(
            $"/api/v1/enforcement/disclosures?state=pending"))).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("caseId").GetGuid() == spot.GetProperty("id").GetGuid());
        await Read<JsonElement>(await PostIfMatch(Leader,
            $"/api/v1/enforcement/disclosures/{disclosure.GetProperty("id")}/publish", "\"v1\"", new { }));
        var transfer = await LeadAsync();
        await Read<JsonElement>(await Act(Leader, transfer, "transfer", new { itemId = item, note = "移送" }));
        var decline = await LeadAsync();
        await Read<JsonElement>(await Act(Leader, decline, "decline", new { note = "无违法事实" }));

        var now = await CountersAsync(new DateOnly(Today.Year, Today.Month, 1));
        Assert.That(Value("EN_CASES", now), Is.EqualTo(1m), "the on-the-spot case (the other was moved to September)");
        Assert.That(Value("EN_OVERDUE", now), Is.EqualTo(1m));
        Assert.That(Value("EN_DISCLOSURE_ONTIME", now), Is.EqualTo(1m));
        Assert.That(Value("EN_TRANSFER", now), Is.EqualTo(0.25m), "file, simple, decline, transfer: one of four");
    }
}
