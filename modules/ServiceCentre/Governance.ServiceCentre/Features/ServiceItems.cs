using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.PowerLists.Contracts;

namespace Governance.ServiceCentre.Features;

public sealed record Material([TextLimit(TextLimits.Name)] string Name, [TextLimit(TextLimits.Code)] string Form,
    int Copies, bool Required);

public sealed record ServiceItemRequest(
    [TextLimit(TextLimits.Code)] string? Code, [TextLimit(TextLimits.Name)] string? Name,
    [TextLimit(TextLimits.Code)] string? Level, [TextLimit(TextLimits.Code)] string? Kind,
    [TextLimit(4000)] string? LegalBasis, [TextLimit(4000)] string? Conditions,
    IReadOnlyList<Material>? Materials, bool? NoMaterials, int? StatutoryDays, int? PromisedDays, decimal? FeeAmount,
    [TextLimit(TextLimits.Note)] string? FeeBasis, [TextLimit(TextLimits.Text)] IReadOnlyList<string>? Steps,
    [TextLimit(30)] string? Phone, [TextLimit(TextLimits.Code)] IReadOnlyList<string>? Channels, Guid? PowerItemId,
    DateOnly? EffectiveFrom, [TextLimit(500)] string? ChangeNote);

public sealed record ServiceItemVersionResponse(
    Guid ItemId, string Code, int Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Name, string Level,
    string Kind, string KindName, string LegalBasis, string Conditions, IReadOnlyList<Material> Materials,
    bool NoMaterials, int StatutoryDays, int? PromisedDays, decimal? FeeAmount, string? FeeBasis,
    IReadOnlyList<string> Steps, string Phone, IReadOnlyList<string> Channels, Guid? PowerItemId, string ChangeNote,
    DateTimeOffset? PublishedAt);

public sealed record ServiceItemDetailResponse(ServiceItemVersionResponse? Current, int LatestVersion,
    IReadOnlyList<ServiceItemVersionResponse> Versions);

/// <summary>
/// 事项目录 and 办事指南: versioned guides with the rules a window depends on — 承诺时限 never longer than 法定时限,
/// 即办件 without promised days, at most 4 process steps, materials listed or explicitly none — and publication.
/// </summary>
internal static partial class ServiceItems
{
    public static readonly IReadOnlyDictionary<string, string> Channels = new Dictionary<string, string>
    {
        ["window"] = "窗口", ["online"] = "网上", ["mobile"] = "掌上/APP", ["kiosk"] = "自助一体机",
        ["village_point"] = "村代办点",
    };

    private static readonly string[] Forms = ["original", "copy", "both"];

    internal sealed record Row
    {
        public Guid ItemId { get; init; }
        public string Code { get; init; } = "";
        public int Version { get; init; }
        public DateOnly EffectiveFrom { get; init; }
        public DateOnly? EffectiveTo { get; init; }
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Kind { get; init; } = "";
        public string LegalBasis { get; init; } = "";
        public string Conditions { get; init; } = "";
        public string Materials { get; init; } = "[]";
        public bool NoMaterials { get; init; }
        public int StatutoryDays { get; init; }
        public int? PromisedDays { get; init; }
        public decimal? FeeAmount { get; init; }
        public string? FeeBasis { get; init; }
        public string[] Steps { get; init; } = [];
        public string Phone { get; init; } = "";
        public string[] Channels { get; init; } = [];
        public Guid? PowerItemId { get; init; }
        /// <summary>Where a search puts the item (<see cref="Rank"/>); 0 without one.</summary>
        public int Rank { get; init; }
        public string ChangeNote { get; init; } = "";
        public DateTime? PublishedAt { get; init; }

        public ServiceItemVersionResponse ToResponse() => new(ItemId, Code, Version, EffectiveFrom, EffectiveTo, Name,
            Level, Kind, Kind == ServiceKinds.Immediate ? "即办件" : "承诺件", LegalBasis, Conditions,
            JsonSerializer.Deserialize<List<Material>>(Materials, Json) ?? [], NoMaterials, StatutoryDays, PromisedDays,
            FeeAmount, FeeBasis, Steps, Phone, Channels, PowerItemId, ChangeNote,
            PublishedAt is { } p ? new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc)) : null);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal const string Columns = """
        i.id as item_id, i.code, v.version, lower(v.valid) as effective_from, upper(v.valid) as effective_to, v.name,
        v.level, v.kind, v.legal_basis, v.conditions, v.materials::text as materials, v.no_materials, v.statutory_days,
        v.promised_days, v.fee_amount, v.fee_basis, v.steps, v.phone, v.channels, v.power_item_id, v.change_note,
        v.published_at
        """;

    private sealed record Key(string Code, Guid Id, int Rank = 0);

    /// <summary>
    /// A search's order: the name or code itself, then names that start with it, then the rest; within each, township
    /// items before village ones (a clerk searching 高龄 wants the township's 高龄津贴 before a village's). Without a
    /// search every item ranks 0 and the list is in code order.
    /// </summary>
    internal const string Rank = """
        case when @q::text is null then 0
             else (case when v.name = @q or i.code = @q then 0 when starts_with(v.name, @q) then 2 else 4 end)
                  + (case when v.level = 'township' then 0 else 1 end) end
        """;

    public static async Task<Ok<Page<ServiceItemVersionResponse>>> List(
        [TextLimit(TextLimits.Search)] string? q, [TextLimit(TextLimits.Code)] string? level,
        [TextLimit(TextLimits.Code)] string? kind, DateOnly? asOf, [TextLimit(TextLimits.Cursor)] string? cursor,
        int? limit, NpgsqlDataSource db,
        CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            select * from (
                select {Columns}, {Rank} as rank
                from service_centre.items i join service_centre.item_versions v on v.item_id = i.id
                    and v.valid @> @asOf::date
                where {RegionScope.SqlSharedDown("i.county_path")}
                  and (@level::text is null or v.level = @level) and (@kind::text is null or v.kind = @kind)
                  and (@q::text is null or strpos(v.name, @q) > 0 or strpos(i.code, @q) > 0)) x
            where @afterCode::text is null or (x.rank, x.code, x.item_id) > (@afterRank, @afterCode, @afterId)
            order by x.rank, x.code, x.item_id limit @take
            """, new
            {
                scope = user.Scope.Pattern, scopePath = user.Scope.Path, asOf = asOf ?? CountyClock.Today(clock),
                level = TextInput.Blank(level), kind = TextInput.Blank(kind), q = TextInput.Blank(q),
                afterRank = after?.Rank ?? 0, afterCode = after?.Code, afterId = after?.Id ?? Guid.Empty,
                take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.Code, r.ItemId, r.Rank));
        return TypedResults.Ok(new Page<ServiceItemVersionResponse>(page.Items.Select(r => r.ToResponse()).ToList(),
            page.NextCursor));
    }

    private static async Task<List<Row>> Versions(NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, string scopeSql,
        object args, CancellationToken ct) =>
        (await c.QueryAsync<Row>(new CommandDefinition($"""
            select {Columns} from service_centre.items i join service_centre.item_versions v on v.item_id = i.id
            where i.id = @id and {scopeSql} order by v.version
            """, args, tx, cancellationToken: ct))).ToList();

    private static ServiceItemDetailResponse Detail(List<Row> versions, DateOnly date) =>
        new(versions.FirstOrDefault(
            v => v.EffectiveFrom <= date && (v.EffectiveTo is null || date < v.EffectiveTo))?.ToResponse(),
            versions[^1].Version, versions.Select(v => v.ToResponse()).ToList());

    public static async Task<Ok<ServiceItemDetailResponse>> Get(
        Guid id, DateOnly? asOf, [AsParameters] ServiceCentreServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var versions = await Versions(c, null, id, RegionScope.SqlSharedDown("i.county_path"),
            new { id, scope = s.User.Scope.Pattern, scopePath = s.User.Scope.Path }, ct);
        if (versions.Count == 0) return await s.Guard.DenyAsync<Ok<ServiceItemDetailResponse>>("service_item", id, ct);
        ETags.Set(s.Http, versions[^1].Version);
        return TypedResults.Ok(Detail(versions, asOf ?? CountyClock.Today(s.Clock)));
    }

    public static async Task<Created<ServiceItemDetailResponse>> Create(
        ServiceItemRequest r, [AsParameters] ServiceCentreServices s, IPowerLists powers)
    {
        var ct = s.Cancellation;
        var county = await s.Regions.FindAsync(s.User.RegionId, ct);
        if (county is not { Level: RegionLevels.County })
            throw new ForbiddenException("事项目录由县级维护，请以县级账户操作。");
        var v = new Validator().Check(r.Code is not null && CodePattern().IsMatch(r.Code), "code",
            "事项编码为 4–40 位字母、数字或短横线。");
        await Validate(r, v, county.Path, powers, ct);

        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.items (id, county_id, county_path, code, created_at, created_by)
            values (@id, @countyId, @countyPath, @code, @now, @by) on conflict do nothing
            """, new { id, countyId = county.Id, countyPath = county.Path, code = r.Code, by = s.User.Name, now },
            tx, cancellationToken: ct));
        if (inserted == 0) throw new ConflictException("services.code_taken", $"事项编码 {r.Code} 已存在。");
        await Insert(c, tx, id, 1, r, s.User, now, ct);
        var versions = await Versions(c, tx, id, "true", new { id }, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord(
            "service_item.created", "service_item", id.ToString(), county.Path, After: versions[0].ToResponse()), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, 1);
        return TypedResults.Created($"/api/v1/service-centre/items/{id}", Detail(versions, r.EffectiveFrom!.Value));
    }

    /// <summary>A new version from a later effective date; the guide in force until then stays as it was.</summary>
    public static async Task<Created<ServiceItemDetailResponse>> Revise(
        Guid id, ServiceItemRequest r, [AsParameters] ServiceCentreServices s, IPowerLists powers)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var countyPath = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"""
            select county_path from service_centre.items i where id = @id and {RegionScope.Sql("i.county_path")}
                for update
            """, new { id, scope = s.User.Scope.Pattern }, tx, cancellationToken: ct));
        if (countyPath is null)
            return await s.Guard.DenyAsync<Created<ServiceItemDetailResponse>>("service_item", id, ct);
        var versions = await Versions(c, tx, id, "true", new { id }, ct);
        var latest = versions[^1];
        ETags.Require(s.Http, latest.Version);
        var v = new Validator().Check(r.EffectiveFrom is null || r.EffectiveFrom > latest.EffectiveFrom,
            "effectiveFrom", $"生效日期必须晚于现行版本的生效日期（{latest.EffectiveFrom:yyyy-MM-dd}）。");
        await Validate(r, v, countyPath, powers, ct);

        await c.ExecuteAsync(new CommandDefinition(
            """
            update service_centre.item_versions set valid = daterange(lower(valid), @from) where item_id = @id
                and version = @version
            """, new { id, latest.Version, from = r.EffectiveFrom }, tx, cancellationToken: ct));
        await Insert(c, tx, id, latest.Version + 1, r, s.User, s.Clock.GetUtcNow().UtcDateTime, ct);
        var all = await Versions(c, tx, id, "true", new { id }, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord(
            "service_item.revised", "service_item", id.ToString(), countyPath, latest.ToResponse(),
            all[^1].ToResponse()), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, all[^1].Version);
        return TypedResults.Created($"/api/v1/service-centre/items/{id}", Detail(all, r.EffectiveFrom!.Value));
    }

    /// <summary>公布: the latest version's guide becomes public (from its effective date).</summary>
    public static async Task<Ok<ServiceItemDetailResponse>> Publish(
        Guid id, [AsParameters] ServiceCentreServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var countyPath = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"""
            select county_path from service_centre.items i where id = @id and {RegionScope.Sql("i.county_path")}
                for update
            """, new { id, scope = s.User.Scope.Pattern }, tx, cancellationToken: ct));
        if (countyPath is null) return await s.Guard.DenyAsync<Ok<ServiceItemDetailResponse>>("service_item", id, ct);
        var versions = await Versions(c, tx, id, "true", new { id }, ct);
        ETags.Require(s.Http, versions[^1].Version);
        if (versions[^1].PublishedAt is not null)
            throw new ConflictException("services.already_published", "该版本已公布。");
        await c.ExecuteAsync(new CommandDefinition(
            "update service_centre.item_versions set published_at = @now where item_id = @id and version = @version",
            new { id, versions[^1].Version, now = s.Clock.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
        await s.Audit.RecordAsync(c, tx, new AuditRecord("service_item.published", "service_item", id.ToString(),
            countyPath, After: new { versions[^1].Version }), ct);
        var all = await Versions(c, tx, id, "true", new { id }, ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, all[^1].Version);
        return TypedResults.Ok(Detail(all, CountyClock.Today(s.Clock)));
    }

    /// <summary>办事指南 for the public: the version in force today, when it has been published.</summary>
    public static async Task<Ok<IReadOnlyList<ServiceItemVersionResponse>>> PublicList(
        Guid countyId, [TextLimit(TextLimits.Search)] string? q, [TextLimit(TextLimits.Code)] string? level,
        NpgsqlDataSource db, IRegionDirectory regions, TimeProvider clock,
        CancellationToken ct)
    {
        var county = await regions.FindAsync(countyId, ct);
        if (county is not { Level: RegionLevels.County }) throw new NotFoundException();
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition($"""
            select {Columns}
            from service_centre.items i join service_centre.item_versions v on v.item_id = i.id and v.valid @> @today
            where i.county_path = @path and v.published_at is not null
              and (@level::text is null or v.level = @level) and (@q::text is null or strpos(v.name, @q) > 0)
            order by {Rank}, i.code limit 500
            """, new { path = county.Path, today = CountyClock.Today(clock), level = TextInput.Blank(level),
                q = TextInput.Blank(q) }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<ServiceItemVersionResponse>>(rows.Select(r => r.ToResponse()).ToList());
    }

    public static async Task<Ok<ServiceItemVersionResponse>> PublicGet(Guid id, NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            select {Columns}
            from service_centre.items i join service_centre.item_versions v on v.item_id = i.id and v.valid @> @today
            where i.id = @id and v.published_at is not null
            """, new { id, today = CountyClock.Today(clock) }, cancellationToken: ct));
        return TypedResults.Ok(row?.ToResponse() ?? throw new NotFoundException("该办事指南不存在或尚未公布。"));
    }

    /// <summary>
    /// 办理地点与办公时间 of a published guide: the centres that take the item (进驻事项) with address, phone and
    /// hours — the county hall and the township centres; for a citizen's township or village
    /// (<paramref name="regionId"/>), the county hall and that township's centre and village points.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<PublicCentre>>> PublicPlaces(Guid id, Guid? regionId,
        NpgsqlDataSource db, IRegionDirectory regions, TimeProvider clock, CancellationToken ct)
    {
        string? within = null;
        if (regionId is { } r)
        {
            var region = await regions.FindAsync(r, ct) ?? throw new NotFoundException("该地区不存在。");
            // a village's people also go to their township's centre
            within = region.Level == RegionLevels.Village ? RegionScope.Ancestor(region.Path, 3) : region.Path;
        }
        await using var c = await db.OpenConnectionAsync(ct);
        using var grid = await c.QueryMultipleAsync(new CommandDefinition("""
            select exists (select 1 from service_centre.item_versions v
                           where v.item_id = @id and v.valid @> @today and v.published_at is not null);
            select x.id, x.name, x.tier, x.address, x.phone, x.hours
            from service_centre.centre_items ci join service_centre.centres x on x.id = ci.centre_id
            where ci.item_id = @id
              and (x.tier = 'county' or (@within::text is null and x.tier = 'township')
                   or x.region_path like @within || '%')
            order by x.region_path
            """, new { id, within, today = CountyClock.Today(clock) }, cancellationToken: ct));
        if (!await grid.ReadSingleAsync<bool>()) throw new NotFoundException("该办事指南不存在或尚未公布。");
        var places = await grid.ReadAsync<(Guid Id, string Name, string Tier, string Address, string Phone,
            string Hours)>();
        return TypedResults.Ok<IReadOnlyList<PublicCentre>>(places.Select(x =>
            new PublicCentre(x.Id, x.Name, x.Tier, Centres.TierNames[x.Tier], x.Address, x.Phone, x.Hours)).ToList());
    }

    internal static async Task Validate(ServiceItemRequest r, Validator v, string countyPath, IPowerLists powers,
        CancellationToken ct)
    {
        v.Required(r.Name, "name", "事项名称")
            .Check(r.Level is "township" or "village", "level", "事项层级只能是乡镇（township）或村级（village）。")
            .Check(r.Kind is ServiceKinds.Immediate or ServiceKinds.Promised, "kind", "办件类型只能是即办件或承诺件。")
            .Required(r.LegalBasis, "legalBasis", "设定依据")
            .Required(r.Conditions, "conditions", "受理条件")
            .Check(r.StatutoryDays is >= 0 and <= 365, "statutoryDays", "法定时限应为 0–365 个工作日。")
            .Required(r.Phone, "phone", "咨询电话")
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "请填写生效日期。")
            .Required(r.ChangeNote, "changeNote", "变更说明");
        if (r.Kind == ServiceKinds.Immediate)
            v.Check(r.PromisedDays is null, "promisedDays", "即办件当场办结，不设承诺时限。");
        if (r.Kind == ServiceKinds.Promised)
            v.Check(r.PromisedDays is >= 1, "promisedDays", "承诺件须填写承诺时限（至少 1 个工作日）。")
             .Check(r.PromisedDays is null || r.StatutoryDays is null || r.PromisedDays <= r.StatutoryDays,
                 "promisedDays", $"承诺时限不能长于法定时限（{r.StatutoryDays} 个工作日）。");
        var steps = r.Steps?.Where(s => !string.IsNullOrWhiteSpace(s)).ToList() ?? [];
        v.Check(steps.Count >= 1, "steps", "请填写办理流程。")
            .Check(steps.Count <= 4, "steps", "办理流程最多 4 个环节。");
        var materials = r.Materials ?? [];
        v.Check(materials.Count > 0 || r.NoMaterials == true, "materials", "请至少列出一项申请材料，或注明“无需材料”。")
            .Check(!(materials.Count > 0 && r.NoMaterials == true), "noMaterials",
                "已列出申请材料，不能同时注明“无需材料”。");
        foreach (var (m, i) in materials.Select((m, i) => (m, i)))
            v.Check(!string.IsNullOrWhiteSpace(m.Name), $"materials[{i}].name", "请填写材料名称。")
             .Check(Forms.Contains(m.Form), $"materials[{i}].form", "材料形式只能是原件、复印件或原件和复印件。")
             .Check(m.Copies is >= 1 and <= 99, $"materials[{i}].copies", "份数应为 1–99。");
        v.Check(r.Channels is { Count: > 0 } && r.Channels.All(Channels.ContainsKey), "channels",
            "请选择办理渠道（窗口、网上、掌上/APP、自助一体机、村代办点）。")
            .Check(r.FeeAmount is null or >= 0, "feeAmount", "收费金额不能为负。")
            .Check(r.FeeAmount is null or 0 || !string.IsNullOrWhiteSpace(r.FeeBasis), "feeBasis",
                "收费事项须注明收费依据。");
        if (r.PowerItemId is { } powerItem && r.EffectiveFrom is { } from)
            v.Check(await powers.FindItemAsync(powerItem, countyPath, from, ct) is not null, "powerItemId",
                "关联的权力事项不在本县权责清单目录中（或在生效日未生效）。");
        v.ThrowIfInvalid();
    }

    internal static Task Insert(NpgsqlConnection c, NpgsqlTransaction tx, Guid itemId, int version,
        ServiceItemRequest r, CurrentUser user, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.item_versions (id, item_id, version, valid, name, level, kind, legal_basis,
                conditions, materials, no_materials, statutory_days, promised_days, fee_amount, fee_basis, steps, phone,
                channels, power_item_id, change_note, created_at, created_by)
            values (@id, @itemId, @version, daterange(@from, null), @name, @level, @kind, @legalBasis, @conditions,
                @materials::jsonb, @noMaterials, @statutoryDays, @promisedDays, @feeAmount, @feeBasis, @steps, @phone,
                @channels, @powerItemId, @note, @now, @by)
            """, new
            {
                id = Guid.CreateVersion7(), itemId, version, from = r.EffectiveFrom, name = r.Name!.Trim(),
                level = r.Level, kind = r.Kind, legalBasis = r.LegalBasis!.Trim(), conditions = r.Conditions!.Trim(),
                materials = JsonSerializer.Serialize(r.Materials ?? [], Json), noMaterials = r.NoMaterials ?? false,
                statutoryDays = r.StatutoryDays, promisedDays = r.PromisedDays,
                feeAmount = r.FeeAmount is 0 ? null : r.FeeAmount, feeBasis = TextInput.Blank(r.FeeBasis),
                steps = r.Steps!.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToArray(),
                phone = r.Phone!.Trim(), channels = r.Channels!.Distinct().ToArray(), powerItemId = r.PowerItemId,
                note = r.ChangeNote!.Trim(), by = user.Name, now,
            }, tx, cancellationToken: ct));


    [GeneratedRegex("^[A-Za-z0-9-]{4,40}$")]
    internal static partial Regex CodePattern();
}
