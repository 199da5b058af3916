namespace Governance.IntegrationTests;

/// <summary>
/// Dates outside 1900–2999 are the field's error wherever they come in (DateBounds): a query parameter, one of an
/// <c>[AsParameters]</c> filter, a JSON body — before, <c>asOf=0001-01-01</c> on the health check was a 500 (found by
/// the fuzzer). A body value of the wrong type names its field too.
/// </summary>
public class DateBoundsTests : IntegrationTest
{
    [TestCase("/api/v1/power-lists/health?asOf=0001-01-01", "asOf", TestName = "a query parameter")]
    [TestCase("/api/v1/service-centre/applications?from=9999-12-31", "from", TestName = "an [AsParameters] filter")]
    [TestCase("/api/v1/calendar/working-days?from=9999-12-30&days=5", "from", TestName = "the calendar's arithmetic")]
    public async Task A_date_out_of_bounds_in_the_address_is_the_fields_error(string url, string field)
    {
        var admin = await App.LoginAsync("admin");
        var problem = await Problem(await admin.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(),
            Is.EqualTo("日期应在 1900–2999 年之间。"));
    }

    [TestCase("\"0001-01-01\"", "日期应在 1900–2999 年之间。", TestName = "a date out of bounds")]
    [TestCase("5", "取值的类型或格式不正确。", TestName = "a number for a date")]
    public async Task A_bad_date_in_a_body_is_the_fields_error_and_changes_nothing(string periodFrom, string message)
    {
        var admin = await App.LoginAsync("admin");
        var countyId = await Scalar<Guid>("select id from organization.regions where code = @c", new { c = County });
        var before = await Scalar<long>("select count(*) from organization.evaluation_grants");
        var body = $$"""
            {"organisation":"评估机构","purpose":"评估","regionId":"{{countyId}}","periodFrom":{{periodFrom}},
             "periodTo":"2026-12-31","modules":["staffing"],"expiresAt":"2027-01-31T00:00:00+08:00"}
            """;
        var response = await admin.PostAsync("/api/v1/organization/evaluation-grants",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("periodFrom")[0].GetString(), Is.EqualTo(message));
        Assert.That(await Scalar<long>("select count(*) from organization.evaluation_grants"), Is.EqualTo(before));
    }
}
