namespace Governance.SharedKernel;

/// <summary>The county's calendar day: Asia/Shanghai decides what "today" and "the same working day" mean.</summary>
public static class CountyClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The instant (UTC) the county's <paramref name="day"/> begins: to select a day's rows by a timestamp
    /// range an index can serve.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
