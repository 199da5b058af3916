using Governance.Calendar.Contracts;
using Governance.PowerLists.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Features;

/// <param name="DueOn">公示期限: the last working day to publish (7 after a penalty decision, 20 after
/// another).</param>
/// <param name="Late">Published after its due day, or still unpublished past it.</param>
/// <param name="RetractionDueOn">撤回期限: 3 working days after the decision was revoked or changed.</param>
/// <param name="PartyDisplay">As published: a natural person's name masked, an organisation's in full.</param>
public sealed record DisclosureResponse(
    Guid Id, Guid CaseId, string State, string StateName, string Kind, DateOnly DecidedOn, DateOnly DueOn, bool Late,
    DateOnly? PublishedOn, DateOnly? RevokedOn, DateOnly? RetractedOn, DateOnly? RetractionDueOn,
    string? RetractionReason, string DecisionNo, string? TownshipName, string? DomainName, string? PartyKind,
    string? PartyDisplay, string? CreditCode, string? Facts, string? Penalty, string? LegalBasis,
    IReadOnlyList<string> AllowedActions, int Version);

/// <param name="RevokedOn">撤回: the day the decision was revoked or changed.</param>
/// <param name="Reason">撤回: the public reason.</param>
public sealed record DisclosureRequest(DateOnly? RevokedOn, [TextLimit(1000)] string? Reason,
    [TextLimit(TextLimits.Note)] string? Note);

/// <summary>
/// 行政执法公示 · 事后公开: each decision gets a disclosure when it is made (<see cref="CreateAsync"/>), due within
/// working days of the decision; 公示 publishes a snapshot of the decision (the party masked where a person, the ID
/// number never); 撤回 withdraws it with the public reason when the decision is revoked or changed. The public reads
/// them in <see cref="PublicDisclosures"/>.
/// </summary>
internal static class Disclosures
{
    internal static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["pending"] = "待公示", ["published"] = "已公示", ["retracted"] = "已撤回",
    };

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "disclosures", RecordType = "enforcement_disclosure", AuditPrefix = "enforcement.disclosure",
        Table = "enforcement.disclosures", EventsTable = "enforcement.disclosure_events", StateNames = StateNames,
        Actions =
        [
            new("publish", EnforcementPermissions.CasesFile, "公示处罚决定（事后公开）"),
            new("retract", EnforcementPermissions.CasesFile, "撤回公示（决定被撤销或变更）"),
        ],
        Transitions = [new("pending", "publish", "published"), new("published", "retract", "retracted")],
    };

    internal sealed record Row(
        Guid Id, Guid CaseId, string RegionPath, string State, string Kind, DateOnly DecidedOn, DateOnly DueOn,
        DateOnly? PublishedOn, DateOnly? RevokedOn, DateOnly? RetractedOn, string? RetractionReason, string DecisionNo,
        string? TownshipName, string? DomainName, string? PartyKind, string? PartyDisplay, string? CreditCode,
        string? Facts, string? Penalty, string? LegalBasis, int Version) : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    internal const string Select = """
        select d.id, d.case_id, d.region_path, d.state, d.kind, d.decided_on, d.due_on, d.published_on, d.revoked_on,
               d.retracted_on, d.retraction_reason, d.decision_no, d.township_name, d.domain_name, d.party_kind,
               d.party_display, d.credit_code, d.facts, d.penalty, d.legal_basis, d.version
        from enforcement.disclosures d
        """;

    /// <summary>The decision's disclosure, due <see cref="EnforcementOptions.DisclosureWorkingDays"/> working days
    /// after a penalty (<see cref="EnforcementOptions.OtherDisclosureWorkingDays"/> after another decision).</summary>
    public static Task CreateAsync(CaseStep step, string decisionNo, bool penalty) =>
        step.C.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.disclosures
                (id, case_id, team_id, region_path, state, kind, decided_on, due_on, decision_no)
            values (@did, @id, @TeamId, @RegionPath, 'pending', @kind, @today, @due, @decisionNo)
            """, new
            {
                did = Guid.CreateVersion7(), step.K.Id, step.K.TeamId, step.K.RegionPath,
                kind = penalty ? "penalty" : "other", today = step.Today, decisionNo,
                due = step.Calendar.AddWorkingDays(step.Today,
                    penalty ? step.Options.DisclosureWorkingDays : step.Options.OtherDisclosureWorkingDays),
            }, step.Tx, cancellationToken: step.Ct));

    private static DisclosureResponse ToResponse(
        Row d, WorkingDayCalendar calendar, EnforcementOptions o, DateOnly today, CurrentUser user) =>
        new(d.Id, d.CaseId, d.State, StateNames[d.State], d.Kind, d.DecidedOn, d.DueOn,
            (d.PublishedOn ?? today) > d.DueOn, d.PublishedOn, d.RevokedOn, d.RetractedOn,
            d.RevokedOn is { } revoked ? calendar.AddWorkingDays(revoked, o.RetractionWorkingDays) : null,
            d.RetractionReason, d.DecisionNo, d.TownshipName, d.DomainName, d.PartyKind, d.PartyDisplay, d.CreditCode,
            d.Facts, d.Penalty, d.LegalBasis, Workflow.AllowedActions(d, user), d.Version);

    public static async Task<Ok<DisclosureResponse>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var calendar = await s.Calendar.CurrentAsync(ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var d = await FindAsync(c, null, id, s.User, ct);
        if (d is null) return await s.Guard.DenyAsync<Ok<DisclosureResponse>>(Workflow.RecordType, id, ct);
        ETags.Set(s.Http, d.Version);
        return TypedResults.Ok(ToResponse(d, calendar, s.Settings, s.Today, s.User));
    }

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where d.id = @id and d.region_path like @scope and {user.PeriodSql("d.decided_on")} "
            + (forUpdate ? "for update" : ""),
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private sealed record Key(DateOnly DecidedOn, Guid Id);

    /// <summary>公示变更 for nightly scripts: the disclosures in scope created or changed since the cursor; a retracted
    /// one comes as a tombstone with its public reason (see <see cref="ChangeFeed"/>).</summary>
    public static async Task<Ok<ChangePage<DisclosureResponse>>> Changes(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var calendar = await s.Calendar.CurrentAsync(ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<DisclosureResponse>> Load(IReadOnlyList<Guid> ids) =>
            (await c.QueryAsync<Row>(new CommandDefinition($"{Select} where d.id = any(@ids)",
                new { ids = ids.ToArray() }, cancellationToken: ct)))
            .Select(d => ToResponse(d, calendar, s.Settings, s.Today, s.User)).ToList();
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c,
            new ChangeSource<DisclosureResponse>("enforcement.disclosures", "d",
                $"{RegionScope.Sql("d.region_path")} and {s.User.PeriodSql("d.decided_on")}", Load, d => d.Id)
            {
                Gone = d => d.State == "retracted" ? new Tombstone(d.Id, d.RetractedOn, d.RetractionReason) : null,
            }, s.User.Scope, changedSince, limit, ct));
    }

    /// <summary>Disclosures in scope, newest decision first: by state, or <c>late=true</c> — published after their
    /// due day or still pending past it (the county's view of 公示及时率).</summary>
    public static async Task<Ok<Page<DisclosureResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, bool? late, [TextLimit(TextLimits.Cursor)] string? cursor,
        int? limit, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        state = TextInput.Blank(state);
        new Validator().Check(state is null || StateNames.ContainsKey(state), "state", "公示状态无效。")
            .ThrowIfInvalid();
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var calendar = await s.Calendar.CurrentAsync(ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where d.region_path like @scope and {s.User.PeriodSql("d.decided_on")}
              and (@state::text is null or d.state = @state)
              and (@late::boolean is null or (coalesce(d.published_on, @today) > d.due_on) = @late)
              and (@afterId::uuid is null or (d.decided_on, d.id) < (@afterOn, @afterId))
            order by d.decided_on desc, d.id desc limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, state, late, today = s.Today, afterOn = after?.DecidedOn,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, d => new Key(d.DecidedOn, d.Id));
        return TypedResults.Ok(new Page<DisclosureResponse>(
            page.Items.Select(d => ToResponse(d, calendar, s.Settings, s.Today, s.User)).ToList(), page.NextCursor));
    }

    public static async Task<Ok<DisclosureResponse>> Act(
        Guid id, DisclosureRequest r, [AsParameters] WorkflowServices s, [AsParameters] DisclosureServices ds)
    {
        var ct = s.Cancellation;
        var today = CountyClock.Today(s.Clock);
        var calendar = await ds.Calendar.CurrentAsync(ct);
        var domains = await Features.Domains.NamesAsync(ds.Powers, ct);
        await using var step = await Workflow.StartAsync(s, id,
            (c, tx) => FindAsync(c, tx, id, s.User, ct, forUpdate: true));
        var (c, tx, d) = (step.Connection, step.Transaction, step.Before);
        var retract = step.Action == "retract";
        new Validator()
            .Check(!retract || r.RevokedOn is not null, "revokedOn", "请填写决定被撤销或变更的日期。")
            .Check(r.RevokedOn is null || r.RevokedOn >= d.DecidedOn && r.RevokedOn <= today, "revokedOn",
                "日期须在决定之日与今天之间。")
            .Check(!retract || !string.IsNullOrWhiteSpace(r.Reason), "reason", "请填写公开的撤回理由。")
            .ThrowIfInvalid();
        object after;
        if (retract)
        {
            await c.ExecuteAsync(new CommandDefinition("""
                update enforcement.disclosures set revoked_on = @RevokedOn, retracted_on = @today,
                    retraction_reason = @reason where id = @id
                """, new { id, r.RevokedOn, today, reason = r.Reason!.Trim() }, tx, cancellationToken: ct));
            after = new { r.RevokedOn, RetractedOn = today, Reason = r.Reason.Trim() };
        }
        else
        {
            var k = await c.QuerySingleAsync<(string Path, string Domain, string? PartyKind, string? PartyName,
                string? PartyId, string Description, string? Kinds, decimal? Fine, decimal? Confiscation,
                string? LegalBasis)>(new CommandDefinition("""
                select region_path, domain, party_kind, party_name, party_id_number, description,
                       array_to_string(penalty_kinds, ','), fine_amount, confiscation_amount, legal_basis
                from enforcement.cases where id = @CaseId
                """, new { d.CaseId }, tx, cancellationToken: ct));
            var township = (await ds.Regions.NamesByPathAsync([k.Path], ct)).GetValueOrDefault(k.Path);
            var penalty = new Penalty(k.Kinds?.Split(',') ?? [], k.Fine, k.Confiscation).ToString();
            var person = k.PartyKind == "person";
            await c.ExecuteAsync(new CommandDefinition("""
                update enforcement.disclosures set published_on = @today, township_name = @township,
                    domain = @Domain, domain_name = @domainName, party_kind = @PartyKind, party_display = @party,
                    credit_code = @creditCode, facts = @Description, penalty = @penalty, legal_basis = @LegalBasis
                where id = @id
                """, new
                {
                    id, today, township, k.Domain, domainName = domains.GetValueOrDefault(k.Domain, k.Domain),
                    k.PartyKind, party = person && k.PartyName is { } name ? Masking.Name(name) : k.PartyName,
                    creditCode = person ? null : k.PartyId, k.Description, penalty, k.LegalBasis,
                }, tx, cancellationToken: ct));
            after = new { PublishedOn = today, Late = today > d.DueOn };
        }
        await step.MoveAsync(TextInput.Blank(r.Note));
        var now = (await FindAsync(c, tx, id, s.User, ct))!;
        await step.CommitAsync(new { d.State }, after);
        return TypedResults.Ok(ToResponse(now, calendar, ds.Options.Value, today, s.User));
    }
}

/// <summary>What a disclosure step needs besides the workflow's services.</summary>
internal sealed record DisclosureServices(
    IPowerLists Powers, IRegionDirectory Regions, IWorkingCalendar Calendar, IOptions<EnforcementOptions> Options);
