using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Calendar.Features;

public sealed record CalendarDayResponse(DateOnly Date, string Kind, string Name);
/// <param name="Loaded">The year's official arrangement is loaded (seed or upload).</param>
/// <param name="Provisional">Not loaded: the year's days are judged Monday–Friday and deadlines in it may still
/// move.</param>
public sealed record CalendarYearResponse(int Year, IReadOnlyList<CalendarDayResponse> Days, bool Loaded,
    bool Provisional);
public sealed record MarkDayRequest([TextLimit(TextLimits.Code)] string? Kind, [TextLimit(50)] string? Name);
/// <param name="Provisional">A day counted lies in a year whose official arrangement is not loaded: the due date may
/// move.</param>
public sealed record WorkingDaysResponse(DateOnly From, int Days, DateOnly Due, bool Provisional);
/// <param name="Provisional">A day counted lies in a year whose official arrangement is not loaded.</param>
public sealed record WorkingDayCountResponse(DateOnly From, DateOnly To, int WorkingDays, bool Provisional);

/// <summary>工作日历: read a year, mark or unmark a day (admin), and the arithmetic for anyone signed in.</summary>
internal static class CalendarEndpoints
{
    public static async Task<Ok<CalendarYearResponse>> GetYear(int year, NpgsqlDataSource db, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) throw new ValidationException("year", "年份应在 2000–2100 之间。");
        await using var c = await db.OpenConnectionAsync(ct);
        var days = await c.QueryAsync<CalendarDayResponse>(new CommandDefinition(
            """
            select date, kind, name from calendar.days where date >= make_date(@year, 1, 1)
                and date < make_date(@year + 1, 1, 1) order by date
            """, new { year }, cancellationToken: ct));
        var loaded = await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from calendar.loaded_years where year = @year)", new { year },
            cancellationToken: ct));
        return TypedResults.Ok(new CalendarYearResponse(year, days.ToList(), loaded, !loaded));
    }

    public static async Task<Ok<CalendarDayResponse>> Mark(DateOnly date, MarkDayRequest request,
        CalendarChanges changes, CancellationToken ct)
    {
        new Validator()
            .Check(request.Kind is WorkingDayCalendar.Off or WorkingDayCalendar.Work, "kind",
                "类型只能是 off（休）或 work（班）。")
            .Required(request.Name, "name", "名称")
            .ThrowIfInvalid();
        return TypedResults.Ok(await changes.MarkAsync(date, request.Kind!, request.Name!.Trim(), ct));
    }

    public static async Task<NoContent> Unmark(DateOnly date, CalendarChanges changes, CancellationToken ct)
    {
        await changes.UnmarkAsync(date, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<WorkingDaysResponse>> Add(DateOnly from, int days, IWorkingCalendar calendar,
        CancellationToken ct)
    {
        if (days is < 0 or > 3650) throw new ValidationException("days", "工作日数应在 0–3650 之间。");
        var deadline = (await calendar.CurrentAsync(ct)).Deadline(from, days);
        return TypedResults.Ok(new WorkingDaysResponse(from, days, deadline.Due, deadline.Provisional));
    }

    public static async Task<Ok<WorkingDayCountResponse>> Count(DateOnly from, DateOnly to, IWorkingCalendar calendar,
        CancellationToken ct)
    {
        if (Math.Abs(to.DayNumber - from.DayNumber) > 36600)
            throw new ValidationException("to", "日期跨度不能超过 100 年。");
        var current = await calendar.CurrentAsync(ct);
        return TypedResults.Ok(new WorkingDayCountResponse(from, to, current.CountWorkingDays(from, to),
            current.IsDeadlineProvisional(from, to)));
    }
}

/// <summary>
/// A change to the calendar: the day row, its audit entry and every module's re-dating (via
/// <see cref="ICalendarChangedHandler"/>) commit in one transaction; the cached snapshot is swapped after commit.
/// </summary>
internal sealed class CalendarChanges(
    NpgsqlDataSource db, WorkingCalendar calendar, IAuditTrail audit, CurrentUser user,
    IEnumerable<ICalendarChangedHandler> handlers, TimeProvider clock)
{
    /// <summary>
    /// One calendar change at a time (a transaction-scoped advisory lock), so each handler sees every earlier change.
    /// </summary>
    public const long LockKey = 7402313;

    public async Task<CalendarDayResponse> MarkAsync(DateOnly date, string kind, string name, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await Lock(c, tx, date, ct);
        var after = new CalendarDayResponse(date, kind, name);
        if (before == after) return after;
        await c.ExecuteAsync(new CommandDefinition("""
            insert into calendar.days (date, kind, name, updated_at, updated_by) values (@date, @kind, @name, @now, @by)
            on conflict (date) do update set kind = excluded.kind, name = excluded.name,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, new { date, kind, name, by = user.Name, now = clock.GetUtcNow().UtcDateTime }, tx,
            cancellationToken: ct));
        await Finish(c, tx, [date], new AuditRecord("calendar.day_marked", "calendar_day", date.ToString("yyyy-MM-dd"),
            user.Scope.Path, before, after), ct);
        return after;
    }

    public async Task UnmarkAsync(DateOnly date, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await Lock(c, tx, date, ct);
        if (before is null) return; // nothing marked: deleting again is a no-op
        await c.ExecuteAsync(new CommandDefinition("delete from calendar.days where date = @date", new { date }, tx,
            cancellationToken: ct));
        await Finish(c, tx, [date], new AuditRecord("calendar.day_unmarked", "calendar_day",
            date.ToString("yyyy-MM-dd"), user.Scope.Path, before), ct);
    }

    private static async Task<CalendarDayResponse?> Lock(NpgsqlConnection c, NpgsqlTransaction tx, DateOnly date,
        CancellationToken ct)
    {
        await LockCalendar(c, tx, ct);
        return await c.QuerySingleOrDefaultAsync<CalendarDayResponse>(new CommandDefinition(
            "select date, kind, name from calendar.days where date = @date", new { date }, tx, cancellationToken: ct));
    }

    private static Task LockCalendar(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@key)", new { key = LockKey }, tx,
            cancellationToken: ct));

    private sealed record YearState(bool Loaded, string? Source, int Holidays, int Workdays);

    /// <summary>
    /// Replaces <paramref name="year"/>'s exceptions with an uploaded official arrangement and marks the year loaded:
    /// the days, the loaded mark, one audit row (before/after counts) and every module's re-dating commit together.
    /// </summary>
    public async Task<CalendarYearUploadResult> LoadYearAsync(int year, IReadOnlyList<ArrangementDay> days,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await LockCalendar(c, tx, ct);
        var before = await c.QuerySingleAsync<YearState>(new CommandDefinition("""
            select exists (select 1 from calendar.loaded_years where year = @year) as loaded,
                   (select source from calendar.loaded_years where year = @year) as source,
                   count(*) filter (where d.kind = 'off')::int as holidays, count(*) filter (where d.kind = 'work')::int
                       as workdays
            from calendar.days d where d.date >= make_date(@year, 1, 1) and d.date < make_date(@year + 1, 1, 1)
            """, new { year }, tx, cancellationToken: ct));
        var removed = await c.QueryAsync<DateOnly>(new CommandDefinition(
            """
            delete from calendar.days where date >= make_date(@year, 1, 1) and date < make_date(@year + 1, 1, 1)
                returning date
            """, new { year }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("""
            insert into calendar.days (date, kind, name, updated_at, updated_by)
            select d.date, d.kind, d.name, @now, @by from unnest(@dates, @kinds, @names) as d(date, kind, name);
            insert into calendar.loaded_years (year, source, loaded_at, loaded_by) values (@year, 'upload', @now, @by)
            on conflict (year) do update set source = excluded.source, loaded_at = excluded.loaded_at,
                loaded_by = excluded.loaded_by;
            """, new
        {
            year, by = user.Name, now = clock.GetUtcNow().UtcDateTime, dates = days.Select(d => d.Date).ToArray(),
            kinds = days.Select(d => d.Kind).ToArray(), names = days.Select(d => d.Name).ToArray(),
        }, tx, cancellationToken: ct));
        var after = new YearState(true, "upload", days.Count(d => d.Kind == WorkingDayCalendar.Off),
            days.Count(d => d.Kind == WorkingDayCalendar.Work));
        var changed = removed.Concat(days.Select(d => d.Date)).Distinct().Order().ToList();
        await Finish(c, tx, changed, new AuditRecord("calendar.year_loaded", "calendar_year",
            year.ToString(CultureInfo.InvariantCulture), user.Scope.Path, before, after), ct);
        return new CalendarYearUploadResult(year, after.Holidays, after.Workdays, before.Holidays + before.Workdays,
            before.Loaded);
    }

    private async Task Finish(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<DateOnly> dates,
        AuditRecord record, CancellationToken ct)
    {
        await audit.RecordAsync(c, tx, record, ct);
        var updated = await WorkingCalendar.LoadAsync(c, tx, ct);
        foreach (var handler in handlers)
            await handler.HandleAsync(new CalendarChanged(dates, updated), c, tx, ct);
        await tx.CommitAsync(ct);
        calendar.Replace(updated);
    }
}
