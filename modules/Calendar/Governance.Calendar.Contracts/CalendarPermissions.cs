namespace Governance.Calendar.Contracts;

/// <summary>工作日历 permissions.</summary>
public static class CalendarPermissions
{
    public const string CalendarManage = "calendar.manage";

    public static readonly IReadOnlyList<string> All = [CalendarManage];
}
