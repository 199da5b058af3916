using Governance.Staffing.Ledger;

namespace Governance.Staffing.Features;

/// <summary>A unit's posts of one kind and funding on a date: vacant = approved − occupied − reserved (reservations
/// are today's), plus any 超编 exception in force that day; and its leadership posts (领导职数): approved, held and
/// vacant.</summary>
public sealed record LedgerRow(
    Guid EstablishmentId, Guid UnitId, string UnitName, string UnitKind, string Kind, string KindName, string Funding,
    string FundingName, int Approved, int Occupied, int Reserved, int Vacant, int ExceptionPosts, int LeaderPosts,
    int LeadersHeld, int LeadersVacant);

public sealed record LedgerTotal(
    string Kind, string Funding, int Approved, int Occupied, int Reserved, int Vacant, int LeaderPosts,
    int LeadersHeld, int LeadersVacant);

/// <summary>The ledger of a scope on a date: totals by kind and funding over every unit, and a page of units.</summary>
public sealed record LedgerPage(
    DateOnly AsOf, IReadOnlyList<LedgerTotal> Totals, IReadOnlyList<LedgerRow> Items, string? NextCursor);

public sealed record StatementLine(
    DateOnly EffectiveOn, string Movement, string MovementName, int ApprovedDelta, int OccupiedDelta,
    int ApprovedAfter, int OccupiedAfter, string? DocumentNo, string? Note, DateTimeOffset RecordedAt,
    string RecordedBy, int LeadersApprovedDelta, int LeadersHeldDelta, int LeadersApprovedAfter,
    int LeadersHeldAfter);

/// <summary>对账单: the figures before <c>from</c>, every movement in the period with running figures, and the
/// figures at its end.</summary>
public sealed record StatementPage(
    LedgerRow Establishment, DateOnly? From, DateOnly To, int OpeningApproved, int OpeningOccupied,
    IReadOnlyList<StatementLine> Items, string? NextCursor, int OpeningLeaderPosts, int OpeningLeadersHeld);

internal static class Establishments
{
    /// <summary>The establishment of a unit for a kind and funding, created on first use.</summary>
    public static async Task<Guid> EnsureAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, UnitInfo unit, [TextLimit(TextLimits.Code)] string kind,
        [TextLimit(TextLimits.Code)] string funding, CancellationToken ct) =>
        await c.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            with created as (
                insert into staffing.establishments (id, unit_id, unit_name, unit_kind, region_path, kind, funding)
                values (@id, @unitId, @unitName, @unitKind, @path, @kind, @funding)
                on conflict (unit_id, kind, funding) do nothing returning id)
            select id from created
            union all
            select id from staffing.establishments where unit_id = @unitId and kind = @kind and funding = @funding
            limit 1
            """, new
            {
                id = Guid.CreateVersion7(), unitId = unit.Id, unitName = unit.Name, unitKind = unit.Kind,
                path = unit.RegionPath, kind, funding,
            }, tx, cancellationToken: ct));

    /// <summary>SQL: the figures of establishment <c>e</c> on <c>@asOf</c> (the open-data package reads them
    /// too).</summary>
    internal const string Figures = $"""
        coalesce((select sum(l.approved_delta) from staffing.ledger_lines l
                  where l.establishment_id = e.id and l.effective_on <= @asOf), 0)::int as approved,
        coalesce((select sum(l.occupied_delta) from staffing.ledger_lines l
                  where l.establishment_id = e.id and l.effective_on <= @asOf), 0)::int as occupied,
        case when @asOf >= @today then e.reserved else 0 end as reserved,
        coalesce((select sum(x.posts) from staffing.exceptions x where x.establishment_id = e.id
                  and x.valid_from <= @asOf and @asOf <= {LedgerWriter.ExceptionEnd}), 0)::int as exception_posts,
        coalesce((select sum(l.leaders_approved_delta) from staffing.ledger_lines l
                  where l.establishment_id = e.id and l.effective_on <= @asOf), 0)::int as leader_posts,
        coalesce((select sum(l.leaders_held_delta) from staffing.ledger_lines l
                  where l.establishment_id = e.id and l.effective_on <= @asOf), 0)::int as leaders_held
        """;

    private sealed record Row(
        Guid Id, Guid UnitId, string UnitName, string UnitKind, string RegionPath, string Kind, string Funding,
        int Approved, int Occupied, int Reserved, int ExceptionPosts, int LeaderPosts, int LeadersHeld);

    private static LedgerRow ToResponse(Row r) =>
        new(r.Id, r.UnitId, r.UnitName, r.UnitKind, r.Kind, PostTypes.Kinds[r.Kind], r.Funding,
            PostTypes.Fundings[r.Funding], r.Approved, r.Occupied, r.Reserved,
            r.Approved - r.Occupied - r.Reserved, r.ExceptionPosts, r.LeaderPosts, r.LeadersHeld,
            r.LeaderPosts - r.LeadersHeld);

    private sealed record Key(string RegionPath, string UnitName, Guid Id);

    private const string Filter = """
        e.region_path like @scope and (@unitId::uuid is null or e.unit_id = @unitId)
        and (@kind::text is null or e.kind = @kind) and (@funding::text is null or e.funding = @funding)
        """;

    /// <summary>A page of the ledger (the benchmark runs the same SQL).</summary>
    internal const string LedgerSql = $"""
        select e.id, e.unit_id, e.unit_name, e.unit_kind, e.region_path, e.kind, e.funding, {Figures}
        from staffing.establishments e
        where {Filter}
          and (@afterPath::text is null or (e.region_path, e.unit_name, e.id) > (@afterPath, @afterName, @afterId))
        order by e.region_path, e.unit_name, e.id
        limit @take
        """;

    /// <summary>The ledger's totals by kind and funding over every unit of the filter.</summary>
    internal const string TotalsSql = $"""
        select kind, funding, sum(approved)::int as approved, sum(occupied)::int as occupied,
               sum(reserved)::int as reserved, sum(approved - occupied - reserved)::int as vacant,
               sum(leader_posts)::int as leader_posts, sum(leaders_held)::int as leaders_held,
               sum(leader_posts - leaders_held)::int as leaders_vacant
        from (select e.kind, e.funding, {Figures} from staffing.establishments e where {Filter}) f
        group by kind, funding order by kind, funding
        """;

    /// <summary>台账: every unit in scope (or under one region) as of a date, filtered by kind and funding.</summary>
    public static async Task<Ok<LedgerPage>> Ledger(
        Guid? regionId, Guid? unitId, DateOnly? asOf, [TextLimit(TextLimits.Code)] string? kind,
        [TextLimit(TextLimits.Code)] string? funding, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, TimeProvider clock, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var today = CountyClock.Today(clock);
        var path = await ScopePath(regionId, user, regions, ct);
        var args = new
        {
            scope = path + "%", unitId, asOf = asOf ?? today, today, kind = TextInput.Blank(kind),
            funding = TextInput.Blank(funding), afterPath = after?.RegionPath, afterName = after?.UnitName ?? "",
            afterId = after?.Id ?? Guid.Empty, take = take + 1,
        };
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition(LedgerSql, args, cancellationToken: ct))).ToList();
        var totals = await c.QueryAsync<LedgerTotal>(new CommandDefinition(TotalsSql, args, cancellationToken: ct));
        var page = Cursor.ToPage(rows, take, r => new Key(r.RegionPath, r.UnitName, r.Id));
        return TypedResults.Ok(new LedgerPage(args.asOf, totals.ToList(), page.Items.Select(ToResponse).ToList(),
            page.NextCursor));
    }

    /// <summary>The path a list is limited to: the caller's scope, or a region inside it (404 outside).</summary>
    public static async Task<string> ScopePath(
        Guid? regionId, CurrentUser user, IRegionDirectory regions, CancellationToken ct)
    {
        if (regionId is not { } id) return user.Scope.Path;
        var region = await regions.FindAsync(id, ct);
        return region is not null && user.Scope.Contains(region.Path) ? region.Path : throw new NotFoundException();
    }

    internal static Task<EstablishmentRow?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<EstablishmentRow>(new CommandDefinition("""
            select id, unit_id, unit_name, unit_kind, region_path, kind, funding, reserved
            from staffing.establishments where id = @id and region_path like @scope
            """, new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private sealed record LineRow(
        long Seq, DateOnly EffectiveOn, string Movement, int ApprovedDelta, int OccupiedDelta, int ApprovedAfter,
        int OccupiedAfter, string? DocumentNo, string? Note, DateTime RecordedAt, string RecordedBy,
        int LeadersApprovedDelta, int LeadersHeldDelta, int LeadersApprovedAfter, int LeadersHeldAfter);

    private sealed record LineKey(DateOnly EffectiveOn, long Seq);

    /// <summary>对账单 of one establishment: from (optional) – to (default today), keyset-paged.</summary>
    public static async Task<Ok<StatementPage>> Statement(
        Guid id, DateOnly? from, DateOnly? to, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db, CurrentUser user,
        ScopeGuard guard, TimeProvider clock, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<LineKey>(cursor);
        var until = to ?? CountyClock.Today(clock);
        if (from is { } f && f > until) throw new ValidationException("from", "起始日期不能晚于截止日期。");
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            select e.id, e.unit_id, e.unit_name, e.unit_kind, e.region_path, e.kind, e.funding, {Figures}
            from staffing.establishments e where e.id = @id and e.region_path like @scope
            """, new { id, scope = user.Scope.Pattern, asOf = until, today = CountyClock.Today(clock) },
            cancellationToken: ct));
        if (row is null) return await guard.DenyAsync<Ok<StatementPage>>("establishment", id, ct);
        var lines = (await c.QueryAsync<LineRow>(new CommandDefinition("""
            select * from (
                select seq, effective_on, movement, approved_delta, occupied_delta,
                       (sum(approved_delta) over w)::int as approved_after,
                       (sum(occupied_delta) over w)::int as occupied_after,
                       document_no, note, recorded_at, recorded_by, leaders_approved_delta, leaders_held_delta,
                       (sum(leaders_approved_delta) over w)::int as leaders_approved_after,
                       (sum(leaders_held_delta) over w)::int as leaders_held_after
                from staffing.ledger_lines where establishment_id = @id and effective_on <= @until
                window w as (order by effective_on, seq)) s
            where (@from::date is null or effective_on >= @from)
              and (effective_on, seq) > (@afterOn, @afterSeq)
            order by effective_on, seq limit @take
            """, new
            {
                id, until, from, afterOn = after?.EffectiveOn ?? DateOnly.MinValue, afterSeq = after?.Seq ?? 0L,
                take = take + 1,
            }, cancellationToken: ct))).ToList();
        var opening = from is null ? (0, 0, 0, 0) : await c.QuerySingleAsync<(int, int, int, int)>(
            new CommandDefinition("""
            select coalesce(sum(approved_delta), 0)::int, coalesce(sum(occupied_delta), 0)::int,
                   coalesce(sum(leaders_approved_delta), 0)::int, coalesce(sum(leaders_held_delta), 0)::int
            from staffing.ledger_lines where establishment_id = @id and effective_on < @from
            """, new { id, from }, cancellationToken: ct));
        var page = Cursor.ToPage(lines, take, l => new LineKey(l.EffectiveOn, l.Seq));
        return TypedResults.Ok(new StatementPage(ToResponse(row), from, until, opening.Item1, opening.Item2,
            page.Items.Select(l => new StatementLine(l.EffectiveOn, l.Movement, PostTypes.Movements[l.Movement],
                l.ApprovedDelta, l.OccupiedDelta, l.ApprovedAfter, l.OccupiedAfter, l.DocumentNo, l.Note,
                new DateTimeOffset(DateTime.SpecifyKind(l.RecordedAt, DateTimeKind.Utc)), l.RecordedBy,
                l.LeadersApprovedDelta, l.LeadersHeldDelta, l.LeadersApprovedAfter, l.LeadersHeldAfter)).ToList(),
            page.NextCursor, opening.Item3, opening.Item4));
    }
}
