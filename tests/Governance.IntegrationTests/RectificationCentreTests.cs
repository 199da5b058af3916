using Governance.SharedKernel;

namespace Governance.IntegrationTests;

/// <summary>
/// 差评整改 for the centres: filtered by centre and state within the caller's scope, exported with the applicant
/// masked, and the call-back contact revealed only by the applications' rule, audited.
/// </summary>
public class RectificationCentreTests : ServiceCentreTest
{
    private const string List = "/api/v1/service-centre/rectifications";

    /// <summary>
    /// A completed application of the clerk's township (applicant 张三, 13812345678) rated 非常不满意.
    /// </summary>
    private async Task<(Guid Rectification, Guid Application)> BadRatingAsync(string clerkLogin, string code)
    {
        var clerk = await App.LoginAsync(clerkLogin);
        var id = (await Register(clerk, await ItemAsync(code, "immediate", null))).GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(clerk, id, "complete", 1, new { outcome = "approved" }));
        var rated = await Read<JsonElement>(await clerk.PostAsJsonAsync(
            $"/api/v1/service-centre/applications/{id}/ratings", new { level = 1, comment = "态度差" }),
            HttpStatusCode.Created);
        return (rated.GetProperty("rectificationId").GetGuid(), id);
    }

    private async Task<Guid> CentreAsync(string region, string name)
    {
        var admin = await App.LoginAsync("zwfw");
        var centre = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/service-centre/centres",
            new { regionId = await RegionId(region), name }), HttpStatusCode.Created);
        return centre.GetProperty("centre").GetProperty("id").GetGuid();
    }

    private static async Task<Guid[]> Ids(HttpClient client, string query) =>
        (await Read<JsonElement>(await client.GetAsync(List + query))).GetProperty("items").EnumerateArray()
        .Select(i => i.GetProperty("id").GetGuid()).Order().ToArray();

    private static Guid[] Sorted(params Guid[] ids) => ids.Order().ToArray();

    [Test]
    public async Task Rectifications_are_filtered_by_centre_and_state_within_the_callers_scope()
    {
        Clock.SetCountyDay("2026-11-02");
        var (a, _) = await BadRatingAsync("t01_window", "ZG-001");
        var (b, _) = await BadRatingAsync("t01_window", "ZG-002");
        var (c, _) = await BadRatingAsync("t02_window", "ZG-003");
        var leader = await App.LoginAsync("t01_leader");
        await Read<JsonElement>(await Step(leader, b, "callback", 1, new { note = "已回访" }));
        var centre1 = await CentreAsync(Township1, "一号乡便民服务中心");
        var centre2 = await CentreAsync(Township2, "二号乡便民服务中心");

        var county = await App.LoginAsync("zwfw");
        Assert.That(await Ids(county, $"?centreId={centre1}"), Is.EqualTo(Sorted(a, b)));
        Assert.That(await Ids(county, $"?centreId={centre2}"), Is.EqualTo(Sorted(c)));
        Assert.That(await Ids(county, $"?centreId={centre1}&state=called_back"), Is.EqualTo(Sorted(b)));
        Assert.That(await Ids(county, "?state=open"), Is.EqualTo(Sorted(a, c)));
        Assert.That(await Ids(leader, $"?centreId={centre2}"), Is.Empty,
            "another township's centre answers for none of the caller's rectifications");
        Assert.That(await Ids(leader, $"?centreId={Guid.NewGuid()}"), Is.Empty);
        var bad = await Problem(await leader.GetAsync(List + "?state=lost"), HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "state" }));
    }

    [Test]
    public async Task The_export_streams_the_filtered_rectifications_with_the_applicant_masked()
    {
        Clock.SetCountyDay("2026-11-02");
        var (a, _) = await BadRatingAsync("t01_window", "ZG-011");
        await BadRatingAsync("t01_window", "ZG-012");
        await BadRatingAsync("t02_window", "ZG-013");
        var centre2 = await CentreAsync(Township2, "二号乡便民服务中心");
        var leader = await App.LoginAsync("t01_leader");

        var csv = await leader.GetAsync(List + "/export?format=csv");
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3), "header + the township's 2");
        Assert.That(lines[0], Does.StartWith("办件编号,事项名称,服务中心,申请人,联系电话,评价等级"));
        Assert.That(lines[1], Does.Contain(",张*,138****5678,非常不满意,态度差,")
            .And.Not.Contain("张三").And.Not.Contain("13812345678"));

        var called = await Read<JsonElement>(await Step(leader, a, "callback", 1, new { note = "已回访" }));
        Assert.That(called.GetProperty("state").GetString(), Is.EqualTo("called_back"));
        var xlsx = await leader.GetAsync(List + "/export?format=xlsx&state=called_back");
        Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo(Xlsx.ContentType));
        var sheet = Xlsx.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.That(sheet, Has.Count.EqualTo(2), "header + the one called back");
        Assert.That(sheet[1][^1], Is.EqualTo(a.ToString()));
        Assert.That(sheet[1][11], Is.EqualTo("已回访"));

        var other = await leader.GetStringAsync(List + $"/export?centreId={centre2}");
        Assert.That(other.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries),
            Has.Length.EqualTo(1), "another township's centre: the header only");
        await Problem(await leader.GetAsync(List + "/export?format=pdf"), HttpStatusCode.BadRequest);
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'rectifications.exported'"),
            Is.EqualTo(3));
    }

    [Test]
    public async Task The_call_back_contact_is_masked_until_a_clerk_reveals_it_and_each_reveal_is_audited()
    {
        Clock.SetCountyDay("2026-11-02");
        var (rid, applicationId) = await BadRatingAsync("t01_window", "ZG-021");
        const string Revealed = """
            select count(*) from audit.entries where action = 'application.personal_data_revealed'
            """;

        var staff = await App.LoginAsync("t01_staff");
        var masked = await Read<JsonElement>(await staff.GetAsync($"{List}/{rid}"));
        var contact = masked.GetProperty("contact");
        Assert.That(contact.GetProperty("name").GetString(), Is.EqualTo("张*"));
        Assert.That(contact.GetProperty("phone").GetString(), Is.EqualTo("138****5678"));
        Assert.That(contact.GetProperty("revealed").GetBoolean(), Is.False);
        Assert.That(contact.GetProperty("mayReveal").GetBoolean(), Is.False);
        Assert.That(masked.GetProperty("applicationId").GetGuid(), Is.EqualTo(applicationId));
        await Problem(await staff.GetAsync($"{List}/{rid}?reveal=true"), HttpStatusCode.Forbidden);
        await Problem(await (await App.LoginAsync("t02_window")).GetAsync($"{List}/{rid}?reveal=true"),
            HttpStatusCode.NotFound); // out of scope: 404 before 403
        Assert.That(await Scalar<long>(Revealed), Is.Zero);

        var clerk = await App.LoginAsync("t01_window");
        Assert.That((await Read<JsonElement>(await clerk.GetAsync($"{List}/{rid}"))).GetProperty("contact")
            .GetProperty("mayReveal").GetBoolean(), Is.True);
        var shown = (await Read<JsonElement>(await clerk.GetAsync($"{List}/{rid}?reveal=true"))).GetProperty("contact");
        Assert.That(shown.GetProperty("name").GetString(), Is.EqualTo("张三"));
        Assert.That(shown.GetProperty("phone").GetString(), Is.EqualTo("13812345678"));
        Assert.That(shown.GetProperty("revealed").GetBoolean(), Is.True);
        Assert.That(await Scalar<long>($"{Revealed} and record_id = @id and after->>'rectificationId' = @rid",
            new { id = applicationId.ToString(), rid = rid.ToString() }), Is.EqualTo(1),
            "one line, on the application");
    }
}
