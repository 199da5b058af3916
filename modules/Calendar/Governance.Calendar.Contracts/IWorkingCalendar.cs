using Npgsql;

namespace Governance.Calendar.Contracts;

/// <summary>The current working-day calendar, as other modules use it for deadlines.</summary>
public interface IWorkingCalendar
{
    ValueTask<WorkingDayCalendar> CurrentAsync(CancellationToken ct);
}

/// <summary>
/// Raised in-process when an admin marks or unmarks a day, or loads a year's official arrangement (then
/// <see cref="Dates"/> are that year's exceptions before and after); <see cref="Calendar"/> already includes the
/// change, including which years are loaded (<see cref="WorkingDayCalendar.IsProvisional(DateOnly)"/>).
/// </summary>
public sealed record CalendarChanged(IReadOnlyList<DateOnly> Dates, WorkingDayCalendar Calendar);

/// <summary>
/// Implemented by a module that keeps working-day deadlines (e.g. open applications) to re-date them. Called inside
/// the calendar change's transaction, so the new calendar and the re-dated deadlines commit together.
/// </summary>
public interface ICalendarChangedHandler
{
    Task HandleAsync(CalendarChanged change, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct);
}
