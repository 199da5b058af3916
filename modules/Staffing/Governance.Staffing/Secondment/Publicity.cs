using Governance.Calendar.Contracts;

namespace Governance.Staffing.Secondment;

/// <summary>公示 on the official working-day calendar.</summary>
internal static class Publicity
{
    /// <summary>The last day of a notice of <paramref name="workingDays"/> working days published on
    /// <paramref name="published"/>: that day counts when it is a working day, else the notice starts on the
    /// next.</summary>
    public static DateOnly LastDay(WorkingDayCalendar calendar, DateOnly published, int workingDays) =>
        calendar.AddWorkingDays(published, calendar.IsWorkingDay(published) ? workingDays - 1 : workingDays);
}
