using System.Text.Json;

namespace Governance.Calendar;

/// <summary>Caches the calendar snapshot (a few hundred rows) and swaps it after each committed change.</summary>
internal sealed class WorkingCalendar(NpgsqlDataSource db) : IWorkingCalendar
{
    private volatile WorkingDayCalendar? _current;

    public async ValueTask<WorkingDayCalendar> CurrentAsync(CancellationToken ct)
    {
        if (_current is { } cached) return cached;
        await using var c = await db.OpenConnectionAsync(ct);
        return _current = await LoadAsync(c, null, ct);
    }

    public void Replace(WorkingDayCalendar calendar) => _current = calendar;

    public void Invalidate() => _current = null;

    private sealed record DayRow(DateOnly Date, string Kind);

    internal static async Task<WorkingDayCalendar> LoadAsync(NpgsqlConnection c, NpgsqlTransaction? tx,
        CancellationToken ct)
    {
        var rows = await c.QueryAsync<DayRow>(new CommandDefinition(
            "select date, kind from calendar.days", transaction: tx, cancellationToken: ct));
        var loaded = await c.QueryAsync<int>(new CommandDefinition(
            "select year from calendar.loaded_years", transaction: tx, cancellationToken: ct));
        return new WorkingDayCalendar(rows.ToDictionary(r => r.Date, r => r.Kind == WorkingDayCalendar.Work), loaded);
    }
}

/// <summary>
/// Loads the official arrangements (国务院办公厅 holiday notices) shipped with the module, once per year, and marks
/// those years loaded. A year an admin has already uploaded is left alone (the upload is the newer word).
/// </summary>
internal sealed class OfficialCalendarSeeder(NpgsqlDataSource db, WorkingCalendar calendar)
{
    private sealed record Day(string Date, string Name, string Kind);
    private sealed record Year(Day[] Days);
    private sealed record Document(Dictionary<string, Year> Years);

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        await using var stream = typeof(OfficialCalendarSeeder).Assembly.GetManifestResourceStream(
            "Governance.Calendar.Database.Seed.cn-holidays-2024-2026.json")!;
        var doc = await JsonSerializer.DeserializeAsync<Document>(stream,
            new JsonSerializerOptions(JsonSerializerDefaults.Web), ct);
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@key)",
            new { key = Features.CalendarChanges.LockKey }, tx, cancellationToken: ct));
        var seeded = (await c.QueryAsync<int>(new CommandDefinition(
            "select year from calendar.seeded_years union select year from calendar.loaded_years", transaction: tx,
            cancellationToken: ct))).ToHashSet();
        var added = 0;
        foreach (var (year, content) in doc!.Years.Where(y => !seeded.Contains(int.Parse(y.Key))))
        {
            foreach (var day in content.Days)
                added += await c.ExecuteAsync(new CommandDefinition("""
                    insert into calendar.days (date, kind, name) values (@date, @kind, @name)
                        on conflict (date) do nothing
                    """, new { date = DateOnly.Parse(day.Date), kind = day.Kind, name = day.Name }, tx,
                    cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("""
                insert into calendar.seeded_years (year) values (@year) on conflict do nothing;
                insert into calendar.loaded_years (year, source) values (@year, 'seed') on conflict do nothing;
                """, new { year = int.Parse(year) }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        calendar.Invalidate();
        return added;
    }
}
