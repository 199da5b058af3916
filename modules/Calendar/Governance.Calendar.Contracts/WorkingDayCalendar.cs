namespace Governance.Calendar.Contracts;

/// <summary>
/// 工作日历 arithmetic over one snapshot of the calendar: Monday–Friday are working days, except statutory holidays
/// (<c>off</c>), and make-up working days (调休上班, <c>work</c>) on a Saturday or Sunday count as working days.
/// Immutable, so a caller can use it without locks and a calendar change simply produces a new snapshot.
/// </summary>
public sealed class WorkingDayCalendar
{
    public const string Off = "off";
    public const string Work = "work";

    private readonly IReadOnlyDictionary<DateOnly, bool> _exceptions; // date → is a working day

    /// <param name="exceptions">Each exceptional date and whether it is a working day (true = 调休上班, false = 休).</param>
    public WorkingDayCalendar(IReadOnlyDictionary<DateOnly, bool> exceptions) => _exceptions = exceptions;

    public static WorkingDayCalendar Plain { get; } = new(new Dictionary<DateOnly, bool>());

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day itself does not count):
    /// received Wed 2026-09-30 + 3 ⇒ Sat 2026-10-10 (Oct 1–7 off; Oct 8, 9 and the make-up Saturday Oct 10 count).
    /// Zero working days is the start day itself (即办件).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days in (from, to]: how many working days have passed from <paramref name="from"/> to <paramref name="to"/>; negative if to is earlier.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }
}
