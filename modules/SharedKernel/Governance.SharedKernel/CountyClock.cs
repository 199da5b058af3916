namespace Governance.SharedKernel;

/// <summary>The county's calendar day: Asia/Shanghai decides what "today" and "the same working day" mean.</summary>
public static class CountyClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
