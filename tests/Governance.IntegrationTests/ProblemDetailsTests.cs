namespace Governance.IntegrationTests;

/// <summary>
/// Every non-2xx is an RFC 9457 problem with a stable type and code, in Chinese, with nothing internal leaking.
/// </summary>
public class ProblemDetailsTests : IntegrationTest
{
    [Test]
    public async Task Unauthenticated_is_401() =>
        Assert.That((await Problem(await App.Anonymous().GetAsync("/api/v1/organization/units"),
            HttpStatusCode.Unauthorized))
            .GetProperty("code").GetString(), Is.EqualTo("unauthenticated"));

    [Test]
    public async Task Unknown_api_path_is_404()
    {
        var admin = await App.LoginAsync("admin");
        await Problem(await admin.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Wrong_method_is_405()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.DeleteAsync("/api/v1/organization/users"), HttpStatusCode.MethodNotAllowed);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("method_not_allowed"));
    }

    [Test]
    public async Task Wrong_content_type_is_415()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PostAsync("/api/v1/organization/users",
            new StringContent("x", System.Text.Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("unsupported_media_type"));
    }

    [Test]
    public async Task Malformed_json_is_400_and_creates_nothing()
    {
        var admin = await App.LoginAsync("admin");
        var before = await Scalar<long>("select count(*) from organization.users");
        var p = await Problem(await admin.PostAsync("/api/v1/organization/users",
            new StringContent("{\"username\": ", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("detail").GetString(), Does.Contain("JSON"));
        Assert.That(await Scalar<long>("select count(*) from organization.users"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_wrongly_typed_field_is_400()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.PostAsync("/api/v1/organization/users",
            new StringContent("{\"username\":\"abc\",\"regionId\":\"not-a-guid\"}", System.Text.Encoding.UTF8,
                "application/json")), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("regionId")[0].GetString(),
            Is.EqualTo("取值的类型或格式不正确。"), "the field is named");
    }

    [Test]
    public async Task A_bad_cursor_is_a_field_error()
    {
        var admin = await App.LoginAsync("admin");
        var p = await Problem(await admin.GetAsync("/api/v1/organization/units?cursor=%%%"), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("cursor")[0].GetString(), Is.EqualTo("分页游标无效。"));
        var big = await Problem(await admin.GetAsync("/api/v1/organization/units?limit=5000"),
            HttpStatusCode.BadRequest);
        Assert.That(big.GetProperty("errors").TryGetProperty("limit", out _), Is.True);
    }

    [Test]
    public async Task Readiness_reports_the_database_liveness_does_not_ask_it()
    {
        var ready = await Read<JsonElement>(await App.Anonymous().GetAsync("/health/ready"));
        Assert.That(ready.GetProperty("database").GetString(), Is.EqualTo("up"));
        var live = await Read<JsonElement>(await App.Anonymous().GetAsync("/health"));
        Assert.That(live.GetProperty("status").GetString(), Is.EqualTo("healthy"));
    }
}
