using Governance.SharedKernel.Security;
using Governance.Staffing.Ledger;

namespace Governance.UnitTests;

/// <summary>The ledger's rule: never more occupants (plus reservations) than approved posts plus exceptions, on any
/// date from a change on.</summary>
public sealed class VacancyRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static readonly Movement[] ThreePostsTwoHeld =
        [new(D("2020-01-01"), 3, 0), new(D("2021-03-01"), 0, 1), new(D("2022-05-01"), 0, 1)];

    [Test]
    public void A_hire_into_a_vacancy_passes()
    {
        Movement[] m = [.. ThreePostsTwoHeld, new(Today, 0, 1)];
        Assert.That(VacancyRule.FirstShortfall(m, [], 0, Today, Today), Is.Null);
    }

    [Test]
    public void A_hire_beyond_the_posts_fails_on_its_date_with_the_figures()
    {
        Movement[] m = [.. ThreePostsTwoHeld, new(Today, 0, 1), new(Today, 0, 1)];
        Assert.That(VacancyRule.FirstShortfall(m, [], 0, Today, Today),
            Is.EqualTo(new Shortfall(Today, 3, 4, 0, 0)));
    }

    [Test]
    public void Reservations_count_from_today_not_on_past_dates()
    {
        // a reserved post leaves 0 vacancies today: one more hire today fails, a backdated check of the past passes
        Assert.That(VacancyRule.FirstShortfall(ThreePostsTwoHeld, [], 1, D("2022-06-01"), Today), Is.Null);
        Movement[] m = [.. ThreePostsTwoHeld, new(Today, 0, 1)];
        Assert.That(VacancyRule.FirstShortfall(m, [], 1, Today, Today)?.Reserved, Is.EqualTo(1));
    }

    [Test]
    public void A_future_reduction_below_the_occupants_fails_on_its_effective_date()
    {
        Movement[] m = [.. ThreePostsTwoHeld, new(D("2027-01-01"), -2, 0)];
        Assert.That(VacancyRule.FirstShortfall(m, [], 0, D("2027-01-01"), Today)?.On, Is.EqualTo(D("2027-01-01")));
    }

    [Test]
    public void A_backdated_hire_is_checked_against_every_later_date()
    {
        // posts fell to 2 in 2023; a hire dated 2021 would make 3 occupants from 2023 on
        Movement[] m = [.. ThreePostsTwoHeld, new(D("2023-01-01"), -1, 0), new(D("2021-06-01"), 0, 1)];
        Assert.That(VacancyRule.FirstShortfall(m, [], 0, D("2021-06-01"), Today)?.On, Is.EqualTo(D("2023-01-01")));
    }

    [Test]
    public void An_exception_allows_occupants_above_the_posts_from_its_start_until_it_is_resolved()
    {
        Movement[] m = [.. ThreePostsTwoHeld, new(D("2026-01-01"), 0, 1), new(D("2026-02-01"), 0, 1)];
        Allowance[] open = [new(D("2026-01-01"), DateOnly.MaxValue, 1)];
        Assert.That(VacancyRule.FirstShortfall(m, open, 0, D("2026-01-01"), Today), Is.Null);
        Allowance[] late = [new(D("2026-03-01"), DateOnly.MaxValue, 1)];
        Assert.That(VacancyRule.FirstShortfall(m, late, 0, D("2026-01-01"), Today)?.On, Is.EqualTo(D("2026-02-01")));
        Allowance[] ended = [new(D("2026-01-01"), D("2026-06-30"), 1)];
        Assert.That(VacancyRule.FirstShortfall(m, ended, 0, D("2026-01-01"), Today)?.On, Is.EqualTo(D("2026-07-01")));
    }

    [Test]
    public void Approved_posts_never_go_below_zero()
    {
        Movement[] m = [new(D("2020-01-01"), 1, 0), new(D("2024-01-01"), -2, 0)];
        Assert.That(VacancyRule.FirstShortfall(m, [], 0, D("2024-01-01"), Today)?.Approved, Is.EqualTo(-1));
    }
}

public sealed class IdNumberTests
{
    [TestCase("11010519491231002X", true)]   // the standard's example
    [TestCase("110105194912310021", false)]  // wrong check character
    [TestCase("11010519491331002X", false)]  // no 13th month
    [TestCase("11010519491231002", false)]
    [TestCase(null, false)]
    public void Validates_the_check_character_and_birth_date(string? id, bool valid) =>
        Assert.That(IdNumbers.IsValid(id), Is.EqualTo(valid));

    [Test]
    public void Reads_the_birth_date() =>
        Assert.That(IdNumbers.BirthDate("11010519491231002X"), Is.EqualTo(new DateOnly(1949, 12, 31)));
}

/// <summary>领导职数: never more leaders than approved leadership posts, on any date from a change on.</summary>
public sealed class LeaderRuleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    // two leadership posts from 2020, one held from 2021, one more post from 2023
    private static readonly Movement[] TwoPostsOneLeader =
    [
        new(D("2020-01-01"), 5, 0, LeadersApproved: 2), new(D("2021-03-01"), 0, 1, LeadersHeld: 1),
        new(D("2023-01-01"), 0, 0, LeadersApproved: 1),
    ];

    [Test]
    public void A_leader_within_the_approved_posts_passes()
    {
        Movement[] m = [.. TwoPostsOneLeader, new(D("2022-01-01"), 0, 1, LeadersHeld: 1)];
        Assert.That(LeaderRule.FirstShortfall(m, D("2022-01-01")), Is.Null);
    }

    [Test]
    public void A_leader_beyond_the_approved_posts_fails_on_the_first_date_over()
    {
        // three leaders from 2022 but the third post only from 2023: 2022-06-01 is over
        Movement[] m =
        [
            .. TwoPostsOneLeader, new(D("2022-01-01"), 0, 1, LeadersHeld: 1),
            new(D("2022-06-01"), 0, 1, LeadersHeld: 1),
        ];
        Assert.That(LeaderRule.FirstShortfall(m, D("2022-06-01")),
            Is.EqualTo(new LeaderShortfall(D("2022-06-01"), 2, 3)));
        Assert.That(LeaderRule.FirstShortfall([.. m.Where(x => x.On != D("2022-06-01")),
            new(D("2023-01-01"), 0, 1, LeadersHeld: 1)], D("2023-01-01")), Is.Null, "from the third post's day on");
    }

    [Test]
    public void A_reduction_below_the_leaders_of_a_later_date_fails_and_below_zero_too()
    {
        Movement[] m = [.. TwoPostsOneLeader, new(D("2022-01-01"), 0, 0, LeadersApproved: -2)];
        Assert.That(LeaderRule.FirstShortfall(m, D("2022-01-01")),
            Is.EqualTo(new LeaderShortfall(D("2022-01-01"), 0, 1)));
        Movement[] none = [new(D("2020-01-01"), 5, 0), new(D("2021-01-01"), 0, 0, LeadersApproved: -1)];
        Assert.That(LeaderRule.FirstShortfall(none, D("2021-01-01"))?.Approved, Is.EqualTo(-1));
    }

    [Test]
    public void A_past_breach_before_the_change_does_not_block_a_change_that_frees_a_post()
    {
        // dates before `from` are not the change's doing
        Movement[] m = [.. TwoPostsOneLeader, new(D("2021-06-01"), 0, 1, LeadersHeld: 2)];
        Assert.That(LeaderRule.FirstShortfall([.. m, new(D("2024-01-01"), 0, -1, LeadersHeld: -1)], D("2024-01-01")),
            Is.Null);
    }
}
