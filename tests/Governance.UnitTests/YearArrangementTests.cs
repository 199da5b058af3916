using Governance.Calendar.Contracts;
using Governance.Calendar.Features;
using Governance.SharedKernel.Errors;

namespace Governance.UnitTests;

/// <summary>
/// An uploaded year's arrangement (JSON or CSV) and the admin's "next year is missing" warning: pure rules.
/// </summary>
public class YearArrangementTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static IReadOnlyList<CalendarUploadIssue> Report(TestDelegate parse)
    {
        var e = Assert.Throws<ValidationException>(parse)!;
        return (IReadOnlyList<CalendarUploadIssue>)e.Extensions["report"]!;
    }

    [Test]
    public void Csv_with_a_BOM_a_header_and_both_kinds_is_read_in_date_order()
    {
        var days = YearArrangement.FromCsv(2027,
            "\uFEFFdate,kind,name\r\n2027-02-20,workday,春节\r\n2027-01-01,holiday,元旦\r\n");
        Assert.That(days, Is.EqualTo(new[]
        {
            new ArrangementDay(D("2027-01-01"), WorkingDayCalendar.Off, "元旦"),
            new ArrangementDay(D("2027-02-20"), WorkingDayCalendar.Work, "春节"),
        }));
    }

    [Test]
    public void Csv_without_a_header_and_with_columns_reordered_by_a_header_are_both_read()
    {
        Assert.That(YearArrangement.FromCsv(2027, "2027-01-01,holiday,元旦\n"), Has.Count.EqualTo(1));
        Assert.That(YearArrangement.FromCsv(2027, "名称,日期,类型\n元旦,2027-01-01,休\n")[0],
            Is.EqualTo(new ArrangementDay(D("2027-01-01"), WorkingDayCalendar.Off, "元旦")));
    }

    [Test]
    public void Json_in_the_seed_shape_is_read_and_the_whole_seed_document_too()
    {
        const string year = """
            { "year": 2027, "papers": ["x"], "days": [ { "date": "2027-01-01", "name": "元旦", "kind": "off" } ] }
            """;
        Assert.That(YearArrangement.FromJson(2027, year), Has.Count.EqualTo(1));
        const string seed =
            """{ "years": { "2027": { "days": [ { "date": "2027-01-01", "name": "元旦", "kind": "off" } ] } } }""";
        Assert.That(YearArrangement.FromJson(2027, seed), Has.Count.EqualTo(1));
    }

    [Test]
    public void Every_bad_row_is_reported_with_its_row_and_column()
    {
        var report = Report(() => YearArrangement.FromCsv(2027, string.Join('\n',
            "date,kind,name",
            "2027-01-01,holiday,元旦",       // row 2: fine
            "2026-12-31,holiday,跨年",       // row 3: another year
            "2027-01-01,holiday,元旦",       // row 4: listed twice
            "2027-01-04,workday,调休",       // row 5: a Monday cannot be a make-up day
            "2027/02/10,holiday,春节",       // row 6: format
            "2027-02-11,rest,",              // row 7: kind and name
            "")));
        Assert.That(report.Select(r => (r.Row, r.Column)), Is.EqualTo(new[]
        {
            (3, "date"), (4, "date"), (5, "kind"), (6, "date"), (7, "kind"), (7, "name"),
        }));
        Assert.That(report[0].Message, Does.Contain("不在 2027 年内"));
        Assert.That(report[1].Message, Does.Contain("重复").And.Contain("第 2 行"));
        Assert.That(report[2].Message, Does.Contain("周一").And.Contain("周六或周日"));
    }

    [TestCase("""{ "year": 2028, "days": [] }""", "year")]
    [TestCase("""{ "days": [] }""", "file")]
    [TestCase("""[1, 2]""", "file")]
    [TestCase("""{ "days": "x" }""", "days")]
    [TestCase("""not json""", "file")]
    [TestCase("""{ "days": [ { "date": "2027-02-20", "name": "春节", "kind": "work" } ] }""", "file")]
    public void A_file_that_is_not_a_year_arrangement_is_refused_as_a_whole(string json, string column)
    {
        var report = Report(() => YearArrangement.FromJson(2027, json));
        Assert.That(report.Single().Row, Is.Zero);
        Assert.That(report.Single().Column, Is.EqualTo(column));
    }

    [Test]
    public void More_days_than_a_year_can_have_are_refused()
    {
        var rows = Enumerable.Range(0, YearArrangement.MaxDays + 1)
            .Select(i => $"{new DateOnly(2027, 1, 1).AddDays(i):yyyy-MM-dd},holiday,x");
        Assert.That(Report(() => YearArrangement.FromCsv(2027, string.Join('\n', rows))).Single().Message,
            Does.Contain("最多"));
    }

    [TestCase("2026-10-31", null, Description = "before 1 November nothing is said about next year")]
    [TestCase("2026-11-01", 2027, Description = "from 1 November next year must be loaded")]
    [TestCase("2026-12-31", 2027)]
    [TestCase("2027-01-04", 2027, Description = "a new year without its arrangement is worse still")]
    [TestCase("2025-11-15", null, Description = "2026 is loaded")]
    public void The_admin_is_warned_about_a_missing_year(string today, int? year)
    {
        var loaded = new HashSet<int> { 2024, 2025, 2026 };
        Assert.That(CalendarYears.MissingYear(D(today), loaded.Contains), Is.EqualTo(year));
        Assert.That(CalendarYears.Warning(D(today), loaded.Contains)?.Year, Is.EqualTo(year));
    }
}
