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

    [TestCase("城关镇综合行政执法大队", "城关")]
    [TestCase("东城街道综合行政执法大队", "东城")]
    [TestCase("柳林乡综合行政执法大队", "柳林")]
    [TestCase("镇综合行政执法大队", "镇")]
    public void A_decision_number_names_the_township_without_its_suffix_with_no_padding(string team, string abbr)
    {
        Assert.That(PenaltyRules.Abbreviation(team), Is.EqualTo(abbr));
        Assert.That(PenaltyRules.DecisionNumber(Defaults.DecisionNumberFormat, abbr, 2026, 7),
            Is.EqualTo($"{abbr}综执罚决〔2026〕7号"));
    }

    [TestCase(15, 0)]    // the last day to pay
    [TestCase(16, 3)]    // one day late: 3 % of 100
    [TestCase(48, 99)]   // 33 days late
    [TestCase(60, 100)]  // capped at the fine
    public void A_late_payment_owes_three_percent_a_day_never_more_than_the_fine(int daysAfterDelivery, int fee)
    {
        var delivered = new DateOnly(2026, 3, 1);
        Assert.That(PenaltyRules.LateFee(100m, PenaltyRules.PaymentDue(delivered, Defaults),
            delivered.AddDays(daysAfterDelivery), Defaults), Is.EqualTo((decimal)fee));
    }

    [TestCase("person", "fine", 9_999, false)]
    [TestCase("person", "fine", 10_000, true)]
    [TestCase("organisation", "fine", 99_999, false)]
    [TestCase("organisation", "confiscation", 100_000, true)]
    [TestCase("person", "revoke_licence", 0, true)]
    [TestCase("person", "warning", 0, false)]
    public void A_hearing_is_open_for_the_heavy_kinds_and_large_amounts(
        string party, string kind, int amount, bool eligible) =>
        Assert.That(PenaltyRules.HearingEligible([kind], kind == "fine" ? amount : null,
            kind == "confiscation" ? amount : null, party, Defaults), Is.EqualTo(eligible));

    [TestCase("person", "fine", 200, true)]
    [TestCase("person", "fine", 201, false)]
    [TestCase("organisation", "fine", 3_000, true)]
    [TestCase("person", "warning", 0, true)]
    [TestCase("person", "confiscation", 0, false)]
    public void The_simple_procedure_takes_a_warning_or_a_small_fine(string party, string kind, int fine, bool ok) =>
        Assert.That(PenaltyRules.SimpleProcedureRefusal([kind], fine, party, Defaults) is null, Is.EqualTo(ok));

    [Test]
    public void A_decision_is_heavier_than_its_notice_with_a_new_kind_or_a_larger_amount()
    {
        var notice = new Penalty(["fine", "warning"], 500m, null);
        Assert.That(new Penalty(["fine"], 500m, null).HeavierThan(notice), Is.False);
        Assert.That(new Penalty(["fine"], 500.01m, null).HeavierThan(notice), Is.True);
        Assert.That(new Penalty(["fine", "confiscation"], 100m, 0m).HeavierThan(notice), Is.True);
    }
}
