using System.Text;

namespace Governance.IntegrationTests;

/// <summary>
/// A NUL (U+0000) cannot be stored by PostgreSQL (22021): wherever it comes in — query, header, JSON body — the API
/// answers 400 naming the field, before anything is written; a NUL that slips past (a CSV file) is 400 too, never 500.
/// </summary>
public class NulCharacterTests : IntegrationTest
{
    private async Task<long> AuditRows() => await Scalar<long>("select count(*) from audit.entries");

    private static void AssertField(JsonElement problem, string field)
    {
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("validation_failed"));
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain("U+0000"));
    }

    [Test]
    public async Task A_login_with_a_nul_in_the_username_is_400_and_changes_nothing()
    {
        var audit = await AuditRows();
        var response = await App.Anonymous().PostAsync("/api/v1/auth/login",
            new StringContent("""{"username":"bian\u0000ban","password":"Demo@2026"}""", Encoding.UTF8,
                "application/json"));
        AssertField(await Problem(response, HttpStatusCode.BadRequest), "username");
        Assert.That(await AuditRows(), Is.EqualTo(audit));
        Assert.That(await Scalar<long>("select count(*) from organization.sessions"), Is.Zero);
    }

    [TestCase("t01_window", "/api/v1/service-centre/applications?q=a%00b")]
    [TestCase("bianban", "/api/v1/power-lists/items?q=a%00b")]
    public async Task A_query_filter_with_a_nul_is_400_naming_the_parameter(string user, string url)
    {
        var client = await App.LoginAsync(user);
        AssertField(await Problem(await client.GetAsync(url), HttpStatusCode.BadRequest), "q");
    }

    /// <summary>
    /// A route value cannot carry a NUL through any ASP.NET Core host: the URL decoder that Kestrel and TestServer
    /// share refuses a decoded NUL in the path ("The path contains null characters"; over the wire Kestrel answers a
    /// bodiless 400, see ServerLimitsTests). The guard checks route values anyway, for a host or a rewrite that sets
    /// the path itself — as this request does.
    /// </summary>
    [Test]
    public async Task A_route_value_with_a_nul_is_400_naming_it()
    {
        var context = await App.Server.SendAsync(c =>
        {
            c.Request.Method = "DELETE";
            c.Request.Path = "/api/v1/calendar/days/2026-10-0\u00001";
        });
        Assert.That(context.Response.StatusCode, Is.EqualTo(400));
        Assert.That(context.Response.ContentType, Is.EqualTo("application/problem+json"));
        AssertField(await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body), "date");
    }

    /// <summary>A cursor is opaque to clients, but a forged one arrives as base64 the query guard cannot see into.
    /// </summary>
    [Test]
    public async Task A_forged_cursor_hiding_a_nul_is_a_cursor_field_error()
    {
        var admin = await App.LoginAsync("admin");
        var forged = System.Buffers.Text.Base64Url.EncodeToString(
            """{"Username":"a\u0000","Id":"0198c0de-0000-7000-8000-000000000000"}"""u8);
        var p = await Problem(await admin.GetAsync($"/api/v1/organization/users?cursor={forged}"),
            HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("cursor")[0].GetString(), Is.EqualTo("分页游标无效。"));
    }

    [Test]
    public async Task A_json_field_with_a_nul_is_400_naming_the_field_and_creates_nothing()
    {
        var office = await App.LoginAsync("bianban");
        var audit = await AuditRows();
        var response = await office.PostAsync("/api/v1/power-lists/agreements", new StringContent(
            """{"documentNo":"清市监委〔2026〕\u00003号","signedOn":"2025-12-20","startsOn":"2026-01-01"}""",
            Encoding.UTF8, "application/json"));
        AssertField(await Problem(response, HttpStatusCode.BadRequest), "documentNo");
        Assert.That(await Scalar<long>("select count(*) from power_lists.agreements"), Is.Zero);
        Assert.That(await AuditRows(), Is.EqualTo(audit));
    }

    [Test]
    public async Task An_idempotency_key_with_a_nul_is_400_naming_the_header_and_registers_nothing()
    {
        var clerk = await App.LoginAsync("t01_window");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/service-centre/applications")
        {
            Content = JsonContent.Create(new { channel = "window", applicantKind = "person", applicantName = "王五" }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "k\0-1");
        AssertField(await Problem(await clerk.SendAsync(request), HttpStatusCode.BadRequest), "Idempotency-Key");
        Assert.That(await Scalar<long>("select count(*) from service_centre.applications"), Is.Zero);
    }

    [Test]
    public async Task A_nul_that_reaches_the_database_in_a_file_is_400_invalid_text_not_500()
    {
        var office = await App.LoginAsync("bianban");
        var csv =
            "基本编码,事项名称,权力类型,执法领域,实施主体,监管单位,设定依据,条款,依据内容,责任事项,追责情形,生效日期," +
            "变更说明\n" +
                  "CF00100000,对占道\0经营的处罚,行政处罚,城市管理,县城市管理局,,《条例》,第三十六条,,,,2026-01-01,\n";
        var response = await office.PostAsync("/api/v1/power-lists/items/import",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.That((await Problem(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString(),
            Is.EqualTo("invalid_text"));
        Assert.That(await Scalar<long>("select count(*) from power_lists.items"), Is.Zero);
    }
}
