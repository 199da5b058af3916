using Governance.Enforcement;
using Governance.Enforcement.Features;

namespace Governance.UnitTests;

/// <summary>The dates and thresholds of the enforcement rules (defaults from 行政处罚法 and the source
/// county).</summary>
public class EnforcementRuleTests
{
    private static readonly EnforcementOptions Defaults = new();

    [TestCase("2024-03-01", false, "2026-03-01")]
    [TestCase("2024-02-29", false, "2026-02-28")]
    [TestCase("2024-03-01", true, "2029-03-01")]
    public void The_limitation_period_ends_on_the_corresponding_day_two_or_five_years_on(
        string occurred, bool severe, string lastDay) =>
        Assert.That(CaseRules.LimitationEnds(DateOnly.Parse(occurred), severe, Defaults),
            Is.EqualTo(DateOnly.Parse(lastDay)));

    [Test]
    public void A_decision_is_due_ninety_calendar_days_after_filing() =>
        Assert.That(CaseRules.DecisionDue(new DateOnly(2026, 11, 20), Defaults), Is.EqualTo(new DateOnly(2027, 2, 18)));

    [TestCase(49_999, 10)]
    [TestCase(50_000, 15)]
    [TestCase(0, 10)]
    public void A_township_needs_ten_officers_below_fifty_thousand_residents_and_fifteen_from_there(
        int population, int required) =>
        Assert.That(Defaults.RequiredOfficers(population), Is.EqualTo(required));

    [Test]
    public void The_county_path_is_the_first_two_levels_of_a_township_path() =>
        Assert.That(Filing.CountyPath("/990000000000/990101000000/990101001000/"),
            Is.EqualTo("/990000000000/990101000000/"));
}
