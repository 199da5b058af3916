using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.PowerLists.Features;

public sealed record LegalBasis([TextLimit(TextLimits.Name)] string Law, [TextLimit(TextLimits.Name)] string? Article,
    [TextLimit(TextLimits.Text)] string? Text);

public sealed record ItemVersionRequest(
    [TextLimit(TextLimits.Name)] string? Name, [TextLimit(TextLimits.Code)] string? Type,
    [TextLimit(TextLimits.Code)] string? DomainCode, IReadOnlyList<LegalBasis>? LegalBasis, Guid? DepartmentId,
    Guid? SupervisorId, [TextLimit(TextLimits.Text)] IReadOnlyList<string>? Responsibilities,
    [TextLimit(TextLimits.Text)] IReadOnlyList<string>? Accountabilities,
    DateOnly? EffectiveFrom, [TextLimit(500)] string? ChangeNote);

public sealed record CreateItemRequest(
    [TextLimit(TextLimits.Code)] string? Code, [TextLimit(TextLimits.Name)] string? Name,
    [TextLimit(TextLimits.Code)] string? Type, [TextLimit(TextLimits.Code)] string? DomainCode,
    IReadOnlyList<LegalBasis>? LegalBasis,
    Guid? DepartmentId, Guid? SupervisorId, [TextLimit(TextLimits.Text)] IReadOnlyList<string>? Responsibilities,
    [TextLimit(TextLimits.Text)] IReadOnlyList<string>? Accountabilities, DateOnly? EffectiveFrom,
    [TextLimit(500)] string? ChangeNote);

public sealed record WithdrawItemRequest(DateOnly? EffectiveFrom, [TextLimit(500)] string? ChangeNote);

/// <summary>An item as in force on a date (or its latest version when asked for history).</summary>
public sealed record ItemVersionResponse(
    Guid ItemId, string Code, int Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool Withdrawn, string Name,
    string Type, string TypeName, string DomainCode, string DomainName, IReadOnlyList<LegalBasis> LegalBasis,
    Guid? DepartmentId, string? DepartmentName, Guid? SupervisorId, string? SupervisorName,
    IReadOnlyList<string> Responsibilities, IReadOnlyList<string> Accountabilities, string ChangeNote,
    DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// <see cref="Current"/> is null when no version is in force on the date asked (before the first, e.g. a planned item).
/// </summary>
public sealed record ItemDetailResponse(ItemVersionResponse? Current, int LatestVersion,
    IReadOnlyList<ItemVersionResponse> Versions);

public sealed record DomainResponse(string Code, string Name);

/// <summary>
/// 职权事项目录: versioned items, each version in force over [effectiveFrom, next version's effectiveFrom).
/// </summary>
internal static partial class Catalogue
{
    internal const string VersionColumns = """
        i.id as item_id, i.code, v.version, lower(v.valid) as effective_from, upper(v.valid) as effective_to,
        v.withdrawn, v.name, v.type, v.domain_code, d.name as domain_name, v.legal_basis::text as legal_basis,
        v.department_id, v.department_name, v.supervisor_id, v.supervisor_name, v.responsibilities, v.accountabilities,
        v.change_note, v.created_at, v.created_by
        """;

    /// <summary>
    /// Property-mapped (not positional): Dapper cannot match text[] columns to constructor parameters.
    /// </summary>
    internal sealed record VersionRow
    {
        public Guid ItemId { get; init; }
        public string Code { get; init; } = "";
        public int Version { get; init; }
        public DateOnly EffectiveFrom { get; init; }
        public DateOnly? EffectiveTo { get; init; }
        public bool Withdrawn { get; init; }
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public string DomainCode { get; init; } = "";
        public string DomainName { get; init; } = "";
        public string LegalBasis { get; init; } = "[]";
        public Guid? DepartmentId { get; init; }
        public string? DepartmentName { get; init; }
        public Guid? SupervisorId { get; init; }
        public string? SupervisorName { get; init; }
        public string[] Responsibilities { get; init; } = [];
        public string[] Accountabilities { get; init; } = [];
        public string ChangeNote { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";

        public ItemVersionResponse ToResponse() => new(ItemId, Code, Version, EffectiveFrom, EffectiveTo, Withdrawn,
            Name, Type, PowerTypes.Names.GetValueOrDefault(Type, Type), DomainCode, DomainName,
            JsonSerializer.Deserialize<List<LegalBasis>>(LegalBasis, JsonOptions) ?? [], DepartmentId, DepartmentName,
            SupervisorId, SupervisorName, Responsibilities, Accountabilities, ChangeNote,
            new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)), CreatedBy);
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<Ok<IReadOnlyList<DomainResponse>>> Domains(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<DomainResponse>(
            new CommandDefinition("select code, name from power_lists.domains order by sort", cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<DomainResponse>>(rows.ToList());
    }

    private sealed record Key(string Code, Guid Id);

    /// <summary>The catalogue as of a date (default: today in the county), searchable and filtered in SQL.</summary>
    public static async Task<Ok<Page<ItemVersionResponse>>> List(
        [TextLimit(TextLimits.Search)] string? q, [TextLimit(TextLimits.Code)] string? type,
        [TextLimit(TextLimits.Code)] string? domain, Guid? departmentId, DateOnly? asOf, bool? includeWithdrawn,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<VersionRow>(new CommandDefinition($"""
            select {VersionColumns}
            from power_lists.items i
            join power_lists.item_versions v on v.item_id = i.id and v.valid @> @asOf::date
            join power_lists.domains d on d.code = v.domain_code
            where {RegionScope.SqlSharedDown("i.county_path")}
              and (@includeWithdrawn or not v.withdrawn)
              and (@type::text is null or v.type = @type)
              and (@domain::text is null or v.domain_code = @domain)
              and (@departmentId::uuid is null or v.department_id = @departmentId)
              and (@q::text is null or strpos(v.name, @q) > 0 or strpos(i.code, upper(@q)) > 0)
              and (@afterCode::text is null or (i.code, i.id) > (@afterCode, @afterId))
            order by i.code, i.id
            limit @take
            """, new
            {
                scope = user.Scope.Pattern, scopePath = user.Scope.Path, asOf = asOf ?? CountyClock.Today(clock),
                includeWithdrawn = includeWithdrawn ?? false, type = TextInput.Blank(type),
                domain = TextInput.Blank(domain), departmentId, q = TextInput.Blank(q), afterCode = after?.Code,
                afterId = after?.Id ?? Guid.Empty, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.Code, r.ItemId));
        return TypedResults.Ok(new Page<ItemVersionResponse>(page.Items.Select(r => r.ToResponse()).ToList(),
            page.NextCursor));
    }

    public static async Task<Ok<ItemDetailResponse>> Get(Guid id, DateOnly? asOf, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var versions = await Versions(c, null, id, s.User, ct);
        if (versions.Count == 0) return await s.Guard.DenyAsync<Ok<ItemDetailResponse>>("power_item", id, ct);
        var date = asOf ?? CountyClock.Today(s.Clock);
        var current = versions.FirstOrDefault(
            v => v.EffectiveFrom <= date && (v.EffectiveTo is null || date < v.EffectiveTo));
        ETags.Set(s.Http, versions[^1].Version);
        return TypedResults.Ok(new ItemDetailResponse(current?.ToResponse(), versions[^1].Version,
            versions.Select(v => v.ToResponse()).ToList()));
    }

    internal static async Task<List<VersionRow>> Versions(NpgsqlConnection c, NpgsqlTransaction? tx, Guid id,
        CurrentUser user, CancellationToken ct) =>
        (await c.QueryAsync<VersionRow>(new CommandDefinition($"""
            select {VersionColumns}
            from power_lists.items i
            join power_lists.item_versions v on v.item_id = i.id
            join power_lists.domains d on d.code = v.domain_code
            where i.id = @id and {RegionScope.SqlSharedDown("i.county_path")}
            order by v.version
            """, new { id, scope = user.Scope.Pattern, scopePath = user.Scope.Path }, tx, cancellationToken: ct)))
                .ToList();

    public static async Task<Created<ItemDetailResponse>> Create(
        CreateItemRequest r, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        var v = new Validator().Check(r.Code is not null && CodePattern().IsMatch(r.Code), "code",
            "基本编码格式为 2 位大写类型字母 + 5 位主项 + 3 位子项，如 CF00123000。");
        if (r.Code is { Length: >= 2 } && r.Type is not null)
            v.Check(r.Code[..2] == r.Type, "code", $"编码前两位应与权力类型一致（{r.Type}）。");
        var version = new ItemVersionRequest(r.Name, r.Type, r.DomainCode, r.LegalBasis, r.DepartmentId, r.SupervisorId,
            r.Responsibilities, r.Accountabilities, r.EffectiveFrom, r.ChangeNote ?? "新增事项");
        var county = await CountyOf(s.User, s.Regions, ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var resolved = await ValidateVersion(version, v, c, s.Units, county.Path, ct);

        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.items (id, county_id, county_path, code, created_at, created_by)
            values (@id, @countyId, @countyPath, @code, @now, @by) on conflict do nothing
            """, new { id, countyId = county.Id, countyPath = county.Path, code = r.Code, by = s.User.Name, now }, tx,
            cancellationToken: ct));
        if (inserted == 0) throw new ConflictException("powers.code_taken", $"编码 {r.Code} 已存在于本县目录中。");
        await InsertVersion(c, tx, id, 1, version, resolved, false, s.User, now, ct);
        var versions = await Versions(c, tx, id, s.User, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord(
            "power_item.created", "power_item", id.ToString(), county.Path, After: versions[^1].ToResponse()), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, 1);
        var current = versions[^1].ToResponse();
        return TypedResults.Created($"/api/v1/power-lists/items/{id}", new ItemDetailResponse(current, 1, [current]));
    }

    /// <summary>
    /// A new version from <c>effectiveFrom</c> (later than the latest version's); the previous one ends the day before.
    /// </summary>
    public static async Task<Created<ItemDetailResponse>> Revise(
        Guid id, ItemVersionRequest r, [AsParameters] PowerListsServices s) =>
        await AppendVersion(id, r, false, s);

    /// <summary>取消: a last version, marked withdrawn, from the given date.</summary>
    public static async Task<Created<ItemDetailResponse>> Withdraw(
        Guid id, WithdrawItemRequest r, [AsParameters] PowerListsServices s) =>
        await AppendVersion(
            id, new ItemVersionRequest(null, null, null, null, null, null, null, null, r.EffectiveFrom, r.ChangeNote),
            true, s);

    private static async Task<Created<ItemDetailResponse>> AppendVersion(
        Guid id, ItemVersionRequest r, bool withdraw, PowerListsServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var countyPath = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"""
            select county_path from power_lists.items i where id = @id and {RegionScope.Sql("i.county_path")} for update
            """, new { id, scope = s.User.Scope.Pattern }, tx, cancellationToken: ct));
        if (countyPath is null) return await s.Guard.DenyAsync<Created<ItemDetailResponse>>("power_item", id, ct);
        var versions = await Versions(c, tx, id, s.User, ct);
        var latest = versions[^1];
        ETags.Require(s.Http, latest.Version);
        if (latest.Withdrawn) throw new ConflictException("powers.item_withdrawn", "该事项已取消，不能再修订。");

        var v = new Validator()
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "请填写生效日期。")
            .Check(r.EffectiveFrom is null || r.EffectiveFrom > latest.EffectiveFrom, "effectiveFrom",
                $"生效日期必须晚于现行版本的生效日期（{latest.EffectiveFrom:yyyy-MM-dd}）。")
            .Required(r.ChangeNote, "changeNote", "变更说明");
        var request = withdraw
            ? new ItemVersionRequest(latest.Name, latest.Type, latest.DomainCode, latest.ToResponse().LegalBasis,
                latest.DepartmentId, latest.SupervisorId, latest.Responsibilities, latest.Accountabilities,
                r.EffectiveFrom, r.ChangeNote)
            : r;
        var resolved = await ValidateVersion(request, v, c, s.Units, countyPath, ct);

        await c.ExecuteAsync(new CommandDefinition("""
            update power_lists.item_versions set valid = daterange(lower(valid), @from) where item_id = @id
                and version = @version
            """, new { id, version = latest.Version, from = r.EffectiveFrom }, tx, cancellationToken: ct));
        await InsertVersion(
            c, tx, id, latest.Version + 1, request, resolved, withdraw, s.User, s.Clock.GetUtcNow().UtcDateTime, ct);
        var all = await Versions(c, tx, id, s.User, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord(withdraw ? "power_item.withdrawn" : "power_item.revised",
            "power_item", id.ToString(), countyPath, latest.ToResponse(), all[^1].ToResponse()), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, all[^1].Version);
        return TypedResults.Created($"/api/v1/power-lists/items/{id}",
            new ItemDetailResponse(all[^1].ToResponse(), all[^1].Version, all.Select(x => x.ToResponse()).ToList()));
    }

    internal sealed record Resolved(string? DepartmentName, string? SupervisorName);

    private static async Task<Resolved> ValidateVersion(
        ItemVersionRequest r, Validator v, NpgsqlConnection c, IUnitDirectory units, string countyPath,
        CancellationToken ct)
    {
        v.Required(r.Name, "name", "事项名称")
            .Check(r.Type is not null && PowerTypes.Names.ContainsKey(r.Type), "type",
                "请选择十类行政权力之一（XK、CF、QZ、ZS、JF、JC、QR、JL、CJ、QT）。")
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "请填写生效日期。")
            .Required(r.ChangeNote, "changeNote", "变更说明")
            .Check(r.DepartmentId is not null, "departmentId", "请选择实施主体（县直部门）。");
        foreach (var (basis, i) in (r.LegalBasis ?? []).Select((b, i) => (b, i)))
            v.Check(!string.IsNullOrWhiteSpace(basis.Law), $"legalBasis[{i}].law", "请填写法律法规名称。");
        var domainOk = r.DomainCode is not null && await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from power_lists.domains where code = @code)", new { code = r.DomainCode },
            cancellationToken: ct));
        v.Check(domainOk, "domainCode", "请选择有效的执法领域。");

        string? department = null, supervisor = null;
        if (r.DepartmentId is { } d)
        {
            var unit = await units.FindAsync(d, ct);
            v.Check(unit is { Kind: "county_department" or "county_institution" } && unit.RegionPath == countyPath,
                "departmentId", "实施主体必须是本县的县直部门或单位。");
            department = unit?.Name;
        }
        if (r.SupervisorId is { } s)
        {
            var unit = await units.FindAsync(s, ct);
            v.Check(unit is not null && unit.RegionPath.StartsWith(countyPath, StringComparison.Ordinal),
                "supervisorId", "监管单位必须是本县的单位。");
            supervisor = unit?.Name;
        }
        v.ThrowIfInvalid();
        return new Resolved(department, supervisor);
    }

    internal static Task InsertVersion(NpgsqlConnection c, NpgsqlTransaction tx, Guid itemId, int version,
        ItemVersionRequest r, Resolved names, bool withdrawn, CurrentUser user, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.item_versions (id, item_id, version, valid, withdrawn, name, type, domain_code,
                legal_basis, department_id, department_name, supervisor_id, supervisor_name, responsibilities,
                accountabilities, change_note, created_at, created_by)
            values (@id, @itemId, @version, daterange(@from, null), @withdrawn, @name, @type, @domain, @basis::jsonb,
                @departmentId, @departmentName, @supervisorId, @supervisorName, @responsibilities, @accountabilities,
                @note, @now, @by)
            """, new
            {
                id = Guid.CreateVersion7(), itemId, version, from = r.EffectiveFrom, withdrawn, name = r.Name!.Trim(),
                type = r.Type, domain = r.DomainCode, basis = JsonSerializer.Serialize(r.LegalBasis ?? [], JsonOptions),
                departmentId = r.DepartmentId, departmentName = names.DepartmentName, supervisorId = r.SupervisorId,
                supervisorName = names.SupervisorName, responsibilities = Clean(r.Responsibilities),
                accountabilities = Clean(r.Accountabilities), note = r.ChangeNote!.Trim(), by = user.Name, now,
            }, tx, cancellationToken: ct));

    internal static async Task<RegionInfo> CountyOf(CurrentUser user, IRegionDirectory regions, CancellationToken ct)
    {
        var region = await regions.FindAsync(user.RegionId, ct);
        if (region is not { Level: RegionLevels.County })
            throw new ForbiddenException("权责清单目录由县级维护，请以县级账户操作。");
        return region;
    }

    private static string[] Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToArray();


    [GeneratedRegex("^[A-Z]{2}[0-9]{8}$")]
    private static partial Regex CodePattern();
}
