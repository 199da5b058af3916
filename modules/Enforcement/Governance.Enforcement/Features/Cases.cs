using Governance.Calendar.Contracts;
using Governance.PowerLists.Contracts;


namespace Governance.Enforcement.Features;

/// <param name="LimitationEndsOn">The last day the case could be filed (追责时效).</param>
public sealed record CaseFiling(
    Guid ItemId, string ItemCode, string ItemName, string ExerciseMode, string ExerciseModeName, string? AgreementNo,
    bool SevereHarm, DateOnly FiledOn, DateOnly DecisionDueOn, DateOnly LimitationEndsOn);

/// <param name="CertificateNumber">The certificate the officer held on the day of assignment.</param>
public sealed record CaseOfficerResponse(Guid OfficerId, string Name, string CertificateNumber, DateOnly AssignedOn);

/// <summary>联合执法: a county department co-owning the case.</summary>
public sealed record CaseCoOwner(Guid UnitId, string Name, DateOnly AddedOn, string AddedBy);

/// <summary>The team handling a case as its documents name it: the 落款 (name), the address (where the party is
/// heard and may come), the phone and the leader.</summary>
public sealed record CaseTeam(string Name, string? Address, string? Phone, string? LeaderName);

/// <summary>What a case's page shows besides its row (all empty in lists).</summary>
internal sealed record CaseDetail(
    IReadOnlyList<CaseCoOwner> CoOwners, IReadOnlyList<CaseOfficerResponse> Officers,
    IReadOnlyList<CaseReview> Reviews, IReadOnlyList<CaseDiscussion> Discussions,
    IReadOnlyList<CaseEvidenceItem> Evidence, IReadOnlyList<WorkflowEvent> Events, CaseTeam? Team)
{
    public static readonly CaseDetail None = new([], [], [], [], [], [], null);
}

/// <summary>A penalty kind (行政处罚的种类) with its name.</summary>
public sealed record PenaltyKind(string Code, string Name);

/// <param name="StatementDueOn">The last working day the party may state a defence or ask for a hearing; no decision
/// before it has passed.</param>
public sealed record CaseNotice(
    DateOnly NotifiedOn, IReadOnlyList<PenaltyKind> Kinds, decimal? Fine, decimal? Confiscation,
    bool HearingEligible, DateOnly StatementDueOn, string? Statement);

/// <param name="Place">Where the hearing is held; null for hearings scheduled before the place was recorded (their
/// notice prints the team's address).</param>
public sealed record CaseHearing(
    DateOnly RequestedOn, DateOnly? NotifiedOn, DateOnly? HearingOn, string? Presider, string? Place,
    string? Record);

/// <param name="DeliveryDueOn">送达 within 7 working days of the decision.</param>
public sealed record CaseDecision(
    string DecisionNo, DateOnly DecidedOn, IReadOnlyList<PenaltyKind> Kinds, decimal? Fine, decimal? Confiscation,
    string? BenchmarkDegree, string? LegalBasis, string? NoPenaltyReason, DateOnly DeliveryDueOn);

/// <param name="PaymentDueOn">15 days after delivery, when a fine is due.</param>
/// <param name="LateFeeToday">加处罚款 owed today if still unpaid (3 % a day, capped at the fine).</param>
public sealed record CaseExecution(
    DateOnly DeliveredOn, string DeliveryMethod, DateOnly? PaymentDueOn, decimal? LateFeeToday, DateOnly? PaidOn,
    decimal? PaidAmount, decimal? LateFee, string? Note);

public sealed record CaseReview(DateTimeOffset At, string Reviewer, bool Passed, string Opinion);

public sealed record CaseDiscussion(DateOnly HeldOn, string Participants, string Conclusion, string RecordedBy);

/// <param name="PartyIdNumber">A person's ID number is always masked; an organisation's credit code is public.</param>
/// <param name="Procedure"><c>general</c> (普通程序) or <c>simple</c> (简易程序, decided on the spot).</param>
/// <param name="MajorReasons">The 法制审核 situations (58) that apply: a passed review and a 集体讨论 are needed
/// before the decision.</param>
/// <param name="ReferredByName">部门移送: the county department that referred the lead.</param>
/// <param name="CoOwners">联合执法: the county departments co-owning the case (empty in lists).</param>
/// <param name="Officers">The case's officers (empty in lists: read the case for them).</param>
/// <param name="Reviews">法制审核, newest first (empty in lists).</param>
/// <param name="Evidence">调查取证: the evidence items in order (empty in lists).</param>
/// <param name="Events">The timeline (empty in lists).</param>
/// <param name="Team">The team's name, address, phone and leader, as the case's documents print them (null in
/// lists).</param>
public sealed record CaseResponse(
    Guid Id, Guid TeamId, string State, string StateName, string Procedure, string Source, string SourceName,
    string Domain, string DomainName, DateOnly OccurredOn, string Place, string Description, string? PartyKind,
    string? PartyName, string? PartyIdNumber, string? Reporter, DateTimeOffset ReceivedAt, CaseFiling? Filing,
    int ExtendedDays, IReadOnlyList<string> MajorReasons, CaseNotice? Notice, CaseHearing? Hearing,
    CaseDecision? Decision, CaseExecution? Execution, DateOnly? ClosedOn, DateOnly? ArchivedOn,
    string? TransferredToName, string? ReferredByName, IReadOnlyList<CaseCoOwner> CoOwners,
    IReadOnlyList<CaseOfficerResponse> Officers, IReadOnlyList<CaseReview> Reviews,
    IReadOnlyList<CaseDiscussion> Discussions, IReadOnlyList<CaseEvidenceItem> Evidence,
    IReadOnlyList<WorkflowEvent> Events, IReadOnlyList<string> AllowedActions, string CreatedBy, int Version,
    CaseTeam? Team);

/// <summary>What reading a case needs besides its row: domain names, the working-day calendar, the caller, the
/// thresholds and today.</summary>
internal sealed record CaseContext(
    IReadOnlyDictionary<string, string> Domains, WorkingDayCalendar Calendar, CurrentUser User,
    EnforcementOptions Options, DateOnly Today)
{
    public static async Task<CaseContext> LoadAsync(
        IPowerLists powers, IWorkingCalendar calendar, CurrentUser user, EnforcementOptions options, DateOnly today,
        CancellationToken ct) =>
        new(await Features.Domains.NamesAsync(powers, ct), await calendar.CurrentAsync(ct), user, options, today);
}

/// <summary>案件: the record, its workflow table and how it reads. Registering a lead is in <see cref="Leads"/>; the
/// steps are in <see cref="Filing"/> (立案, 不予立案, 移送), <see cref="Procedure"/> (告知, 听证, 延期, 更换承办人员),
/// <see cref="Review"/> (法制审核, 集体讨论), <see cref="Decisions"/> (决定, 简易程序) and <see cref="Closing"/>
/// (送达, 执行, 结案, 归档).</summary>
internal static class Cases
{
    internal static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["lead"] = "线索待处理", ["filed"] = "已立案（调查取证）", ["notified"] = "已告知（陈述申辩期）",
        ["hearing_requested"] = "已申请听证", ["hearing_scheduled"] = "已通知听证", ["heard"] = "已听证",
        ["decided"] = "已决定（待送达）", ["delivered"] = "已送达（待执行）", ["executed"] = "已执行",
        ["closed"] = "已结案", ["archived"] = "已归档", ["declined"] = "不予立案", ["transferred"] = "已移送",
    };

    /// <summary>States in which the decision is still to be made (the 90-day deadline runs; extensions, reviews,
    /// discussions and evidence are possible).</summary>
    internal static readonly string[] Investigating = ["filed", "notified", "hearing_requested", "hearing_scheduled",
        "heard"];

    /// <summary>A decision whose penalties are all carried out on delivery (警告, 通报批评, 不予处罚) needs no
    /// 执行.</summary>
    private static readonly HashSet<string> DoneOnDelivery = ["warning", "criticism", "none"];

    internal static bool NeedsExecution(Row k) => k.PenaltyKindList.Any(kind => !DoneOnDelivery.Contains(kind));

    private static readonly string File = EnforcementPermissions.CasesFile;
    private static readonly string Investigate = EnforcementPermissions.CasesInvestigate;

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "cases", RecordType = "enforcement_case", AuditPrefix = "enforcement.case",
        Table = "enforcement.cases", EventsTable = "enforcement.case_events", StateNames = StateNames,
        Actions =
        [
            new("file", File, "立案（依据乡镇当日可行使的职权，两名持证执法人员）"),
            new("decline", File, "不予立案"),
            new("transfer", File, "移送县级主管部门"),
            new("add_co_owner", File, "联合执法：增加共同办案的县级部门"),
            new("simple", Investigate, "简易程序：当场作出处罚决定并交付（警告或小额罚款）"),
            new("collect", Investigate, "调查取证：登记证据（文件及其 SHA-256，两名持证执法人员）"),
            new("decide_preservation", Investigate, "先行登记保存处理决定（7 个工作日内）"),
            new("notify", Investigate, "行政处罚事先告知（陈述申辩、听证权利）"),
            new("request_hearing", Investigate, "当事人申请听证（告知后 5 个工作日内）"),
            new("schedule_hearing", Investigate, "通知听证（听证 7 个工作日前，主持人非承办人员）"),
            new("hold_hearing", Investigate, "举行听证（记录听证笔录）"),
            new("review", EnforcementPermissions.CasesReview, "法制审核（非承办人员）"),
            new("discuss", File, "集体讨论（记录）"),
            new("decide", File, "作出行政处罚决定（裁量基准内，编号）"),
            new("deliver", Investigate, "送达决定书"),
            new("execute", Investigate, "执行（缴纳罚款、履行处罚）"),
            new("close", File, "结案"),
            new("archive", File, "归档（案卷锁定）"),
            new("extend", File, "延长办案期限（负责人批准）"),
            new("reassign", File, "更换承办人员"),
        ],
        Transitions =
        [
            new("lead", "file", "filed"), new("lead", "decline", "declined"), new("lead", "transfer", "transferred"),
            new("lead", "simple", "delivered"),
            new("filed", "notify", "notified"), new("notified", "notify", "notified"),
            new("filed", "decide", "decided"),
            new("notified", "request_hearing", "hearing_requested",
                (k, _) => k.HearingEligible == true ? null : "拟作出的处罚不属于听证范围，当事人不能申请听证。"),
            new("hearing_requested", "schedule_hearing", "hearing_scheduled"),
            new("hearing_scheduled", "hold_hearing", "heard"),
            new("notified", "decide", "decided"), new("heard", "decide", "decided"),
            new("decided", "deliver", "delivered"),
            new("delivered", "execute", "executed",
                (k, _) => NeedsExecution(k) ? null : "该决定送达即执行完毕，可直接结案。"),
            new("delivered", "close", "closed",
                (k, _) => NeedsExecution(k) ? "决定尚未执行，请先登记执行情况。" : null),
            new("executed", "close", "closed"),
            new("closed", "archive", "archived"),
            .. Investigating.SelectMany(state => new Transition<Row>[]
            {
                new(state, "extend", state), new(state, "review", state), new(state, "discuss", state),
                new(state, "collect", state),
            }),
            .. Investigating.Concat(["lead", "decided", "delivered", "executed"])
                .Select(state => new Transition<Row>(state, "add_co_owner", state)),
            .. Investigating.Concat(["decided", "delivered"]).SelectMany(state => new Transition<Row>[]
            {
                new(state, "reassign", state), new(state, "decide_preservation", state),
            }),
        ],
    };

    internal sealed record Row(
        Guid Id, Guid TeamId, string RegionPath, string State, string Procedure, string Source, string Domain,
        DateOnly OccurredOn, string Place, string Description, string? PartyKind, string? PartyName,
        string? PartyIdNumber, string? Reporter, DateTime ReceivedAt, Guid? ItemId, string? ItemCode,
        string? ItemName, string? ExerciseMode, string? AgreementNo, bool? SevereHarm, DateOnly? FiledOn,
        DateOnly? DecisionDueOn, int ExtendedDays, string MajorReasons, DateOnly? NotifiedOn, string? NoticeKinds,
        decimal? NoticeFine, decimal? NoticeConfiscation, bool? HearingEligible, string? Statement,
        DateOnly? HearingRequestedOn,
        DateOnly? HearingNotifiedOn, DateOnly? HearingOn, string? HearingPresider, string? HearingPlace,
        string? HearingRecord,
        string? DecisionNo, DateOnly? DecidedOn, string? PenaltyKinds, decimal? FineAmount,
        decimal? ConfiscationAmount, string? BenchmarkDegree, string? LegalBasis, string? NoPenaltyReason,
        DateOnly? DeliveredOn, string? DeliveryMethod, DateOnly? PaidOn, decimal? PaidAmount, decimal? LateFee,
        string? ExecutionNote, DateOnly? ClosedOn, DateOnly? ArchivedOn, string? TransferredToName,
        string? ReferredByName, string CreatedBy, int Version) : IWorkflowRecord
    {
        public string AuditPath => RegionPath;

        /// <summary>The arrays, read as comma-joined text (Dapper's positional records take no arrays).</summary>
        public IReadOnlyList<string> MajorReasonList => Split(MajorReasons);

        public IReadOnlyList<string> NoticeKindList => Split(NoticeKinds);

        public IReadOnlyList<string> PenaltyKindList => Split(PenaltyKinds);

        private static string[] Split(string? s) => string.IsNullOrEmpty(s) ? [] : s.Split(',');
    }

    internal const string Select = """
        select k.id, k.team_id, k.region_path, k.state, k.procedure, k.source, k.domain, k.occurred_on, k.place,
               k.description, k.party_kind, k.party_name, k.party_id_number, k.reporter, k.received_at, k.item_id,
               k.item_code, k.item_name, k.exercise_mode, k.agreement_no, k.severe_harm, k.filed_on,
               k.decision_due_on, k.extended_days, array_to_string(k.major_reasons, ',') as major_reasons,
               k.notified_on, array_to_string(k.notice_kinds, ',') as notice_kinds, k.notice_fine,
               k.notice_confiscation, k.hearing_eligible, k.statement, k.hearing_requested_on, k.hearing_notified_on,
               k.hearing_on,
               k.hearing_presider, k.hearing_place, k.hearing_record, k.decision_no, k.decided_on,
               array_to_string(k.penalty_kinds, ',') as penalty_kinds, k.fine_amount, k.confiscation_amount,
               k.benchmark_degree, k.legal_basis, k.no_penalty_reason, k.delivered_on, k.delivery_method, k.paid_on,
               k.paid_amount, k.late_fee, k.execution_note, k.closed_on, k.archived_on, k.transferred_to_name,
               k.referred_by_name, k.created_by, k.version
        from enforcement.cases k
        """;

    /// <summary>Which cases the caller sees (on <c>k</c>, with <c>@scope</c> and <c>@unitId</c>): those of its
    /// region — and county department staff, who handle no cases, only those their department co-owns (联合执法) or
    /// referred (部门移送).</summary>
    internal const string InScope = """
        k.region_path like @scope and (@unitId::uuid is null or k.referred_by_unit_id = @unitId
            or exists (select 1 from enforcement.case_co_owners o where o.case_id = k.id and o.unit_id = @unitId))
        """;

    /// <summary>The caller's department when it sees cases as a department (<see cref="InScope"/>); a department
    /// user without a department sees none.</summary>
    internal static Guid? DepartmentOf(CurrentUser user) =>
        user.Role == Roles.CountyDepartment ? user.UnitId ?? Guid.Empty : null;

    internal static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where k.id = @id and {InScope} and {user.PeriodSql(ReceivedOn)} "
            + (forUpdate ? "for update of k" : ""),
            new { id, scope = user.Scope.Pattern, unitId = DepartmentOf(user) }, tx, cancellationToken: ct));

    /// <summary>What a case's page reads besides its row, in one batch (by <c>@id</c>): co-owners, officers,
    /// reviews, discussions, timeline, evidence, the team.</summary>
    internal const string Detail = $"""
        select unit_id, unit_name as name, added_on, added_by from enforcement.case_co_owners
        where case_id = @id order by added_on, unit_name;
        select k.officer_id, o.name, k.certificate_number, k.assigned_on
        from enforcement.case_officers k join enforcement.officers o on o.id = k.officer_id
        where k.case_id = @id and k.removed_on is null order by o.name;
        select reviewed_at, reviewer, passed, opinion from enforcement.case_reviews
        where case_id = @id order by reviewed_at desc, id desc;
        select held_on, participants, conclusion, recorded_by from enforcement.case_discussions
        where case_id = @id order by held_on desc, id desc;
        select at, actor, action, from_state, to_state, note from enforcement.case_events
        where record_id = @id order by at, id;
        {Evidence.Select};
        select t.name, t.address, t.phone, t.leader_name from enforcement.teams t
        where t.id = (select team_id from enforcement.cases where id = @id);
        """;

    /// <summary>The case as the caller sees it, with its officers, reviews, discussions and timeline (read on the
    /// same transaction, in one round trip).</summary>
    internal static async Task<CaseResponse> ResponseAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Row k, CaseContext x, CancellationToken ct)
    {
        using var grid = await c.QueryMultipleAsync(new CommandDefinition(Detail, new { id = k.Id }, tx,
            cancellationToken: ct));
        var coOwners = (await grid.ReadAsync<CaseCoOwner>()).ToList();
        var officers = (await grid.ReadAsync<CaseOfficerResponse>()).ToList();
        var reviews = (await grid.ReadAsync<(DateTime At, string Reviewer, bool Passed, string Opinion)>())
            .Select(r => new CaseReview(Timestamps.Utc(r.At), r.Reviewer, r.Passed, r.Opinion)).ToList();
        var discussions = (await grid.ReadAsync<CaseDiscussion>()).ToList();
        var events = (await grid.ReadAsync<(DateTime At, string Actor, string Action, string? From, string To,
            string? Note)>())
            .Select(e => new WorkflowEvent(Timestamps.Utc(e.At), e.Actor, e.Action, e.From, e.To, e.Note))
            .ToList();
        var evidence = (await grid.ReadAsync<Evidence.Row>()).Select(e => Evidence.ToItem(e, x.Today)).ToList();
        var team = await grid.ReadSingleOrDefaultAsync<CaseTeam>();
        return ToResponse(k, x, new CaseDetail(coOwners, officers, reviews, discussions, evidence, events, team));
    }

    private static List<PenaltyKind> KindsOf(IReadOnlyList<string> codes) =>
        codes.Select(code => new PenaltyKind(code, PenaltyRules.Kinds.GetValueOrDefault(code, code))).ToList();

    internal static CaseResponse ToResponse(Row k, CaseContext x, CaseDetail d)
    {
        var o = x.Options;
        var paymentDue = k is { DeliveredOn: { } on, FineAmount: > 0 }
            ? PenaltyRules.PaymentDue(on, o) : (DateOnly?)null;
        return new(k.Id, k.TeamId, k.State, StateNames[k.State], k.Procedure, k.Source, CaseRules.Sources[k.Source],
            k.Domain, x.Domains.GetValueOrDefault(k.Domain, k.Domain), k.OccurredOn, k.Place, k.Description,
            k.PartyKind, k.PartyName, k.PartyKind == "person" ? Masking.IdNumber(k.PartyIdNumber) : k.PartyIdNumber,
            k.Reporter, Timestamps.Utc(k.ReceivedAt),
            k is { FiledOn: { } filed, ItemId: { } item }
                ? new CaseFiling(item, k.ItemCode!, k.ItemName!, k.ExerciseMode!,
                    CaseRules.ExerciseModes.GetValueOrDefault(k.ExerciseMode!, k.ExerciseMode!), k.AgreementNo,
                    k.SevereHarm == true, filed, k.DecisionDueOn!.Value,
                    CaseRules.LimitationEnds(k.OccurredOn, k.SevereHarm == true, o))
                : null,
            k.ExtendedDays, k.MajorReasonList,
            k.NotifiedOn is { } notified
                ? new CaseNotice(notified, KindsOf(k.NoticeKindList), k.NoticeFine, k.NoticeConfiscation,
                    k.HearingEligible == true,
                    x.Calendar.AddWorkingDays(notified, o.NoticeWorkingDays), k.Statement)
                : null,
            k.HearingRequestedOn is { } requested
                ? new CaseHearing(requested, k.HearingNotifiedOn, k.HearingOn, k.HearingPresider, k.HearingPlace,
                    k.HearingRecord)
                : null,
            k is { DecisionNo: { } no, DecidedOn: { } decided }
                ? new CaseDecision(no, decided, KindsOf(k.PenaltyKindList), k.FineAmount, k.ConfiscationAmount,
                    k.BenchmarkDegree, k.LegalBasis, k.NoPenaltyReason,
                    x.Calendar.AddWorkingDays(decided, o.DeliveryWorkingDays))
                : null,
            k.DeliveredOn is { } delivered
                ? new CaseExecution(delivered, k.DeliveryMethod!, paymentDue,
                    paymentDue is { } due && k.PaidOn is null
                        ? PenaltyRules.LateFee(k.FineAmount!.Value, due, x.Today, o) : null,
                    k.PaidOn, k.PaidAmount, k.LateFee, k.ExecutionNote)
                : null,
            k.ClosedOn, k.ArchivedOn, k.TransferredToName, k.ReferredByName, d.CoOwners, d.Officers, d.Reviews,
            d.Discussions, d.Evidence, d.Events, Workflow.AllowedActions(k, x.User), k.CreatedBy, k.Version,
            d.Team);
    }

    public static async Task<Ok<CaseResponse>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var x = await s.CaseContextAsync(ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var k = await FindAsync(c, null, id, s.User, ct);
        if (k is null) return await s.Guard.DenyAsync<Ok<CaseResponse>>(Workflow.RecordType, id, ct);
        ETags.Set(s.Http, k.Version);
        return TypedResults.Ok(await ResponseAsync(c, null, k, x, ct));
    }

    private sealed record Key(DateTime ReceivedAt, Guid Id);

    /// <summary>案件变更 for nightly scripts: the cases in scope created or changed since the cursor, as the list shows
    /// them (see <see cref="ChangeFeed"/>).</summary>
    public static async Task<Ok<ChangePage<CaseResponse>>> Changes(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var x = await s.CaseContextAsync(ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<CaseResponse>> Load(IReadOnlyList<Guid> ids) =>
            (await c.QueryAsync<Row>(new CommandDefinition($"{Select} where k.id = any(@ids)",
                new { ids = ids.ToArray() }, cancellationToken: ct)))
            .Select(k => ToResponse(k, x, CaseDetail.None)).ToList();
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c, Feed(s.User, Load, k => k.Id), s.User.Scope,
            changedSince, limit, ct));
    }

    /// <summary>The case feed with the list's own scope (<see cref="InScope"/>: a department sees only its joint and
    /// referred cases), the records read by <paramref name="load"/>.</summary>
    internal static ChangeSource<T> Feed<T>(
        CurrentUser? user, Func<IReadOnlyList<Guid>, Task<IReadOnlyList<T>>> load, Func<T, Guid> idOf) =>
        new("enforcement.cases", "k", $"{InScope} and {user?.PeriodSql(ReceivedOn) ?? "true"}", load, idOf)
        {
            Parameters = new { unitId = user is null ? null : DepartmentOf(user) },
        };

    /// <summary>A case's county date, for an evaluator's period: the day it was received (登记).</summary>
    private const string ReceivedOn = "(k.received_at at time zone 'Asia/Shanghai')::date";

    /// <summary>Cases in scope, newest first, by state, domain, source, an officer on the case, text (place, party,
    /// description) or deadline: <c>due=overdue</c> — not yet decided, the decision deadline (90 days, plus
    /// extensions) passed; <c>due=soon</c> — due within <see cref="EnforcementOptions.DecisionDueSoonDays"/>.</summary>
    public static async Task<Ok<Page<CaseResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, [TextLimit(10)] string? domain,
        [TextLimit(TextLimits.Code)] string? source, [TextLimit(50)] string? q,
        [TextLimit(TextLimits.Code)] string? due, Guid? officerId, [TextLimit(TextLimits.Cursor)] string? cursor,
        int? limit, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        (state, domain, source, q, due) = (TextInput.Blank(state), TextInput.Blank(domain), TextInput.Blank(source),
            TextInput.Blank(q), TextInput.Blank(due));
        new Validator()
            .Check(due is null or "overdue" or "soon", "due", "期限筛选只能是 overdue（已超期）或 soon（临期）。")
            .Check(state is null || StateNames.ContainsKey(state), "state", "案件状态无效。")
            .Check(source is null || CaseRules.Sources.ContainsKey(source), "source", "线索来源无效。")
            .ThrowIfInvalid();
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var x = await s.CaseContextAsync(ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {InScope} and {s.User.PeriodSql(ReceivedOn)} and (@state::text is null or k.state = @state)
              and (@domain::text is null or k.domain = @domain) and (@source::text is null or k.source = @source)
              and (@q::text is null or k.place like '%' || @q || '%' or k.party_name like '%' || @q || '%'
                   or k.description like '%' || @q || '%')
              and (@due::text is null or k.state = any(@investigating) and case when @due = 'overdue'
                   then k.decision_due_on < @today else k.decision_due_on between @today and @soonUntil end)
              and (@officerId::uuid is null or exists (
                  select 1 from enforcement.case_officers o
                  where o.case_id = k.id and o.officer_id = @officerId and o.removed_on is null))
              and (@afterId::uuid is null or (k.received_at, k.id) < (@afterAt, @afterId))
            order by k.received_at desc, k.id desc limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, unitId = DepartmentOf(s.User), state, domain, source, q, due,
                officerId, today = s.Today, investigating = Investigating,
                soonUntil = s.Today.AddDays(s.Settings.DecisionDueSoonDays), afterAt = after?.ReceivedAt,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, k => new Key(k.ReceivedAt, k.Id));
        return TypedResults.Ok(new Page<CaseResponse>(
            page.Items.Select(k => ToResponse(k, x, CaseDetail.None)).ToList(), page.NextCursor));
    }
}
