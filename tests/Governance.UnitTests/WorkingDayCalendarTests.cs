using System.Text.Json;
using Governance.Calendar;
using Governance.Calendar.Contracts;

namespace Governance.UnitTests;

/// <summary>Working-day arithmetic over the official 2024–2026 arrangements shipped with the Calendar module.</summary>
public class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Official = null!;

    [OneTimeSetUp]
    public void LoadOfficialCalendar() => Official = LoadOfficial();

    /// <summary>The official arrangements as the Calendar module ships them.</summary>
    internal static WorkingDayCalendar LoadOfficial()
    {
        using var stream = typeof(CalendarModule).Assembly.GetManifestResourceStream(
            "Governance.Calendar.Database.Seed.cn-holidays-2024-2026.json")!;
        var doc = JsonDocument.Parse(stream);
        var days = doc.RootElement.GetProperty("years").EnumerateObject()
            .SelectMany(y => y.Value.GetProperty("days").EnumerateArray())
            .ToDictionary(d => DateOnly.Parse(d.GetProperty("date").GetString()!),
                d => d.GetProperty("kind").GetString() == "work");
        return new WorkingDayCalendar(days, [2024, 2025, 2026]);
    }

    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Test]
    public void National_day_holiday_with_make_up_Saturday_matches_the_domain_example() =>
        // received Wed 2026-09-30, 3 working days: Oct 1–7 off; Oct 8, 9 and the make-up Saturday Oct 10 count
        Assert.That(Official.AddWorkingDays(D("2026-09-30"), 3), Is.EqualTo(D("2026-10-10")));

    [TestCase("2026-10-09", 1, "2026-10-10", Description = "Friday + 1 is the make-up Saturday")]
    [TestCase("2026-10-10", 1, "2026-10-12", Description = "after the make-up Saturday, Sunday is still a rest day")]
    [TestCase("2026-01-30", 1, "2026-02-02", Description = "ordinary weekend: Friday + 1 is Monday")]
    [TestCase("2026-02-13", 1, "2026-02-14", Description = "Spring Festival make-up Saturday")]
    [TestCase("2026-02-14", 1, "2026-02-24", Description = "Spring Festival 2026-02-15..23 is off")]
    [TestCase("2024-02-02", 1, "2024-02-04", Description = "make-up Sunday 2024-02-04 counts")]
    [TestCase("2025-09-30", 5, "2025-10-14",
        Description = "2025 National Day: Oct 1–8 off, Oct 9, 10, make-up Sat 11, 13, 14")]
    [TestCase("2026-06-01", 0, "2026-06-01", Description = "zero working days is the same day (即办件)")]
    [TestCase("2026-06-06", 0, "2026-06-06", Description = "zero working days on a Saturday stays on that day")]
    [TestCase("2026-06-05", 15, "2026-06-29",
        Description = "15 working days across the Dragon Boat holiday (June 19 off)")]
    public void Adds_working_days(string start, int days, string expected) =>
        Assert.That(Official.AddWorkingDays(D(start), days), Is.EqualTo(D(expected)));

    [Test]
    public void Statutory_holidays_on_weekdays_are_rest_days_and_make_up_weekends_are_working_days()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Official.IsWorkingDay(D("2026-10-01")), Is.False, "National Day, a Thursday");
            Assert.That(Official.IsWorkingDay(D("2026-10-10")), Is.True, "make-up Saturday");
            Assert.That(Official.IsWorkingDay(D("2026-09-20")), Is.True, "make-up Sunday");
            Assert.That(Official.IsWorkingDay(D("2026-11-21")), Is.False, "ordinary Saturday");
            Assert.That(Official.IsWorkingDay(D("2026-11-23")), Is.True, "ordinary Monday");
        });
    }

    [TestCase("2026-09-30", "2026-10-10", 3)]
    [TestCase("2026-10-10", "2026-09-30", -3)]
    [TestCase("2026-06-01", "2026-06-01", 0)]
    [TestCase("2026-01-01", "2026-12-31", 248,
        Description = "2026: 261 weekdays − 19 weekday holidays + 6 make-up days (Jan 1 itself is off)")]
    public void Counts_working_days_between_dates(string from, string to, int expected) =>
        Assert.That(Official.CountWorkingDays(D(from), D(to)), Is.EqualTo(expected));

    [Test]
    public void Count_and_add_are_inverse_over_a_long_range()
    {
        var start = D("2024-01-01");
        for (var n = 0; n <= 600; n += 37)
            Assert.That(Official.CountWorkingDays(start, Official.AddWorkingDays(start, n)), Is.EqualTo(n));
    }

    [Test]
    public void Years_without_a_published_arrangement_follow_Monday_to_Friday()
    {
        Assert.That(Official.AddWorkingDays(D("2027-10-01"), 1), Is.EqualTo(D("2027-10-04")),
            "2027-10-01 is a Friday; no 2027 data yet");
    }

    [TestCase("2026-12-31", false, Description = "a loaded year")]
    [TestCase("2027-01-01", true, Description = "New Year's Day 2027: no arrangement loaded yet")]
    [TestCase("2023-12-29", true, Description = "before the calendar's first year")]
    public void A_day_in_a_year_without_its_arrangement_is_provisional(string date, bool expected) =>
        Assert.That(Official.IsProvisional(D(date)), Is.EqualTo(expected));

    [TestCase("2026-12-31", 1, "2027-01-01", true,
        Description = "the foundation issue's case: Dec 31 + 1 lands on 2027-01-01, judged Mon–Fri")]
    [TestCase("2026-12-30", 1, "2026-12-31", false, Description = "every counted day in 2026")]
    [TestCase("2026-12-31", 0, "2026-12-31", false, Description = "zero working days counts no day")]
    [TestCase("2027-03-01", 0, "2027-03-01", false,
        Description = "即办件 on an unloaded day: no day counted, nothing to move")]
    [TestCase("2025-12-31", 1, "2026-01-04", false,
        Description = "crossing into a loaded year (Jan 1–3 off, make-up Sunday Jan 4)")]
    [TestCase("2027-03-01", 5, "2027-03-08", true, Description = "wholly inside an unloaded year")]
    public void A_deadline_is_provisional_when_a_counted_day_lies_in_a_year_not_loaded(string start, int days,
        string due, bool provisional)
    {
        var deadline = Official.Deadline(D(start), days);
        Assert.That(deadline, Is.EqualTo(new WorkingDayDeadline(D(due), provisional)));
        Assert.That(Official.IsDeadlineProvisional(D(start), D(due)), Is.EqualTo(provisional));
    }

    [Test]
    public void A_deadline_across_a_gap_year_is_provisional_even_when_its_own_year_is_loaded()
    {
        var calendar = new WorkingDayCalendar(new Dictionary<DateOnly, bool>(), [2026, 2028]);
        Assert.Multiple(() =>
        {
            Assert.That(calendar.IsDeadlineProvisional(D("2026-12-01"), D("2028-01-10")), Is.True, "2027 lies between");
            Assert.That(calendar.IsDeadlineProvisional(D("2028-01-10"), D("2026-12-01")), Is.True,
                "order does not matter");
            Assert.That(calendar.IsDeadlineProvisional(D("2027-12-31"), D("2028-01-03")), Is.False,
                "only 2028 days are counted");
            Assert.That(calendar.LoadedYears, Is.EqualTo(new[] { 2026, 2028 }));
        });
    }

    [Test]
    public void A_calendar_without_loaded_years_is_provisional_everywhere() =>
        Assert.That(WorkingDayCalendar.Plain.IsProvisional(D("2026-06-01")), Is.True);

    [Test]
    public void Negative_working_days_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(D("2026-01-05"), -1));
}
