using Governance.Notifications.Contracts;

namespace Governance.PowerLists.Features;

/// <param name="FundsOffered">经费 offered with the duty, in yuan (元).</param>
public sealed record SubmitAdmissionRequest(
    [TextLimit(TextLimits.Code)] string? Kind, Guid? ItemId, IReadOnlyList<Guid>? TownshipIds,
    [TextLimit(TextLimits.Code)] string? Mode, [TextLimit(TextLimits.Code)] string? ListKind,
    DateOnly? EffectiveFrom, [TextLimit(TextLimits.Note)] string? LegalBasis,
    [TextLimit(TextLimits.Note)] string? Reason, int? PostsOffered, decimal? FundsOffered);

public sealed record AdmissionActionRequest([TextLimit(TextLimits.Note)] string? Note,
    [TextLimit(TextLimits.Number)] string? DecisionNo);

public sealed record AdmissionCommentRequest([TextLimit(TextLimits.Note)] string? Note);

public sealed record AdmissionTownship(Guid Id, string Name);

public sealed record AdmissionResponse(
    Guid Id, string Kind, string State, string StateName, Guid DepartmentId, string DepartmentName, Guid ItemId,
    string ItemCode, string ItemName, string Mode, string ListKind, DateOnly EffectiveFrom, string LegalBasis,
    string Reason, int PostsOffered, decimal FundsOffered, string? DecisionNo, string? DecisionNote,
    IReadOnlyList<AdmissionTownship> Townships, IReadOnlyList<WorkflowEvent> Events,
    IReadOnlyList<string> AllowedActions, DateTimeOffset CreatedAt, string CreatedBy, int Version);

/// <summary>
/// 职责准入 (and, reversed, 收回): a county department may not push a duty onto townships by itself. The request goes
/// 提交 → 编办审核 (may return it for more information) → 县领导决定; an approval changes the township lists from the
/// effective date, in the same transaction as the decision.
/// </summary>
internal static class Admissions
{
    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["submitted"] = "待编办审核", ["returned"] = "已退回补充", ["under_decision"] = "待县领导决定",
        ["approved"] = "已批准", ["rejected"] = "不予批准",
    };

    /// <summary>Only the submitting department resubmits its returned request.</summary>
    private static string? OwnDepartment(Row r, CurrentUser user) =>
        user.UnitId == r.DepartmentId ? null : "只有提出申请的部门可以重新提交。";

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "admissions", RecordType = "admission_request", AuditPrefix = "admission",
        Table = "power_lists.admission_requests", EventsTable = "power_lists.admission_events", StateNames = StateNames,
        Actions =
        [
            new("return", PowerListsPermissions.AdmissionsReview, "编办退回补充"),
            new("forward", PowerListsPermissions.AdmissionsReview, "编办审核通过，报县领导决定"),
            new("resubmit", PowerListsPermissions.AdmissionsSubmit, "补充后重新提交"),
            new("approve", PowerListsPermissions.AdmissionsDecide, "县领导批准"),
            new("reject", PowerListsPermissions.AdmissionsDecide, "县领导不予批准"),
        ],
        Transitions =
        [
            new("submitted", "return", "returned"), new("submitted", "forward", "under_decision"),
            new("returned", "resubmit", "submitted", OwnDepartment),
            new("under_decision", "approve", "approved"), new("under_decision", "reject", "rejected"),
        ],
    };

    internal const string Visible = """
        (r.county_path like @scope or exists (select 1 from power_lists.admission_townships t where t.request_id = r.id
            and t.township_path like @scope))
        """;

    internal sealed record Row(
        Guid Id, string Kind, string State, string CountyPath, Guid DepartmentId, string DepartmentName, Guid ItemId,
        string ItemCode, string ItemName, string Mode, string ListKind, DateOnly EffectiveFrom, string LegalBasis,
        string Reason, int PostsOffered, decimal FundsOffered, string? DecisionNo, string? DecisionNote,
        DateTime CreatedAt, string CreatedBy, int Version) : IWorkflowRecord
    {
        public string AuditPath => CountyPath;
    }

    private const string Select = """
        select r.id, r.kind, r.state, r.county_path, r.department_id, r.department_name, r.item_id, i.code as item_code,
               (select v.name from power_lists.item_versions v where v.item_id = r.item_id order by v.version desc
                   limit 1) as item_name,
               r.mode, r.list_kind, r.effective_from, r.legal_basis, r.reason, r.posts_offered, r.funds_offered,
               r.decision_no, r.decision_note, r.created_at, r.created_by, r.version
        from power_lists.admission_requests r join power_lists.items i on i.id = r.item_id
        """;

    private sealed record Key(DateTime CreatedAt, Guid Id);

    public static async Task<Ok<Page<AdmissionResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, [TextLimit(TextLimits.Code)] string? kind,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {Visible}
              and (@state::text is null or r.state = @state) and (@kind::text is null or r.kind = @kind)
              and (@afterId::uuid is null or (r.created_at, r.id) < (@afterAt, @afterId))
            order by r.created_at desc, r.id desc
            limit @take
            """, new
            {
                scope = user.Scope.Pattern, state = TextInput.Blank(state), kind = TextInput.Blank(kind),
                afterAt = after?.CreatedAt ?? DateTime.MinValue, afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.CreatedAt, r.Id));
        return TypedResults.Ok(new Page<AdmissionResponse>(await ToResponses(c, null, page.Items, user, regions,
            withEvents: false, ct), page.NextCursor));
    }

    public static async Task<Ok<AdmissionResponse>> Get(
        Guid id, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var row = await Find(c, null, id, s.User, ct);
        if (row is null) return await s.Guard.DenyAsync<Ok<AdmissionResponse>>("admission_request", id, ct);
        ETags.Set(s.Http, row.Version);
        return TypedResults.Ok((await ToResponses(c, null, [row], s.User, s.Regions, withEvents: true, ct))[0]);
    }

    private static Task<Row?> Find(NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user,
        CancellationToken ct, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where r.id = @id and {Visible} {(forUpdate ? "for update of r" : "")}",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private sealed record TownshipRow(Guid RequestId, Guid TownshipId, string TownshipPath);

    private static async Task<IReadOnlyList<AdmissionResponse>> ToResponses(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, CurrentUser user, IRegionDirectory regions,
        bool withEvents, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();
        var townships = (await c.QueryAsync<TownshipRow>(new CommandDefinition(
            """
            select request_id, township_id, township_path from power_lists.admission_townships
                where request_id = any(@ids) order by township_path
            """, new { ids }, tx, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(townships.Select(t => t.TownshipPath).Distinct().ToList(), ct);
        var events = withEvents
            ? await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, ids, ct)
            : Enumerable.Empty<WorkflowEvent>().ToLookup(_ => Guid.Empty);
        var byRequest = townships.ToLookup(t => t.RequestId);
        return rows.Select(r => new AdmissionResponse(r.Id, r.Kind, r.State, StateNames[r.State], r.DepartmentId,
            r.DepartmentName, r.ItemId, r.ItemCode, r.ItemName, r.Mode, r.ListKind, r.EffectiveFrom, r.LegalBasis,
            r.Reason, r.PostsOffered, r.FundsOffered, r.DecisionNo, r.DecisionNote,
            byRequest[r.Id].Select(t => new AdmissionTownship(t.TownshipId,
                names.GetValueOrDefault(t.TownshipPath, ""))).ToList(),
            events[r.Id].ToList(), Workflow.AllowedActions(r, user),
            new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)), r.CreatedBy, r.Version)).ToList();
    }

    public static async Task<Created<AdmissionResponse>> Submit(
        SubmitAdmissionRequest r, [AsParameters] PowerListsServices s, INotifications notifications)
    {
        var ct = s.Cancellation;
        var department = s.User.UnitId is { } unitId ? await s.Units.FindAsync(unitId, ct) : null;
        if (department is not { Kind: "county_department" })
            throw new ForbiddenException("职责准入申请须由县直部门的工作人员提交。");
        var v = new Validator()
            .Check(r.Kind is "admission" or "withdrawal", "kind",
                "申请类别只能是职责准入（admission）或收回（withdrawal）。")
            .Check(r.ItemId is not null, "itemId", "请选择事项。")
            .Check(r.TownshipIds is { Count: > 0 }, "townshipIds", "请选择涉及的乡镇（街道）。")
            .Check(r.Mode is ExerciseModes.Statutory or ExerciseModes.Granted, "mode",
                "准入事项的行使方式为法定或赋权；委托事项请签订委托协议。")
            .Check(r.ListKind is "basic" or "supporting", "listKind", "请选择基本履职事项或配合履职事项。")
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "请填写拟生效日期。")
            .Required(r.LegalBasis, "legalBasis", "法律依据")
            .Required(r.Reason, "reason", "申请理由")
            .Check(r.PostsOffered is null or >= 0, "postsOffered", "随事下沉的编制数不能为负。")
            .Check(r.FundsOffered is null or >= 0, "fundsOffered", "随事下拨的经费不能为负。");
        v.ThrowIfInvalid();

        var townships = new List<RegionInfo>();
        foreach (var tid in r.TownshipIds!.Distinct())
        {
            var t = await s.Regions.FindAsync(tid, ct);
            if (t is not { Level: RegionLevels.Township } || !t.Path.StartsWith(department.RegionPath,
                StringComparison.Ordinal))
                throw new ValidationException("townshipIds", "所选乡镇（街道）不属于本县。");
            townships.Add(t);
        }
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var itemInCounty = await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from power_lists.items where id = @ItemId and county_path = @path)",
            new { r.ItemId, path = department.RegionPath }, cancellationToken: ct));
        if (!itemInCounty) throw new ValidationException("itemId", "事项不在本县权责清单目录中。");

        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var now = s.Clock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.admission_requests (id, kind, state, county_path, department_id, department_name,
                item_id, mode, list_kind, effective_from, legal_basis, reason, posts_offered, funds_offered, created_at,
                created_by)
            values (@id, @kind, 'submitted', @countyPath, @departmentId, @departmentName, @itemId, @mode, @listKind,
                @effectiveFrom, @legalBasis, @reason, @posts, @funds, @now, @by);
            insert into power_lists.admission_townships (request_id, township_id, township_path) select @id,
                unnest(@townshipIds), unnest(@townshipPaths);
            """, new
            {
                id, kind = r.Kind, countyPath = department.RegionPath, departmentId = department.Id,
                departmentName = department.Name, itemId = r.ItemId, mode = r.Mode, listKind = r.ListKind,
                effectiveFrom = r.EffectiveFrom, legalBasis = r.LegalBasis!.Trim(), reason = r.Reason!.Trim(),
                posts = r.PostsOffered ?? 0, funds = r.FundsOffered ?? 0, by = s.User.Name, now,
                townshipIds = townships.Select(t => t.Id).ToArray(),
                townshipPaths = townships.Select(t => t.Path).ToArray(),
            }, tx, cancellationToken: ct));
        await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
            new WorkflowEventRow(id, now, s.User.Id, s.User.Name, "submit", null, "submitted", null), ct);
        var row = (await Find(c, tx, id, s.User, ct))!;
        var response = (await ToResponses(c, tx, [row], s.User, s.Regions, withEvents: true, ct))[0];
        await s.Audit.RecordAsync(c, tx, new AuditRecord(
            "admission.submitted", Workflow.RecordType, id.ToString(), department.RegionPath, After: response), ct);
        await notifications.NotifyAsync(c, tx, townships.Select(t => t.Path).ToList(),
            r.Kind == "admission" ? "职责准入申请" : "职责收回申请",
            $"{department.Name}申请{(r.Kind == "admission" ? "向你单位准入" : "收回")}“{row.ItemName}”，拟于 " +
            $"{r.EffectiveFrom:yyyy-MM-dd} 生效，可在申请详情中发表意见。", $"/power-lists/admissions/{id}", ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, row.Version);
        return TypedResults.Created($"/api/v1/power-lists/admissions/{id}", response);
    }

    /// <summary>
    /// One step of the workflow, checked in the mechanism's order (<see cref="Workflow{TRecord}.StartAsync"/>).
    /// </summary>
    public static async Task<Ok<AdmissionResponse>> Act(
        Guid id, AdmissionActionRequest r, [AsParameters] WorkflowServices s, IRegionDirectory regions,
        INotifications notifications)
    {
        var (user, ct) = (s.User, s.Cancellation);
        await using var step = await Workflow.StartAsync(s, id, (c, tx) => Find(c, tx, id, user, ct, forUpdate: true));
        var (action, before, c, tx) = (step.Action, step.Before, step.Connection, step.Transaction);
        new Validator()
            .Check(action is "forward" or "approve" or "resubmit" || !string.IsNullOrWhiteSpace(r.Note), "note",
                action == "reject" ? "请填写不予批准的理由。" : "请填写退回的原因和需要补充的材料。")
            .Check(action != "approve" || before.Mode != ExerciseModes.Granted
                || !string.IsNullOrWhiteSpace(r.DecisionNo), "decisionNo", "赋权事项的批准须填写决定文号。")
            .ThrowIfInvalid();

        var note = TextInput.Blank(r.Note);
        if (action == "approve") await ApplyAsync(c, tx, before, r.DecisionNo?.Trim(), user, step.Now, ct);
        if (action is "approve" or "reject")
            await c.ExecuteAsync(new CommandDefinition(
                """
                update power_lists.admission_requests set decision_no = @decisionNo, decision_note = @note
                    where id = @id
                """, new { id, decisionNo = TextInput.Blank(r.DecisionNo), note }, tx, cancellationToken: ct));
        await step.MoveAsync(note);
        var after = (await Find(c, tx, id, user, ct))!;
        var response = (await ToResponses(c, tx, [after], user, regions, withEvents: true, ct))[0];
        if (action is "approve" or "reject")
            await notifications.NotifyAsync(c, tx, await TownshipPaths(c, tx, id, ct),
                action == "approve" ? "职责准入已批准" : "职责准入未获批准",
                action == "approve"
                    ? $"“{after.ItemName}”的{(after.Kind == "admission" ? "准入" : "收回")}已经县政府批准，自 " +
                        $"{after.EffectiveFrom:yyyy-MM-dd} 起调整你单位的权责清单。"
                    : $"“{after.ItemName}”的{(after.Kind == "admission" ? "准入" : "收回")}申请未获批准：{note}",
                $"/power-lists/admissions/{id}", ct);
        await step.CommitAsync(new { before.State }, new { after.State, r.Note, r.DecisionNo });
        return TypedResults.Ok(response);
    }

    private static async Task<IReadOnlyCollection<string>> TownshipPaths(NpgsqlConnection c, NpgsqlTransaction tx,
        Guid id, CancellationToken ct) =>
        (await c.QueryAsync<string>(new CommandDefinition("""
            select township_path from power_lists.admission_townships where request_id = @id
            """, new { id }, tx, cancellationToken: ct))).ToList();

    /// <summary>意见: anyone who can see the request and holds admissions.comment — the affected townships included —
    /// may comment; the state does not change.</summary>
    public static async Task<Ok<AdmissionResponse>> Comment(
        Guid id, AdmissionCommentRequest r, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await Find(c, tx, id, s.User, ct, forUpdate: true);
        if (row is null) return await s.Guard.DenyAsync<Ok<AdmissionResponse>>(Workflow.RecordType, id, ct);
        new Validator().Required(r.Note, "note", "意见").ThrowIfInvalid();
        await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
            new WorkflowEventRow(id, s.Clock.GetUtcNow().UtcDateTime, s.User.Id, s.User.Name, "comment", row.State,
                row.State, r.Note!.Trim()), ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord("admission.comment", Workflow.RecordType, id.ToString(),
            s.User.Scope.Path, After: new { r.Note }), ct);
        var response = (await ToResponses(c, tx, [row], s.User, s.Regions, withEvents: true, ct))[0];
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, row.Version);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// The approved change to the township lists, published at once (it is a county government decision).
    /// </summary>
    private static async Task ApplyAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Row r, string? decisionNo, CurrentUser user, DateTime now,
        CancellationToken ct)
    {
        var townships = (await c.QueryAsync<TownshipRow>(new CommandDefinition(
            "select request_id, township_id, township_path from power_lists.admission_townships where request_id = @id",
            new { id = r.Id }, tx, cancellationToken: ct))).ToList();
        if (r.Kind == "admission")
        {
            try
            {
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into power_lists.entries (id, township_id, township_path, item_id, mode, list_kind,
                                                     decision_no, valid, note, published_at, created_at, created_by)
                    select gen_random_uuid(), unnest(@townshipIds), unnest(@townshipPaths), @itemId, @mode, @listKind,
                           @decisionNo, daterange(@from, null), @note, @now, @now, @by
                    """, new
                    {
                        townshipIds = townships.Select(t => t.TownshipId).ToArray(),
                        townshipPaths = townships.Select(t => t.TownshipPath).ToArray(), itemId = r.ItemId,
                        mode = r.Mode, listKind = r.ListKind, decisionNo, from = r.EffectiveFrom,
                        note = $"职责准入 {r.Id}", now, by = user.Name,
                    }, tx, cancellationToken: ct));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
            {
                throw new ConflictException("powers.entry_overlap",
                    "所涉乡镇（街道）在生效日期后已有该事项，不能重复准入（同一事项同一时间只能有一个行使主体）。");
            }
            return;
        }
        // 收回: the entry in force on the effective date ends, and the item is listed as 上级部门收回事项 from then on
        var ended = await c.ExecuteAsync(new CommandDefinition("""
            with ending as (
                update power_lists.entries e set valid = daterange(lower(e.valid), @from)
                where e.item_id = @itemId and e.township_id = any(@townshipIds) and e.valid @> @from
                    and lower(e.valid) < @from and e.list_kind <> 'withdrawn'
                returning e.*)
            insert into power_lists.entries (id, township_id, township_path, item_id, mode, list_kind, decision_no,
                                             agreement_id, valid, note, published_at, created_at, created_by)
            select gen_random_uuid(), township_id, township_path, item_id, mode, 'withdrawn', decision_no, agreement_id,
                   daterange(@from, null), @note, @now, @now, @by
            from ending
            """, new
            {
                itemId = r.ItemId, townshipIds = townships.Select(t => t.TownshipId).ToArray(), from = r.EffectiveFrom,
                note = $"收回 {r.Id}", now, by = user.Name,
            },
            tx, cancellationToken: ct));
        if (ended != townships.Count)
            throw new ConflictException("admissions.nothing_to_withdraw",
                "有乡镇（街道）在收回生效日期并未行使该事项（或该日即为其起始日），无法收回。");
    }
}
