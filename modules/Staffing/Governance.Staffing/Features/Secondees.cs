namespace Governance.Staffing.Features;

/// <param name="State"><c>active</c>, <c>converted</c> (优秀: now in a township post), <c>returned</c> (不合格) or
/// <c>ended</c>.</param>
public sealed record SecondeeResponse(
    Guid Id, Guid PersonId, string Name, string IdNumber, Guid OriginEstablishmentId, string OriginUnit,
    Guid TownshipId, string TownshipName, string WorkArea, string WorkAreaName, DateOnly StartedOn, string State,
    string StateName, DateOnly? EndedOn, IReadOnlyList<WorkflowEvent> History, int Version);

/// <summary>选派人员: the person keeps their post in the origin unit while working in the township.</summary>
internal static class Secondees
{
    public const string EventsTable = "staffing.secondee_events";

    public static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["active"] = "在岗", ["converted"] = "已转编", ["returned"] = "已退回", ["ended"] = "已期满",
    };

    /// <summary>聘用: every candidate who chose a post becomes a secondee from <paramref name="on"/>.</summary>
    public static async Task HireAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid campaignId, DateOnly on, CurrentUser user, DateTime now,
        CancellationToken ct)
    {
        var hired = (await c.QueryAsync<Guid>(new CommandDefinition("""
            insert into staffing.secondees (id, person_id, campaign_id, origin_establishment, township_id, region_path,
                work_area, started_on, state)
            select gen_random_uuid(), r.person_id, r.campaign_id, r.origin_establishment, p.township_id,
                   p.township_path, p.work_area, @on, 'active'
            from staffing.registrations r join staffing.campaign_posts p on p.id = r.chosen_post
            where r.campaign_id = @campaignId and r.state = 'qualified'
            returning id
            """, new { campaignId, on }, tx, cancellationToken: ct))).ToList();
        foreach (var id in hired)
            await WorkflowEvents.AppendAsync(c, tx, EventsTable,
                new WorkflowEventRow(id, now, user.Id, user.Name, "hire", null, "active", "选派聘用"), ct);
    }

    /// <summary>
    /// 已期满: a person who leaves the establishment (出编) can no longer be seconded from their post, so an active
    /// secondment ends on the same day (the first day without the post); its grades then get no outcome.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> EndAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid personId, DateOnly on, string note, CurrentUser user,
        DateTime now, CancellationToken ct)
    {
        var ended = (await c.QueryAsync<Guid>(new CommandDefinition("""
            update staffing.secondees set state = 'ended', ended_on = @on, version = version + 1
            where person_id = @personId and state = 'active'
            returning id
            """, new { personId, on }, tx, cancellationToken: ct))).ToList();
        foreach (var id in ended)
            await WorkflowEvents.AppendAsync(c, tx, EventsTable,
                new WorkflowEventRow(id, now, user.Id, user.Name, "end", "active", "ended", note), ct);
        return ended;
    }

    internal sealed record Row(
        Guid Id, Guid PersonId, string Name, string IdNumber, Guid OriginEstablishment, string OriginUnit,
        Guid TownshipId, string RegionPath, string WorkArea, DateOnly StartedOn, string State, DateOnly? EndedOn,
        int Version);

    internal const string Select = """
        select s.id, s.person_id, p.name, p.id_number, s.origin_establishment, e.unit_name as origin_unit,
               s.township_id, s.region_path, s.work_area, s.started_on, s.state, s.ended_on, s.version
        from staffing.secondees s
        join staffing.people p on p.id = s.person_id
        join staffing.establishments e on e.id = s.origin_establishment
        """;

    /// <summary>A secondee is seen by the destination township and by the county (both paths start the same).</summary>
    private const string Visible = "(s.region_path like @scope or e.region_path like @scope)";

    private sealed record Key(DateOnly StartedOn, Guid Id);

    public static async Task<Ok<Page<SecondeeResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, [TextLimit(TextLimits.Name)] string? workArea,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {Visible} and (@state::text is null or s.state = @state)
              and (@workArea::text is null or s.work_area = @workArea)
              and (@afterId::uuid is null or (s.started_on, s.id) < (@afterOn, @afterId))
            order by s.started_on desc, s.id desc limit @take
            """, new
            {
                scope = user.Scope.Pattern, state = TextInput.Blank(state), workArea = TextInput.Blank(workArea),
                afterOn = after?.StartedOn ?? DateOnly.MinValue, afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, x => new Key(x.StartedOn, x.Id));
        return TypedResults.Ok(new Page<SecondeeResponse>(
            await ToResponses(c, page.Items, regions, withHistory: false, ct), page.NextCursor));
    }

    public static async Task<Ok<SecondeeResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IRegionDirectory regions,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where s.id = @id and {Visible}",
            new { id, scope = user.Scope.Pattern }, cancellationToken: ct));
        if (row is null) return await guard.DenyAsync<Ok<SecondeeResponse>>("secondee", id, ct);
        return TypedResults.Ok((await ToResponses(c, [row], regions, withHistory: true, ct))[0]);
    }

    private static async Task<IReadOnlyList<SecondeeResponse>> ToResponses(
        NpgsqlConnection c, IReadOnlyList<Row> rows, IRegionDirectory regions, bool withHistory, CancellationToken ct)
    {
        var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).Distinct().ToList(), ct);
        var history = withHistory
            ? await WorkflowEvents.ReadAsync(c, null, EventsTable, rows.Select(r => r.Id).ToArray(), ct)
            : Enumerable.Empty<WorkflowEvent>().ToLookup(_ => Guid.Empty);
        return rows.Select(r => new SecondeeResponse(r.Id, r.PersonId, r.Name, Masking.IdNumber(r.IdNumber)!,
            r.OriginEstablishment, r.OriginUnit, r.TownshipId, names.GetValueOrDefault(r.RegionPath, ""), r.WorkArea,
            PostTypes.WorkAreas[r.WorkArea], r.StartedOn, r.State, StateNames[r.State], r.EndedOn,
            history[r.Id].ToList(), r.Version)).ToList();
    }
}
