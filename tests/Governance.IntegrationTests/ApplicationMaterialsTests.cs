namespace Governance.IntegrationTests;

/// <summary>收件清单: the guide's materials ticked at registration, 补正 by ticking, 补齐 receiving them.</summary>
public class ApplicationMaterialsTests : ServiceCentreTest
{
    private async Task<Guid> ItemWithMaterialsAsync()
    {
        var admin = await App.LoginAsync("zwfw");
        var response = await admin.PostAsJsonAsync("/api/v1/service-centre/items", new
        {
            code = "CL-001", name = "高龄津贴申领", level = "township", kind = "promised", legalBasis = "依据",
            conditions = "条件", statutoryDays = 20, promisedDays = 5, steps = new[] { "受理", "办结" },
            phone = "0371-12345678", channels = new[] { "window" }, effectiveFrom = "2024-01-01", changeNote = "新增",
            materials = new[]
            {
                new { name = "申请人身份证", form = "both", copies = 1, required = true },
                new { name = "户口簿", form = "copy", copies = 2, required = true },
                new { name = "银行卡", form = "copy", copies = 1, required = false },
            },
        });
        return (await Read<JsonElement>(response, HttpStatusCode.Created)).GetProperty("current").GetProperty("itemId")
            .GetGuid();
    }

    private static Task<HttpResponseMessage> RegisterWith(HttpClient clerk, Guid itemId, object[] materials) =>
        clerk.PostAsJsonAsync("/api/v1/service-centre/applications", new
        {
            itemId, channel = "window", applicantKind = "person", applicantName = "张三",
            applicantIdNumber = "110101199003070011", applicantPhone = "13812345678", materials,
        });

    private static string[] Lines(JsonElement application) =>
        application.GetProperty("materials").EnumerateArray().Select(m =>
            $"{m.GetProperty("name").GetString()}:{m.GetProperty("status").GetString()}" +
            $":{(m.GetProperty("receivedForm").ValueKind == JsonValueKind.Null ? "-" : m.GetProperty("receivedForm"))}")
            .ToArray();

    [Test]
    public async Task The_checklist_is_stored_from_the_guide_and_returned_with_the_application()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemWithMaterialsAsync();
        var clerk = await App.LoginAsync("t01_window");
        var created = await Read<JsonElement>(await RegisterWith(clerk, item,
            [new { name = "申请人身份证", status = "received", receivedForm = "original" }]), HttpStatusCode.Created);
        var expected = new[] { "申请人身份证:received:original", "户口簿:missing:-", "银行卡:missing:-" };
        Assert.That(Lines(created), Is.EqualTo(expected), "not ticked: missing, and still registered");
        var read = await Read<JsonElement>(
            await clerk.GetAsync($"/api/v1/service-centre/applications/{created.GetProperty("id").GetGuid()}"));
        Assert.That(Lines(read), Is.EqualTo(expected));
        var first = read.GetProperty("materials")[1];
        Assert.That((first.GetProperty("form").GetString(), first.GetProperty("copies").GetInt32(),
            first.GetProperty("required").GetBoolean()), Is.EqualTo(("copy", 2, true)));
    }

    [Test]
    public async Task A_material_the_guide_does_not_list_is_a_field_error()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemWithMaterialsAsync();
        var clerk = await App.LoginAsync("t01_window");
        var p = await Problem(await RegisterWith(clerk, item,
            [new { name = "结婚证", status = "received", receivedForm = "copy" }]), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("materials[0].name")[0].GetString(), Does.Contain("结婚证"));
        var form = await Problem(await RegisterWith(clerk, item,
            [new { name = "户口簿", status = "received", receivedForm = (string?)null }]), HttpStatusCode.BadRequest);
        Assert.That(form.GetProperty("errors").TryGetProperty("materials[0].receivedForm", out _), Is.True);
        var empty = await Problem(await RegisterWith(clerk, item, [null!]), HttpStatusCode.BadRequest);
        Assert.That(empty.GetProperty("errors").TryGetProperty("materials[0].name", out _), Is.True);
        Assert.That(await Scalar<long>("select count(*) from service_centre.applications"), Is.Zero);
    }

    [Test]
    public async Task 补正_requests_the_ticked_materials_and_resume_receives_them()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemWithMaterialsAsync();
        var clerk = await App.LoginAsync("t01_window");
        var id = (await Read<JsonElement>(await RegisterWith(clerk, item,
            [new { name = "申请人身份证", status = "received", receivedForm = "original" }]), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(clerk, id, "accept", 1));
        var unknown = await Problem(await Act(clerk, id, "suspend", 2,
            new { missingMaterials = new[] { "申请人身份证" } }), HttpStatusCode.BadRequest);
        Assert.That(unknown.GetProperty("errors").TryGetProperty("missingMaterials[0]", out _), Is.True,
            "a received material cannot be requested");

        var paused = await Read<JsonElement>(await Act(clerk, id, "suspend", 2,
            new { missingMaterials = new[] { "户口簿" }, note = "复印件须清晰" }));
        Assert.That(Lines(paused), Is.EqualTo(new[]
            { "申请人身份证:received:original", "户口簿:requested:-", "银行卡:missing:-" }));
        Assert.That(paused.GetProperty("state").GetString(), Is.EqualTo("suspended"));

        var resumed = await Read<JsonElement>(await Act(clerk, id, "resume", 3, new { note = "材料已补齐" }));
        Assert.That(Lines(resumed), Is.EqualTo(new[]
            { "申请人身份证:received:original", "户口簿:received:copy", "银行卡:missing:-" }));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where record_type = 'application' and record_id = @id
            """, new { id = id.ToString() }), Is.EqualTo(4),
            "one audit row per change: register, accept, suspend, resume");
    }

    [Test]
    public async Task Another_township_cannot_see_or_request_the_checklist()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemWithMaterialsAsync();
        var id = (await Read<JsonElement>(await RegisterWith(await App.LoginAsync("t01_window"), item, []),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = await App.LoginAsync("t02_window");
        await Problem(await other.GetAsync($"/api/v1/service-centre/applications/{id}"), HttpStatusCode.NotFound);
        await Problem(await Act(other, id, "suspend", 1, new { missingMaterials = new[] { "户口簿" } }),
            HttpStatusCode.NotFound);
        Assert.That(await Scalar<long>(
            "select count(*) from service_centre.application_materials where status = 'requested'"), Is.Zero);
    }
}
