namespace Governance.PowerLists.Features;

public sealed record AssignItemsRequest(
    IReadOnlyList<Guid>? TownshipIds, IReadOnlyList<Guid>? ItemIds, [TextLimit(TextLimits.Code)] string? Mode,
    [TextLimit(TextLimits.Code)] string? ListKind, [TextLimit(TextLimits.Number)] string? DecisionNo,
    Guid? AgreementId, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, [TextLimit(TextLimits.Note)] string? Note);

public sealed record EndEntryRequest(DateOnly? EffectiveTo, [TextLimit(500)] string? Reason);

/// <summary>One change of a published township list: an entry taken in (added) or out (ended) on a day.</summary>
public sealed record PublicListChange(
    DateOnly ChangedOn, string Change, string ChangeName, string ItemCode, string ItemName, string Mode,
    string ListKind, string? DecisionNo, string? AgreementNo);

public sealed record EntryResponse(
    Guid Id, Guid TownshipId, Guid ItemId, string Code, string Name, string Type, string TypeName, string DomainCode,
    string DomainName, string? DepartmentName, string Mode, string ModeName, string ListKind, string ListKindName,
    string? DecisionNo, Guid? AgreementId, string? AgreementNo, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    bool Exercisable, string? Problem, DateTimeOffset? PublishedAt);

public sealed record TownshipListResponse(Guid TownshipId, string TownshipName, DateOnly AsOf,
    IReadOnlyList<EntryResponse> Entries);

public sealed record PublishResponse(int Published, DateTimeOffset PublishedAt);

/// <summary>乡镇权责清单: which items each township exercises, how and when; as of any date.</summary>
internal static class TownshipLists
{
    private sealed record Row(
        Guid Id, Guid TownshipId, Guid ItemId, string Code, string? Name, string? Type, string? DomainCode,
        string? DomainName, string? DepartmentName, bool? Withdrawn, string Mode, string ListKind, string? DecisionNo,
        Guid? AgreementId, string? AgreementNo, bool AgreementInForce, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
        DateTime? PublishedAt)
    {
        public EntryResponse ToResponse()
        {
            var problem = Name is null ? "事项在该日尚未生效"
                : Withdrawn == true ? "事项已取消"
                : ListKind == "withdrawn" ? null
                : Mode == ExerciseModes.Entrusted && !AgreementInForce ? "委托协议不在有效期内" : null;
            return new EntryResponse(Id, TownshipId, ItemId, Code, Name ?? "", Type ?? "",
                PowerTypes.Names.GetValueOrDefault(Type ?? "", ""), DomainCode ?? "", DomainName ?? "", DepartmentName,
                Mode, PowerTypes.ModeNames[Mode], ListKind, PowerTypes.ListKindNames[ListKind], DecisionNo, AgreementId,
                AgreementNo, EffectiveFrom, EffectiveTo, problem is null && ListKind != "withdrawn", problem,
                PublishedAt is { } p ? new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc)) : null);
        }
    }

    private sealed record AgreementTerm(Guid TownshipId, DateOnly StartsOn, DateOnly EndsOn, DateOnly? RevokedOn);
    private sealed record EntryPeriod(Guid TownshipId, string Path, DateOnly ValidFrom, DateOnly? ValidTo);

    /// <summary>Entries with the item version and agreement state of @date (and a where clause to follow).</summary>
    private const string EntrySelect = $"""
        select e.id, e.township_id, e.item_id, i.code, v.name, v.type, v.domain_code, d.name as domain_name,
               v.department_name, v.withdrawn, e.mode, e.list_kind, e.decision_no, e.agreement_id,
               a.document_no as agreement_no, {Agreements.BacksEntry} as agreement_in_force,
               lower(e.valid) as effective_from, upper(e.valid) as effective_to, e.published_at
        from power_lists.entries e
        join power_lists.items i on i.id = e.item_id
        left join power_lists.item_versions v on v.item_id = e.item_id and v.valid @> @date
        left join power_lists.domains d on d.code = v.domain_code
        left join power_lists.agreements a on a.id = e.agreement_id
        """;

    /// <summary>
    /// Entries in force on @date for one township, with the item version and agreement state of that date.
    /// </summary>
    internal const string AsOfSql = $"{EntrySelect} where e.township_id = @townshipId and e.valid @> @date";

    /// <summary>清单条目变更 for nightly scripts: the township entries in scope assigned, ended or published since the
    /// cursor — each with its item and agreement as they stand today (see <see cref="ChangeFeed"/>).</summary>
    public static async Task<Ok<ChangePage<EntryResponse>>> Changes(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        var today = CountyClock.Today(s.Clock);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<EntryResponse>> Load(IReadOnlyList<Guid> ids) =>
            (await c.QueryAsync<Row>(new CommandDefinition($"{EntrySelect} where e.id = any(@ids)",
                new { ids = ids.ToArray(), date = today }, cancellationToken: ct)))
            .Select(r => r.ToResponse()).ToList();
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c, new ChangeSource<EntryResponse>(
            "power_lists.entries", "e", RegionScope.Sql("e.township_path"), Load, e => e.Id),
            s.User.Scope, changedSince, limit, ct));
    }

    public static async Task<Ok<TownshipListResponse>> Get(
        Guid townshipId, DateOnly? asOf, [TextLimit(TextLimits.Code)] string? domain,
        [TextLimit(TextLimits.Code)] string? mode, [TextLimit(TextLimits.Code)] string? listKind,
        [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        var township = await s.Regions.FindAsync(townshipId, ct);
        if (township is not { Level: RegionLevels.Township } || !s.User.Scope.Contains(township.Path))
            return await s.Guard.DenyAsync<Ok<TownshipListResponse>>("township_list", townshipId, ct);
        var date = asOf ?? CountyClock.Today(s.Clock);
        return TypedResults.Ok(new TownshipListResponse(township.Id, township.Name, date,
            await Load(s.Db, township.Id, date, domain, mode, listKind, publishedOnly: false, ct)));
    }

    /// <summary>A township's list as of @date with its filters (the benchmark runs this same text directly).</summary>
    internal const string ListSql = $"""
        {AsOfSql}
          and (@domain::text is null or v.domain_code = @domain)
          and (@mode::text is null or e.mode = @mode)
          and (@listKind::text is null or e.list_kind = @listKind)
          and (not @publishedOnly or e.published_at is not null)
        order by e.list_kind, v.domain_code, i.code
        """;

    internal static async Task<IReadOnlyList<EntryResponse>> Load(
        NpgsqlDataSource db, Guid townshipId, DateOnly date, [TextLimit(TextLimits.Code)] string? domain,
        [TextLimit(TextLimits.Code)] string? mode, [TextLimit(TextLimits.Code)] string? listKind,
        bool publishedOnly, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(ListSql, new
            {
                townshipId, date, domain = TextInput.Blank(domain), mode = TextInput.Blank(mode),
                listKind = TextInput.Blank(listKind), publishedOnly,
            },
            cancellationToken: ct));
        return rows.Select(r => r.ToResponse()).ToList();
    }

    /// <summary>Every township's published list of a county as of @date, in one query (the open-data package).
    /// </summary>
    internal static async Task<IReadOnlyList<EntryResponse>> LoadPublished(
        NpgsqlDataSource db, string countyPath, DateOnly date, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition($"""
            {EntrySelect}
            where e.township_path like @path || '%' and e.valid @> @date and e.published_at is not null
            """, new { path = countyPath, date }, cancellationToken: ct))).Select(r => r.ToResponse()).ToList();
    }

    /// <summary>
    /// Assigns items to many townships at once, all or nothing. Overlapping an existing entry of the same township and
    /// item is refused (no 多头); 委托 needs an agreement covering every item for that township over the whole period.
    /// </summary>
    public static async Task<Created<IReadOnlyList<EntryResponse>>> Assign(
        AssignItemsRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IRegionDirectory regions,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator()
            .Check(r.TownshipIds is { Count: > 0 }, "townshipIds", "请选择乡镇（街道）。")
            .Check(r.ItemIds is { Count: > 0 }, "itemIds", "请选择事项。")
            .Check(r.Mode is not null && PowerTypes.ModeNames.ContainsKey(r.Mode), "mode",
                "行使方式只能是法定、赋权或委托。")
            .Check(r.ListKind is not null && PowerTypes.ListKindNames.ContainsKey(r.ListKind), "listKind",
                "请选择清单类别。")
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "请填写生效日期。")
            .Check(r.EffectiveTo is null || r.EffectiveFrom is null || r.EffectiveTo > r.EffectiveFrom, "effectiveTo",
                "失效日期必须晚于生效日期。")
            .Check(r.Mode != ExerciseModes.Granted || !string.IsNullOrWhiteSpace(r.DecisionNo), "decisionNo",
                "赋权事项须填写赋权决定文号。")
            .Check(r.Mode != ExerciseModes.Entrusted || r.AgreementId is not null, "agreementId",
                "委托事项须选择委托协议。")
            .Check(r.Mode == ExerciseModes.Entrusted || r.AgreementId is null, "agreementId",
                "只有委托事项才关联委托协议。");
        v.ThrowIfInvalid();

        var townships = new List<RegionInfo>();
        foreach (var id in r.TownshipIds!.Distinct())
        {
            var t = await regions.FindAsync(id, ct);
            if (t is not { Level: RegionLevels.Township } || !user.Scope.Contains(t.Path))
                throw new ValidationException("townshipIds", "所选乡镇（街道）不存在或不在您的管辖范围内。");
            townships.Add(t);
        }
        var itemIds = r.ItemIds!.Distinct().ToArray();
        var from = r.EffectiveFrom!.Value;

        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var t in townships)
        {
            var known = await c.ExecuteScalarAsync<int>(new CommandDefinition(
                "select count(*) from power_lists.items where id = any(@itemIds) and @path like county_path || '%'",
                new { itemIds, path = t.Path }, tx, cancellationToken: ct));
            if (known != itemIds.Length)
                throw new ValidationException("itemIds", $"有事项不在{t.Name}所属县的目录中。");
        }
        if (r.Mode == ExerciseModes.Entrusted)
        {
            var a = await c.QuerySingleOrDefaultAsync<AgreementTerm>(new CommandDefinition(
                $"""
                select township_id, starts_on, ends_on, revoked_on from power_lists.agreements a where id = @id
                    and {RegionScope.Sql("a.township_path")}
                """, new { id = r.AgreementId, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
            if (a is null) throw new ValidationException("agreementId", "委托协议不存在或不在您的管辖范围内。");
            if (townships.Any(t => t.Id != a.TownshipId))
                throw new ValidationException("townshipIds", "委托协议只对其受托乡镇有效。");
            var lastDay = a.RevokedOn is { } rev ? rev.AddDays(-1) : a.EndsOn;
            // the entry may outlive the agreement: from the agreement's end it simply stops being exercisable
            if (from < a.StartsOn || from > lastDay)
                throw new ValidationException("effectiveFrom",
                    $"委托事项的生效日期须在协议有效期内（{a.StartsOn:yyyy-MM-dd} 至 {lastDay:yyyy-MM-dd}）。");
            var covered = await c.ExecuteScalarAsync<int>(new CommandDefinition(
                "select count(*) from power_lists.agreement_items where agreement_id = @id and item_id = any(@itemIds)",
                new { id = r.AgreementId, itemIds }, tx, cancellationToken: ct));
            if (covered != itemIds.Length)
                throw new ValidationException("itemIds", "有事项不在所选委托协议的委托范围内。");
        }

        var overlaps = (await c.QueryAsync<string>(new CommandDefinition("""
            select i.code || '@' || e.township_id
            from power_lists.entries e join power_lists.items i on i.id = e.item_id
            where e.township_id = any(@townshipIds) and e.item_id = any(@itemIds) and e.valid && daterange(@from, @to)
            order by i.code
            """, new { townshipIds = townships.Select(t => t.Id).ToArray(), itemIds, from, to = r.EffectiveTo }, tx,
            cancellationToken: ct))).ToList();
        if (overlaps.Count > 0)
        {
            var names = townships.ToDictionary(t => t.Id.ToString(), t => t.Name);
            var described = overlaps.Select(o => o.Split('@')).Select(p => $"{names[p[1]]} {p[0]}").ToList();
            throw new ConflictException("powers.entry_overlap",
                "以下事项在该期间已在乡镇清单中（同一事项同一时间只能有一个行使主体）：" +
                $"{string.Join("、", described.Take(20))}{(described.Count > 20 ? " 等" : "")}。")
                { Extensions = { ["overlaps"] = described } };
        }

        var created = new List<EntryResponse>();
        foreach (var t in townships)
        {
            var ids = itemIds.Select(_ => Guid.CreateVersion7()).ToArray();
            await c.ExecuteAsync(new CommandDefinition("""
                insert into power_lists.entries (id, township_id, township_path, item_id, mode, list_kind, decision_no,
                                                 agreement_id, valid, note, created_at, created_by)
                select unnest(@ids), @townshipId, @path, unnest(@itemIds), @mode, @listKind, @decisionNo, @agreementId,
                    daterange(@from, @to), @note, @now, @by
                """, new
                {
                    ids, townshipId = t.Id, path = t.Path, itemIds, mode = r.Mode, listKind = r.ListKind,
                    decisionNo = TextInput.Blank(r.DecisionNo), agreementId = r.AgreementId, from, to = r.EffectiveTo,
                    note = TextInput.Blank(r.Note), by = user.Name, now = clock.GetUtcNow().UtcDateTime,
                }, tx, cancellationToken: ct));
            var rows = (await c.QueryAsync<Row>(new CommandDefinition(
                    $"{AsOfSql} and e.id = any(@ids)", new { townshipId = t.Id, date = from, ids }, tx,
                    cancellationToken: ct)))
                .Select(x => x.ToResponse()).ToList();
            await audit.RecordAsync(c, tx, new AuditRecord("township_list.items_assigned", "township_list",
                t.Id.ToString(), t.Path, After: new { r.Mode, r.ListKind, r.DecisionNo, r.AgreementId,
                    EffectiveFrom = from, r.EffectiveTo, Items = rows.Select(x => x.Code) }), ct);
            created.AddRange(rows);
        }
        await tx.CommitAsync(ct);
        return TypedResults.Created("/api/v1/power-lists/entries", (IReadOnlyList<EntryResponse>)created);
    }

    /// <summary>Ends an entry from a date (the township stops exercising the item); the history stays.</summary>
    public static async Task<Ok<EntryResponse>> End(
        Guid id, EndEntryRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, ScopeGuard guard,
        CancellationToken ct)
    {
        new Validator().Check(r.EffectiveTo is not null, "effectiveTo", "请填写失效日期。")
            .Required(r.Reason, "reason", "原因").ThrowIfInvalid();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var entry = await c.QuerySingleOrDefaultAsync<EntryPeriod>(new CommandDefinition(
            $"""
            select township_id, township_path as path, lower(valid) as valid_from, upper(valid) as valid_to
            from power_lists.entries e where id = @id and {RegionScope.Sql("e.township_path")} for update
            """,
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (entry is null) return await guard.DenyAsync<Ok<EntryResponse>>("township_entry", id, ct);
        var (townshipId, path, from, to) = entry;
        if (r.EffectiveTo <= from || (to is not null && r.EffectiveTo >= to))
            throw new ValidationException("effectiveTo",
                $"失效日期须在 {from:yyyy-MM-dd} 之后{(to is null ? "" : $"、{to:yyyy-MM-dd} 之前")}。");
        await c.ExecuteAsync(new CommandDefinition("""
            update power_lists.entries set valid = daterange(lower(valid), @to) where id = @id
            """, new { id, to = r.EffectiveTo }, tx, cancellationToken: ct));
        var row = await c.QuerySingleAsync<Row>(new CommandDefinition(
            $"{AsOfSql} and e.id = @id", new { townshipId, date = from, id }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("township_list.entry_ended", "township_entry",
            id.ToString(), path, new { EffectiveTo = to }, new { r.EffectiveTo, r.Reason }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(row.ToResponse());
    }

    /// <summary>公布: makes every not-yet-published entry of the township public.</summary>
    public static async Task<Ok<PublishResponse>> Publish(
        Guid townshipId, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        var township = await s.Regions.FindAsync(townshipId, ct);
        if (township is not { Level: RegionLevels.Township } || !s.User.Scope.Contains(township.Path))
            return await s.Guard.DenyAsync<Ok<PublishResponse>>("township_list", townshipId, ct);
        var now = s.Clock.GetUtcNow();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var codes = (await c.QueryAsync<string>(new CommandDefinition("""
            update power_lists.entries e set published_at = @now from power_lists.items i
            where e.township_id = @townshipId and e.published_at is null and i.id = e.item_id
            returning i.code
            """, new { townshipId, now = now.UtcDateTime }, tx, cancellationToken: ct))).ToList();
        if (codes.Count > 0)
            await s.Audit.RecordAsync(c, tx, new AuditRecord("township_list.published", "township_list",
                townshipId.ToString(), township.Path, After: new { Items = codes.Order() }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new PublishResponse(codes.Count, now));
    }

    public sealed record PublicTownship(Guid Id, string Name, string CountyName, int PublishedEntries);

    private sealed record PublishedCount(Guid TownshipId, string TownshipPath, int Entries);

    /// <summary>The townships that have a published list (the public's index page).</summary>
    public static async Task<Ok<IReadOnlyList<PublicTownship>>> PublicTownships(NpgsqlDataSource db,
        IRegionDirectory regions, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var counts = (await c.QueryAsync<PublishedCount>(new CommandDefinition("""
            select township_id, township_path, count(*)::int as entries from power_lists.entries
            where published_at is not null group by township_id, township_path order by township_path
            """, cancellationToken: ct))).ToList();
        var countyPaths = counts.Select(t => t.TownshipPath[..(t.TownshipPath.TrimEnd('/').LastIndexOf('/') + 1)])
            .Distinct().ToList();
        var names = await regions.NamesByPathAsync(counts.Select(t => t.TownshipPath).Concat(countyPaths).ToList(), ct);
        return TypedResults.Ok<IReadOnlyList<PublicTownship>>(
            counts.Select(t => new PublicTownship(t.TownshipId, names.GetValueOrDefault(t.TownshipPath, ""),
                names.GetValueOrDefault(t.TownshipPath[..(t.TownshipPath.TrimEnd('/').LastIndexOf('/') + 1)], ""),
                t.Entries)).ToList());
    }

    /// <summary>The public list (no login): published entries only, as of a date.</summary>
    public static async Task<Ok<TownshipListResponse>> Public(
        Guid townshipId, DateOnly? asOf, NpgsqlDataSource db, IRegionDirectory regions, TimeProvider clock,
        CancellationToken ct)
    {
        var township = await regions.FindAsync(townshipId, ct);
        if (township is not { Level: RegionLevels.Township }) throw new NotFoundException();
        var date = asOf ?? CountyClock.Today(clock);
        return TypedResults.Ok(new TownshipListResponse(township.Id, township.Name, date,
            await Load(db, township.Id, date, null, null, null, publishedOnly: true, ct)));
    }

    /// <summary>
    /// The public change history (变更记录) of a township's published list: each published entry's start (调入) and end
    /// (调出), newest first, with the item's name as it was on that day.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<PublicListChange>>> PublicHistory(
        Guid townshipId, NpgsqlDataSource db, IRegionDirectory regions, CancellationToken ct)
    {
        var township = await regions.FindAsync(townshipId, ct);
        if (township is not { Level: RegionLevels.Township }) throw new NotFoundException();
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<PublicListChange>(new CommandDefinition("""
            select x.changed_on, x.change, case x.change when 'added' then '调入' else '调出' end as change_name,
                   i.code as item_code, coalesce(v.name, '') as item_name, e.mode, e.list_kind, e.decision_no,
                   a.document_no as agreement_no
            from power_lists.entries e
            join power_lists.items i on i.id = e.item_id
            left join power_lists.agreements a on a.id = e.agreement_id
            cross join lateral (values (lower(e.valid), 'added'), (upper(e.valid), 'ended')) as x(changed_on, change)
            left join power_lists.item_versions v on v.item_id = e.item_id
                 and v.valid @> (case x.change when 'ended' then x.changed_on - 1 else x.changed_on end)
            where e.township_id = @townshipId and e.published_at is not null and x.changed_on is not null
            order by x.changed_on desc, i.code, x.change
            limit 1000
            """, new { townshipId }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<PublicListChange>>(rows.ToList());
    }

    public static async Task<Ok<ExerciseAnswer>> CanExercise(
        Guid townshipId, Guid itemId, DateOnly? date, IPowerLists powers, IRegionDirectory regions, CurrentUser user,
        ScopeGuard guard, TimeProvider clock, CancellationToken ct)
    {
        var township = await regions.FindAsync(townshipId, ct);
        if (township is null || !user.Scope.Contains(township.Path))
            return await guard.DenyAsync<Ok<ExerciseAnswer>>("township_list", townshipId, ct);
        return TypedResults.Ok(await powers.CanExerciseAsync(townshipId, itemId, date ?? CountyClock.Today(clock), ct));
    }
}
