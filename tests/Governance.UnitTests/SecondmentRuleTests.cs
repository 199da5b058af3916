using Governance.Staffing.Secondment;

namespace Governance.UnitTests;

public sealed class SecondmentRuleTests
{
    private static readonly DateTime Early = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Test]
    public void The_total_weighs_the_written_and_interview_scores() =>
        Assert.That(SecondmentRules.Total(80m, 95m, 0.4m), Is.EqualTo(89m));

    [Test]
    public void Equal_totals_rank_by_the_written_score_then_by_the_earlier_registration()
    {
        Candidate a = new(Guid.NewGuid(), 80m, 90m, Early.AddMinutes(5)),  // 85
            b = new(Guid.NewGuid(), 90m, 80m, Early.AddMinutes(9)),        // 85, better written
            c = new(Guid.NewGuid(), 80m, 90m, Early),                     // 85, registered first
            d = new(Guid.NewGuid(), 99m, 99m, Early.AddHours(1));
        var ranked = SecondmentRules.Rank([a, b, c, d], 0.5m);
        Assert.That(ranked.Select(r => (r.Candidate, r.Rank)), Is.EqualTo(new[] { (d, 1), (b, 2), (c, 3), (a, 4) }));
    }

    [TestCase(4, 0)]
    [TestCase(5, 1)]
    [TestCase(14, 2)]
    [TestCase(15, 3)]
    public void Excellent_goes_to_at_most_a_fifth_of_those_graded(int graded, int quota) =>
        Assert.That(SecondmentRules.ExcellentQuota(graded, 0.20m), Is.EqualTo(quota));

    [TestCase("2026-07-01", null, false)]          // 184 of 365 days
    [TestCase("2026-07-02", null, false)]          // 183
    [TestCase("2026-07-03", null, true)]           // 182: less than half
    [TestCase("2025-05-01", "2026-07-03", false)]  // 1 January – 2 July: 183
    [TestCase("2025-05-01", "2026-07-02", true)]   // 1 January – 1 July: 182
    public void No_grade_for_less_than_half_the_year_in_the_post(string started, string? ended, bool lessThanHalf) =>
        Assert.That(SecondmentRules.LessThanHalfYear(DateOnly.Parse(started),
            ended is null ? null : DateOnly.Parse(ended), 2026), Is.EqualTo(lessThanHalf));

    [Test]
    public void A_bar_runs_one_year_from_the_decision_day_inclusive_to_the_same_day_next_year_exclusive()
    {
        (DateOnly, DateOnly)[] bars = [(new DateOnly(2027, 1, 18), new DateOnly(2028, 1, 18))];
        Assert.That(SecondmentRules.IsBarred(bars, new DateOnly(2027, 1, 17)), Is.False);
        Assert.That(SecondmentRules.IsBarred(bars, new DateOnly(2027, 1, 18)), Is.True);
        Assert.That(SecondmentRules.IsBarred(bars, new DateOnly(2028, 1, 17)), Is.True);
        Assert.That(SecondmentRules.IsBarred(bars, new DateOnly(2028, 1, 18)), Is.False);
    }
}
