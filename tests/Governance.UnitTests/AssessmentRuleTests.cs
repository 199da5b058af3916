using Governance.Enforcement;
using Governance.Enforcement.Features;

namespace Governance.UnitTests;

/// <summary>双向考核 rules: the art. 74 check on indicator definitions, computed scores, totals, ranks and
/// periods.</summary>
public class AssessmentRuleTests
{
    private static readonly string[] Terms = new EnforcementOptions().AssessmentForbiddenTerms;

    [TestCase("罚没收入完成情况")]
    [TestCase("罚款金额")]
    [TestCase("没收违法所得")]
    [TestCase("FINE_TOTAL")]
    [TestCase("computed:EN_FINES")]
    [TestCase("Confiscations")]
    public void An_indicator_naming_fines_or_confiscations_is_caught(string text) =>
        Assert.That(AssessmentRules.NamesFinesOrConfiscations(Terms, text), Is.True);

    [TestCase("办案质量")]
    [TestCase("行政处罚决定公示及时")]
    [TestCase("DEFINED_PROCEDURES")]
    [TestCase("computed:EN_CLOSURE")]
    public void An_ordinary_indicator_is_not_caught(string text) =>
        Assert.That(AssessmentRules.NamesFinesOrConfiscations(Terms, text), Is.False);

    [Test]
    public void No_computed_source_is_an_amount() =>
        Assert.That(AssessmentRules.ComputedSources.Keys.Where(k =>
            EnforcementKpis.All.Single(d => d.Code == k).NumeratorCounters
                .Any(c => AssessmentRules.NamesFinesOrConfiscations(Terms, c))), Is.Empty);

    [TestCase(0.8, 20, 16)]
    [TestCase(null, 20, 20)] // nothing to close: not marked down
    [TestCase(1.2, 10, 10)]  // never above the maximum
    public void A_rate_scores_its_share_of_the_maximum(double? value, int max, int score) =>
        Assert.That(AssessmentRules.ComputedScore(ComputedScoring.Rate, (decimal?)value, [], max),
            Is.EqualTo((decimal)score));

    [Test]
    public void Relative_indicators_score_against_the_best_and_the_worst()
    {
        decimal?[] cases = [4m, 2m, 0m];
        Assert.That(cases.Select(v => AssessmentRules.ComputedScore(ComputedScoring.MoreIsBetter, v, cases, 10m)),
            Is.EqualTo(new[] { 10m, 5m, 0m }));
        decimal?[] days = [10m, 20m, null];
        Assert.That(days.Select(v => AssessmentRules.ComputedScore(ComputedScoring.FewerIsBetter, v, days, 10m)),
            Is.EqualTo(new[] { 10m, 5m, 10m }));
        decimal?[] overdue = [0m, 1m, 4m];
        Assert.That(overdue.Select(v => AssessmentRules.ComputedScore(ComputedScoring.NoneIsBest, v, overdue, 10m)),
            Is.EqualTo(new[] { 10m, 7.5m, 0m }));
        decimal?[] none = [0m, 0m];
        Assert.That(AssessmentRules.ComputedScore(ComputedScoring.MoreIsBetter, 0m, none, 10m), Is.EqualTo(10m));
    }

    [Test]
    public void The_total_weighs_each_score_against_its_maximum_out_of_one_hundred() =>
        Assert.That(AssessmentRules.Total([(60m, 10m, 7m), (40m, 100m, 60m)]), Is.EqualTo(66m));

    [Test]
    public void Equal_totals_share_a_rank_and_the_next_rank_is_skipped() =>
        Assert.That(AssessmentRules.Ranks([80m, 90m, 80m, 70m]), Is.EqualTo(new[] { 2, 1, 2, 4 }));

    [TestCase("quarter", 4, "2026-10-01", "2026-12-31", "2026年第4季度")]
    [TestCase("quarter", 1, "2026-01-01", "2026-03-31", "2026年第1季度")]
    [TestCase("year", null, "2026-01-01", "2026-12-31", "2026年度")]
    public void A_period_is_a_quarter_or_a_year(string kind, int? quarter, string from, string to, string label) =>
        Assert.That(AssessmentRules.Period(kind, 2026, quarter),
            Is.EqualTo((DateOnly.Parse(from), DateOnly.Parse(to), label)));
}
