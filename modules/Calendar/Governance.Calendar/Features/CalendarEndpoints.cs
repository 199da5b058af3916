using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Calendar.Features;

public sealed record CalendarDayResponse(DateOnly Date, string Kind, string Name);
public sealed record CalendarYearResponse(int Year, IReadOnlyList<CalendarDayResponse> Days);
public sealed record MarkDayRequest(string? Kind, string? Name);
public sealed record WorkingDaysResponse(DateOnly From, int Days, DateOnly Due);
public sealed record WorkingDayCountResponse(DateOnly From, DateOnly To, int WorkingDays);

/// <summary>工作日历: read a year, mark or unmark a day (admin), and the arithmetic for anyone signed in.</summary>
internal static class CalendarEndpoints
{
    public static async Task<Ok<CalendarYearResponse>> GetYear(int year, NpgsqlDataSource db, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) throw new ValidationException("year", "年份应在 2000–2100 之间。");
        await using var c = await db.OpenConnectionAsync(ct);
        var days = await c.QueryAsync<CalendarDayResponse>(new CommandDefinition(
            "select date, kind, name from calendar.days where date >= make_date(@year, 1, 1) and date < make_date(@year + 1, 1, 1) order by date",
            new { year }, cancellationToken: ct));
        return TypedResults.Ok(new CalendarYearResponse(year, days.ToList()));
    }

    public static async Task<Ok<CalendarDayResponse>> Mark(DateOnly date, MarkDayRequest request, CalendarChanges changes, CancellationToken ct)
    {
        new Validator()
            .Check(request.Kind is WorkingDayCalendar.Off or WorkingDayCalendar.Work, "kind", "类型只能是 off（休）或 work（班）。")
            .Required(request.Name, "name", "名称", 50)
            .ThrowIfInvalid();
        return TypedResults.Ok(await changes.MarkAsync(date, request.Kind!, request.Name!.Trim(), ct));
    }

    public static async Task<NoContent> Unmark(DateOnly date, CalendarChanges changes, CancellationToken ct)
    {
        await changes.UnmarkAsync(date, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<WorkingDaysResponse>> Add(DateOnly from, int days, IWorkingCalendar calendar, CancellationToken ct)
    {
        if (days is < 0 or > 3650) throw new ValidationException("days", "工作日数应在 0–3650 之间。");
        return TypedResults.Ok(new WorkingDaysResponse(from, days, (await calendar.CurrentAsync(ct)).AddWorkingDays(from, days)));
    }

    public static async Task<Ok<WorkingDayCountResponse>> Count(DateOnly from, DateOnly to, IWorkingCalendar calendar, CancellationToken ct)
    {
        if (Math.Abs(to.DayNumber - from.DayNumber) > 36600) throw new ValidationException("to", "日期跨度不能超过 100 年。");
        return TypedResults.Ok(new WorkingDayCountResponse(from, to, (await calendar.CurrentAsync(ct)).CountWorkingDays(from, to)));
    }
}

/// <summary>
/// A change to the calendar: the day row, its audit entry and every module's re-dating (via
/// <see cref="ICalendarChangedHandler"/>) commit in one transaction; the cached snapshot is swapped after commit.
/// </summary>
internal sealed class CalendarChanges(
    NpgsqlDataSource db, WorkingCalendar calendar, IAuditTrail audit, CurrentUser user, IEnumerable<ICalendarChangedHandler> handlers)
{
    public async Task<CalendarDayResponse> MarkAsync(DateOnly date, string kind, string name, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await Lock(c, tx, date, ct);
        var after = new CalendarDayResponse(date, kind, name);
        if (before == after) return after;
        await c.ExecuteAsync(new CommandDefinition("""
            insert into calendar.days (date, kind, name, updated_at, updated_by) values (@date, @kind, @name, now(), @by)
            on conflict (date) do update set kind = excluded.kind, name = excluded.name, updated_at = now(), updated_by = excluded.updated_by
            """, new { date, kind, name, by = user.Name }, tx, cancellationToken: ct));
        await Finish(c, tx, date, new AuditRecord("calendar.day_marked", "calendar_day", date.ToString("yyyy-MM-dd"), user.Scope.Path, before, after), ct);
        return after;
    }

    public async Task UnmarkAsync(DateOnly date, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await Lock(c, tx, date, ct);
        if (before is null) return; // nothing marked: deleting again is a no-op
        await c.ExecuteAsync(new CommandDefinition("delete from calendar.days where date = @date", new { date }, tx, cancellationToken: ct));
        await Finish(c, tx, date, new AuditRecord("calendar.day_unmarked", "calendar_day", date.ToString("yyyy-MM-dd"), user.Scope.Path, before), ct);
    }

    private static async Task<CalendarDayResponse?> Lock(NpgsqlConnection c, NpgsqlTransaction tx, DateOnly date, CancellationToken ct)
    {
        // one calendar change at a time, so each handler sees a calendar that includes every earlier change
        await c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(7402313)", transaction: tx, cancellationToken: ct));
        return await c.QuerySingleOrDefaultAsync<CalendarDayResponse>(new CommandDefinition(
            "select date, kind, name from calendar.days where date = @date", new { date }, tx, cancellationToken: ct));
    }

    private async Task Finish(NpgsqlConnection c, NpgsqlTransaction tx, DateOnly date, AuditRecord record, CancellationToken ct)
    {
        await audit.RecordAsync(c, tx, record, ct);
        var updated = await WorkingCalendar.LoadAsync(c, tx, ct);
        foreach (var handler in handlers)
            await handler.HandleAsync(new CalendarChanged([date], updated), c, tx, ct);
        await tx.CommitAsync(ct);
        calendar.Replace(updated);
    }
}
