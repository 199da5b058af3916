
namespace Governance.Enforcement.Features;

/// <param name="LimitationEndsOn">The last day the case could be filed (追责时效).</param>
public sealed record CaseFiling(
    Guid ItemId, string ItemCode, string ItemName, string ExerciseMode, string ExerciseModeName, string? AgreementNo,
    bool SevereHarm, DateOnly FiledOn, DateOnly DecisionDueOn, DateOnly LimitationEndsOn);

/// <param name="CertificateNumber">The certificate the officer held on the day of assignment.</param>
public sealed record CaseOfficerResponse(Guid OfficerId, string Name, string CertificateNumber, DateOnly AssignedOn);

/// <param name="PartyIdNumber">A person's ID number is always masked; an organisation's credit code is public.</param>
/// <param name="Officers">The case's officers (empty in lists: read the case for them).</param>
/// <param name="Events">The timeline (empty in lists).</param>
public sealed record CaseResponse(
    Guid Id, Guid TeamId, string State, string StateName, string Source, string SourceName, string Domain,
    string DomainName, DateOnly OccurredOn, string Place, string Description, string? PartyKind, string? PartyName,
    string? PartyIdNumber, string? Reporter, DateTimeOffset ReceivedAt, CaseFiling? Filing,
    string? TransferredToName, IReadOnlyList<CaseOfficerResponse> Officers, IReadOnlyList<WorkflowEvent> Events,
    IReadOnlyList<string> AllowedActions, string CreatedBy, int Version);

/// <summary>案件: the record, its workflow table and how it reads. Registering a lead is in <see cref="Leads"/>, the
/// lead's steps in <see cref="Filing"/>.</summary>
internal static class Cases
{
    internal static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["lead"] = "线索待处理", ["filed"] = "已立案（调查取证）", ["declined"] = "不予立案",
        ["transferred"] = "已移送",
    };

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "cases", RecordType = "enforcement_case", AuditPrefix = "enforcement.case",
        Table = "enforcement.cases", EventsTable = "enforcement.case_events", StateNames = StateNames,
        Actions =
        [
            new("file", EnforcementPermissions.CasesFile, "立案（依据乡镇当日可行使的职权，两名持证执法人员）"),
            new("decline", EnforcementPermissions.CasesFile, "不予立案"),
            new("transfer", EnforcementPermissions.CasesFile, "移送县级主管部门"),
        ],
        Transitions =
        [
            new("lead", "file", "filed"), new("lead", "decline", "declined"), new("lead", "transfer", "transferred"),
        ],
    };

    internal sealed record Row(
        Guid Id, Guid TeamId, string RegionPath, string State, string Source, string Domain, DateOnly OccurredOn,
        string Place, string Description, string? PartyKind, string? PartyName, string? PartyIdNumber,
        string? Reporter, DateTime ReceivedAt, Guid? ItemId, string? ItemCode, string? ItemName,
        string? ExerciseMode, string? AgreementNo, bool? SevereHarm, DateOnly? FiledOn, DateOnly? DecisionDueOn,
        string? TransferredToName, string CreatedBy, int Version) : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    internal const string Select = """
        select k.id, k.team_id, k.region_path, k.state, k.source, k.domain, k.occurred_on, k.place, k.description,
               k.party_kind, k.party_name, k.party_id_number, k.reporter, k.received_at, k.item_id, k.item_code,
               k.item_name, k.exercise_mode, k.agreement_no, k.severe_harm, k.filed_on, k.decision_due_on,
               k.transferred_to_name, k.created_by, k.version
        from enforcement.cases k
        """;

    internal static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where k.id = @id and k.region_path like @scope {(forUpdate ? "for update of k" : "")}",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    /// <summary>The case as the caller sees it, with its officers and timeline (read on the same
    /// transaction).</summary>
    internal static async Task<CaseResponse> ResponseAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Row k, IReadOnlyDictionary<string, string> domains,
        CurrentUser user, EnforcementOptions options, CancellationToken ct)
    {
        using var grid = await c.QueryMultipleAsync(new CommandDefinition("""
            select k.officer_id, o.name, k.certificate_number, k.assigned_on
            from enforcement.case_officers k join enforcement.officers o on o.id = k.officer_id
            where k.case_id = @id order by o.name;
            select at, actor, action, from_state, to_state, note from enforcement.case_events
            where record_id = @id order by at, id
            """, new { id = k.Id }, tx, cancellationToken: ct));
        var officers = (await grid.ReadAsync<CaseOfficerResponse>()).ToList();
        var events = (await grid.ReadAsync<(DateTime At, string Actor, string Action, string? From, string To,
            string? Note)>()).Select(e => new WorkflowEvent(new DateTimeOffset(DateTime.SpecifyKind(e.At,
            DateTimeKind.Utc)), e.Actor, e.Action, e.From, e.To, e.Note)).ToList();
        return ToResponse(k, domains, officers, events, user, options);
    }

    internal static CaseResponse ToResponse(
        Row k, IReadOnlyDictionary<string, string> domains, IReadOnlyList<CaseOfficerResponse> officers,
        IReadOnlyList<WorkflowEvent> events, CurrentUser user, EnforcementOptions options) =>
        new(k.Id, k.TeamId, k.State, StateNames[k.State], k.Source, CaseRules.Sources[k.Source], k.Domain,
            domains.GetValueOrDefault(k.Domain, k.Domain), k.OccurredOn, k.Place, k.Description, k.PartyKind,
            k.PartyName, k.PartyKind == "person" ? Masking.IdNumber(k.PartyIdNumber) : k.PartyIdNumber, k.Reporter,
            new DateTimeOffset(DateTime.SpecifyKind(k.ReceivedAt, DateTimeKind.Utc)),
            k.FiledOn is { } filed
                ? new CaseFiling(k.ItemId!.Value, k.ItemCode!, k.ItemName!, k.ExerciseMode!,
                    CaseRules.ExerciseModes.GetValueOrDefault(k.ExerciseMode!, k.ExerciseMode!), k.AgreementNo,
                    k.SevereHarm == true, filed, k.DecisionDueOn!.Value,
                    CaseRules.LimitationEnds(k.OccurredOn, k.SevereHarm == true, options))
                : null,
            k.TransferredToName, officers, events, Workflow.AllowedActions(k, user), k.CreatedBy, k.Version);

    public static async Task<Ok<CaseResponse>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var domains = await Domains.NamesAsync(s.Powers, ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var k = await FindAsync(c, null, id, s.User, ct);
        if (k is null) return await s.Guard.DenyAsync<Ok<CaseResponse>>(Workflow.RecordType, id, ct);
        ETags.Set(s.Http, k.Version);
        return TypedResults.Ok(await ResponseAsync(c, null, k, domains, s.User, s.Settings, ct));
    }

    private sealed record Key(DateTime ReceivedAt, Guid Id);

    /// <summary>Cases in scope, newest first, by state, domain, source, text (place, party, description) or deadline:
    /// <c>due=overdue</c> — filed, the 90-day decision deadline passed; <c>due=soon</c> — due within
    /// <see cref="EnforcementOptions.DecisionDueSoonDays"/>.</summary>
    public static async Task<Ok<Page<CaseResponse>>> List(
        string? state, string? domain, string? source, string? q, string? due, string? cursor, int? limit,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        (state, domain, source, q, due) = (TextInput.Blank(state), TextInput.Blank(domain), TextInput.Blank(source),
            TextInput.Blank(q), TextInput.Blank(due));
        new Validator()
            .Check(due is null or "overdue" or "soon", "due", "期限筛选只能是 overdue（已超期）或 soon（临期）。")
            .Check(state is null || StateNames.ContainsKey(state), "state", "案件状态无效。")
            .Check(source is null || CaseRules.Sources.ContainsKey(source), "source", "线索来源无效。")
            .Check(domain is null || domain.Length <= 10, "domain", "执法领域代码无效。")
            .Check(q is null || q.Length <= 50, "q", "搜索内容不能超过 50 个字符。")
            .ThrowIfInvalid();
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var domains = await Domains.NamesAsync(s.Powers, ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where k.region_path like @scope and (@state::text is null or k.state = @state)
              and (@domain::text is null or k.domain = @domain) and (@source::text is null or k.source = @source)
              and (@q::text is null or k.place like '%' || @q || '%' or k.party_name like '%' || @q || '%'
                   or k.description like '%' || @q || '%')
              and (@due::text is null or k.state = 'filed' and case when @due = 'overdue'
                   then k.decision_due_on < @today else k.decision_due_on between @today and @soonUntil end)
              and (@afterId::uuid is null or (k.received_at, k.id) < (@afterAt, @afterId))
            order by k.received_at desc, k.id desc limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, state, domain, source, q, due, today = s.Today,
                soonUntil = s.Today.AddDays(s.Settings.DecisionDueSoonDays), afterAt = after?.ReceivedAt,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, k => new Key(k.ReceivedAt, k.Id));
        return TypedResults.Ok(new Page<CaseResponse>(
            page.Items.Select(k => ToResponse(k, domains, [], [], s.User, s.Settings)).ToList(), page.NextCursor));
    }
}
