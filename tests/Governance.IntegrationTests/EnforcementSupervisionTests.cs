namespace Governance.IntegrationTests;

/// <summary>执法监督: complaints about a case or an officer, handled by the supervisors and read (the phone masked) by
/// the township's leadership; 过错责任追究 records linked to the officer, case and complaint, never changed.</summary>
public sealed class EnforcementSupervisionTests : EnforcementCaseTest
{
    private static object Complaint(Guid? caseId = null, Guid? officerId = null) => new
    {
        caseId, officerId, channel = "hotline", complainant = "李四", complainantPhone = "13812345678",
        content = "执法人员在检查中态度粗暴，未出示执法证件。",
    };

    [Test]
    public async Task A_complaint_is_recorded_by_a_supervisor_read_masked_by_its_township_and_handled_once()
    {
        var k = await LeadAsync();
        var caseId = k.GetProperty("id").GetGuid();
        await Problem(await Leader.PostAsJsonAsync("/api/v1/enforcement/complaints", Complaint(caseId)),
            HttpStatusCode.Forbidden);
        var missing = await Problem(await Admin.PostAsJsonAsync("/api/v1/enforcement/complaints",
            new { channel = "phone", complainant = "李四", content = "x" }), HttpStatusCode.BadRequest);
        Assert.That(missing.GetProperty("errors").TryGetProperty("caseId", out _));

        var p = await Read<JsonElement>(await Admin.PostAsJsonAsync("/api/v1/enforcement/complaints",
            Complaint(caseId)), HttpStatusCode.Created);
        Assert.That((p.GetProperty("state").GetString(), p.GetProperty("complainantPhone").GetString()),
            Is.EqualTo(("received", "13812345678")), "the supervisor sees the number to call back");
        var listed = (await Read<JsonElement>(await Leader.GetAsync(
            $"/api/v1/enforcement/complaints?caseId={caseId}"))).GetProperty("items").EnumerateArray().Single();
        Assert.That((listed.GetProperty("complainantPhone").GetString(), listed.GetProperty("allowedActions")
            .GetArrayLength()), Is.EqualTo(("138****5678", 0)));
        await Problem(await (await App.LoginAsync("t02_leader")).GetAsync(
            $"/api/v1/enforcement/complaints/{p.GetProperty("id")}"), HttpStatusCode.NotFound);

        var noFinding = await Problem(await Act(Admin, p, "handle", new { result = "已约谈" }, "complaints"),
            HttpStatusCode.BadRequest);
        Assert.That(noFinding.GetProperty("errors").TryGetProperty("finding", out _));
        p = await Read<JsonElement>(await Act(Admin, p, "handle",
            new { finding = "partly", result = "对当事执法人员批评教育，责令向投诉人道歉。" }, "complaints"));
        Assert.That((p.GetProperty("state").GetString(), p.GetProperty("finding").GetString()),
            Is.EqualTo(("handled", "partly")));
        Assert.That((await Problem(await Act(Admin, p, "handle", new { finding = "unfounded", result = "x" },
            "complaints"), HttpStatusCode.Conflict)).GetProperty("code").GetString(),
            Is.EqualTo("complaints.invalid_transition"));
    }

    [Test]
    public async Task A_fault_record_names_the_officer_with_the_complaint_of_the_same_team_and_stays_in_scope()
    {
        var officer = (await OfficerAsync(Team)).GetProperty("id").GetGuid();
        var complaint = (await Read<JsonElement>(await Admin.PostAsJsonAsync("/api/v1/enforcement/complaints",
            Complaint(officerId: officer)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var record = new
        {
            officerId = officer, complaintId = complaint, caseId = (Guid?)Guid.NewGuid(),
            foundOn = Today.ToString("yyyy-MM-dd"), fault = "检查中未出示执法证件", liability = "written_review",
            documentNo = "清司监〔2026〕3号",
        };
        var wrongCase = await Problem(await Admin.PostAsJsonAsync("/api/v1/enforcement/fault-records", record),
            HttpStatusCode.BadRequest);
        Assert.That(wrongCase.GetProperty("errors").GetProperty("caseId")[0].GetString(), Does.Contain("执法大队"));
        var f = await Read<JsonElement>(await Admin.PostAsJsonAsync("/api/v1/enforcement/fault-records",
            record with { caseId = (Guid?)null }), HttpStatusCode.Created);
        Assert.That((f.GetProperty("liabilityName").GetString(), f.GetProperty("complaintId").GetGuid()),
            Is.EqualTo(("书面检查", complaint)));
        var mine = await Read<JsonElement>(await Leader.GetAsync(
            $"/api/v1/enforcement/fault-records?officerId={officer}"));
        Assert.That(mine.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        var other = await Read<JsonElement>(await (await App.LoginAsync("t02_leader")).GetAsync(
            $"/api/v1/enforcement/fault-records?officerId={officer}"));
        Assert.That(other.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'enforcement.fault.record' and record_id = @id
            """, new { id = f.GetProperty("id").GetString() }), Is.EqualTo(1));
    }
}
