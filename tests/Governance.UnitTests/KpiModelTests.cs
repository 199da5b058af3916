using Governance.Kpis;
using Governance.Kpis.Contracts;

namespace Governance.UnitTests;

/// <summary>The KPI model's pure rules: a figure from counters, and the totals pre-aggregated at freeze time.</summary>
public class KpiModelTests
{
    private static KpiDefinition Ratio(string direction, decimal? target, string[] numerator, string[] denominator) =>
        new("X", "X", "m", "n", "d", "%", target, direction, [KpiLevels.County], "v1", numerator, denominator);

    [Test]
    public void A_figure_sums_and_subtracts_its_counters_and_checks_the_target_in_its_direction()
    {
        var counters = new Dictionary<string, long> { ["done"] = 3, ["bad"] = 5, ["voided"] = 1 };
        var rectified = KpiFormula.Evaluate(Ratio(KpiDirections.Higher, 1.0m, ["done"], ["bad", "-voided"]), counters);
        Assert.That((rectified.Numerator, rectified.Denominator, rectified.Value, rectified.Met),
            Is.EqualTo((3L, 4L, (decimal?)0.75m, (bool?)false)));
        var lower = KpiFormula.Evaluate(Ratio(KpiDirections.Lower, 0.8m, ["done"], ["bad", "-voided"]), counters);
        Assert.That(lower.Met, Is.True);
        var none = KpiFormula.Evaluate(Ratio(KpiDirections.Higher, 0.9m, ["done"], ["missing"]), counters);
        Assert.That((none.Value, none.Met), Is.EqualTo(((decimal?)null, (bool?)null)),
            "no denominator: no value, no verdict");
        var count = KpiFormula.Evaluate(Ratio(KpiDirections.None, null, ["bad"], []), counters);
        Assert.That((count.Value, count.Numerator, count.Denominator), Is.EqualTo(((decimal?)5m, 5L, 0L)),
            "a count's value is its numerator");
    }

    [Test]
    public void Totals_cover_every_region_above_a_leaf_per_dimension_and_over_all_dimensions()
    {
        var leaves = KpiStore.Leaves([
            new KpiCounters("/1/2/3/", "township", new Dictionary<string, long> { ["received"] = 2 }),
            new KpiCounters("/1/2/3/", "village", new Dictionary<string, long> { ["received"] = 1, ["forwarded"] = 1 }),
            new KpiCounters("/1/2/", "county", new Dictionary<string, long> { ["received"] = 4 }),
        ]);
        var totals = KpiStore.Totals(leaves);
        long R(string path, string dimension) => totals[(path, dimension)].GetValueOrDefault("received");
        Assert.That((R("/1/", "*"), R("/1/2/", "*"), R("/1/2/3/", "*")), Is.EqualTo((7L, 7L, 3L)));
        Assert.That((R("/1/2/", "village"), R("/1/2/", "county"), R("/1/2/3/", "township")), Is.EqualTo((1L, 4L, 2L)));
        Assert.That(totals.ContainsKey(("/1/2/3/", "county")), Is.False);
        Assert.That(KpiStore.Same(new Dictionary<string, long> { ["a"] = 0 }, new Dictionary<string, long>()), Is.True,
            "a missing counter is 0");
        Assert.That(KpiStore.Same(new Dictionary<string, long> { ["a"] = 1 }, new Dictionary<string, long>()),
            Is.False);
    }
}
