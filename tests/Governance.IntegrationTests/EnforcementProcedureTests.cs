namespace Governance.IntegrationTests;

/// <summary>案件 from 立案 to 归档 under the law's guards: 告知 and its working-day period, 听证, 法制审核 and
/// 集体讨论,
/// the decision inside the 裁量基准 with a gap-free number, 简易程序, 送达, 执行 with 加处罚款, 结案, 归档.</summary>
public sealed class EnforcementProcedureTests : EnforcementCaseTest
{
    private Guid _item;
    private Guid[] _officers = [];

    [SetUp]
    public async Task FileableAsync()
    {
        _item = await ItemAsync("CF00009001");
        await AssignAsync("statutory", null, _item);
        _officers = await TwoOfficersAsync();
    }

    private async Task<JsonElement> FiledAsync() =>
        await Read<JsonElement>(await FileAsync(await LeadAsync(), _item, _officers));

    private async Task<JsonElement> Reread(JsonElement k) =>
        await Read<JsonElement>(await Leader.GetAsync($"/api/v1/enforcement/cases/{k.GetProperty("id")}"));

    private async Task<string> ConflictCode(HttpResponseMessage r) =>
        (await Problem(r, HttpStatusCode.Conflict)).GetProperty("code").GetString()!;

    private async Task Sql(string sql, object args) => await Scalar<int>(sql + " returning 1", args);

    private async Task BenchmarkAsync(string degree, decimal min, decimal max, params string[] kinds) =>
        await Read<JsonElement>(await Admin.PutAsJsonAsync("/api/v1/enforcement/benchmarks/CF00009001", new
        {
            degrees = new[] { new { degree, description = "首次违法，及时改正", kinds, minFine = min, maxFine = max } },
        }));

    [Test]
    public async Task A_fine_is_notified_decided_inside_the_benchmark_after_the_notice_period_and_followed_to_archive()
    {
        var k = await Read<JsonElement>(await Act(Leader, await FiledAsync(), "notify",
            new { penaltyKinds = new[] { "fine" }, fineAmount = 500 }));
        Assert.That((k.GetProperty("state").GetString(), k.GetProperty("notice").GetProperty("hearingEligible")
            .GetBoolean()), Is.EqualTo(("notified", false)));
        var decide = new { penaltyKinds = new[] { "fine" }, fineAmount = 500, benchmarkDegree = "general" };
        Assert.That(await ConflictCode(await Act(Leader, k, "decide", decide)),
            Is.EqualTo("enforcement.notice_period_running"));

        // as if notified a month ago: the period has run
        await Sql("update enforcement.cases set notified_on = @on where id = @id",
            new { on = Today.AddMonths(-1), id = k.GetProperty("id").GetGuid() });
        var noBenchmark = await Problem(await Act(Leader, k, "decide", decide), HttpStatusCode.BadRequest);
        Assert.That(noBenchmark.GetProperty("errors").GetProperty("benchmarkDegree")[0].GetString(),
            Does.Contain("尚未制定"));
        await BenchmarkAsync("general", 200, 1000, "warning", "fine");
        Assert.That(await ConflictCode(await Act(Leader, k, "decide", decide with { fineAmount = 800 })),
            Is.EqualTo("enforcement.heavier_than_notice"));
        await Sql("update enforcement.cases set notice_fine = 5000 where id = @id",
            new { id = k.GetProperty("id").GetGuid() });
        var outside = await Problem(await Act(Leader, k, "decide", decide with { fineAmount = 1500 }),
            HttpStatusCode.BadRequest);
        Assert.That(outside.GetProperty("errors").GetProperty("fineAmount")[0].GetString(),
            Does.Contain("200–1000"));

        k = await Read<JsonElement>(await Act(Leader, k, "decide", decide));
        var decision = k.GetProperty("decision");
        Assert.That((k.GetProperty("state").GetString(), decision.GetProperty("decisionNo").GetString()),
            Is.EqualTo(("decided", $"城关综执罚决〔{Today.Year}〕1号")));
        Assert.That(decision.GetProperty("legalBasis").ValueKind, Is.Not.EqualTo(JsonValueKind.Undefined));

        k = await Read<JsonElement>(await Act(Leader, k, "deliver", new { deliveryMethod = "direct" }));
        Assert.That(await ConflictCode(await Act(Leader, k, "close", new { })), Is.EqualTo("cases.invalid_transition"),
            "a fine is paid before the case closes");
        var short_ = await Problem(await Act(Leader, k, "execute", new { paidAmount = 400 }),
            HttpStatusCode.BadRequest);
        Assert.That(short_.GetProperty("errors").GetProperty("paidAmount")[0].GetString(), Does.Contain("500"));
        k = await Read<JsonElement>(await Act(Leader, k, "execute", new { paidAmount = 500 }));
        k = await Read<JsonElement>(await Act(Leader, k, "close", new { }));
        k = await Read<JsonElement>(await Act(Leader, k, "archive", new { note = "案卷装订归档" }));
        Assert.That((k.GetProperty("state").GetString(), k.GetProperty("allowedActions").GetArrayLength()),
            Is.EqualTo(("archived", 0)));
        Assert.That(await ConflictCode(await Act(Leader, k, "reassign", new { officerIds = _officers, note = "x" })),
            Is.EqualTo("cases.invalid_transition"), "an archived case is read-only");
        Assert.That(k.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "register", "file", "notify", "decide", "deliver", "execute", "close", "archive" }));
    }

    [Test]
    public async Task The_hearing_request_window_counts_working_days_across_the_national_day_holiday()
    {
        var k = await Read<JsonElement>(await Act(Leader, await FiledAsync(), "notify",
            new { penaltyKinds = new[] { "fine" }, fineAmount = 20_000 }));
        Assert.That(k.GetProperty("notice").GetProperty("hearingEligible").GetBoolean(), "10,000 yuan and more");
        // notified on Wednesday 30 September 2026: 1–7 October are holidays, Saturday 10 October a working day —
        // the five working days are 8, 9, 10, 12 and 13 October
        await Sql("update enforcement.cases set notified_on = '2026-09-30' where id = @id",
            new { id = k.GetProperty("id").GetGuid() });
        Assert.That((await Reread(k)).GetProperty("notice").GetProperty("statementDueOn").GetString(),
            Is.EqualTo("2026-10-13"));
        Assert.That(await ConflictCode(await Act(Leader, k, "request_hearing", new { requestedOn = "2026-10-14" })),
            Is.EqualTo("enforcement.hearing_request_late"));
        k = await Read<JsonElement>(await Act(Leader, k, "request_hearing", new { requestedOn = "2026-10-13" }));
        Assert.That(k.GetProperty("state").GetString(), Is.EqualTo("hearing_requested"));
    }

    [Test]
    public async Task A_hearing_is_noticed_seven_working_days_ahead_presided_by_a_non_officer_then_reviewed()
    {
        var k = await Read<JsonElement>(await Act(Leader, await FiledAsync(), "notify",
            new { penaltyKinds = new[] { "stop_production" } }));
        k = await Read<JsonElement>(await Act(Leader, k, "request_hearing", new { }));
        var presider = (await OfficerAsync(Team)).GetProperty("id").GetGuid();
        var soon = new
        {
            hearingOn = Today.AddDays(3).ToString("yyyy-MM-dd"), presiderId = presider, place = "大队听证室",
        };
        var noPlace = await Problem(await Act(Leader, k, "schedule_hearing", soon with { place = " " }),
            HttpStatusCode.BadRequest);
        Assert.That(noPlace.GetProperty("errors").GetProperty("place")[0].GetString(), Does.Contain("听证地点"));
        Assert.That(await ConflictCode(await Act(Leader, k, "schedule_hearing", soon)),
            Is.EqualTo("enforcement.hearing_notice_short"));
        var later = soon with { hearingOn = Today.AddDays(30).ToString("yyyy-MM-dd") };
        var onCase = later with { presiderId = _officers[0] };
        Assert.That(await ConflictCode(await Act(Leader, k, "schedule_hearing", onCase)),
            Is.EqualTo("enforcement.presider_is_officer"));
        k = await Read<JsonElement>(await Act(Leader, k, "schedule_hearing", later));
        Assert.That(k.GetProperty("hearing").GetProperty("place").GetString(), Is.EqualTo("大队听证室"),
            "the 听证通知书 prints where the hearing is held");
        var record = new { record = "当事人对事实无异议，请求从轻" };
        Assert.That(await ConflictCode(await Act(Leader, k, "hold_hearing", record)),
            Is.EqualTo("enforcement.hearing_not_yet"));
        await Sql("update enforcement.cases set hearing_on = @today where id = @id",
            new { today = Today, id = k.GetProperty("id").GetGuid() });
        k = await Read<JsonElement>(await Act(Leader, k, "hold_hearing", record));
        Assert.That(k.GetProperty("majorReasons").EnumerateArray().Select(r => r.GetString()),
            Is.EqualTo(new[] { "major_rights" }), "a case heard needs the legal review (58)");

        var decide = new { penaltyKinds = new[] { "stop_production" } };
        Assert.That(await ConflictCode(await Act(Leader, k, "decide", decide)),
            Is.EqualTo("enforcement.review_required"));
        var legal = await App.LoginAsync("t01_legal");
        k = await Read<JsonElement>(await Act(legal, k, "review", new { passed = false, opinion = "证据不足" }));
        Assert.That(await ConflictCode(await Act(Leader, k, "decide", decide)),
            Is.EqualTo("enforcement.review_required"));
        await Problem(await Act(Leader, k, "review", new { passed = true, opinion = "同意" }),
            HttpStatusCode.Forbidden);
        k = await Read<JsonElement>(await Act(legal, k, "review", new { passed = true, opinion = "补充证据后同意" }));
        Assert.That(await ConflictCode(await Act(Leader, k, "decide", decide)),
            Is.EqualTo("enforcement.discussion_required"));
        k = await Read<JsonElement>(await Act(Leader, k, "discuss",
            new { participants = "镇长、分管副镇长、大队长", opinion = "同意责令停产停业" }));
        k = await Read<JsonElement>(await Act(Leader, k, "decide", decide));
        Assert.That(k.GetProperty("state").GetString(), Is.EqualTo("decided"));
        Assert.That((k.GetProperty("reviews").GetArrayLength(), k.GetProperty("discussions").GetArrayLength()),
            Is.EqualTo((2, 1)));
    }

    [Test]
    public async Task Concurrent_decisions_take_consecutive_numbers_with_no_gap()
    {
        var cases = new List<JsonElement>();
        for (var i = 0; i < 8; i++) cases.Add(await FiledAsync());
        // 不予处罚 needs no notice: every case can be decided at once
        var none = new
        {
            penaltyKinds = new[] { "none" }, noPenaltyReason = "违法行为轻微并及时改正，没有造成危害后果",
        };
        var refused = await Act(Leader, cases[0], "decide", new { penaltyKinds = new[] { "warning" } });
        Assert.That(await ConflictCode(refused), Is.EqualTo("enforcement.notice_required"));
        var decided = await Task.WhenAll(cases.Select(async k =>
            await Read<JsonElement>(await Act(Leader, k, "decide", none))));
        var numbers = decided.Select(k => k.GetProperty("decision").GetProperty("decisionNo").GetString()).ToList();
        Assert.That(numbers, Is.EquivalentTo(Enumerable.Range(1, 8).Select(n => $"城关综执罚决〔{Today.Year}〕{n}号")));
        Assert.That(await Scalar<int>("select last from enforcement.decision_sequences"), Is.EqualTo(8));
    }

    [Test]
    public async Task The_simple_procedure_decides_a_small_fine_on_the_spot_and_late_payment_owes_three_percent()
    {
        await BenchmarkAsync("minor", 50, 200, "warning", "fine");
        var lead = await LeadAsync();
        var spot = new { itemId = _item, officerIds = _officers, penaltyKinds = new[] { "fine" }, fineAmount = 300,
            benchmarkDegree = "minor" };
        var tooMuch = await Problem(await Act(Leader, lead, "simple", spot), HttpStatusCode.BadRequest);
        Assert.That(tooMuch.GetProperty("errors").GetProperty("penaltyKinds")[0].GetString(), Does.Contain("200"));
        var k = await Read<JsonElement>(await Act(Leader, lead, "simple", spot with { fineAmount = 100 }));
        Assert.That((k.GetProperty("state").GetString(), k.GetProperty("procedure").GetString(),
            k.GetProperty("execution").GetProperty("deliveryMethod").GetString()),
            Is.EqualTo(("delivered", "simple", "on_spot")));

        // delivered 20 days ago: the 15 days ran out 5 days ago — 5 × 3 % of 100 yuan
        await Sql("update enforcement.cases set delivered_on = @on where id = @id",
            new { on = Today.AddDays(-20), id = k.GetProperty("id").GetGuid() });
        k = await Reread(k);
        Assert.That(k.GetProperty("execution").GetProperty("lateFeeToday").GetDecimal(), Is.EqualTo(15m));
        var owed = await Problem(await Act(Leader, k, "execute", new { paidAmount = 100 }), HttpStatusCode.BadRequest);
        Assert.That(owed.GetProperty("errors").GetProperty("paidAmount")[0].GetString(), Does.Contain("115"));
        k = await Read<JsonElement>(await Act(Leader, k, "execute", new { paidAmount = 115 }));
        Assert.That((k.GetProperty("state").GetString(),
                k.GetProperty("execution").GetProperty("lateFee").GetDecimal()),
            Is.EqualTo(("executed", 15m)));
    }

    [Test]
    public async Task An_officer_whose_certificate_lapses_blocks_the_case_until_replaced_and_extensions_are_bounded()
    {
        var k = await FiledAsync();
        await Sql("update enforcement.certificates set valid_until = @yesterday where officer_id = @id",
            new { yesterday = Today.AddDays(-1), id = _officers[1] });
        var notice = new { penaltyKinds = new[] { "warning" } };
        Assert.That(await ConflictCode(await Act(Leader, k, "notify", notice)),
            Is.EqualTo("enforcement.officers_not_qualified"));
        var third = (await OfficerAsync(Team)).GetProperty("id").GetGuid();
        k = await Read<JsonElement>(await Act(Leader, k, "reassign",
            new { officerIds = new[] { _officers[0], third }, note = "原承办人员执法证到期" }));
        Assert.That(k.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("officerId").GetGuid()),
            Is.EquivalentTo(new[] { _officers[0], third }));
        async Task<int> CasesOf(Guid officer) =>
            (await Read<JsonElement>(await Leader.GetAsync($"/api/v1/enforcement/cases?officerId={officer}")))
            .GetProperty("items").GetArrayLength();
        Assert.That((await CasesOf(third), await CasesOf(_officers[1])), Is.EqualTo((1, 0)), "the 承办人员 filter");

        k = await Read<JsonElement>(await Act(Leader, k, "extend", new { days = 20, note = "案情复杂，经负责人批准" }));
        Assert.That(k.GetProperty("filing").GetProperty("decisionDueOn").GetString(),
            Is.EqualTo(Today.AddDays(110).ToString("yyyy-MM-dd")));
        var tooLong = await Problem(await Act(Leader, k, "extend", new { days = 11, note = "再延" }),
            HttpStatusCode.BadRequest);
        Assert.That(tooLong.GetProperty("errors").GetProperty("days")[0].GetString(), Does.Contain("1 至 10"));
        await Sql("update enforcement.cases set decision_due_on = @yesterday where id = @id",
            new { yesterday = Today.AddDays(-1), id = k.GetProperty("id").GetGuid() });
        Assert.That(await ConflictCode(await Act(Leader, k, "extend", new { days = 5, note = "再延" })),
            Is.EqualTo("enforcement.deadline_passed"));
        Assert.That((await Read<JsonElement>(await Act(Leader, k, "notify", notice))).GetProperty("state").GetString(),
            Is.EqualTo("notified"));
    }

    [Test]
    public async Task Benchmarks_are_set_by_the_county_once_per_version_and_read_by_its_townships()
    {
        var degrees = new[] { new { degree = "minor", description = "轻微", kinds = new[] { "warning" } } };
        await Problem(await Leader.PutAsJsonAsync("/api/v1/enforcement/benchmarks/CF00009001", new { degrees }),
            HttpStatusCode.Forbidden);
        var first = await Admin.PutAsJsonAsync("/api/v1/enforcement/benchmarks/CF00009001", new { degrees });
        Assert.That(first.Headers.ETag?.Tag, Is.EqualTo("\"v1\""));
        await Problem(await Admin.PutAsJsonAsync("/api/v1/enforcement/benchmarks/CF00009001", new { degrees }),
            HttpStatusCode.PreconditionRequired);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/enforcement/benchmarks/CF00009001")
        {
            Content = JsonContent.Create(new { degrees }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"v0\"");
        await Problem(await Admin.SendAsync(request), HttpStatusCode.PreconditionFailed);
        var read = await Read<JsonElement>(await Leader.GetAsync("/api/v1/enforcement/benchmarks?itemCode=CF00009001"));
        Assert.That(read[0].GetProperty("degrees")[0].GetProperty("degreeName").GetString(), Is.EqualTo("轻微"));
        Assert.That(await Scalar<long>(
            "select count(*) from audit.entries where action = 'enforcement.benchmarks.update'"), Is.EqualTo(1));
    }
}
