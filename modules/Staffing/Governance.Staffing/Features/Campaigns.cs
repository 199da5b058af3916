using Governance.Calendar.Contracts;
using Governance.Staffing.Secondment;
using Microsoft.Extensions.Options;

namespace Governance.Staffing.Features;

public sealed record CampaignPostRequest(Guid? TownshipId, [TextLimit(TextLimits.Name)] string? WorkArea, int? Posts);

public sealed record CreateCampaignRequest(
    int? Year, [TextLimit(100)] string? Name, decimal? WrittenWeight, IReadOnlyList<CampaignPostRequest>? Posts);

public sealed record CampaignActionRequest([TextLimit(TextLimits.Note)] string? Note);

public sealed record CampaignPostResponse(
    Guid Id, Guid TownshipId, string TownshipName, string WorkArea, string WorkAreaName, int Posts, int Taken);

public sealed record CampaignResponse(
    Guid Id, int Year, string Name, string State, string StateName, decimal WrittenWeight, DateOnly? PublicityFrom,
    DateOnly? PublicityUntil, int Registrations, int Qualified, IReadOnlyList<CampaignPostResponse> Posts,
    IReadOnlyList<WorkflowEvent> Events, IReadOnlyList<string> AllowedActions, int Version);

public sealed record RankedCandidate(
    int Rank, Guid RegistrationId, Guid PersonId, string Name, string OriginUnit, decimal Written, decimal Interview,
    decimal Total, Guid? ChosenPostId);

/// <summary>
/// 选派批次: 公告 → 报名 → 资格审核 → 笔试 → 面试 → 选岗 → 公示 → 聘用, each stage a dated, audited step of the shared
/// workflow mechanism. The 公示 lasts the configured working days on the official calendar; 聘用 only after it ended
/// with every objection decided, and it makes each chosen candidate a secondee.
/// </summary>
internal static class Campaigns
{
    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["announced"] = "已公告", ["registration"] = "报名中", ["qualification"] = "资格审核", ["written"] = "笔试",
        ["interview"] = "面试", ["choosing"] = "选岗", ["publicity"] = "公示中", ["hired"] = "已聘用",
    };

    internal sealed record Row(
        Guid Id, string RegionPath, int Year, string Name, string State, decimal WrittenWeight, DateOnly? PublicityFrom,
        DateOnly? PublicityUntil, bool PublicityOver, int Registrations, int Qualified, int Unscored, int Undecided,
        int Version) : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    private static string? Scored(Row r, CurrentUser _) =>
        r.Unscored == 0 ? null : $"还有 {r.Unscored} 名资格审核通过的人员没有笔试和面试成绩。";

    private static string? Reviewed(Row r, CurrentUser _) => r.Qualified > 0 ? null : "还没有资格审核通过的人员。";

    /// <summary>聘用 after the 公示's last working day, with every objection decided.</summary>
    private static string? PublicityOver(Row r, CurrentUser _) =>
        r.Undecided > 0 ? $"还有 {r.Undecided} 件公示期间的异议没有处理。"
        : r.PublicityOver ? null : $"公示期至 {r.PublicityUntil:yyyy-MM-dd}，期满后才能聘用。";

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "campaigns", RecordType = "campaign", AuditPrefix = "staffing.campaign", Table = "staffing.campaigns",
        EventsTable = "staffing.campaign_events", StateNames = StateNames,
        Actions =
        [
            new("open-registration", StaffingPermissions.Manage, "开始报名"),
            new("review", StaffingPermissions.Manage, "报名截止，资格审核"),
            new("written", StaffingPermissions.Manage, "笔试"),
            new("interview", StaffingPermissions.Manage, "面试"),
            new("choose", StaffingPermissions.Manage, "按名次选岗"),
            new("publish", StaffingPermissions.Manage, "拟选派人员公示"),
            new("hire", StaffingPermissions.Manage, "聘用（公示期满）"),
        ],
        Transitions =
        [
            new("announced", "open-registration", "registration"), new("registration", "review", "qualification"),
            new("qualification", "written", "written", Reviewed), new("written", "interview", "interview"),
            new("interview", "choose", "choosing", Scored), new("choosing", "publish", "publicity"),
            new("publicity", "hire", "hired", PublicityOver),
        ],
    };

    private const string Select = """
        select c.id, c.region_path, c.year, c.name, c.state, c.written_weight, c.publicity_from, c.publicity_until,
               coalesce(c.publicity_until < @today, false) as publicity_over,
               (select count(*) from staffing.registrations r where r.campaign_id = c.id)::int as registrations,
               (select count(*) from staffing.registrations r where r.campaign_id = c.id
                  and r.state = 'qualified')::int as qualified,
               (select count(*) from staffing.registrations r where r.campaign_id = c.id and r.state = 'qualified'
                  and (r.written is null or r.interview is null))::int as unscored,
               (select count(*) from staffing.objections o where o.campaign_id = c.id and o.upheld is null)::int
                   as undecided,
               c.version
        from staffing.campaigns c
        """;

    /// <summary>
    /// A campaign in scope; <paramref name="today"/> (the county's) decides whether its 公示 is over.
    /// </summary>
    internal static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, DateOnly today, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where c.id = @id and c.region_path like @scope {(forUpdate ? "for update of c" : "")}",
            new { id, scope = user.Scope.Pattern, today }, tx, cancellationToken: ct));

    private sealed record PostRow(
        Guid Id, Guid CampaignId, Guid TownshipId, string TownshipPath, string WorkArea, int Posts, int Taken);

    private static async Task<IReadOnlyList<CampaignResponse>> ToResponses(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, CurrentUser user, IRegionDirectory regions,
        bool withEvents, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();
        var posts = (await c.QueryAsync<PostRow>(new CommandDefinition("""
            select p.id, p.campaign_id, p.township_id, p.township_path, p.work_area, p.posts,
                   (select count(*) from staffing.registrations r where r.chosen_post = p.id)::int as taken
            from staffing.campaign_posts p where p.campaign_id = any(@ids) order by p.township_path, p.work_area
            """, new { ids }, tx, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(posts.Select(p => p.TownshipPath).Distinct().ToList(), ct);
        var events = withEvents ? await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, ids, ct)
            : Enumerable.Empty<WorkflowEvent>().ToLookup(_ => Guid.Empty);
        var byCampaign = posts.ToLookup(p => p.CampaignId);
        return rows.Select(r => new CampaignResponse(r.Id, r.Year, r.Name, r.State, StateNames[r.State],
            r.WrittenWeight, r.PublicityFrom, r.PublicityUntil, r.Registrations, r.Qualified,
            byCampaign[r.Id].Select(p => new CampaignPostResponse(p.Id, p.TownshipId,
                names.GetValueOrDefault(p.TownshipPath, ""), p.WorkArea, PostTypes.WorkAreas[p.WorkArea], p.Posts,
                p.Taken)).ToList(),
            events[r.Id].ToList(), Workflow.AllowedActions(r, user), r.Version)).ToList();
    }

    public static async Task<Created<CampaignResponse>> Create(
        CreateCampaignRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IRegionDirectory regions,
        IOptions<StaffingOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validator()
            .Check(r.Year is >= 2000 and <= 2100, "year", "请填写选派年度。")
            .Required(r.Name, "name", "批次名称")
            .Check(r.WrittenWeight is null or >= 0 and <= 1, "writtenWeight", "笔试成绩权重须在 0–1 之间。")
            .Check(r.Posts is { Count: > 0 and <= 500 }, "posts", "请填写各乡镇（街道）的选派岗位。");
        var posts = new List<(RegionInfo Township, string Area, int Posts)>();
        for (var i = 0; i < (r.Posts?.Count ?? 0); i++)
        {
            var p = r.Posts![i];
            var township = p.TownshipId is { } t ? await regions.FindAsync(t, ct) : null;
            v.Check(township is { Level: RegionLevels.Township } && user.Scope.Contains(township.Path),
                    $"posts[{i}].townshipId", "请选择本县的乡镇（街道）。")
                .Check(p.WorkArea is not null && PostTypes.WorkAreas.ContainsKey(p.WorkArea), $"posts[{i}].workArea",
                    "请选择工作领域。")
                .Check(p.Posts is >= 1 and <= 500, $"posts[{i}].posts", "岗位数须在 1–500 之间。");
            if (township is not null && p is { WorkArea: { } area, Posts: { } n }) posts.Add((township, area, n));
        }
        v.Check(posts.Select(p => (p.Township.Id, p.Area)).Distinct().Count() == posts.Count, "posts",
            "同一乡镇的同一工作领域只能填写一行。");
        v.ThrowIfInvalid();

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var county = user.Scope.Path;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.campaigns (id, region_path, year, name, state, written_weight, created_at, created_by)
            values (@id, @county, @Year, @name, 'announced', @weight, @now, @by);
            insert into staffing.campaign_posts (id, campaign_id, township_id, township_path, work_area, posts)
            select gen_random_uuid(), @id, unnest(@townships), unnest(@paths), unnest(@areas), unnest(@posts);
            """, new
            {
                id, county, r.Year, name = r.Name!.Trim(), weight = r.WrittenWeight ?? options.Value.WrittenWeight, now,
                by = user.Name, townships = posts.Select(p => p.Township.Id).ToArray(),
                paths = posts.Select(p => p.Township.Path).ToArray(), areas = posts.Select(p => p.Area).ToArray(),
                posts = posts.Select(p => p.Posts).ToArray(),
            }, tx, cancellationToken: ct));
        await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
            new WorkflowEventRow(id, now, user.Id, user.Name, "announce", null, "announced", null), ct);
        var row = (await FindAsync(c, tx, id, user, CountyClock.Today(clock), ct))!;
        var response = (await ToResponses(c, tx, [row], user, regions, true, ct))[0];
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.campaign.announce", Workflow.RecordType,
            id.ToString(), county, After: response), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, 1);
        return TypedResults.Created($"/api/v1/staffing/campaigns/{id}", response);
    }

    /// <summary>One stage, checked in the mechanism's order. 公示 is dated here: from today for the configured working
    /// days; 聘用 makes every chosen candidate a secondee from today.</summary>
    public static async Task<Ok<CampaignResponse>> Act(
        Guid id, CampaignActionRequest r, [AsParameters] WorkflowServices s, IRegionDirectory regions,
        IWorkingCalendar calendar, IOptions<StaffingOptions> options)
    {
        var (user, ct) = (s.User, s.Cancellation);
        var today = CountyClock.Today(s.Clock);
        await using var step = await Workflow.StartAsync(s, id, (c, tx) => FindAsync(c, tx, id, user, today, ct, true));
        var (action, c, tx) = (step.Action, step.Connection, step.Transaction);
        if (action == "publish")
        {
            var until = Publicity.LastDay(await calendar.CurrentAsync(ct), today, options.Value.PublicityWorkingDays);
            await c.ExecuteAsync(new CommandDefinition(
                "update staffing.campaigns set publicity_from = @today, publicity_until = @until where id = @id",
                new { id, today, until }, tx, cancellationToken: ct));
        }
        if (action == "hire") await Secondees.HireAsync(c, tx, id, today, user, step.Now, ct);
        await step.MoveAsync(TextInput.Blank(r.Note));
        var after = (await ToResponses(c, tx, [(await FindAsync(c, tx, id, user, today, ct))!], user, regions, true,
            ct))[0];
        await step.CommitAsync(new { step.Before.State }, new { after.State, after.PublicityUntil, r.Note });
        return TypedResults.Ok(after);
    }

    private sealed record Key(int Year, Guid Id);

    public static async Task<Ok<Page<CampaignResponse>>> List(
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions,
        TimeProvider clock, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        // a township sees the campaigns with posts in it
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where (c.region_path like @scope or exists (select 1 from staffing.campaign_posts p
                   where p.campaign_id = c.id and p.township_path like @scope))
              and (@afterId::uuid is null or (c.year, c.id) < (@afterYear, @afterId))
            order by c.year desc, c.id desc limit @take
            """, new
            {
                scope = user.Scope.Pattern, afterYear = after?.Year ?? 0, afterId = after?.Id, take = take + 1,
                today = CountyClock.Today(clock),
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, x => new Key(x.Year, x.Id));
        return TypedResults.Ok(new Page<CampaignResponse>(
            await ToResponses(c, null, page.Items, user, regions, false, ct), page.NextCursor));
    }

    public static async Task<Ok<CampaignResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IRegionDirectory regions,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(c, null, id, user, CountyClock.Today(clock), ct);
        if (row is null) return await guard.DenyAsync<Ok<CampaignResponse>>(Workflow.RecordType, id, ct);
        ETags.Set(http, row.Version);
        return TypedResults.Ok((await ToResponses(c, null, [row], user, regions, true, ct))[0]);
    }

    private sealed record CandidateRow(
        Guid Id, Guid PersonId, string Name, string OriginUnit, decimal Written, decimal Interview,
        DateTime RegisteredAt, Guid? ChosenPost);

    internal static async Task<IReadOnlyList<RankedCandidate>> RankingAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid campaignId, decimal weight, CancellationToken ct)
    {
        var rows = (await c.QueryAsync<CandidateRow>(new CommandDefinition("""
            select r.id, r.person_id, p.name, e.unit_name as origin_unit, r.written, r.interview, r.registered_at,
                   r.chosen_post
            from staffing.registrations r
            join staffing.people p on p.id = r.person_id
            join staffing.establishments e on e.id = r.origin_establishment
            where r.campaign_id = @campaignId and r.state = 'qualified' and r.written is not null
              and r.interview is not null
            """, new { campaignId }, tx, cancellationToken: ct))).ToDictionary(r => r.Id);
        return SecondmentRules.Rank(
                rows.Values.Select(r => new Candidate(r.Id, r.Written, r.Interview, r.RegisteredAt)), weight)
            .Select(x => rows[x.Candidate.Id] is var r
                ? new RankedCandidate(x.Rank, r.Id, r.PersonId, r.Name, r.OriginUnit, r.Written, r.Interview, x.Total,
                    r.ChosenPost)
                : null!).ToList();
    }

    /// <summary>成绩排名: the qualified candidates with both scores, by the published rule.</summary>
    public static async Task<Ok<IReadOnlyList<RankedCandidate>>> Ranking(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, TimeProvider clock, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(c, null, id, user, CountyClock.Today(clock), ct);
        if (row is null) return await guard.DenyAsync<Ok<IReadOnlyList<RankedCandidate>>>(Workflow.RecordType, id, ct);
        return TypedResults.Ok(await RankingAsync(c, null, id, row.WrittenWeight, ct));
    }
}
