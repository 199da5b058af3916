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
            $"/api/v1/enforcement/complaints?caseId={caseId}&teamId={Team}"))).GetProperty("items").EnumerateArray()
            .Single();
        Assert.That((await Read<JsonElement>(await Admin.GetAsync(
            $"/api/v1/enforcement/complaints?teamId={Guid.NewGuid()}"))).GetProperty("items").GetArrayLength(),
            Is.Zero, "filtered by team");
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
        var events = p.GetProperty("events").EnumerateArray().ToList();
        Assert.That(events.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("toState").GetString())),
            Is.EqualTo(new[] { ("receive", "received"), ("handle", "handled") }));
        Assert.That(events[1].GetProperty("note").GetString(), Does.StartWith("部分属实：对当事执法人员批评教育"));
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
        foreach (var filter in new[] { $"officerId={officer}", $"teamId={Team}", $"complaintId={complaint}" })
        {
            var mine = await Read<JsonElement>(await Leader.GetAsync($"/api/v1/enforcement/fault-records?{filter}"));
            Assert.That(mine.GetProperty("items").GetArrayLength(), Is.EqualTo(1), filter);
        }
        Assert.That((await Read<JsonElement>(await Leader.GetAsync(
            $"/api/v1/enforcement/fault-records?caseId={Guid.NewGuid()}"))).GetProperty("items").GetArrayLength(),
            Is.Zero, "filtered by case");
        var other = await Read<JsonElement>(await (await App.LoginAsync("t02_leader")).GetAsync(
            $"/api/v1/enforcement/fault-records?officerId={officer}"));
        Assert.That(other.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'enforcement.fault.record' and record_id = @id
            """, new { id = f.GetProperty("id").GetString() }), Is.EqualTo(1));
    }
}

/// <summary>执法满意度: surveys recorded by the supervisors, corrected by a new record, summed into the KPI.</summary>
public sealed class EnforcementSurveyTests : EnforcementCaseTest
{
    private object Survey(int respondents, int satisfied, Guid? correctsId = null, DateOnly? on = null) => new
    {
        teamId = Team, surveyedOn = on ?? Today, method = "phone", respondents, satisfied, note = "季度电话回访",
        correctsId,
    };

    [Test]
    public async Task A_survey_is_recorded_corrected_once_by_a_new_record_and_gives_the_months_satisfaction()
    {
        const string Url = "/api/v1/enforcement/surveys";
        await Problem(await Leader.PostAsJsonAsync(Url, Survey(50, 45)), HttpStatusCode.Forbidden);
        var bad = await Problem(await Admin.PostAsJsonAsync(Url, new
        {
            teamId = Team, surveyedOn = Today.AddDays(1), method = "poll", respondents = 10, satisfied = 11,
        }), HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "surveyedOn", "method", "satisfied" }));

        var first = await Read<JsonElement>(await Admin.PostAsJsonAsync(Url, Survey(50, 45)), HttpStatusCode.Created);
        Assert.That((first.GetProperty("rate").GetDecimal(), first.GetProperty("methodName").GetString()),
            Is.EqualTo((0.9m, "电话回访")));
        var id = first.GetProperty("id").GetGuid();
        var fixedOne = await Read<JsonElement>(await Admin.PostAsJsonAsync(Url, Survey(50, 40, id)),
            HttpStatusCode.Created);
        var again = await Problem(await Admin.PostAsJsonAsync(Url, Survey(50, 30, id)), HttpStatusCode.BadRequest);
        Assert.That(again.GetProperty("errors").TryGetProperty("correctsId", out _), "a survey is corrected once");
        await Read<JsonElement>(await Admin.PostAsJsonAsync(Url, Survey(20, 20)), HttpStatusCode.Created);

        var listed = (await Read<JsonElement>(await Leader.GetAsync($"{Url}?teamId={Team}"))).GetProperty("items")
            .EnumerateArray().ToList();
        Assert.That(listed.Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("correctedById").GetGuid(),
            Is.EqualTo(fixedOne.GetProperty("id").GetGuid()));
        Assert.That((await Read<JsonElement>(await (await App.LoginAsync("t02_leader")).GetAsync(Url)))
            .GetProperty("items").GetArrayLength(), Is.Zero, "township 2 sees none of township 1's surveys");

        // 执法满意度 of the month: the corrected survey replaced by its correction — (40 + 20) / (50 + 20)
        var month = $"{Today:yyyy-MM}";
        var figure = (await Read<JsonElement>(await Admin.GetAsync(
            $"/api/v1/kpis/values?codes=EN_SATISFACTION&regionId={await RegionId(Township1)}&from={month}&to={month}")))
            .EnumerateArray().Single();
        Assert.That((figure.GetProperty("numerator").GetInt64(), figure.GetProperty("denominator").GetInt64(),
            figure.GetProperty("value").GetDecimal(), figure.GetProperty("met").GetBoolean()),
            Is.EqualTo((60L, 70L, 0.8571m, false)));
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'enforcement.survey.record'"),
            Is.EqualTo(3));
    }
}

/// <summary>The demo's quarterly surveys: one per team and quarter up to today, plausible, written once.</summary>
public sealed class DemoSurveyTests : EnforcementTest
{
    [Test]
    public async Task Every_team_gets_a_survey_a_quarter_for_two_years_once()
    {
        var team = await TeamAsync();
        var today = new DateOnly(2026, 12, 6);
        await using var c = await App.Db.OpenConnectionAsync();
        var now = DateTime.UtcNow;
        Assert.That(await Governance.Enforcement.Demo.DemoSurveys.WriteMissingAsync(c, null, today, now, default),
            Is.EqualTo(8), "the 25ths of Dec 2024, Mar … Dec 2025, Mar … Sep 2026 (25 Dec 2026 is still to come)");
        Assert.That(await Governance.Enforcement.Demo.DemoSurveys.WriteMissingAsync(c, null, today, now, default),
            Is.Zero);
        var surveys = (await c.QueryAsync<(DateOnly On, int Respondents, int Satisfied)>("""
            select surveyed_on, respondents, satisfied from enforcement.satisfaction_surveys where team_id = @team
            order by surveyed_on
            """, new { team })).ToList();
        Assert.That((surveys[0].On, surveys[^1].On),
            Is.EqualTo((new DateOnly(2024, 12, 25), new DateOnly(2026, 9, 25))));
        Assert.That(surveys.All(s => s.Respondents is >= 30 and <= 80 && s.Satisfied >= s.Respondents * 0.81m
            && s.Satisfied <= s.Respondents), Is.True);
    }
}
