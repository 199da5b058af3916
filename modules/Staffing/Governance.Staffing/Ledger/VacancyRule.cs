namespace Governance.Staffing.Ledger;

/// <summary>A change of the figures on a date: approved posts and occupants (one ledger line, or their sum), and
/// approved leadership posts (领导职数) and their holders.</summary>
internal readonly record struct Movement(
    DateOnly On, int Approved, int Occupied, int LeadersApproved = 0, int LeadersHeld = 0);

/// <summary>
/// A recorded 超编 exception: that many occupants above the approved posts are allowed from its start until it is
/// resolved (<see cref="DateOnly.MaxValue"/> while open — its 消化期限 passing makes it overdue, not void).
/// </summary>
internal readonly record struct Allowance(DateOnly From, DateOnly Until, int Posts);

/// <summary>The first date on which a unit's figures break the rule, and the figures that day.</summary>
internal sealed record Shortfall(DateOnly On, int Approved, int Occupied, int Reserved, int Allowed);

/// <summary>
/// 编制管理条例 art. 6, 26: never more occupants than approved posts. Occupants plus reservations (approved
/// 编制使用申请 not yet used) must stay within the approved posts plus any 超编 exception in force, on every date from
/// the change on. Reservations are today's: they count from today, not on past dates.
/// </summary>
internal static class VacancyRule
{
    public static Shortfall? FirstShortfall(
        IReadOnlyCollection<Movement> movements, IReadOnlyCollection<Allowance> allowances, int reserved, DateOnly from,
        DateOnly today)
    {
        // the figures change only on these dates, so checking them checks every day from `from` on
        var changes = movements.GroupBy(m => m.On)
            .ToDictionary(g => g.Key, g => (Approved: g.Sum(m => m.Approved), Occupied: g.Sum(m => m.Occupied)));
        var dates = changes.Keys
            .Concat(allowances.SelectMany(a =>
                a.Until == DateOnly.MaxValue ? [a.From] : new[] { a.From, a.Until.AddDays(1) }))
            .Append(from).Append(today).Distinct().Order();
        int approved = 0, occupied = 0;
        foreach (var day in dates)
        {
            if (changes.TryGetValue(day, out var change))
                (approved, occupied) = (approved + change.Approved, occupied + change.Occupied);
            if (day < from) continue;
            var allowed = allowances.Where(a => a.From <= day && day <= a.Until).Sum(a => a.Posts);
            var held = day >= today ? reserved : 0;
            if (approved < 0 || occupied + held > approved + allowed)
                return new Shortfall(day, approved, occupied, held, allowed);
        }
        return null;
    }
}

/// <summary>The first date on which a unit has more leaders than approved leadership posts (or a negative count).
/// </summary>
internal sealed record LeaderShortfall(DateOnly On, int Approved, int Held);

/// <summary>
/// 领导职数: never more people in leadership posts than approved, on every date from the change on. There is no
/// exception path: an appointment beyond the approved count needs an approval adding leadership posts first.
/// </summary>
internal static class LeaderRule
{
    public static LeaderShortfall? FirstShortfall(IReadOnlyCollection<Movement> movements, DateOnly from)
    {
        int approved = 0, held = 0;
        foreach (var day in movements.GroupBy(m => m.On).OrderBy(g => g.Key))
        {
            (approved, held) = (approved + day.Sum(m => m.LeadersApproved), held + day.Sum(m => m.LeadersHeld));
            if (day.Key >= from && (approved < 0 || held > approved))
                return new LeaderShortfall(day.Key, approved, held);
        }
        return null;
    }
}
