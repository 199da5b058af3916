using Governance.Calendar.Contracts;
using Governance.Notifications.Contracts;

namespace Governance.Enforcement.Features;

/// <param name="Source"><c>manual</c> (scored by hand) or <c>computed:&lt;KPI code&gt;</c> (from the cases).</param>
/// <param name="KpiName">The KPI's name, for a computed indicator.</param>
public sealed record AssessmentIndicator(
    string Code, string Name, decimal Weight, decimal MaxScore, string Source, string? KpiName);

/// <param name="Kind"><c>township</c> (its region id) or <c>department</c> (its unit id).</param>
public sealed record AssessmentParty(Guid Id, string Kind, string Name);

/// <param name="Direction"><c>townships</c>: 县直部门评乡镇; <c>departments</c>: 乡镇评县直部门.</param>
/// <param name="WindowOpen">Scoring is possible today: the round is open and today is inside the window.</param>
/// <param name="Scorers">Who scores (empty in lists).</param>
/// <param name="Scored">Who is scored (empty in lists).</param>
/// <param name="Events">The timeline (empty in lists).</param>
public sealed record AssessmentRoundResponse(
    Guid Id, string Title, string Direction, string DirectionName, string PeriodKind, string PeriodLabel,
    DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly OpensOn, DateOnly ClosesOn, bool WindowOpen, string State,
    string StateName, IReadOnlyList<AssessmentIndicator> Indicators, IReadOnlyList<AssessmentParty> Scorers,
    IReadOnlyList<AssessmentParty> Scored, DateTimeOffset? LockedAt, DateTimeOffset? PublishedAt,
    IReadOnlyList<WorkflowEvent> Events, IReadOnlyList<string> AllowedActions, int Version);

public sealed record AssessmentIndicatorRequest(
    [TextLimit(TextLimits.Code)] string? Code, [TextLimit(100)] string? Name, decimal? Weight, decimal? MaxScore,
    [TextLimit(TextLimits.Code)] string? Source);

/// <param name="PeriodKind"><c>quarter</c> (with <paramref name="Quarter"/> 1–4) or <c>year</c>.</param>
/// <param name="DepartmentIds">The county departments taking part; all of the county's when empty.</param>
public sealed record AssessmentRoundRequest(
    [TextLimit(100)] string? Title, [TextLimit(TextLimits.Code)] string? Direction,
    [TextLimit(TextLimits.Code)] string? PeriodKind, int? Year, int? Quarter, DateOnly? OpensOn,
    DateOnly? ClosesOn, IReadOnlyList<Guid>? DepartmentIds, IReadOnlyList<AssessmentIndicatorRequest>? Indicators);

public sealed record AssessmentStepRequest([TextLimit(1000)] string? Note);

/// <summary>
/// 双向考核 rounds: created by the county (<see cref="EnforcementPermissions.AssessManage"/>) with their indicator
/// set and window, then a workflow on the shared mechanism — 开始评分 (open), 锁定 (lock: after the window, the
/// computed indicators frozen), 公布 (publish: the results go to the whole county). Scoring is in
/// <see cref="AssessmentSheets"/>, results in <see cref="AssessmentResults"/>.
/// </summary>
internal static class AssessmentRounds
{
    internal static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["draft"] = "草稿", ["open"] = "评分中", ["locked"] = "已锁定", ["published"] = "已公布",
    };

    internal static readonly IReadOnlyDictionary<string, string> Directions = new Dictionary<string, string>
    {
        ["townships"] = "县直部门评乡镇（街道）执法工作", ["departments"] = "乡镇（街道）评县直部门",
    };

    private static readonly string Manage = EnforcementPermissions.AssessManage;

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "assessment_rounds", RecordType = "assessment_round", AuditPrefix = "enforcement.assessment",
        Table = "enforcement.assessment_rounds", EventsTable = "enforcement.assessment_round_events",
        StateNames = StateNames,
        Actions =
        [
            new("open", Manage, "开始评分（评分期内各单位填报）"),
            new("lock", Manage, "锁定（评分期结束后；冻结计算指标）"),
            new("publish", Manage, "向全县公布考核结果"),
        ],
        Transitions =
        [
            new("draft", "open", "open",
                (k, _) => k.ClosesOn < k.Today ? $"评分期已于 {k.ClosesOn:yyyy-MM-dd} 结束，请新建考核。" : null),
            new("open", "lock", "locked",
                (k, _) => k.ClosesOn >= k.Today ? $"评分期至 {k.ClosesOn:yyyy-MM-dd} 结束，结束后才能锁定。" : null),
            new("locked", "publish", "published"),
        ],
    };

    internal sealed record Row(
        Guid Id, string CountyPath, string Title, string Direction, string PeriodKind, string PeriodLabel,
        DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly OpensOn, DateOnly ClosesOn, string State,
        DateTime? LockedAt, DateTime? PublishedAt, int Version) : IWorkflowRecord
    {
        public string AuditPath => CountyPath;

        /// <summary>The county's today, set when the row is read (the workflow's conditions need it).</summary>
        public DateOnly Today { get; init; }

        public bool WindowOpen => State == "open" && Today >= OpensOn && Today <= ClosesOn;

        /// <summary>Departments score townships, or townships score departments.</summary>
        public string ScorerKind => Direction == "townships" ? "department" : "township";

        public string ScoredKind => Direction == "townships" ? "township" : "department";
    }

    private const string Select = """
        select r.id, r.county_path, r.title, r.direction, r.period_kind, r.period_label, r.period_from, r.period_to,
               r.opens_on, r.closes_on, r.state, r.locked_at, r.published_at, r.version
        from enforcement.assessment_rounds r
        """;

    /// <summary>Who sees a round, in SQL: the county and those above it; inside the county (townships, their
    /// villages) everyone once it is no longer a draft. Binds <c>@scope</c> and <c>@scopePath</c>.</summary>
    internal static readonly string Visible =
        $"{RegionScope.SqlSharedDown("r.county_path")} and (r.state <> 'draft' or r.county_path like @scope)";

    internal static object ScopeArgs(CurrentUser user) =>
        new { scope = user.Scope.Pattern, scopePath = user.Scope.Path };

    /// <summary>A round the caller may see (null when missing or not visible).</summary>
    internal static async Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, DateOnly today, CancellationToken ct,
        string? lockMode = null)
    {
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where r.id = @id and {Visible} {(lockMode is null ? "" : "for " + lockMode)}",
            new { id, scope = user.Scope.Pattern, scopePath = user.Scope.Path }, tx, cancellationToken: ct));
        return row is null ? null : row with { Today = today };
    }

    internal static async Task<IReadOnlyList<AssessmentIndicator>> IndicatorsAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        (await IndicatorsAsync(c, tx, [id], ct))[id].ToList();

    /// <summary>The indicator sets of several rounds in one query, each in its order.</summary>
    private static async Task<ILookup<Guid, AssessmentIndicator>> IndicatorsAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await c.QueryAsync<(Guid RoundId, string Code, string Name, decimal Weight, decimal MaxScore,
            string Source)>(new CommandDefinition("""
                select round_id, code, name, weight, max_score, source from enforcement.assessment_indicators
                where round_id = any(@ids) order by round_id, sort
                """, new { ids = ids.ToArray() }, tx, cancellationToken: ct)))
        .ToLookup(i => i.RoundId, i => new AssessmentIndicator(i.Code, i.Name, i.Weight, i.MaxScore, i.Source,
            AssessmentRules.KpiCode(i.Source) is { } kpi ? EnforcementKpis.All.Single(d => d.Code == kpi).Name : null));

    internal sealed record PartyRow(Guid PartyId, string Kind, string Name, string RegionPath);

    internal static async Task<IReadOnlyList<PartyRow>> PartiesAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        (await c.QueryAsync<PartyRow>(new CommandDefinition("""
            select party_id, kind, name, region_path from enforcement.assessment_parties
            where round_id = @id order by region_path, name
            """, new { id }, tx, cancellationToken: ct))).ToList();

    private static AssessmentRoundResponse ToResponse(
        Row r, IReadOnlyList<AssessmentIndicator> indicators, IReadOnlyList<PartyRow> parties,
        IReadOnlyList<WorkflowEvent> events, CurrentUser user)
    {
        List<AssessmentParty> Of(string kind) =>
            parties.Where(p => p.Kind == kind).Select(p => new AssessmentParty(p.PartyId, p.Kind, p.Name)).ToList();
        return new(r.Id, r.Title, r.Direction, Directions[r.Direction], r.PeriodKind, r.PeriodLabel, r.PeriodFrom,
            r.PeriodTo, r.OpensOn, r.ClosesOn, r.WindowOpen, r.State, StateNames[r.State], indicators,
            Of(r.ScorerKind), Of(r.ScoredKind), Utc(r.LockedAt), Utc(r.PublishedAt), events,
            Workflow.AllowedActions(r, user), r.Version);
    }

    private static DateTimeOffset? Utc(DateTime? at) =>
        at is { } t ? Timestamps.Utc(t) : null;

    public static async Task<Ok<AssessmentRoundResponse>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var r = await FindAsync(c, null, id, s.User, s.Today, ct);
        if (r is null) return await s.Guard.DenyAsync<Ok<AssessmentRoundResponse>>(Workflow.RecordType, id, ct);
        var events = await WorkflowEvents.ReadAsync(c, null, Workflow.EventsTable, id, ct);
        ETags.Set(s.Http, r.Version);
        var indicators = await IndicatorsAsync(c, null, id, ct);
        return TypedResults.Ok(ToResponse(r, indicators, await PartiesAsync(c, null, id, ct), events, s.User));
    }

    private sealed record Key(DateOnly PeriodFrom, Guid Id);

    /// <summary>The rounds the caller sees, the latest period first: by state or direction.</summary>
    public static async Task<Ok<Page<AssessmentRoundResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, [TextLimit(TextLimits.Code)] string? direction,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        (state, direction) = (TextInput.Blank(state), TextInput.Blank(direction));
        new Validator().Check(state is null || StateNames.ContainsKey(state), "state", "考核状态无效。")
            .Check(direction is null || Directions.ContainsKey(direction), "direction", "考核方向无效。")
            .ThrowIfInvalid();
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {Visible} and (@state::text is null or r.state = @state)
              and (@direction::text is null or r.direction = @direction)
              and (@afterId::uuid is null or (r.period_from, r.id) < (@afterFrom, @afterId))
            order by r.period_from desc, r.id desc limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, scopePath = s.User.Scope.Path, state, direction,
                afterFrom = after?.PeriodFrom, afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).Select(r => r with { Today = s.Today }).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.PeriodFrom, r.Id));
        var indicators = await IndicatorsAsync(c, null, page.Items.Select(r => r.Id).ToList(), ct);
        return TypedResults.Ok(new Page<AssessmentRoundResponse>(
            page.Items.Select(r => ToResponse(r, indicators[r.Id].ToList(), [], [], s.User)).ToList(),
            page.NextCursor));
    }

    /// <summary>创建考核: a county user sets the period, the window, the departments and the indicator set; the
    /// townships of the county and the departments are fixed as the round's parties.</summary>
    public static async Task<Created<AssessmentRoundResponse>> Create(
        AssessmentRoundRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var countyPath = s.User.Scope.Path;
        if (countyPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length != 2)
            throw new ForbiddenException("双向考核由县级组织，请使用县级账号。");
        var valid = AssessmentValidation.Round(r, s.Settings);
        var county = s.User.RegionId;
        var townships = (await s.Regions.ChildrenAsync(county, ct)).Where(t => t.Level == RegionLevels.Township)
            .ToList();
        var departments = (await s.Units.InRegionAsync(county, ct)).Where(u => u.Kind == "county_department")
            .ToList();
        var wanted = r.DepartmentIds ?? [];
        new Validator()
            .Check(wanted.All(id => departments.Any(d => d.Id == id)), "departmentIds", "所选单位不是本县的县直部门。")
            .Check(wanted.Count <= 200, "departmentIds", "参加考核的县直部门不能超过 200 个。")
            .Check(departments.Count > 0, "departmentIds", "本县还没有县直部门。")
            .Check(townships.Count > 0, "direction", "本县还没有乡镇（街道）。")
            .ThrowIfInvalid();
        if (wanted.Count > 0) departments = departments.Where(d => wanted.Contains(d.Id)).ToList();

        var id = Guid.CreateVersion7();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var args = new
        {
            id, countyPath, title = valid.Title, r.Direction, r.PeriodKind, periodLabel = valid.Label,
            periodFrom = valid.From, periodTo = valid.To, r.OpensOn, r.ClosesOn, now = s.Now, by = s.User.Name,
        };
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.assessment_rounds (id, county_path, title, direction, period_kind, period_label,
                period_from, period_to, opens_on, closes_on, state, created_at, created_by)
            values (@id, @countyPath, @title, @Direction, @PeriodKind, @periodLabel, @periodFrom, @periodTo, @OpensOn,
                @ClosesOn, 'draft', @now, @by)
            on conflict (county_path, direction, period_label) do nothing
            """, args, tx, cancellationToken: ct));
        if (inserted == 0)
            throw new ConflictException("enforcement.assessment_exists",
                $"本县{valid.Label}的“{Directions[r.Direction!]}”考核已经创建。");
        var sort = 0;
        foreach (var i in valid.Indicators)
            await c.ExecuteAsync(new CommandDefinition("""
                insert into enforcement.assessment_indicators (round_id, code, name, weight, max_score, source, sort)
                values (@id, @Code, @Name, @Weight, @MaxScore, @Source, @sort)
                """, new { id, i.Code, i.Name, i.Weight, i.MaxScore, i.Source, sort = sort++ }, tx,
                cancellationToken: ct));
        var parties = townships.Select(t => new PartyRow(t.Id, "township", t.Name, t.Path))
            .Concat(departments.Select(d => new PartyRow(d.Id, "department", d.Name, d.RegionPath))).ToList();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.assessment_parties (round_id, party_id, kind, name, region_path)
            select @id, * from unnest(@ids, @kinds, @names, @paths)
            """, new
            {
                id, ids = parties.Select(p => p.PartyId).ToArray(), kinds = parties.Select(p => p.Kind).ToArray(),
                names = parties.Select(p => p.Name).ToArray(), paths = parties.Select(p => p.RegionPath).ToArray(),
            }, tx, cancellationToken: ct));
        await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.assessment.create", Workflow.RecordType,
            id.ToString(), countyPath, null, new
            {
                valid.Title, r.Direction, valid.Label, r.OpensOn, r.ClosesOn, valid.Indicators,
                Departments = departments.Count, Townships = townships.Count,
            }), ct);
        var row = (await FindAsync(c, tx, id, s.User, s.Today, ct))!;
        var response = ToResponse(row, await IndicatorsAsync(c, tx, id, ct), parties, [], s.User);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, row.Version);
        return TypedResults.Created($"/api/v1/enforcement/assessments/{id}", response);
    }

    /// <summary>开始评分, 锁定 (freezes the computed indicators) and 公布 (notifies the county and its
    /// townships).</summary>
    public static async Task<Ok<AssessmentRoundResponse>> Act(
        Guid id, AssessmentStepRequest r, [AsParameters] WorkflowServices s, [AsParameters] AssessmentServices xs)
    {
        var ct = s.Cancellation;
        var today = CountyClock.Today(s.Clock);
        var calendar = await xs.Calendar.CurrentAsync(ct);
        await using var step = await Workflow.StartAsync(s, id,
            (c, tx) => FindAsync(c, tx, id, s.User, today, ct, "update of r"));
        var (c, tx, k) = (step.Connection, step.Transaction, step.Before);
        object after = new { State = step.Action };
        if (step.Action == "lock")
        {
            var frozen = await AssessmentResults.FreezeAsync(c, tx, calendar, k, ct);
            await c.ExecuteAsync(new CommandDefinition(
                "update enforcement.assessment_rounds set locked_at = @now where id = @id",
                new { id, now = step.Now }, tx, cancellationToken: ct));
            after = new { LockedAt = step.Now, ComputedValues = frozen };
        }
        else if (step.Action == "publish")
        {
            await c.ExecuteAsync(new CommandDefinition(
                "update enforcement.assessment_rounds set published_at = @now where id = @id",
                new { id, now = step.Now }, tx, cancellationToken: ct));
            var parties = await PartiesAsync(c, tx, id, ct);
            var paths = parties.Select(p => p.RegionPath).Append(k.CountyPath).Distinct().ToList();
            await xs.Notifications.NotifyAsync(c, tx, paths, $"{k.Title}结果已公布",
                $"{k.PeriodLabel}“{Directions[k.Direction]}”考核结果已公布，可查看排名和各项得分。",
                $"/enforcement/assessments/{id}", ct);
            after = new { PublishedAt = step.Now };
        }
        await step.MoveAsync(TextInput.Blank(r.Note));
        var now = (await FindAsync(c, tx, id, s.User, today, ct))!;
        var response = ToResponse(now, await IndicatorsAsync(c, tx, id, ct), await PartiesAsync(c, tx, id, ct),
            await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, id, ct), s.User);
        await step.CommitAsync(new { k.State }, after);
        return TypedResults.Ok(response);
    }
}

/// <summary>What a round's step needs besides the workflow's services.</summary>
internal sealed record AssessmentServices(IWorkingCalendar Calendar, INotifications Notifications);
