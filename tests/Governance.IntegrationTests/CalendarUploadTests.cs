using System.Net.Http.Headers;
using System.Text;

namespace Governance.IntegrationTests;

/// <summary>
/// Loading a year's official arrangement (工作日历年度安排): the upload, its validation, the re-dating of open
/// applications in the same transaction, "provisional" answers for years not loaded, and the admin's warning.
/// </summary>
public class CalendarUploadTests : ServiceCentreTest
{
    /// <summary>An invented 2027 arrangement, labelled as a test fixture inside the file — not official data.</summary>
    private static string Fixture2027()
    {
        using var stream = typeof(CalendarUploadTests).Assembly.GetManifestResourceStream(
            "Governance.IntegrationTests.Fixtures.Calendar.cn-holidays-2027.TEST-FIXTURE.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, int year, string body, string contentType) =>
        client.PostAsync($"/api/v1/calendar/years/{year}",
            new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)));

    private async Task<(long Days, long Loaded, long Audited)> State2027() => (
        await Scalar<long>("select count(*) from calendar.days where date >= '2027-01-01' and date < '2028-01-01'"),
        await Scalar<long>("select count(*) from calendar.loaded_years where year = 2027"),
        await Scalar<long>("select count(*) from audit.entries where action = 'calendar.year_loaded'"));

    [Test]
    public async Task Uploading_2027_re_dates_an_open_application_crossing_into_it_and_ends_the_provisional_answers()
    {
        Clock.SetCountyDay("2026-12-31");
        var item = await ItemAsync("SX-CAL-1", "promised", 3);
        var clerk = await App.LoginAsync("t01_window");
        var id = (await Register(clerk, item)).GetProperty("id").GetGuid();
        var admin = await App.LoginAsync("admin");

        // before: 2027 is judged Monday–Friday, so 2026-12-31 + 1 is New Year's Day, and the answer says provisional
        var preview = await Read<JsonElement>(
            await admin.GetAsync("/api/v1/calendar/working-days?from=2026-12-31&days=1"));
        Assert.That((preview.GetProperty("due").GetString(), preview.GetProperty("provisional").GetBoolean()),
            Is.EqualTo(("2027-01-01", true)));
        Assert.That(await Scalar<DateOnly>("select due_on from service_centre.applications where id = @id", new { id }),
            Is.EqualTo(new DateOnly(2027, 1, 5)));
        var year = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/years/2027"));
        Assert.That(year.GetProperty("provisional").GetBoolean(), Is.True);
        var years = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/years"));
        Assert.That(years.GetProperty("warning").GetProperty("year").GetInt32(), Is.EqualTo(2027));

        var result = await Read<JsonElement>(await Upload(admin, 2027, Fixture2027(), "application/json"));
        Assert.That((result.GetProperty("holidays").GetInt32(), result.GetProperty("workdays").GetInt32(),
            result.GetProperty("wasLoaded").GetBoolean()), Is.EqualTo((10, 1, false)));

        // the open application was re-dated by ServiceCentre's handler in the upload's transaction: Jan 1 is now off
        Assert.That(await Scalar<DateOnly>("select due_on from service_centre.applications where id = @id", new { id }),
            Is.EqualTo(new DateOnly(2027, 1, 6)));
        preview = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/working-days?from=2026-12-31&days=1"));
        Assert.That((preview.GetProperty("due").GetString(), preview.GetProperty("provisional").GetBoolean()),
            Is.EqualTo(("2027-01-04", false)));
        year = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/years/2027"));
        Assert.That((year.GetProperty("loaded").GetBoolean(), year.GetProperty("days").GetArrayLength()),
            Is.EqualTo((true, 11)));
        years = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/years"));
        Assert.That(years.GetProperty("warning").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var loaded = years.GetProperty("years").EnumerateArray()
            .Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("source").GetString())).ToList();
        Assert.That(loaded,
            Is.EqualTo(new[] { (2024, "seed"), (2025, "seed"), (2026, "seed"), (2027, (string?)"upload") }));

        var audit = await Scalar<string>("""
            select concat_ws('|', record_id, before ->> 'holidays', after ->> 'holidays', after ->> 'workdays',
                after ->> 'source')
            from audit.entries where action = 'calendar.year_loaded'
            """);
        Assert.That(audit, Is.EqualTo("2027|0|10|1|upload"));
    }

    [Test]
    public async Task A_second_upload_as_CSV_replaces_the_years_days_and_is_audited_with_both_counts()
    {
        Clock.SetCountyDay("2026-11-20");
        var admin = await App.LoginAsync("admin");
        await Read<JsonElement>(await Upload(admin, 2027, Fixture2027(), "application/json"));
        var csv =
            "\uFEFFdate,kind,name\r\n2027-01-01,holiday,元旦（测试数据）\r\n2027-02-20,workday,春节（测试数据）\r\n";
        var result = await Read<JsonElement>(await Upload(admin, 2027, csv, "text/csv"));
        Assert.That((result.GetProperty("replaced").GetInt32(), result.GetProperty("wasLoaded").GetBoolean()),
            Is.EqualTo((11, true)));
        Assert.That(await Scalar<long>("select count(*) from calendar.days where date >= '2027-01-01'"), Is.EqualTo(2));
        Assert.That(await Scalar<string>("select name from calendar.days where date = '2027-01-01'"),
            Is.EqualTo("元旦（测试数据）"));
        var counts = await Scalar<string>("""
            select string_agg(concat_ws('/', before ->> 'holidays', after ->> 'holidays'), ',' order by seq)
                from audit.entries where action = 'calendar.year_loaded'
            """);
        Assert.That(counts, Is.EqualTo("0/10,10/1"));
    }

    [Test]
    public async Task An_invalid_upload_answers_400_with_row_errors_and_changes_nothing()
    {
        Clock.SetCountyDay("2026-11-20");
        var admin = await App.LoginAsync("admin");
        var csv =
            "date,kind,name\n2027-01-01,holiday,元旦\n2026-12-31,holiday,跨年\n2027-01-04,workday,调休\n2027-01-01," +
            "holiday,元旦\n";
        var problem = await Problem(await Upload(admin, 2027, csv, "text/csv"), HttpStatusCode.BadRequest);
        var report = problem.GetProperty("report").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.That(report, Is.EqualTo(new[] { (3, "date"), (4, (string?)"kind"), (5, "date") }));
        Assert.That(problem.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain("3 处错误"));

        var mismatch = await Problem(await Upload(admin, 2027, """{ "year": 2028, "days": [] }""", "application/json"),
            HttpStatusCode.BadRequest);
        Assert.That(mismatch.GetProperty("errors").GetProperty("year")[0].GetString(), Does.Contain("2028"));
        await Problem(await Upload(admin, 2027, "2027-01-01,holiday,元旦", "text/plain"),
            HttpStatusCode.UnsupportedMediaType);
        await Problem(await Upload(admin, 1999, Fixture2027(), "application/json"), HttpStatusCode.BadRequest);

        Assert.That(await State2027(), Is.EqualTo((0L, 0L, 0L)));
    }

    [Test]
    public async Task Only_a_calendar_manager_may_upload_a_year()
    {
        Clock.SetCountyDay("2026-11-20");
        var leader = await App.LoginAsync("t01_leader");
        await Problem(await Upload(leader, 2027, Fixture2027(), "application/json"), HttpStatusCode.Forbidden);
        var zwfw = await App.LoginAsync("zwfw");
        await Problem(await Upload(zwfw, 2027, Fixture2027(), "application/json"), HttpStatusCode.Forbidden);
        Assert.That(await State2027(), Is.EqualTo((0L, 0L, 0L)));
        // reading which years are loaded is for everybody signed in
        await Read<JsonElement>(await leader.GetAsync("/api/v1/calendar/years"));
    }

    [TestCase("2026-10-31", null)]
    [TestCase("2026-11-01", 2027)]
    [TestCase("2027-01-04", 2027)]
    public async Task The_admin_is_warned_from_1_November_while_next_year_is_not_loaded(string today, int? warned)
    {
        Clock.SetCountyDay(today);
        var admin = await App.LoginAsync("admin");
        var years = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/years"));
        Assert.That(years.GetProperty("today").GetString(), Is.EqualTo(today));
        var warning = years.GetProperty("warning");
        Assert.That(warning.ValueKind == JsonValueKind.Null ? (int?)null : warning.GetProperty("year").GetInt32(),
            Is.EqualTo(warned));
        if (warned is not null) Assert.That(warning.GetProperty("message").GetString(), Does.Contain($"{warned} 年"));
    }
}
