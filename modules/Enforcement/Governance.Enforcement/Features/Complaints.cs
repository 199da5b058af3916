namespace Governance.Enforcement.Features;

/// <param name="CaseId">The case complained about, or <paramref name="OfficerId"/> the officer (at least one).</param>
/// <param name="Channel">phone, letter, online, visit (来访) or hotline (12345 转办).</param>
public sealed record ComplaintRequest(
    Guid? CaseId, Guid? OfficerId, [TextLimit(TextLimits.Code)] string? Channel, DateOnly? ReceivedOn,
    [TextLimit(100)] string? Complainant,
    [TextLimit(30)] string? ComplainantPhone, [TextLimit(4000)] string? Content);

/// <param name="Finding">substantiated (属实), partly (部分属实) or unfounded (不属实).</param>
public sealed record ComplaintHandling([TextLimit(TextLimits.Note)] string? Finding,
    [TextLimit(TextLimits.Note)] string? Result, [TextLimit(TextLimits.Note)] string? Note);

/// <param name="ComplainantPhone">Masked except for supervisors.</param>
/// <param name="Events">The timeline: 受理, then 办结 with its finding and result.</param>
public sealed record ComplaintResponse(
    Guid Id, Guid TeamId, string TeamName, Guid? CaseId, string? DecisionNo, Guid? OfficerId, string? OfficerName,
    string State, string StateName, string Channel, DateOnly ReceivedOn, string Complainant,
    string? ComplainantPhone, string Content, string? Finding, string? Result, DateOnly? HandledOn,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<WorkflowEvent> Events, int Version);

/// <summary>
/// 执法监督 · 投诉举报: a complaint about a case or an officer, recorded and handled (属实, 部分属实, 不属实, with the
/// result) by the supervisors (<see cref="EnforcementPermissions.Supervise"/>: the county's administration and legal
/// reviewers); the township's leadership reads those about its team. What follows a substantiated one is a
/// <see cref="FaultRecords">过错责任追究</see> record.
/// </summary>
internal static class Complaints
{
    internal static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["received"] = "已受理", ["handled"] = "已办结",
    };

    internal static readonly IReadOnlyDictionary<string, string> Channels = new Dictionary<string, string>
    {
        ["phone"] = "电话", ["letter"] = "信件", ["online"] = "网上", ["visit"] = "来访", ["hotline"] = "12345 转办",
    };

    internal static readonly IReadOnlyDictionary<string, string> Findings = new Dictionary<string, string>
    {
        ["substantiated"] = "属实", ["partly"] = "部分属实", ["unfounded"] = "不属实",
    };

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "complaints", RecordType = "enforcement_complaint", AuditPrefix = "enforcement.complaint",
        Table = "enforcement.complaints", EventsTable = "enforcement.complaint_events", StateNames = StateNames,
        Actions = [new("handle", EnforcementPermissions.Supervise, "办结投诉（核查结论与处理结果）")],
        Transitions = [new("received", "handle", "handled")],
    };

    internal sealed record Row(
        Guid Id, Guid TeamId, string TeamName, string RegionPath, Guid? CaseId, string? DecisionNo, Guid? OfficerId,
        string? OfficerName, string State, string Channel, DateOnly ReceivedOn, string Complainant,
        string? ComplainantPhone, string Content, string? Finding, string? Result, DateOnly? HandledOn, int Version)
        : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    private const string Select = """
        select p.id, p.team_id, t.name as team_name, p.region_path, p.case_id, k.decision_no, p.officer_id,
               o.name as officer_name, p.state, p.channel, p.received_on, p.complainant, p.complainant_phone,
               p.content, p.finding, p.result, p.handled_on, p.version
        from enforcement.complaints p
        join enforcement.teams t on t.id = p.team_id
        left join enforcement.cases k on k.id = p.case_id
        left join enforcement.officers o on o.id = p.officer_id
        """;

    private static ComplaintResponse ToResponse(Row p, CurrentUser user, IEnumerable<WorkflowEvent> events) => new(
        p.Id, p.TeamId, p.TeamName, p.CaseId, p.DecisionNo, p.OfficerId, p.OfficerName, p.State, StateNames[p.State],
        p.Channel, p.ReceivedOn, p.Complainant,
        user.Has(EnforcementPermissions.Supervise) ? p.ComplainantPhone : Masking.Phone(p.ComplainantPhone),
        p.Content, p.Finding, p.Result, p.HandledOn, Workflow.AllowedActions(p, user), events.ToList(), p.Version);

    /// <summary>The complaints as the caller sees them, their timelines read in one query.</summary>
    private static async Task<List<ComplaintResponse>> ResponsesAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, CurrentUser user, CancellationToken ct)
    {
        var events = await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, rows.Select(p => p.Id).ToList(), ct);
        return rows.Select(p => ToResponse(p, user, events[p.Id])).ToList();
    }

    /// <summary>One complaint in the caller's scope, by <c>@id</c> and <c>@scope</c>.</summary>
    private const string ById = $"{Select} where p.id = @id and p.region_path like @scope";

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{ById} {(forUpdate ? "for update of p" : "")}", new { id, scope = user.Scope.Pattern }, tx,
            cancellationToken: ct));

    public static async Task<Created<ComplaintResponse>> Create(
        ComplaintRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var receivedOn = r.ReceivedOn ?? s.Today;
        new Validator()
            .Check(r.CaseId is not null || r.OfficerId is not null, "caseId", "请选择被投诉的案件或执法人员。")
            .Check(r.Channel is not null && Channels.ContainsKey(r.Channel), "channel", "请选择投诉渠道。")
            .Check(receivedOn <= s.Today && receivedOn >= s.Today.AddYears(-5), "receivedOn",
                "受理日期不能晚于今天，也不能早于五年前。")
            .Required(r.Complainant, "complainant", "投诉人")
            .Required(r.Content, "content", "投诉内容")
            .ThrowIfInvalid();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        // the team and township come from the case (or the officer), in the caller's scope; both must agree
        var target = await c.QuerySingleOrDefaultAsync<(Guid TeamId, string Path)?>(new CommandDefinition("""
            select coalesce(k.team_id, o.team_id), coalesce(k.region_path, o.region_path)
            from (select 1) one
            left join enforcement.cases k on k.id = @CaseId
            left join enforcement.officers o on o.id = @OfficerId
            where (@CaseId::uuid is null or k.id is not null) and (@OfficerId::uuid is null or o.id is not null)
              and (k.id is null or o.id is null or k.team_id = o.team_id)
              and coalesce(k.region_path, o.region_path) like @scope
            """, new { r.CaseId, r.OfficerId, scope = s.User.Scope.Pattern }, cancellationToken: ct));
        if (target is not { } t)
            throw new ValidationException(r.CaseId is not null ? "caseId" : "officerId",
                "找不到被投诉的案件或执法人员（或二者不属于同一执法大队）。");
        var id = Guid.CreateVersion7();
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            await c.ExecuteAsync(new CommandDefinition("""
                insert into enforcement.complaints (id, team_id, region_path, case_id, officer_id, state, channel,
                    received_on, complainant, complainant_phone, content, created_at, created_by)
                values (@id, @TeamId, @Path, @CaseId, @OfficerId, 'received', @Channel, @receivedOn, @complainant,
                    @phone, @content, @now, @by)
                """, new
                {
                    id, t.TeamId, t.Path, r.CaseId, r.OfficerId, r.Channel, receivedOn,
                    complainant = r.Complainant!.Trim(), phone = TextInput.Blank(r.ComplainantPhone),
                    content = r.Content!.Trim(), now = s.Now, by = s.User.Name,
                }, tx, cancellationToken: ct));
            await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
                new WorkflowEventRow(id, s.Now, s.User.Id, s.User.Name, "receive", null, "received", null), ct);
            await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.complaint.receive", Workflow.RecordType,
                id.ToString(), t.Path, After: new
                {
                    r.CaseId, r.OfficerId, r.Channel, ReceivedOn = receivedOn,
                    ComplainantPhone = Masking.Phone(TextInput.Blank(r.ComplainantPhone)),
                }), ct);
            await tx.CommitAsync(ct);
        }
        var p = (await FindAsync(c, null, id, s.User, ct))!;
        ETags.Set(s.Http, p.Version);
        return TypedResults.Created($"/api/v1/enforcement/complaints/{id}",
            (await ResponsesAsync(c, null, [p], s.User, ct))[0]);
    }

    public static async Task<Ok<ComplaintResponse>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        await using var c = await s.Db.OpenConnectionAsync(s.Cancellation);
        // the complaint and its timeline in one round trip
        var (p, events) = await WorkflowEvents.ReadWithRecordAsync<Row>(c, null, Workflow.EventsTable, ById,
            new { id, scope = s.User.Scope.Pattern }, s.Cancellation);
        if (p is null) return await s.Guard.DenyAsync<Ok<ComplaintResponse>>(Workflow.RecordType, id, s.Cancellation);
        ETags.Set(s.Http, p.Version);
        return TypedResults.Ok(ToResponse(p, s.User, events));
    }

    private sealed record Key(DateOnly ReceivedOn, Guid Id);

    /// <summary>Complaints in scope, newest first: by state, team (a township's), case or officer.</summary>
    public static async Task<Ok<Page<ComplaintResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, Guid? teamId, Guid? caseId, Guid? officerId,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        state = TextInput.Blank(state);
        new Validator().Check(state is null || StateNames.ContainsKey(state), "state", "投诉状态无效。")
            .ThrowIfInvalid();
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where p.region_path like @scope and (@state::text is null or p.state = @state)
              and (@teamId::uuid is null or p.team_id = @teamId)
              and (@caseId::uuid is null or p.case_id = @caseId)
              and (@officerId::uuid is null or p.officer_id = @officerId)
              and (@afterId::uuid is null or (p.received_on, p.id) < (@afterOn, @afterId))
            order by p.received_on desc, p.id desc limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, state, teamId, caseId, officerId, afterOn = after?.ReceivedOn,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, p => new Key(p.ReceivedOn, p.Id));
        return TypedResults.Ok(new Page<ComplaintResponse>(
            await ResponsesAsync(c, null, page.Items, s.User, ct), page.NextCursor));
    }

    public static async Task<Ok<ComplaintResponse>> Handle(
        Guid id, ComplaintHandling r, [AsParameters] WorkflowServices s)
    {
        var ct = s.Cancellation;
        await using var step = await Workflow.StartAsync(s, id,
            (c, tx) => FindAsync(c, tx, id, s.User, ct, forUpdate: true));
        new Validator()
            .Check(r.Finding is not null && Findings.ContainsKey(r.Finding), "finding", "请选择核查结论。")
            .Required(r.Result, "result", "处理结果")
            .ThrowIfInvalid();
        var today = CountyClock.Today(s.Clock);
        var result = r.Result!.Trim();
        await step.Connection.ExecuteAsync(new CommandDefinition("""
            update enforcement.complaints set finding = @Finding, result = @result, handled_on = @today
            where id = @id
            """, new { id, r.Finding, result, today }, step.Transaction, cancellationToken: ct));
        await step.MoveAsync($"{Findings[r.Finding!]}：{result}" + (TextInput.Blank(r.Note) is { } n ? "。" + n : ""));
        var now = (await FindAsync(step.Connection, step.Transaction, id, s.User, ct))!;
        var response = (await ResponsesAsync(step.Connection, step.Transaction, [now], s.User, ct))[0];
        await step.CommitAsync(new { step.Before.State }, new { r.Finding, Result = result, HandledOn = today });
        return TypedResults.Ok(response);
    }
}
