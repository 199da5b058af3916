using Governance.Calendar.Contracts;
using Governance.Enforcement;
using Governance.Enforcement.Demo;
using Governance.PowerLists.Contracts;

namespace Governance.UnitTests;

/// <summary>The demo cases keep the law's periods the API enforces (so the demo county never shows a case the API
/// would have refused): thousands of simulated flows over the official calendar.</summary>
public class DemoCaseFlowTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly EnforcementOptions O = new();
    private static List<DemoCase> _cases = null!;
    private static WorkingDayCalendar _calendar = null!;

    [OneTimeSetUp]
    public void Simulate()
    {
        _calendar = WorkingDayCalendarTests.LoadOfficial();
        var rng = new Random(7);
        var flow = new DemoCaseFlow(rng, Today, _calendar, O);
        var team = new DemoCases.Team(Guid.NewGuid(), Guid.NewGuid(), "/1/2/3/", "城关镇综合行政执法大队", "城关镇",
            "城关镇人民路 1 号");
        _cases = Enumerable.Range(0, 6000).Select(n =>
        {
            var filed = Today.AddDays(-rng.Next(730));
            var k = new DemoCase(team, filed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
            {
                PartyKind = n % 3 == 0 ? "organisation" : "person", FiledOn = filed,
                Item = new PowerItem("CF00000001", "对占道经营的处罚", "CF", "CG", null, null, "《市容条例》"),
            };
            if (n % 5 == 0) flow.Simple(k, filed); else flow.General(k);
            return k;
        }).ToList();
    }

    [Test]
    public void Steps_run_forward_to_no_later_than_today_and_leave_the_case_in_the_last_steps_state()
    {
        foreach (var k in _cases)
        {
            Assert.That(k.Steps.Select(x => x.On), Is.Ordered.And.All.LessThanOrEqualTo(Today));
            Assert.That(k.State, Is.EqualTo(k.Steps.Count == 0 ? "lead" : k.Steps[^1].To));
            Assert.That(k.Steps.Zip(k.Steps.Skip(1)).All(p => p.First.To == p.Second.From), Is.True);
        }
    }

    [Test]
    public void A_general_decision_waits_for_the_notice_period_and_the_hearing_and_comes_within_ninety_days()
    {
        var decided = _cases.Where(k => k.Procedure == "general" && k.DecidedOn is not null).ToList();
        Assert.That(decided, Has.Count.GreaterThan(1000));
        foreach (var k in decided)
        {
            var statementDue = _calendar.AddWorkingDays(k.NotifiedOn!.Value, O.NoticeWorkingDays);
            Assert.That(k.DecidedOn, Is.GreaterThan(statementDue));
            Assert.That(k.DecidedOn, Is.LessThanOrEqualTo(k.FiledOn!.Value.AddDays(O.DecisionDays)));
            if (k.HearingOn is { } held)
                Assert.That((k.HearingEligible, held >= _calendar.AddWorkingDays(k.HearingNotifiedOn!.Value,
                    O.HearingNoticeWorkingDays), k.DecidedOn > held), Is.EqualTo((true, true, true)));
            if (k.Degree == "serious")
                Assert.That(k.Steps.TakeWhile(x => x.Action != "decide").Select(x => x.Action),
                    Is.SupersetOf(new[] { "review", "discuss" }), "法制审核 and 集体讨论 before a major decision");
        }
        Assert.That(decided.Count(k => k.HearingOn is not null), Is.GreaterThan(0));
    }

    [Test]
    public void Fines_stay_inside_the_demo_benchmarks_and_the_simple_procedures_limits_and_late_fees_under_the_fine()
    {
        (decimal Min, decimal Max) Range(string degree) => degree switch
        {
            "minor" => (0, 1_000), "general" => (1_000, 5_000), _ => (5_000, 20_000),
        };
        foreach (var k in _cases.Where(k => k.Fine is not null && k.DecidedOn is not null))
        {
            var (min, max) = Range(k.Degree!);
            Assert.That(k.Fine, Is.InRange(min, max));
            if (k.Procedure == "simple")
                Assert.That(k.Fine, Is.LessThanOrEqualTo(k.PartyKind == "person" ? O.SimpleFinePerson
                    : O.SimpleFineOrganisation));
            Assert.That(k.LateFee ?? 0, Is.LessThanOrEqualTo(k.Fine!.Value));
        }
    }

    [Test]
    public void A_few_cases_stall_past_the_limit_or_are_delivered_late_so_the_warnings_have_something_to_show()
    {
        var overdue = _cases.Count(k => k.DecidedOn is null && k.FiledOn!.Value.AddDays(O.DecisionDays) < Today);
        var lateDelivery = _cases.Count(k => k.DeliveredOn is { } on && k.Procedure == "general"
            && on > _calendar.AddWorkingDays(k.DecidedOn!.Value, O.DeliveryWorkingDays));
        Assert.That(overdue, Is.InRange(1, 150), "of 4,800 general cases, about 1 % stall");
        Assert.That(lateDelivery, Is.InRange(1, 300), "about 3 % are delivered late");
    }
}
