using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>职责准入 and 收回: permissions, transitions, and the effect of a decision on the township lists.</summary>
public class AdmissionTests : IntegrationTest
{
    private HttpClient _department = null!, _office = null!, _leader = null!;
    private Guid _item, _t1, _t2;

    [SetUp]
    public async Task Prepare()
    {
        _department = await App.LoginAsync("dept_scjg");
        _office = await App.LoginAsync("bianban");
        _leader = await App.LoginAsync("leader");
        var market = await Scalar<Guid>("""
            select id from organization.units where name = '县市场监督管理局' and region_path like '%990101000000/'
            """);
        var created = await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/items", new
        {
            code = "JC00077000", name = "对小作坊的日常监督检查", type = "JC", domainCode = "SC", departmentId = market,
            effectiveFrom = "2026-01-01", changeNote = "新增",
        }), HttpStatusCode.Created);
        _item = created.GetProperty("current").GetProperty("itemId").GetGuid();
        _t1 = await RegionId(Township1);
        _t2 = await RegionId(Township2);
    }

    private async Task<(Guid Id, string ETag)> Submit(string kind = "admission", string mode = "statutory",
        string effectiveFrom = "2026-09-01")
    {
        var response = await _department.PostAsJsonAsync("/api/v1/power-lists/admissions", new
        {
            kind, itemId = _item, townshipIds = new[] { _t1, _t2 }, mode, listKind = "basic", effectiveFrom,
            legalBasis = "《食品安全法》第三十六条", reason = "小作坊量大面广，乡镇就近监管更有效", postsOffered = 2,
            fundsOffered = 100000m,
        });
        var body = await Read<JsonElement>(response, HttpStatusCode.Created);
        return (body.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    private static async Task<HttpResponseMessage> Act(HttpClient client, Guid id, string action, string etag,
        object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/power-lists/admissions/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    private async Task<string> Step(HttpClient client, Guid id, string action, string etag, object? body = null)
    {
        var response = await Act(client, id, action, etag, body);
        await Read<JsonElement>(response);
        return response.Headers.ETag!.Tag;
    }

    private async Task<string[]> Codes(Guid township, string date) =>
        (await Read<JsonElement>(
            await _office.GetAsync($"/api/v1/power-lists/townships/{township}/entries?asOf={date}")))
            .GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("code").GetString() + "/" + e.GetProperty("listKindName").GetString()).ToArray();

    [Test]
    public async Task An_approved_admission_puts_the_duty_on_the_public_lists_from_its_effective_date()
    {
        var (id, etag) = await Submit();
        etag = await Step(_office, id, "return", etag, new { note = "请补充经费测算依据" });
        etag = await Step(_department, id, "resubmit", etag, new { note = "已补充" });
        etag = await Step(_office, id, "forward", etag, new { note = "同意，报县政府决定" });
        var decided = await Read<JsonElement>(await Act(_leader, id, "approve", etag,
            new { note = "同意", decisionNo = "清政复〔2026〕8号" }));
        Assert.That(decided.GetProperty("state").GetString(), Is.EqualTo("approved"));
        Assert.That(decided.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "submit", "return", "resubmit", "forward", "approve" }));

        Assert.That(await Codes(_t1, "2026-08-31"), Is.Empty);
        Assert.That(await Codes(_t1, "2026-09-01"), Is.EqualTo(new[] { "JC00077000/基本履职事项" }));
        Assert.That(await Codes(_t2, "2026-09-01"), Is.EqualTo(new[] { "JC00077000/基本履职事项" }));
        var pub = await Read<JsonElement>(await App.Anonymous()
            .GetAsync($"/api/v1/public/power-lists/townships/{_t1}?asOf=2026-09-01"));
        Assert.That(pub.GetProperty("entries")[0].GetProperty("code").GetString(), Is.EqualTo("JC00077000"));
        Assert.That(await Scalar<string>("""
            select string_agg(action, ',' order by seq) from audit.entries where record_type = 'admission_request'
            """),
            Is.EqualTo("admission.submitted,admission.return,admission.resubmit,admission.forward,admission.approve"));
    }

    [Test]
    public async Task A_rejection_needs_a_reason_and_changes_no_list()
    {
        var (id, etag) = await Submit();
        etag = await Step(_office, id, "forward", etag);
        var p = await Problem(await Act(_leader, id, "reject", etag, new { note = "" }), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("note")[0].GetString(), Does.Contain("理由"));
        var rejected = await Read<JsonElement>(await Act(_leader, id, "reject", etag,
            new { note = "乡镇暂无检查力量，接不住" }));
        Assert.That(rejected.GetProperty("stateName").GetString(), Is.EqualTo("不予批准"));
        Assert.That(rejected.GetProperty("decisionNote").GetString(), Is.EqualTo("乡镇暂无检查力量，接不住"));
        Assert.That(await Scalar<long>("select count(*) from power_lists.entries"), Is.Zero);
    }

    [Test]
    public async Task Each_step_belongs_to_one_role_and_wrong_steps_answer_409_with_the_allowed_ones()
    {
        var (id, etag) = await Submit();
        // the department cannot review itself
        await Problem(await Act(_department, id, "forward", etag), HttpStatusCode.Forbidden);
        await Problem(await Act(_leader, id, "forward", etag), HttpStatusCode.Forbidden);
        var p = await Problem(await Act(_leader, id, "approve", etag), HttpStatusCode.Conflict);
        Assert.That(p.GetProperty("state").GetString(), Is.EqualTo("submitted"));
        Assert.That(p.GetProperty("allowedActions").GetArrayLength(), Is.Zero,
            "what the caller may do now: nothing until the office forwards it");
        // the office reviews, it does not decide
        await Problem(await Act(_office, id, "approve", etag), HttpStatusCode.Forbidden);
        await Problem(await Act(_office, id, "forward", "\"v7\""), HttpStatusCode.PreconditionFailed);
        Assert.That(await Scalar<string>("select state from power_lists.admission_requests"), Is.EqualTo("submitted"));
        Assert.That(await Scalar<long>("select count(*) from audit.entries where outcome = 'denied'"), Is.EqualTo(3),
            "each refusal once");

        var detail = await Read<JsonElement>(await _office.GetAsync($"/api/v1/power-lists/admissions/{id}"));
        Assert.That(detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "return", "forward" }));
        var seenByDepartment = await Read<JsonElement>(
            await _department.GetAsync($"/api/v1/power-lists/admissions/{id}"));
        Assert.That(seenByDepartment.GetProperty("allowedActions").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Only_a_county_department_submits_and_entrusted_duties_go_through_agreements()
    {
        var p = await Problem(await _office.PostAsJsonAsync("/api/v1/power-lists/admissions",
            new { kind = "admission" }), HttpStatusCode.Forbidden);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("forbidden"));
        var invalid = await Problem(await _department.PostAsJsonAsync("/api/v1/power-lists/admissions", new
        {
            kind = "admission", itemId = _item, townshipIds = new[] { _t1 }, mode = "entrusted", listKind = "basic",
            effectiveFrom = "2026-09-01", legalBasis = "x", reason = "", postsOffered = -1,
        }), HttpStatusCode.BadRequest);
        Assert.That(invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "mode", "reason", "postsOffered" }));
    }

    [Test]
    public async Task An_approved_withdrawal_moves_the_duty_to_the_withdrawn_list()
    {
        await Read<JsonElement>(await _office.PostAsJsonAsync("/api/v1/power-lists/entries", new
        {
            townshipIds = new[] { _t1, _t2 }, itemIds = new[] { _item }, mode = "statutory", listKind = "basic",
            effectiveFrom = "2026-02-01",
        }), HttpStatusCode.Created);
        var (id, etag) = await Submit("withdrawal", effectiveFrom: "2026-10-01");
        etag = await Step(_office, id, "forward", etag);
        await Step(_leader, id, "approve", etag);

        Assert.That(await Codes(_t1, "2026-09-30"), Is.EqualTo(new[] { "JC00077000/基本履职事项" }));
        Assert.That(await Codes(_t1, "2026-10-01"), Is.EqualTo(new[] { "JC00077000/上级部门收回事项" }));
        using var scope = App.Services.CreateScope();
        var powers = scope.ServiceProvider.GetRequiredService<Governance.PowerLists.Contracts.IPowerLists>();
        var answer = await powers.CanExerciseAsync(_t2, _item, new DateOnly(2026, 10, 1), CancellationToken.None);
        Assert.That(answer.Allowed, Is.False);
        Assert.That(answer.Reason, Does.Contain("收回"));
    }

    [Test]
    public async Task A_township_sees_the_requests_that_concern_it_only()
    {
        await Submit();
        var t1 = await App.LoginAsync("t01_leader");
        var t3 = await App.LoginAsync("t03_leader");
        Assert.That((await Read<JsonElement>(await t1.GetAsync("/api/v1/power-lists/admissions"))).GetProperty("items")
            .GetArrayLength(), Is.EqualTo(1));
        Assert.That((await Read<JsonElement>(await t3.GetAsync("/api/v1/power-lists/admissions"))).GetProperty("items")
            .GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Affected_townships_are_notified_and_may_comment()
    {
        var (id, etag) = await Submit();
        var t1 = await App.LoginAsync("t01_leader");
        var t3 = await App.LoginAsync("t03_leader");

        var notices = await Read<JsonElement>(await t1.GetAsync("/api/v1/notifications"));
        var notice = notices.GetProperty("items").EnumerateArray().Single();
        Assert.That(notice.GetProperty("title").GetString(), Is.EqualTo("职责准入申请"));
        Assert.That(notice.GetProperty("body").GetString(), Does.Contain("对小作坊的日常监督检查"));
        Assert.That(notice.GetProperty("link").GetString(), Is.EqualTo($"/power-lists/admissions/{id}"));
        Assert.That((await Read<JsonElement>(await t3.GetAsync("/api/v1/notifications/unread-count")))
            .GetProperty("count").GetInt32(), Is.Zero);
        await Problem(await t3.PostAsync($"/api/v1/notifications/{notice.GetProperty("id").GetGuid()}/read", null),
            HttpStatusCode.NotFound);
        Assert.That((await t1.PostAsync($"/api/v1/notifications/{notice.GetProperty("id").GetGuid()}/read",
            null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Read<JsonElement>(await t1.GetAsync("/api/v1/notifications/unread-count")))
            .GetProperty("count").GetInt32(), Is.Zero);

        var commented = await Read<JsonElement>(
            await t1.PostAsJsonAsync($"/api/v1/power-lists/admissions/{id}/comments",
                new { note = "我镇缺少食品检测设备，请一并配备" }));
        Assert.That(commented.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString(),
            Is.EqualTo("我镇缺少食品检测设备，请一并配备"));
        Assert.That(commented.GetProperty("state").GetString(), Is.EqualTo("submitted"),
            "a comment does not move the request");
        await Problem(await t3.PostAsJsonAsync($"/api/v1/power-lists/admissions/{id}/comments", new { note = "路过" }),
            HttpStatusCode.NotFound);

        etag = await Step(_office, id, "forward", etag);
        await Step(_leader, id, "reject", etag, new { note = "暂缓" });
        var after = await Read<JsonElement>(await t1.GetAsync("/api/v1/notifications?unreadOnly=true"));
        Assert.That(after.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()),
            Is.EqualTo(new[] { "职责准入未获批准" }));
    }
}
