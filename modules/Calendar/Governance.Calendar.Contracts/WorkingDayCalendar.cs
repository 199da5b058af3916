namespace Governance.Calendar.Contracts;

/// <summary>
/// A due date and whether it is provisional (a day counted towards it lies in a year without an official arrangement).
/// </summary>
public readonly record struct WorkingDayDeadline(DateOnly Due, bool Provisional);

/// <summary>
/// 工作日历 arithmetic over one snapshot of the calendar: Monday–Friday are working days, except statutory holidays
/// (<c>off</c>), and make-up working days (调休上班, <c>work</c>) on a Saturday or Sunday count as working days.
/// Immutable, so a caller can use it without locks and a calendar change simply produces a new snapshot.
/// <para>
/// The snapshot also knows which years are <b>loaded</b> (the State Council's arrangement for the year has been
/// loaded, by the shipped seed or by an admin's upload). A year not loaded is still computed — Monday–Friday — but
/// anything derived from its days is <b>provisional</b>: it may move once the year is loaded (the upload re-dates open
/// deadlines through <see cref="ICalendarChangedHandler"/>).
/// </para>
/// </summary>
public sealed class WorkingDayCalendar
{
    public const string Off = "off";
    public const string Work = "work";

    private readonly IReadOnlyDictionary<DateOnly, bool> _exceptions; // date → is a working day
    private readonly HashSet<int> _loadedYears;

    /// <param name="exceptions">Each exceptional date and whether it is a working day (true = 调休上班, false =
    /// 休).</param>
    /// <param name="loadedYears">The years whose official arrangement is loaded; none given = none loaded (everything
    /// provisional).</param>
    public WorkingDayCalendar(IReadOnlyDictionary<DateOnly, bool> exceptions, IEnumerable<int>? loadedYears = null)
    {
        _exceptions = exceptions;
        _loadedYears = loadedYears is null ? [] : [.. loadedYears];
    }

    public static WorkingDayCalendar Plain { get; } = new(new Dictionary<DateOnly, bool>());

    /// <summary>The years whose official arrangement is loaded, ascending.</summary>
    public IReadOnlyList<int> LoadedYears => [.. _loadedYears.Order()];

    public bool IsYearLoaded(int year) => _loadedYears.Contains(year);

    /// <summary>
    /// True when <paramref name="date"/>'s year has no official arrangement loaded (the day is judged Monday–Friday).
    /// </summary>
    public bool IsProvisional(DateOnly date) => !IsYearLoaded(date.Year);

    /// <summary>
    /// Whether a deadline counted from <paramref name="start"/> to <paramref name="due"/> is provisional: true when any
    /// day counted — the days in (start, due] — lies in a year that is not loaded. A deadline equal to its start
    /// (即办件, zero working days) counts no day and is never provisional. The order of the two dates does not matter.
    /// </summary>
    public bool IsDeadlineProvisional(DateOnly start, DateOnly due)
    {
        if (due < start) (start, due) = (due, start);
        if (due == start) return false;
        for (var year = start.AddDays(1).Year; year <= due.Year; year++)
            if (!IsYearLoaded(year)) return true;
        return false;
    }

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working)
            ? working
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day itself does not
    /// count): received Wed 2026-09-30 + 3 ⇒ Sat 2026-10-10 (Oct 1–7 off; Oct 8, 9 and the make-up Saturday Oct 10
    /// count). Zero working days is the start day itself (即办件).
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

    /// <summary>
    /// <see cref="AddWorkingDays"/> together with whether the result is provisional
    /// (<see cref="IsDeadlineProvisional"/>).
    /// </summary>
    public WorkingDayDeadline Deadline(DateOnly start, int workingDays)
    {
        var due = AddWorkingDays(start, workingDays);
        return new WorkingDayDeadline(due, IsDeadlineProvisional(start, due));
    }

    /// <summary>
    /// Working days in (from, to]: how many working days have passed from <paramref name="from"/> to
    /// <paramref name="to"/>; negative if to is earlier.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }
}
