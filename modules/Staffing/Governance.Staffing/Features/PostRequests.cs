using Governance.Staffing.Ledger;

namespace Governance.Staffing.Features;

public sealed record SubmitPostRequest(
    Guid? UnitId, [TextLimit(TextLimits.Code)] string? Kind, [TextLimit(TextLimits.Code)] string? Funding, int? Year,
    int? Posts, [TextLimit(TextLimits.Code)] string? EntryKind, [TextLimit(TextLimits.Note)] string? Reason);

public sealed record PostRequestActionRequest([TextLimit(TextLimits.Note)] string? Note);

public sealed record PostRequestResponse(
    Guid Id, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string KindName, string Funding,
    string FundingName, int Year, int Posts, int Used, string EntryKind, string EntryKindName, string Reason,
    string State, string StateName, IReadOnlyList<WorkflowEvent> Events, IReadOnlyList<string> AllowedActions,
    DateTimeOffset CreatedAt, string CreatedBy, int Version);

public sealed record CreatePlanRequest(
    Guid? UnitId, [TextLimit(TextLimits.Code)] string? Kind, [TextLimit(TextLimits.Code)] string? Funding, int? Year,
    int? Posts, [TextLimit(TextLimits.Number)] string? DocumentNo);

public sealed record PlanResponse(
    Guid Id, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, int Year, int Posts,
    int Requested, string? DocumentNo);

/// <summary>
/// 编制使用申请: a unit with a vacancy asks to fill it → the 编办 checks the approved posts, the occupants and the
/// unit's 用编计划 for the year and approves (reserving the posts) or rejects → HR hires against it (入编, in
/// <see cref="People"/>), each hire using one reserved post. Cancelling an approved request frees what is unused.
/// </summary>
internal static class PostRequests
{
    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["submitted"] = "待编办审批", ["approved"] = "已批准", ["rejected"] = "不予批准", ["withdrawn"] = "已撤回",
        ["cancelled"] = "已注销",
    };

    public static string StateName(string state) => StateNames[state];

    /// <summary>Only the unit that submitted a request withdraws it.</summary>
    private static string? OwnUnit(Row r, CurrentUser user) =>
        user.UnitId == r.SubmittedUnit ? null : "只有提出申请的单位可以撤回。";

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "post-requests", RecordType = "post_request", AuditPrefix = "staffing.post_request",
        Table = "staffing.post_requests", EventsTable = "staffing.post_request_events", StateNames = StateNames,
        Actions =
        [
            new("approve", StaffingPermissions.Manage, "编办批准（预留空编）"),
            new("reject", StaffingPermissions.Manage, "编办不予批准"),
            new("withdraw", StaffingPermissions.Request, "申请单位撤回"),
            new("cancel", StaffingPermissions.Manage, "注销未使用的编制"),
        ],
        Transitions =
        [
            new("submitted", "approve", "approved"), new("submitted", "reject", "rejected"),
            new("submitted", "withdraw", "withdrawn", OwnUnit),
            new("approved", "cancel", "cancelled", (r, _) => r.Used < r.Posts ? null : "申请的编制已全部使用。"),
        ],
    };

    internal sealed record Row(
        Guid Id, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, string RegionPath,
        int Year, int Posts, int Used, string EntryKind, string Reason, string State, Guid? SubmittedUnit,
        DateTime CreatedAt, string CreatedBy, int Version) : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    private const string Select = """
        select r.id, r.establishment_id, e.unit_id, e.unit_name, e.kind, e.funding, r.region_path, r.year, r.posts,
               r.used, r.entry_kind, r.reason, r.state, r.submitted_unit, r.created_at, r.created_by, r.version
        from staffing.post_requests r join staffing.establishments e on e.id = r.establishment_id
        """;

    internal static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where r.id = @id and r.region_path like @scope {(forUpdate ? "for update of r" : "")}",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private static PostRequestResponse ToResponse(Row r, IEnumerable<WorkflowEvent> events, CurrentUser user) =>
        new(r.Id, r.EstablishmentId, r.UnitId, r.UnitName, r.Kind, PostTypes.Kinds[r.Kind], r.Funding,
            PostTypes.Fundings[r.Funding], r.Year, r.Posts, r.Used, r.EntryKind, PostTypes.EntryKinds[r.EntryKind],
            r.Reason, r.State, StateNames[r.State], events.ToList(), Workflow.AllowedActions(r, user),
            new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)), r.CreatedBy, r.Version);

    public static async Task<Created<PostRequestResponse>> Submit(
        SubmitPostRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IUnitDirectory units,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var unit = r.UnitId is { } u ? await units.FindAsync(u, ct) : null;
        // a county unit's staff ask for their own unit; a township leader for the units of the township
        var own = user.UnitId is { } mine ? await units.FindAsync(mine, ct) : null;
        var today = CountyClock.Today(clock);
        new Validator()
            .Check(unit is not null && user.Scope.Contains(unit.RegionPath) && PostTypes.HoldsPosts(unit.Kind),
                "unitId", "请选择您管辖范围内的单位。")
            .Check(unit is null || own is not { Kind: "county_department" or "county_institution" }
                   || own.Id == unit.Id, "unitId", "县直单位只能为本单位申请使用编制。")
            .Check(r.Kind is not null && PostTypes.Kinds.ContainsKey(r.Kind), "kind", "请选择编制类别。")
            .Check(r.Funding is not null && PostTypes.Fundings.ContainsKey(r.Funding), "funding", "请选择经费形式。")
            .Check(r.Year is { } y && y >= today.Year - 1 && y <= today.Year + 1, "year",
                "申请年度须为上一年、本年或下一年。")
            .Check(r.Posts is >= 1 and <= 500, "posts", "申请使用的编制数须在 1–500 之间。")
            .Check(r.EntryKind is not null && PostTypes.EntryKinds.ContainsKey(r.EntryKind), "entryKind",
                "请选择补充方式：招录（聘）、调入、选调或转任。")
            .Required(r.Reason, "reason", "申请理由")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var establishment = await c.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "select id from staffing.establishments where unit_id = @unitId and kind = @kind and funding = @funding",
            new { unitId = unit!.Id, r.Kind, r.Funding }, tx, cancellationToken: ct))
            ?? throw new ValidationException("kind", $"{unit.Name}没有核定{PostTypes.Describe(r.Kind!, r.Funding!)}。");
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.post_requests (id, establishment_id, region_path, year, posts, entry_kind, reason,
                state, submitted_unit, created_at, created_by)
            values (@id, @establishment, @path, @Year, @Posts, @EntryKind, @reason, 'submitted', @submittedUnit, @now,
                @by)
            """, new
            {
                id, establishment, path = unit.RegionPath, r.Year, r.Posts, r.EntryKind, reason = r.Reason!.Trim(),
                submittedUnit = user.UnitId, now, by = user.Name,
            }, tx, cancellationToken: ct));
        await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
            new WorkflowEventRow(id, now, user.Id, user.Name, "submit", null, "submitted", null), ct);
        var row = (await FindAsync(c, tx, id, user, ct))!;
        var response = ToResponse(row, await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, id, ct), user);
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.post_request.submit", Workflow.RecordType,
            id.ToString(), row.RegionPath, After: response), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, row.Version);
        return TypedResults.Created($"/api/v1/staffing/post-requests/{id}", response);
    }

    /// <summary>One step, checked in the mechanism's order; approving reserves the posts through the ledger writer
    /// (refused with the figures when the unit has no vacancy) within the year's 用编计划.</summary>
    public static async Task<Ok<PostRequestResponse>> Act(
        Guid id, PostRequestActionRequest r, [AsParameters] WorkflowServices s)
    {
        var (user, ct) = (s.User, s.Cancellation);
        await using var step = await Workflow.StartAsync(s, id, (c, tx) => FindAsync(c, tx, id, user, ct, true));
        var (action, before, c, tx) = (step.Action, step.Before, step.Connection, step.Transaction);
        new Validator()
            .Check(action is "approve" || !string.IsNullOrWhiteSpace(r.Note), "note", "请填写理由。")
            .ThrowIfInvalid();
        var today = CountyClock.Today(s.Clock);
        if (action == "approve")
        {
            await CheckPlanAsync(c, tx, before, ct);
            await LedgerWriter.AppendAsync(c, tx, [], today, step.Now, user.Name, ct,
                new Dictionary<Guid, int> { [before.EstablishmentId] = before.Posts });
        }
        if (action == "cancel")
            await LedgerWriter.AppendAsync(c, tx, [], today, step.Now, user.Name, ct,
                new Dictionary<Guid, int> { [before.EstablishmentId] = before.Used - before.Posts });
        await step.MoveAsync(TextInput.Blank(r.Note));
        var after = (await FindAsync(c, tx, id, user, ct))!;
        var response = ToResponse(after, await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, id, ct), user);
        await step.CommitAsync(new { before.State, before.Used }, new { after.State, after.Used, r.Note });
        return TypedResults.Ok(response);
    }

    /// <summary>用编计划: the posts approved for a unit's year (this request included) stay within its plan.</summary>
    private static async Task CheckPlanAsync(NpgsqlConnection c, NpgsqlTransaction tx, Row r, CancellationToken ct)
    {
        var plan = await c.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "select posts from staffing.annual_plans where establishment_id = @EstablishmentId and year = @Year",
            new { r.EstablishmentId, r.Year }, tx, cancellationToken: ct));
        if (plan is null)
            throw new ConflictException("staffing.no_plan",
                $"{r.UnitName}尚未报送 {r.Year} 年度{PostTypes.Describe(r.Kind, r.Funding)}用编计划，" +
                "不能批准使用编制。");
        var approved = await c.ExecuteScalarAsync<int>(new CommandDefinition("""
            select coalesce(sum(case when state = 'cancelled' then used else posts end), 0)::int
            from staffing.post_requests
            where establishment_id = @EstablishmentId and year = @Year and state in ('approved', 'cancelled')
            """, new { r.EstablishmentId, r.Year }, tx, cancellationToken: ct));
        if (approved + r.Posts > plan)
            throw new ConflictException("staffing.over_plan",
                $"{r.UnitName} {r.Year} 年度用编计划 {plan} 名，已批准 {approved} 名，" +
                $"本次申请 {r.Posts} 名将超出计划。");
    }

    private sealed record Key(DateTime CreatedAt, Guid Id);

    public static async Task<Ok<Page<PostRequestResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, Guid? unitId, int? year,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where r.region_path like @scope and (@state::text is null or r.state = @state)
              and (@unitId::uuid is null or e.unit_id = @unitId) and (@year::int is null or r.year = @year)
              and (@afterId::uuid is null or (r.created_at, r.id) < (@afterAt, @afterId))
            order by r.created_at desc, r.id desc limit @take
            """, new
            {
                scope = user.Scope.Pattern, state = TextInput.Blank(state), unitId, year,
                afterAt = after?.CreatedAt ?? DateTime.MinValue, afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, x => new Key(x.CreatedAt, x.Id));
        return TypedResults.Ok(new Page<PostRequestResponse>(
            page.Items.Select(x => ToResponse(x, [], user)).ToList(), page.NextCursor));
    }

    public static async Task<Ok<PostRequestResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, HttpContext http, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(c, null, id, user, ct);
        if (row is null) return await guard.DenyAsync<Ok<PostRequestResponse>>(Workflow.RecordType, id, ct);
        ETags.Set(http, row.Version);
        return TypedResults.Ok(ToResponse(row, await WorkflowEvents.ReadAsync(c, null, Workflow.EventsTable, id, ct),
            user));
    }

    /// <summary>用编计划 of a unit for a year (one per kind and funding; filed at the start of the year).</summary>
    public static async Task<Created<PlanResponse>> CreatePlan(
        CreatePlanRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IUnitDirectory units,
        TimeProvider clock, CancellationToken ct)
    {
        var unit = r.UnitId is { } u ? await units.FindAsync(u, ct) : null;
        new Validator()
            .Check(unit is not null && user.Scope.Contains(unit.RegionPath), "unitId", "请选择您管辖范围内的单位。")
            .Check(r.Kind is not null && PostTypes.Kinds.ContainsKey(r.Kind), "kind", "请选择编制类别。")
            .Check(r.Funding is not null && PostTypes.Fundings.ContainsKey(r.Funding), "funding", "请选择经费形式。")
            .Check(r.Year is >= 2000 and <= 2100, "year", "请填写计划年度。")
            .Check(r.Posts is >= 0 and <= 10000, "posts", "计划用编数须在 0–10000 之间。")
            .ThrowIfInvalid();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var establishment = await c.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "select id from staffing.establishments where unit_id = @unitId and kind = @Kind and funding = @Funding",
            new { unitId = unit!.Id, r.Kind, r.Funding }, tx, cancellationToken: ct))
            ?? throw new ValidationException("kind", $"{unit.Name}没有核定{PostTypes.Describe(r.Kind!, r.Funding!)}。");
        var id = Guid.CreateVersion7();
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.annual_plans (id, establishment_id, region_path, year, posts, document_no, recorded_at,
                recorded_by)
            values (@id, @establishment, @path, @Year, @Posts, @documentNo, @now, @by)
            on conflict (establishment_id, year) do nothing
            """, new
            {
                id, establishment, path = unit.RegionPath, r.Year, r.Posts, documentNo = TextInput.Blank(r.DocumentNo),
                now = clock.GetUtcNow().UtcDateTime, by = user.Name,
            }, tx, cancellationToken: ct));
        if (inserted == 0)
            throw new ConflictException("staffing.plan_exists", $"{unit.Name}已报送 {r.Year} 年度该类编制的用编计划。");
        var response = new PlanResponse(id, establishment, unit.Id, unit.Name, r.Kind!, r.Funding!, r.Year!.Value,
            r.Posts!.Value, 0, TextInput.Blank(r.DocumentNo));
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.plan_recorded", "staffing_plan", id.ToString(),
            unit.RegionPath, After: response), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/staffing/plans?year={r.Year}", response);
    }

    public static async Task<Ok<IReadOnlyList<PlanResponse>>> Plans(
        int year, Guid? unitId, NpgsqlDataSource db, CurrentUser user, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<PlanResponse>(new CommandDefinition("""
            select p.id, p.establishment_id, e.unit_id, e.unit_name, e.kind, e.funding, p.year, p.posts,
                   coalesce((select sum(case when r.state = 'cancelled' then r.used else r.posts end)
                             from staffing.post_requests r where r.establishment_id = p.establishment_id
                               and r.year = p.year and r.state in ('approved', 'cancelled')), 0)::int as requested,
                   p.document_no
            from staffing.annual_plans p join staffing.establishments e on e.id = p.establishment_id
            where p.year = @year and p.region_path like @scope and (@unitId::uuid is null or e.unit_id = @unitId)
            order by e.region_path, e.unit_name, e.kind, e.funding
            """, new { year, unitId, scope = user.Scope.Pattern }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<PlanResponse>>(rows.ToList());
    }
}
