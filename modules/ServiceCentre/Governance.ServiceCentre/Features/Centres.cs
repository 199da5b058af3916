namespace Governance.ServiceCentre.Features;

public sealed record CentreRequest(Guid? RegionId, [TextLimit(100)] string? Name,
    [TextLimit(TextLimits.Name)] string? Address, [TextLimit(TextLimits.Phone)] string? Phone,
    [TextLimit(TextLimits.Name)] string? Hours);

public sealed record OfferedItemsRequest(IReadOnlyList<Guid>? ItemIds);

public sealed record WindowRequest(int? Number, [TextLimit(50)] string? Name, IReadOnlyList<Guid>? ItemIds);

public sealed record WindowResponse(Guid Id, int Number, string Name, IReadOnlyList<Guid> ItemIds);

public sealed record OfferedItem(Guid ItemId, string Code, string Name, string Level, string Kind);

public sealed record CentreResponse(
    Guid Id, Guid RegionId, string Tier, string TierName, string Name, string Address, string Phone, string Hours,
    int ItemCount, int WindowCount);

public sealed record CentreDetailResponse(CentreResponse Centre, IReadOnlyList<WindowResponse> Windows,
    IReadOnlyList<OfferedItem> Items);

/// <summary>
/// The service network: one centre per region — the county hall, the township centres and the village agent points —
/// the items each offers (事项进驻) and the windows of each. The county's service administration maintains them.
/// </summary>
internal static class Centres
{
    internal static readonly IReadOnlyDictionary<string, string> TierNames = new Dictionary<string, string>
    {
        ["county"] = "县行政服务中心", ["township"] = "乡镇（街道）便民服务中心", ["village"] = "村（社区）代办点",
    };

    internal static string? TierOf(string regionLevel) => regionLevel switch
    {
        RegionLevels.County => "county", RegionLevels.Township => "township", RegionLevels.Village =>
            "village", _ => null,
    };

    internal sealed record Row(
        Guid Id, Guid RegionId, string RegionPath, string Tier, string Name, string Address, string Phone, string Hours,
        int ItemCount, int WindowCount)
    {
        public CentreResponse ToResponse() => new(Id, RegionId, Tier, TierNames[Tier], Name, Address, Phone, Hours,
            ItemCount, WindowCount);
    }

    internal const string Select = """
        select c.id, c.region_id, c.region_path, c.tier, c.name, c.address, c.phone, c.hours,
               (select count(*)::int from service_centre.centre_items ci where ci.centre_id = c.id) as item_count,
               (select count(*)::int from service_centre.windows w where w.centre_id = c.id) as window_count
        from service_centre.centres c
        """;

    private sealed record Key(string Path);

    public static async Task<Ok<Page<CentreResponse>>> List(
        [TextLimit(TextLimits.Code)] string? tier, [TextLimit(TextLimits.Search)] string? q,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        CancellationToken ct)
    {
        if (tier is not null && !TierNames.ContainsKey(tier))
            throw new ValidationException("tier", "层级只能是 county、township 或 village。");
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        // a township also sees the county hall above it (转报 goes there); a village point sees its own point only
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {RegionScope.SqlSharedDown("c.region_path")} and (@tier::text is null or c.tier = @tier)
              and (@q::text is null or strpos(c.name, @q) > 0) and (@after::text is null or c.region_path > @after)
            order by c.region_path limit @take
            """, new
            {
                scope = user.Scope.Pattern, scopePath = user.Scope.Path, tier,
                q = string.IsNullOrWhiteSpace(q) ? null : q.Trim(), after = after?.Path, take = take + 1,
            },
            cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.RegionPath));
        return TypedResults.Ok(new Page<CentreResponse>(page.Items.Select(r => r.ToResponse()).ToList(),
            page.NextCursor));
    }

    public static async Task<Ok<CentreDetailResponse>> Get(Guid id, NpgsqlDataSource db, CurrentUser user,
        ScopeGuard guard, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition($"{Select} where c.id = @id and {RegionScope.SqlSharedDown("c.region_path")}",
                new { id, scope = user.Scope.Pattern, scopePath = user.Scope.Path }, cancellationToken: ct));
        if (row is null) return await guard.DenyAsync<Ok<CentreDetailResponse>>("centre", id, ct);
        return TypedResults.Ok(await Detail(c, null, row, ct));
    }

    private sealed record WindowRow // Dapper maps arrays onto properties, not constructor parameters
    {
        public Guid Id { get; init; }
        public int Number { get; init; }
        public string Name { get; init; } = "";
        public Guid[] ItemIds { get; init; } = [];
    }

    internal static async Task<CentreDetailResponse> Detail(NpgsqlConnection c, NpgsqlTransaction? tx, Row row,
        CancellationToken ct)
    {
        var windows = await c.QueryAsync<WindowRow>(new CommandDefinition(
            "select id, number, name, item_ids from service_centre.windows where centre_id = @id order by number",
            new { id = row.Id }, tx, cancellationToken: ct));
        var items = await c.QueryAsync<OfferedItem>(new CommandDefinition("""
            select i.id as item_id, i.code, v.name, v.level, v.kind
            from service_centre.centre_items ci
            join service_centre.items i on i.id = ci.item_id
            join lateral (select * from service_centre.item_versions v where v.item_id = i.id order by v.version desc
                limit 1) v on true
            where ci.centre_id = @id order by i.code
            """, new { id = row.Id }, tx, cancellationToken: ct));
        return new CentreDetailResponse(row.ToResponse(),
            windows.Select(w => new WindowResponse(w.Id, w.Number, w.Name, w.ItemIds)).ToList(), items.ToList());
    }

    public static async Task<Created<CentreDetailResponse>> Create(
        CentreRequest r, NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, IAuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        new Validator().Check(r.RegionId is not null, "regionId", "请选择所在区划。")
            .Required(r.Name, "name", "名称").ThrowIfInvalid();
        var region = await regions.FindAsync(r.RegionId!.Value, ct);
        if (region is null || !user.Scope.Contains(region.Path))
            throw new ValidationException("regionId", "区划不存在或不在管辖范围内。");
        var tier = TierOf(region.Level) ?? throw new ValidationException("regionId",
            "服务中心只能设在县、乡镇（街道）或村（社区）。");
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.centres (id, region_id, region_path, tier, name, address, phone, hours,
                created_at)
            values (@id, @regionId, @path, @tier, @name, @address, @phone, @hours, @now) on conflict (region_id) do
                nothing
            """, new
            {
                id, regionId = region.Id, path = region.Path, tier, name = r.Name!.Trim(),
                address = r.Address?.Trim() ?? "", phone = r.Phone?.Trim() ?? "", hours = r.Hours?.Trim() ?? "",
                now = clock.GetUtcNow().UtcDateTime,
            }, tx, cancellationToken: ct));
        if (inserted == 0) throw new ConflictException("centres.exists", $"{region.Name}已设有服务中心（代办点）。");
        await audit.RecordAsync(c, tx, new AuditRecord("centre.created", "centre", id.ToString(), region.Path,
            After: new { r.Name, tier }), ct);
        var row = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where c.id = @id", new { id }, tx,
            cancellationToken: ct));
        var detail = await Detail(c, tx, row, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/service-centre/centres/{id}", detail);
    }

    /// <summary>Sets the items the centre offers (事项进驻): items of the county that are in force today.</summary>
    public static async Task<Ok<CentreDetailResponse>> SetItems(
        Guid id, OfferedItemsRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IAuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        var itemIds = (r.ItemIds ?? []).Distinct().ToArray();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await Locked(c, tx, id, user, ct);
        if (row is null) return await guard.DenyAsync<Ok<CentreDetailResponse>>("centre", id, ct);
        var known = (await c.QueryAsync<Guid>(new CommandDefinition("""
            select i.id from service_centre.items i
            where i.id = any(@itemIds) and @path like i.county_path || '%'
              and exists (select 1 from service_centre.item_versions v where v.item_id = i.id and v.valid @> @today)
            """, new { itemIds, path = row.RegionPath, today = CountyClock.Today(clock) }, tx, cancellationToken: ct)))
                .ToHashSet();
        var unknown = itemIds.Where(i => !known.Contains(i)).ToList();
        if (unknown.Count > 0)
            throw new ValidationException("itemIds", $"{unknown.Count} 个事项不存在、不属于本县或今天不在有效期内。");
        var before = await c.QueryAsync<Guid>(new CommandDefinition(
            "select item_id from service_centre.centre_items where centre_id = @id", new { id }, tx,
            cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("""
            delete from service_centre.centre_items where centre_id = @id;
            insert into service_centre.centre_items (centre_id, item_id) select @id, unnest(@itemIds);
            """, new { id, itemIds }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("centre.items_set", "centre", id.ToString(), row.RegionPath,
            new { count = before.Count() }, new { count = itemIds.Length }), ct);
        var updated = await c.QuerySingleAsync<Row>(
            new CommandDefinition($"{Select} where c.id = @id", new { id }, tx, cancellationToken: ct));
        var detail = await Detail(c, tx, updated, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(detail);
    }

    public static async Task<Created<WindowResponse>> AddWindow(
        Guid id, WindowRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IAuditTrail audit,
        CancellationToken ct)
    {
        new Validator().Check(r.Number is >= 1 and <= 999, "number", "窗口号为 1–999。")
            .Required(r.Name, "name", "窗口名称").ThrowIfInvalid();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await Locked(c, tx, id, user, ct);
        if (row is null) return await guard.DenyAsync<Created<WindowResponse>>("centre", id, ct);
        var window = new WindowResponse(Guid.CreateVersion7(), r.Number!.Value, r.Name!.Trim(),
            (r.ItemIds ?? []).Distinct().ToList());
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.windows (id, centre_id, number, name, item_ids)
                values (@Id, @centreId, @Number, @Name, @ids)
            on conflict (centre_id, number) do nothing
            """, new { window.Id, centreId = id, window.Number, window.Name, ids = window.ItemIds.ToArray() }, tx,
            cancellationToken: ct));
        if (inserted == 0) throw new ValidationException("number", $"{r.Number} 号窗口已存在。");
        await audit.RecordAsync(c, tx, new AuditRecord("centre.window_added", "centre", id.ToString(), row.RegionPath,
            After: window), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/service-centre/centres/{id}", window);
    }

    private static async Task<Row?> Locked(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, CurrentUser user,
        CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            select c.id, c.region_id, c.region_path, c.tier, c.name, c.address, c.phone, c.hours, 0 as item_count,
                0 as window_count
            from service_centre.centres c where c.id = @id and {RegionScope.Sql("c.region_path")} for update
            """, new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
}
