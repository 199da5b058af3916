using Governance.Calendar.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

public class CalendarTests : IntegrationTest
{
    /// <summary>
    /// Stands for a module that keeps deadlines: records what it was told, inside the change's transaction.
    /// </summary>
    private sealed class RecordingHandler : ICalendarChangedHandler
    {
        public static readonly List<(DateOnly Date, bool Working, DateOnly Due, string? KindInTransaction)> Seen = [];

        public async Task HandleAsync(CalendarChanged change, NpgsqlConnection connection,
            NpgsqlTransaction transaction, CancellationToken ct)
        {
            // the transaction is the calendar change's own: the new day is visible inside it
            var kind = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "select kind from calendar.days where date = @d", new { d = change.Dates[0] }, transaction,
                cancellationToken: ct));
            lock (Seen) Seen.Add((change.Dates[0], change.Calendar.IsWorkingDay(change.Dates[0]),
                change.Calendar.AddWorkingDays(new DateOnly(2027, 3, 9), 1), kind));
        }
    }

    protected override TestApp CreateApp() =>
        TestApp.Get("calendar-events", services: s => s.AddScoped<ICalendarChangedHandler, RecordingHandler>());

    [Test]
    public async Task The_official_arrangements_are_loaded_and_readable()
    {
        var client = await App.LoginAsync("t01_staff");
        var year = await Read<JsonElement>(await client.GetAsync("/api/v1/calendar/years/2026"));
        var days = year.GetProperty("days").EnumerateArray().ToList();
        Assert.That(days.Single(d => d.GetProperty("date").GetString() == "2026-10-10").GetProperty("kind").GetString(),
            Is.EqualTo("work"));
        Assert.That(days.Count(d => d.GetProperty("kind").GetString() == "off"), Is.EqualTo(33));
        var due = await Read<JsonElement>(
            await client.GetAsync("/api/v1/calendar/working-days?from=2026-09-30&days=3"));
        Assert.That(due.GetProperty("due").GetString(), Is.EqualTo("2026-10-10"));

        // near the last date .NET holds the arithmetic would overflow: a field error, not a 500
        foreach (var (url, field) in new[]
                 {
                     ("/api/v1/calendar/working-days?from=9999-12-30&days=5", "from"),
                     ("/api/v1/calendar/working-days/count?from=2999-12-01&to=3000-01-31", "to"),
                 })
        {
            var p = await Problem(await client.GetAsync(url), HttpStatusCode.BadRequest);
            Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { field }),
                url);
        }
    }

    [Test]
    public async Task Marking_a_holiday_changes_the_arithmetic_raises_the_event_and_is_audited()
    {
        RecordingHandler.Seen.Clear();
        var admin = await App.LoginAsync("admin");
        var before = await Read<JsonElement>(
            await admin.GetAsync("/api/v1/calendar/working-days?from=2027-03-09&days=1"));
        Assert.That(before.GetProperty("due").GetString(), Is.EqualTo("2027-03-10"));

        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-03-10",
            new { kind = "off", name = "临时休假" }));
        var after = await Read<JsonElement>(
            await admin.GetAsync("/api/v1/calendar/working-days?from=2027-03-09&days=1"));
        Assert.That(after.GetProperty("due").GetString(), Is.EqualTo("2027-03-11"));
        Assert.That(RecordingHandler.Seen,
            Is.EqualTo(new[] { (new DateOnly(2027, 3, 10), false, new DateOnly(2027, 3, 11), (string?)"off") }));

        Assert.That((await admin.DeleteAsync("/api/v1/calendar/days/2027-03-10")).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        var restored = await Read<JsonElement>(
            await admin.GetAsync("/api/v1/calendar/working-days?from=2027-03-09&days=1"));
        Assert.That(restored.GetProperty("due").GetString(), Is.EqualTo("2027-03-10"));
        Assert.That(RecordingHandler.Seen[1],
            Is.EqualTo((new DateOnly(2027, 3, 10), true, new DateOnly(2027, 3, 10), (string?)null)));

        var actions = await Scalar<string>("""
            select string_agg(action, ',' order by seq) from audit.entries where record_type = 'calendar_day'
                and record_id = '2027-03-10'
            """);
        Assert.That(actions, Is.EqualTo("calendar.day_marked,calendar.day_unmarked"));
    }

    [Test]
    public async Task A_make_up_Saturday_can_be_marked_as_a_working_day()
    {
        var admin = await App.LoginAsync("admin");
        await Read<JsonElement>(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-02-20",
            new { kind = "work", name = "调休上班" }));
        var due = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/working-days?from=2027-02-19&days=1"));
        Assert.That(due.GetProperty("due").GetString(), Is.EqualTo("2027-02-20"));
    }

    [Test]
    public async Task An_unmarked_official_day_is_not_brought_back_by_a_restart_seed()
    {
        var admin = await App.LoginAsync("admin");
        Assert.That((await admin.DeleteAsync("/api/v1/calendar/days/2026-10-10")).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        await Governance.Calendar.CalendarModule.SeedOfficialCalendarAsync(App.Services, CancellationToken.None);
        Assert.That(await Scalar<long>("select count(*) from calendar.days where date = '2026-10-10'"), Is.Zero);
    }

    [Test]
    public async Task Bad_input_and_missing_permission_change_nothing()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PutAsJsonAsync("/api/v1/calendar/days/2027-03-10",
            new { kind = "holiday", name = "" }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "kind", "name" }));
        await Problem(await admin.PutAsJsonAsync("/api/v1/calendar/days/not-a-date", new { kind = "off", name = "x" }),
            HttpStatusCode.BadRequest);

        var leader = await App.LoginAsync("t01_leader");
        await Problem(await leader.PutAsJsonAsync("/api/v1/calendar/days/2027-03-10", new { kind = "off", name = "x" }),
            HttpStatusCode.Forbidden);
        Assert.That(await Scalar<long>("select count(*) from calendar.days where date >= '2027-01-01'"), Is.Zero);
    }
}
