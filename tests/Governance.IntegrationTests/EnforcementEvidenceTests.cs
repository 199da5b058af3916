using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Governance.IntegrationTests;

/// <summary>调查取证: evidence files hashed into the store, recorded on the case by two officers, immutable (a
/// correction is a new item), downloads checked against the hash and audited, the integrity check, and 先行登记保存
/// with its 7-working-day 处理决定.</summary>
public sealed class EnforcementEvidenceTests : EnforcementCaseTest
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. "现场照片 人民路 12 号"u8.ToArray()];

    private async Task<JsonElement> FiledAsync()
    {
        var item = await ItemAsync("CF00009101");
        await AssignAsync("statutory", null, item);
        return await Read<JsonElement>(await FileAsync(await LeadAsync(), item, await TwoOfficersAsync()));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string type = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return client.PostAsync("/api/v1/enforcement/files", content);
    }

    private async Task<string> UploadedAsync(byte[] bytes) =>
        (await Read<JsonElement>(await UploadAsync(Leader, bytes))).GetProperty("sha256").GetString()!;

    private static Task<HttpResponseMessage> CollectAsync(
        HttpClient client, JsonElement k, string sha, string kind = "photo", Guid? correctsId = null,
        DateOnly? collectedOn = null) =>
        Act(client, k, "collect", new
        {
            kind, title = "占道经营现场照片", sha256 = sha, fileName = "IMG_0012.jpg", correctsId,
            collectedOn = collectedOn?.ToString("yyyy-MM-dd"),
        });

    private static string Url(JsonElement k, JsonElement item) =>
        $"/api/v1/enforcement/cases/{k.GetProperty("id")}/evidence/{item.GetProperty("id")}/file";

    private Task<long> AuditCount(string action, string recordId) => Scalar<long>(
        "select count(*) from audit.entries where action = @action and record_id = @recordId",
        new { action, recordId });

    [Test]
    public async Task A_file_is_hashed_recorded_by_two_officers_corrected_by_a_new_item_and_downloaded_with_audit()
    {
        var sha = await UploadedAsync(Jpeg);
        Assert.That(sha, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Jpeg))));
        Assert.That(await UploadedAsync(Jpeg), Is.EqualTo(sha), "the same content is stored once");
        Assert.That(await AuditCount("enforcement.file.upload", sha), Is.EqualTo(1));

        var k = await Read<JsonElement>(await CollectAsync(Leader, await FiledAsync(), sha));
        var first = k.GetProperty("evidence")[0];
        Assert.That((first.GetProperty("seq").GetInt32(), first.GetProperty("sha256").GetString(),
                first.GetProperty("size").GetInt64(), first.GetProperty("contentType").GetString(),
                first.GetProperty("kindName").GetString()),
            Is.EqualTo((1, sha, (long)Jpeg.Length, "image/jpeg", "照片")));
        Assert.That(first.GetProperty("collectedBy").GetString(), Does.Contain("、"), "two officers took it");
        Assert.That(k.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString(),
            Does.StartWith("证据1：照片《占道经营现场照片》"));

        var better = await UploadedAsync([.. Jpeg, .. "（补拍）"u8.ToArray()]);
        k = await Read<JsonElement>(await CollectAsync(Leader, k, better,
            correctsId: first.GetProperty("id").GetGuid()));
        var evidence = k.GetProperty("evidence");
        Assert.That((evidence.GetArrayLength(), evidence[0].GetProperty("correctedById").GetGuid(),
                evidence[1].GetProperty("correctsId").GetGuid()),
            Is.EqualTo((2, evidence[1].GetProperty("id").GetGuid(), first.GetProperty("id").GetGuid())),
            "the corrected item stays as it was, the correction names it");

        var download = await Leader.GetAsync(Url(k, first));
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await download.Content.ReadAsByteArrayAsync(), download.Content.Headers.ContentType?.MediaType,
                download.Headers.CacheControl?.NoStore),
            Is.EqualTo((Jpeg, "image/jpeg", true)));
        Assert.That(await AuditCount("enforcement.evidence.download", first.GetProperty("id").GetString()!),
            Is.EqualTo(1));
    }

    [Test]
    public async Task Bad_files_are_refused_and_leave_nothing_registered()
    {
        var before = await Scalar<long>("select count(*) from enforcement.evidence_files");
        Assert.That((await Problem(await UploadAsync(Leader, Jpeg, "application/pdf"),
            HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString(), Does.Contain("PDF"));
        await Problem(await UploadAsync(Leader, Jpeg, "text/html"), HttpStatusCode.UnsupportedMediaType);
        await Problem(await UploadAsync(Leader, []), HttpStatusCode.BadRequest);
        var small = TestApp.Get("evidence-1kb", new Dictionary<string, string?>
        {
            ["Enforcement:EvidenceMaxBytes"] = "1024",
        });
        var leader = await small.LoginAsync("t01_leader");
        Assert.That((await Problem(await UploadAsync(leader, [.. Jpeg, .. new byte[1024]]),
            HttpStatusCode.RequestEntityTooLarge)).GetProperty("code").GetString(), Is.EqualTo("payload_too_large"));
        Assert.That(await Scalar<long>("select count(*) from enforcement.evidence_files"), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(Path.Combine(TestApp.EvidenceDirectory, "tmp")), Is.Empty,
            "no partial file is left behind");
    }

    [Test]
    public async Task Evidence_is_recorded_only_while_investigating_on_an_uploaded_file_and_read_only_in_scope()
    {
        var sha = await UploadedAsync(Jpeg);
        var lead = await LeadAsync();
        Assert.That((await Problem(await CollectAsync(Leader, lead, sha), HttpStatusCode.Conflict))
            .GetProperty("code").GetString(), Is.EqualTo("cases.invalid_transition"), "a lead is not yet a case");
        var k = await FiledAsync();
        var unknown = await Problem(await CollectAsync(Leader, k, new string('a', 64)), HttpStatusCode.BadRequest);
        Assert.That(unknown.GetProperty("errors").GetProperty("sha256")[0].GetString(), Does.Contain("尚未上传"));

        k = await Read<JsonElement>(await CollectAsync(Leader, k, sha));
        var item = k.GetProperty("evidence")[0];
        var other = await App.LoginAsync("t02_leader");
        await Problem(await other.GetAsync(Url(k, item)), HttpStatusCode.NotFound);
        // the county admin sees the case but handles no case: evidence files are for the case's handlers
        var admin = await Problem(await Admin.GetAsync(Url(k, item)), HttpStatusCode.Forbidden);
        Assert.That(admin.GetProperty("detail").GetString(), Does.Contain("办案、审核人员"));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'enforcement.evidence.download' and outcome = 'denied'
              and record_id = @id
            """, new { id = item.GetProperty("id").GetString() }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_file_changed_or_lost_in_the_store_is_not_served_and_the_integrity_check_names_it()
    {
        var (altered, lost) = (await UploadedAsync([.. Jpeg, 1]), await UploadedAsync([.. Jpeg, 2]));
        var k = await Read<JsonElement>(await CollectAsync(Leader, await FiledAsync(), altered));
        k = await Read<JsonElement>(await CollectAsync(Leader, k, lost));
        var path = Path.Combine(TestApp.EvidenceDirectory, altered[..2], altered);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.AppendAllTextAsync(path, "篡改");
        File.Delete(Path.Combine(TestApp.EvidenceDirectory, lost[..2], lost));

        var refused = await Problem(await Leader.GetAsync(Url(k, k.GetProperty("evidence")[0])),
            HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("enforcement.evidence_altered"));
        Assert.That((await Problem(await Leader.GetAsync(Url(k, k.GetProperty("evidence")[1])),
            HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("enforcement.evidence_missing"));

        var statuses = new Dictionary<string, string>();
        string? cursor = null;
        do
        {
            var page = await Read<JsonElement>(await Leader.GetAsync(
                "/api/v1/enforcement/evidence/integrity?limit=1" + (cursor is null ? "" : "&cursor=" + cursor)));
            foreach (var i in page.GetProperty("items").EnumerateArray())
                statuses[i.GetProperty("sha256").GetString()!] = i.GetProperty("status").GetString()!;
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.That((statuses[altered], statuses[lost]), Is.EqualTo(("altered", "missing")));
    }

    [Test]
    public async Task Preserved_evidence_is_due_for_a_decision_seven_working_days_on_across_the_holiday_once()
    {
        var k = await FiledAsync();
        await Scalar<int>("update enforcement.cases set filed_on = '2026-09-01' where id = @id returning 1",
            new { id = k.GetProperty("id").GetGuid() });
        k = await Read<JsonElement>(await CollectAsync(Leader, k, await UploadedAsync(Jpeg), "preservation",
            collectedOn: new DateOnly(2026, 9, 30)));
        var preserved = k.GetProperty("evidence")[0];
        var preservation = preserved.GetProperty("preservation");
        // 国庆 1–7 October off, Saturday 10 October worked: the seventh working day after 30 September is 15 October
        Assert.That((preservation.GetProperty("dueOn").GetString(), preservation.GetProperty("overdue").GetBoolean()),
            Is.EqualTo(("2026-10-15", Today > new DateOnly(2026, 10, 15))));

        k = await Read<JsonElement>(await CollectAsync(Leader, k, await UploadedAsync([.. Jpeg, 3])));
        var notPreserved = await Problem(await Act(Leader, k, "decide_preservation", new
        {
            evidenceId = k.GetProperty("evidence")[1].GetProperty("id"), outcome = "released",
        }), HttpStatusCode.BadRequest);
        Assert.That(notPreserved.GetProperty("errors").GetProperty("evidenceId")[0].GetString(),
            Does.Contain("不是本案先行登记保存"));
        var decision = new { evidenceId = preserved.GetProperty("id"), outcome = "released", note = "退还当事人" };
        k = await Read<JsonElement>(await Act(Leader, k, "decide_preservation", decision));
        preservation = k.GetProperty("evidence")[0].GetProperty("preservation");
        Assert.That((preservation.GetProperty("outcomeName").GetString(), preservation.GetProperty("overdue")
            .GetBoolean()), Is.EqualTo(("解除先行登记保存", false)));
        Assert.That(k.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString(),
            Does.Contain("逾期"));
        Assert.That((await Problem(await Act(Leader, k, "decide_preservation", decision), HttpStatusCode.Conflict))
            .GetProperty("code").GetString(), Is.EqualTo("enforcement.preservation_decided"));
    }
}
