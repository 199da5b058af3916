using Governance.Calendar.Contracts;
using Governance.Staffing.Ledger;
using Governance.Staffing.Secondment;
using Microsoft.Extensions.Options;

namespace Governance.Staffing.Features;

public sealed record CreateAssessmentRequest(int? Year);

public sealed record GradeLine(Guid? SecondeeId, [TextLimit(TextLimits.Code)] string? Grade);

public sealed record GradesRequest(IReadOnlyList<GradeLine>? Grades);

public sealed record AssessmentActionRequest([TextLimit(TextLimits.Note)] string? Note);

/// <param name="SecondmentState">The secondment's state now (<c>active</c>, <c>converted</c>, <c>returned</c>,
/// <c>ended</c>): only an active one can be graded; the others are left without a grade and hold nothing up.</param>
/// <param name="Correction">The recorded 更正 that reversed this grade's outcome, if any (the grade stays).</param>
public sealed record GradeResponse(
    Guid SecondeeId, Guid PersonId, string Name, string TownshipName, string WorkAreaName, DateOnly StartedOn,
    bool LessThanHalfYear, string? Grade, string? GradeName, string? PreviousGrade, string? Outcome,
    string SecondmentState, string SecondmentStateName, GradeCorrection? Correction);

public sealed record GradeCorrection(string Reason, string DocumentNo, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record AssessmentResponse(
    Guid Id, int Year, string State, string StateName, decimal ExcellentShare, int ExcellentQuota, int Excellent,
    int Graded,
    DateOnly? PublicityFrom, DateOnly? PublicityUntil, DateOnly? DecidedOn, IReadOnlyList<GradeResponse> Grades,
    IReadOnlyList<WorkflowEvent> Events, IReadOnlyList<string> AllowedActions, int Version);

public sealed record AssessmentSummary(
    Guid Id, int Year, string State, string StateName, DateOnly? PublicityUntil, DateOnly? DecidedOn, int Version);

public sealed record Vacancy(Guid EstablishmentId, string UnitName, string Kind, string Funding, int Vacant);

/// <param name="Target">The township post a 优秀 secondee converts into (null: none is vacant).</param>
public sealed record OutcomePreview(
    Guid SecondeeId, string Name, string Grade, string Outcome, Vacancy? Target, IReadOnlyList<Vacancy> Alternatives,
    DateOnly? BarredUntil, bool SecondBasic);

/// <summary>
/// 年度考核 of the secondees of a county: grades (不确定档次 exactly for those seconded less than half the year; 优秀
/// within the quota), a 公示 of at least the configured working days, then one final step that applies every outcome
/// in one transaction: 优秀 converts into a vacant 全额拨款 事业编制 post of the destination township (the post the
/// person holds — the origin, unless they have moved since — becomes vacant; refused with the township's vacancies
/// when none fits), 不合格 returns the person and bars them for a year, 合格 and 基本合格 change nothing (基本合格
/// twice running is flagged). Only secondments still active are graded and get an outcome.
/// </summary>
internal static class Assessments
{
    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["draft"] = "评定中", ["publicity"] = "优秀等次公示中", ["final"] = "已确定",
    };

    internal sealed record Row(
        Guid Id, string RegionPath, int Year, string State, decimal ExcellentShare, DateOnly? PublicityFrom,
        DateOnly? PublicityUntil, bool PublicityOver, DateOnly? DecidedOn, int Ungraded, int Version)
        : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "assessments", RecordType = "assessment", AuditPrefix = "staffing.assessment",
        Table = "staffing.assessments", EventsTable = "staffing.assessment_events", StateNames = StateNames,
        Actions =
        [
            new("publish", StaffingPermissions.Manage, "公示拟定优秀等次"),
            new("finalize", StaffingPermissions.Manage, "确定等次并执行结果"),
        ],
        Transitions =
        [
            new("draft", "publish", "publicity",
                (r, _) => r.Ungraded == 0 ? null : $"还有 {r.Ungraded} 人未评定等次。"),
            new("publicity", "finalize", "final",
                (r, _) => r.PublicityOver ? null : $"公示期至 {r.PublicityUntil:yyyy-MM-dd}，期满后才能确定。"),
        ],
    };

    private const string Select = """
        select a.id, a.region_path, a.year, a.state, a.excellent_share, a.publicity_from, a.publicity_until,
               coalesce(a.publicity_until < @today, false) as publicity_over, a.decided_on,
               (select count(*) from staffing.grades g join staffing.secondees s on s.id = g.secondee_id
                where g.assessment_id = a.id and g.grade is null and s.state = 'active')::int as ungraded,
               a.version
        from staffing.assessments a
        """;

    internal static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, DateOnly today, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where a.id = @id and a.region_path like @scope {(forUpdate ? "for update of a" : "")}",
            new { id, scope = user.Scope.Pattern, today }, tx, cancellationToken: ct));

    /// <param name="TargetEstablishment">Recorded at the final step: the township post a 优秀 converted into, with
    /// the vacancies found there (<paramref name="TargetVacant"/>); <paramref name="BarredUntil"/>: the bar a 不合格
    /// received.</param>
    private sealed record GradeRow(
        Guid SecondeeId, Guid PersonId, string Name, string TownshipPath, string WorkArea, DateOnly StartedOn,
        DateOnly? EndedOn, string? Grade, string? PreviousGrade, string? Outcome, string? CorrectionReason = null,
        string? CorrectionDocument = null, DateTime? CorrectedAt = null, string? CorrectedBy = null,
        Guid? TargetEstablishment = null, string? TargetUnit = null, string? TargetKind = null,
        string? TargetFunding = null, int? TargetVacant = null, DateOnly? BarredUntil = null,
        string SecondmentState = "active");

    private static Task<IEnumerable<GradeRow>> GradesAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        c.QueryAsync<GradeRow>(new CommandDefinition("""
            select s.id as secondee_id, s.person_id, p.name, s.region_path as township_path, s.work_area, s.started_on,
                   s.ended_on, g.grade,
                   (select pg.grade from staffing.grades pg join staffing.assessments pa on pa.id = pg.assessment_id
                    where pg.secondee_id = s.id and pa.year = a.year - 1 and pa.state = 'final') as previous_grade,
                   g.outcome, gc.reason as correction_reason, gc.document_no as correction_document,
                   gc.recorded_at as corrected_at, gc.recorded_by as corrected_by,
                   g.target_establishment, te.unit_name as target_unit, te.kind as target_kind,
                   te.funding as target_funding, g.target_vacant,
                   (select b.until_date from staffing.bars b
                    where b.source_id = g.assessment_id and b.person_id = s.person_id
                    order by b.from_date limit 1) as barred_until,
                   s.state as secondment_state
            from staffing.grades g
            left join staffing.grade_corrections gc
                on gc.assessment_id = g.assessment_id and gc.secondee_id = g.secondee_id
            left join staffing.establishments te on te.id = g.target_establishment
            join staffing.assessments a on a.id = g.assessment_id
            join staffing.secondees s on s.id = g.secondee_id
            join staffing.people p on p.id = s.person_id
            where g.assessment_id = @id order by s.region_path, p.name, s.id
            """, new { id }, tx, cancellationToken: ct));

    internal static async Task<AssessmentResponse> ToResponse(
        NpgsqlConnection c, NpgsqlTransaction? tx, Row a, CurrentUser user, IRegionDirectory regions,
        CancellationToken ct)
    {
        var grades = (await GradesAsync(c, tx, a.Id, ct)).ToList();
        var names = await regions.NamesByPathAsync(grades.Select(g => g.TownshipPath).Distinct().ToList(), ct);
        var graded = grades.Count(g => g.Grade is not null and not "none");
        return new AssessmentResponse(a.Id, a.Year, a.State, StateNames[a.State], a.ExcellentShare,
            SecondmentRules.ExcellentQuota(graded, a.ExcellentShare), grades.Count(g => g.Grade == "excellent"), graded,
            a.PublicityFrom, a.PublicityUntil, a.DecidedOn,
            grades.Select(g => new GradeResponse(g.SecondeeId, g.PersonId, g.Name,
                names.GetValueOrDefault(g.TownshipPath, ""), PostTypes.WorkAreas[g.WorkArea], g.StartedOn,
                SecondmentRules.LessThanHalfYear(g.StartedOn, g.EndedOn, a.Year), g.Grade,
                g.Grade is null ? null : PostTypes.Grades[g.Grade], g.PreviousGrade, g.Outcome, g.SecondmentState,
                Secondees.StateNames[g.SecondmentState],
                g.CorrectionReason is null ? null : new GradeCorrection(g.CorrectionReason, g.CorrectionDocument!,
                    new DateTimeOffset(DateTime.SpecifyKind(g.CorrectedAt!.Value, DateTimeKind.Utc)),
                    g.CorrectedBy!))).ToList(),
            await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, a.Id, ct), Workflow.AllowedActions(a, user),
            a.Version);
    }

    /// <summary>A county's assessment of a year: every secondee active at some time in it is to be graded.</summary>
    public static async Task<Created<AssessmentResponse>> Create(
        CreateAssessmentRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IRegionDirectory regions,
        IOptions<StaffingOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        new Validator().Check(r.Year is { } y && y >= 2000 && y <= today.Year, "year", "请填写考核年度（不晚于今年）。")
            .ThrowIfInvalid();
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.assessments (id, region_path, year, state, excellent_share, created_at, created_by)
            values (@id, @path, @Year, 'draft', @share, @now, @by) on conflict (region_path, year) do nothing
            """, new { id, path = user.Scope.Path, r.Year, share = options.Value.ExcellentShare, now, by = user.Name },
            tx, cancellationToken: ct));
        if (inserted == 0) throw new ConflictException("assessments.exists", $"{r.Year} 年度考核已经建立。");
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.grades (assessment_id, secondee_id)
            select @id, s.id from staffing.secondees s
            where s.region_path like @scope and s.started_on <= make_date(@Year, 12, 31)
              and (s.ended_on is null or s.ended_on > make_date(@Year, 1, 1))
            """, new { id, scope = user.Scope.Pattern, r.Year }, tx, cancellationToken: ct));
        await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
            new WorkflowEventRow(id, now, user.Id, user.Name, "create", null, "draft", null), ct);
        var response = await ToResponse(c, tx, (await FindAsync(c, tx, id, user, today, ct))!, user, regions, ct);
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.assessment.create", Workflow.RecordType,
            id.ToString(), user.Scope.Path, After: new { r.Year, response.Grades.Count }), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, 1);
        return TypedResults.Created($"/api/v1/staffing/assessments/{id}", response);
    }

    /// <summary>评定等次 while the assessment is a draft; 优秀 beyond the quota is refused.</summary>
    public static async Task<Ok<AssessmentResponse>> Grade(
        Guid id, GradesRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IAuditTrail audit,
        IRegionDirectory regions, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var lines = r.Grades ?? [];
        var v = new Validator().Check(lines.Count is > 0 and <= 5000, "grades", "请填写等次。");
        for (var i = 0; i < lines.Count; i++)
            v.Check(lines[i].SecondeeId is not null, $"grades[{i}].secondeeId", "请指明人员。")
                .Check(lines[i].Grade is not null && PostTypes.Grades.ContainsKey(lines[i].Grade!),
                    $"grades[{i}].grade",
                    "等次只能是 excellent、competent、basic、incompetent 或 none（不确定档次）。");
        v.ThrowIfInvalid();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var a = await FindAsync(c, tx, id, user, today, ct, forUpdate: true);
        if (a is null) return await guard.DenyAsync<Ok<AssessmentResponse>>(Workflow.RecordType, id, ct);
        ETags.Require(http, a.Version);
        if (a.State != "draft") throw new ConflictException("assessments.not_draft", "等次公示后不能再修改。");
        var current = (await GradesAsync(c, tx, id, ct)).ToDictionary(g => g.SecondeeId);
        var e = new Validator();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!current.TryGetValue(lines[i].SecondeeId!.Value, out var g))
            {
                e.Check(false, $"grades[{i}].secondeeId", "该人员不在本次考核中。");
                continue;
            }
            // an outcome can only apply to a secondment that is still going on (not converted, returned or ended)
            if (g.SecondmentState != "active")
                throw new ConflictException("assessments.secondment_not_active",
                    $"{g.Name}的选派{Secondees.StateNames[g.SecondmentState]}（{g.EndedOn:yyyy-MM-dd}），" +
                    "不能再评定等次；本次考核不对其评定。")
                {
                    Extensions = { ["secondeeId"] = g.SecondeeId, ["secondmentState"] = g.SecondmentState },
                };
            var half = SecondmentRules.LessThanHalfYear(g.StartedOn, g.EndedOn, a.Year);
            e.Check(!half || lines[i].Grade == "none", $"grades[{i}].grade", "选派不满半年，应定为不确定档次。")
                .Check(half || lines[i].Grade != "none", $"grades[{i}].grade", "选派已满半年，须评定等次。");
            current[g.SecondeeId] = g with { Grade = lines[i].Grade };
        }
        e.ThrowIfInvalid();
        var graded = current.Values.Count(g => g.Grade is not null and not "none");
        var excellent = current.Values.Count(g => g.Grade == "excellent");
        var quota = SecondmentRules.ExcellentQuota(graded, a.ExcellentShare);
        if (excellent > quota)
            throw new ConflictException("assessments.over_quota",
                $"优秀等次不超过参加考核人数的 {a.ExcellentShare:P0}：" +
                $"{graded} 人可评优秀 {quota} 人，本次为 {excellent} 人。");
        await c.ExecuteAsync(new CommandDefinition("""
            update staffing.grades g set grade = x.grade
            from unnest(@ids, @grades) x(id, grade) where g.assessment_id = @id and g.secondee_id = x.id;
            update staffing.assessments set version = version + 1 where id = @id;
            """, new
            {
                id, ids = lines.Select(l => l.SecondeeId!.Value).ToArray(),
                grades = lines.Select(l => l.Grade).ToArray(),
            }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.assessment.grade", Workflow.RecordType, id.ToString(),
            a.RegionPath, After: lines), ct);
        var response = await ToResponse(c, tx, (await FindAsync(c, tx, id, user, today, ct))!, user, regions, ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, response.Version);
        return TypedResults.Ok(response);
    }

    public static async Task<Ok<AssessmentResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IRegionDirectory regions, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var a = await FindAsync(c, null, id, user, CountyClock.Today(clock), ct);
        if (a is null) return await guard.DenyAsync<Ok<AssessmentResponse>>(Workflow.RecordType, id, ct);
        ETags.Set(http, a.Version);
        return TypedResults.Ok(await ToResponse(c, null, a, user, regions, ct));
    }

    private sealed record VacancyRow(
        Guid EstablishmentId, string UnitName, string Kind, string Funding, string RegionPath, int Vacant);

    /// <summary>Vacant posts today in the given townships' units (approved − occupied − reserved).</summary>
    private static async Task<ILookup<string, Vacancy>> VacanciesAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyCollection<string> townships, DateOnly today,
        CancellationToken ct) =>
        (await c.QueryAsync<VacancyRow>(new CommandDefinition("""
            select e.id as establishment_id, e.unit_name, e.kind, e.funding, e.region_path,
                   (coalesce(sum(l.approved_delta - l.occupied_delta), 0) - e.reserved)::int as vacant
            from staffing.establishments e
            left join staffing.ledger_lines l on l.establishment_id = e.id and l.effective_on <= @today
            where e.region_path = any(@townships)
            group by e.id
            having coalesce(sum(l.approved_delta - l.occupied_delta), 0) - e.reserved > 0
            order by e.unit_name
            """, new { townships = townships.ToArray(), today }, tx, cancellationToken: ct)))
        .ToLookup(v => v.RegionPath, v => new Vacancy(v.EstablishmentId, v.UnitName, v.Kind, v.Funding, v.Vacant));

    /// <summary>What the final step does (or, once final, did): before it, computed from the vacancies on
    /// <paramref name="on"/>; after it, the outcomes as recorded then, whatever the ledger does later.</summary>
    private static async Task<IReadOnlyList<OutcomePreview>> PreviewAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Row a, DateOnly on, CancellationToken ct)
    {
        var grades = (await GradesAsync(c, tx, a.Id, ct)).ToList();
        if (a.State == "final")
            return grades.Where(g => g.Outcome is not null).Select(g => new OutcomePreview(g.SecondeeId, g.Name,
                g.Grade ?? "", g.Outcome!,
                g.TargetEstablishment is { } t
                    ? new Vacancy(t, g.TargetUnit!, g.TargetKind!, g.TargetFunding!, g.TargetVacant ?? 1) : null,
                [], g.BarredUntil, g is { Grade: "basic", PreviousGrade: "basic" })).ToList();
        // a secondment converted, returned or ended meanwhile (by another year's outcome) gets no outcome again
        grades = grades.Where(g => g.SecondmentState == "active").ToList();
        var vacancies = await VacanciesAsync(c, tx,
            grades.Where(g => g.Grade == "excellent").Select(g => g.TownshipPath).Distinct().ToList(), on, ct);
        var used = new Dictionary<Guid, int>();
        return grades.Select(g =>
        {
            Vacancy? target = null;
            if (g.Grade == "excellent")
            {
                target = vacancies[g.TownshipPath].FirstOrDefault(v =>
                    v is { Kind: "institution", Funding: "full" }
                    && v.Vacant > used.GetValueOrDefault(v.EstablishmentId));
                if (target is not null)
                    used[target.EstablishmentId] = used.GetValueOrDefault(target.EstablishmentId) + 1;
            }
            var outcome = g.Grade switch { "excellent" => "converted", "incompetent" => "returned", _ => "kept" };
            return new OutcomePreview(g.SecondeeId, g.Name, g.Grade ?? "", outcome, target,
                g.Grade == "excellent" && target is null ? vacancies[g.TownshipPath].ToList() : [],
                g.Grade == "incompetent" ? on.AddYears(1) : null, g is { Grade: "basic", PreviousGrade: "basic" });
        }).ToList();
    }

    /// <summary>结果预览: who converts (into which vacancy), who returns (barred until when), who is flagged.</summary>
    public static async Task<Ok<IReadOnlyList<OutcomePreview>>> Preview(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        await using var c = await db.OpenConnectionAsync(ct);
        var a = await FindAsync(c, null, id, user, today, ct);
        if (a is null) return await guard.DenyAsync<Ok<IReadOnlyList<OutcomePreview>>>(Workflow.RecordType, id, ct);
        return TypedResults.Ok(await PreviewAsync(c, null, a, today, ct));
    }

    public static async Task<Ok<AssessmentResponse>> Act(
        Guid id, AssessmentActionRequest r, [AsParameters] WorkflowServices s, IRegionDirectory regions,
        IWorkingCalendar calendar, IOptions<StaffingOptions> options)
    {
        var (user, ct) = (s.User, s.Cancellation);
        var today = CountyClock.Today(s.Clock);
        await using var step = await Workflow.StartAsync(s, id, (c, tx) => FindAsync(c, tx, id, user, today, ct, true));
        var (c, tx) = (step.Connection, step.Transaction);
        if (step.Action == "publish")
            await c.ExecuteAsync(new CommandDefinition(
                "update staffing.assessments set publicity_from = @today, publicity_until = @until where id = @id",
                new
                {
                    id, today,
                    until = Publicity.LastDay(await calendar.CurrentAsync(ct), today,
                        options.Value.PublicityWorkingDays),
                }, tx, cancellationToken: ct));
        if (step.Action == "finalize") await ApplyAsync(c, tx, step.Before, today, user, step.Now, ct);
        await step.MoveAsync(TextInput.Blank(r.Note));
        var after = await ToResponse(c, tx, (await FindAsync(c, tx, id, user, today, ct))!, user, regions, ct);
        await step.CommitAsync(new { step.Before.State }, new { after.State, after.DecidedOn, r.Note });
        return TypedResults.Ok(after);
    }

    private sealed record HeldPost(Guid Id, Guid EstablishmentId, bool Leader);

    /// <summary>Every outcome of the year in the final step's transaction: all or none.</summary>
    private static async Task ApplyAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Row a, DateOnly on, CurrentUser user, DateTime now,
        CancellationToken ct)
    {
        // the secondments stay as read here until the outcomes are written (another year's final step waits)
        await c.ExecuteAsync(new CommandDefinition("""
            select s.id from staffing.secondees s join staffing.grades g on g.secondee_id = s.id
            where g.assessment_id = @id order by s.id for update of s
            """, new { id = a.Id }, tx, cancellationToken: ct));
        var outcomes = await PreviewAsync(c, tx, a, on, ct);
        if (outcomes.FirstOrDefault(o => o is { Outcome: "converted", Target: null }) is { } stuck)
            throw new ConflictException("assessments.no_vacancy",
                $"{stuck.Name}评为优秀，应转为所在乡镇（街道）全额拨款事业编制，但该乡镇没有此类空编。" +
                (stuck.Alternatives.Count == 0 ? "该乡镇目前没有任何空编：可先核增或划入编制后再确定。"
                    : "该乡镇现有空编：" + string.Join("、", stuck.Alternatives.Select(v =>
                        $"{v.UnitName}{PostTypes.Describe(v.Kind, v.Funding)} {v.Vacant} 名"))
                      + "；可先调整编制后再确定。"))
            {
                Extensions = { ["secondeeId"] = stuck.SecondeeId, ["vacancies"] = stuck.Alternatives },
            };
        var document = $"{a.Year}年度选派人员考核结果";
        var lines = new List<LedgerLine>();
        foreach (var o in outcomes)
        {
            var next = o.Outcome switch { "converted" => "converted", "returned" => "returned", _ => (string?)null };
            if (o.Outcome == "converted")
            {
                var person = await c.QuerySingleAsync<Guid>(new CommandDefinition(
                    "select person_id from staffing.secondees where id = @SecondeeId", o, tx,
                    cancellationToken: ct));
                var holding = Guid.CreateVersion7();
                // the post the person holds now leaves the ledger — the origin recorded at the secondment's start,
                // or wherever they have moved since (调动): the holding closed and the ledger line always agree
                var left = await c.QuerySingleOrDefaultAsync<HeldPost>(new CommandDefinition("""
                    update staffing.holdings set exited_on = @on, exit_kind = 'transfer_out', exit_document = @document
                    where person_id = @person and exited_on is null returning id, establishment_id, leader;
                    """, new { person, on, document }, tx, cancellationToken: ct))
                    ?? throw new ConflictException("assessments.person_exited",
                        $"{o.Name}已出编，不在任何编制岗位上，不能转为乡镇（街道）事业编制。")
                    {
                        Extensions = { ["secondeeId"] = o.SecondeeId },
                    };
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into staffing.holdings (id, person_id, establishment_id, entered_on, entry_kind,
                        entry_document)
                    values (@holding, @Person, @target, @on, 'transfer_in', @document);
                    update staffing.people set establishment_id = @target, version = version + 1,
                        region_path = (select region_path from staffing.establishments where id = @target)
                    where id = @Person;
                    """, new { holding, Person = person, target = o.Target!.EstablishmentId, on, document }, tx,
                    cancellationToken: ct));
                lines.Add(new LedgerLine(left.EstablishmentId, on, "exit", 0, -1, document, left.Id,
                    "选派考核优秀，转入乡镇", LeadersHeldDelta: left.Leader ? -1 : 0));
                lines.Add(new LedgerLine(o.Target.EstablishmentId, on, "entry", 0, 1, document, holding,
                    "选派考核优秀转编"));
            }
            if (o.Outcome == "returned")
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into staffing.bars (id, person_id, from_date, until_date, reason, source_id)
                    select gen_random_uuid(), person_id, @on, @until, @reason, @assessment
                    from staffing.secondees where id = @SecondeeId
                    """, new
                    {
                        o.SecondeeId, on, until = o.BarredUntil, assessment = a.Id,
                        reason = $"{a.Year} 年度考核不合格，一年内不得参加选派和专项招聘",
                    }, tx, cancellationToken: ct));
            if (next is not null)
            {
                await c.ExecuteAsync(new CommandDefinition("""
                    update staffing.secondees set state = @next, ended_on = @on, version = version + 1
                    where id = @SecondeeId and state = 'active'
                    """, new { o.SecondeeId, next, on }, tx, cancellationToken: ct));
                await WorkflowEvents.AppendAsync(c, tx, Secondees.EventsTable, new WorkflowEventRow(o.SecondeeId, now,
                    user.Id, user.Name, next == "converted" ? "convert" : "return", "active", next, document), ct);
            }
        }
        // recorded as applied: the outcome preview of a final assessment shows these
        await c.ExecuteAsync(new CommandDefinition("""
            update staffing.grades g set outcome = x.outcome, target_establishment = x.target,
                target_vacant = x.vacant
            from unnest(@ids, @outcomes, @targets, @vacants) x(id, outcome, target, vacant)
            where g.assessment_id = @id and g.secondee_id = x.id;
            update staffing.assessments set decided_on = @on where id = @id;
            """, new
            {
                id = a.Id, on, ids = outcomes.Select(o => o.SecondeeId).ToArray(),
                outcomes = outcomes.Select(o => o.Outcome).ToArray(),
                targets = outcomes.Select(o => o.Target?.EstablishmentId).ToArray(),
                vacants = outcomes.Select(o => o.Target?.Vacant).ToArray(),
            }, tx, cancellationToken: ct));
        // the posts left free up and the township posts fill, checked like every other change of the ledger
        await LedgerWriter.AppendAsync(c, tx, lines, on, now, user.Name, ct);
    }

    private sealed record Key(int Year, Guid Id);

    public static async Task<Ok<Page<AssessmentSummary>>> List(
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where a.region_path like @scope and (@afterId::uuid is null or (a.year, a.id) < (@afterYear, @afterId))
            order by a.year desc, a.id desc limit @take
            """, new
            {
                scope = user.Scope.Pattern, today = CountyClock.Today(clock), afterYear = after?.Year ?? 0,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, x => new Key(x.Year, x.Id));
        return TypedResults.Ok(new Page<AssessmentSummary>(page.Items.Select(a => new AssessmentSummary(a.Id, a.Year,
            a.State, StateNames[a.State], a.PublicityUntil, a.DecidedOn, a.Version)).ToList(), page.NextCursor));
    }
}
