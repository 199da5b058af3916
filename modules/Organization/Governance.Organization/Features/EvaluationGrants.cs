using Governance.Organization.Auth;
using Governance.SharedKernel.Http;
using Governance.SharedKernel;
using Governance.SharedKernel.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Organization.Features;

/// <param name="RegionId">The county evaluated (a province for a province-wide evaluation).</param>
/// <param name="TownshipIds">Chosen townships of that county; empty or absent: the whole region.</param>
/// <param name="PeriodFrom">First day of the data the evaluator may see (county dates, inclusive).</param>
/// <param name="PeriodTo">Last day of the data the evaluator may see.</param>
/// <param name="Modules">power_lists, service_centre, staffing, enforcement.</param>
public sealed record EvaluationGrantRequest(
    [TextLimit(TextLimits.Name)] string? Organisation, [TextLimit(500)] string? Purpose, Guid? RegionId,
    IReadOnlyList<Guid>? TownshipIds, DateOnly? PeriodFrom,
    DateOnly? PeriodTo, [TextLimit(TextLimits.Code)] IReadOnlyList<string>? Modules, DateTimeOffset? ExpiresAt);

public sealed record RevokeGrantRequest([TextLimit(500)] string? Reason);

/// <param name="Status">active (有效), expired (已到期) or revoked (已撤销).</param>
/// <param name="Users">The evaluator users of the grant.</param>
/// <param name="Tokens">The grant's API tokens.</param>
public sealed record EvaluationGrantResponse(
    Guid Id, string Organisation, string Purpose, Guid RegionId, string RegionName,
    IReadOnlyList<GrantRegionResponse> Townships, DateOnly PeriodFrom, DateOnly PeriodTo,
    IReadOnlyList<string> Modules, DateTimeOffset ExpiresAt, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt, string? RevokeReason, int Version, IReadOnlyList<GrantUserResponse> Users,
    IReadOnlyList<GrantTokenResponse> Tokens);

public sealed record GrantUserResponse(Guid Id, string Username, string DisplayName, bool Disabled);

public sealed record GrantTokenResponse(
    Guid Id, string Name, string Prefix, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt);

/// <summary>
/// 评估任务: a county admin grants a third-party evaluator organisation read access for one evaluation — region or
/// chosen townships, period of data, modules, expiry — changes it (If-Match) or revokes it, which cuts every session
/// and token of the grant at once. Users and tokens join a grant when they are created (users, api-tokens).
/// </summary>
internal static class EvaluationGrantEndpoints
{
    private const string Select = """
        select g.id, g.organisation, g.purpose, g.region_id, r.name as region_name, g.region_path,
               array_to_string(g.township_ids, ',') as townships, g.period_from, g.period_to,
               array_to_string(g.modules, ',') as module_list, g.expires_at, g.created_at, g.revoked_at,
               g.revoke_reason, g.version
        from organization.evaluation_grants g join organization.regions r on r.id = g.region_id
        """;

    private sealed record Row(
        Guid Id, string Organisation, string Purpose, Guid RegionId, string RegionName, string RegionPath,
        string Townships, DateOnly PeriodFrom, DateOnly PeriodTo, string ModuleList, DateTime ExpiresAt,
        DateTime CreatedAt, DateTime? RevokedAt, string? RevokeReason, int Version)
    {
        // arrays come as text: Dapper's record constructors do not take PostgreSQL arrays
        public Guid[] TownshipIds => Townships.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)
            .ToArray();

        public string[] Modules => ModuleList.Split(',');

        public string Status(DateTime now) =>
            RevokedAt is not null ? "revoked" : ExpiresAt <= now ? "expired" : "active";

        /// <summary>The audit snapshot.</summary>
        public object Snapshot() => new { Organisation, Purpose, RegionId, TownshipIds, PeriodFrom, PeriodTo, Modules,
            ExpiresAt, RevokedAt, RevokeReason };
    }

    private sealed record Key(DateTime CreatedAt, Guid Id);

    public static async Task<Ok<Page<EvaluationGrantResponse>>> List(
        [TextLimit(TextLimits.Code)] string? status, [TextLimit(TextLimits.Search)] string? q,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        new Validator().Check(status is null or "active" or "expired" or "revoked", "status",
            "状态只能是 active、expired 或 revoked。").ThrowIfInvalid();
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {RegionScope.Sql("g.region_path")}
              and (@status::text is null
                   or (@status = 'revoked' and g.revoked_at is not null)
                   or (@status = 'expired' and g.revoked_at is null and g.expires_at <= @now)
                   or (@status = 'active' and g.revoked_at is null and g.expires_at > @now))
              and (@q::text is null or strpos(g.organisation, @q) > 0 or strpos(g.purpose, @q) > 0)
              and (@afterId::uuid is null or (g.created_at, g.id) < (@afterAt, @afterId))
            order by g.created_at desc, g.id desc
            limit @take
            """, new
            {
                scope = user.Scope.Pattern, status, q = TextInput.Blank(q)?.Trim(), now,
                afterAt = after?.CreatedAt ?? DateTime.MinValue, afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.CreatedAt, r.Id));
        var items = await ToResponses(c, null, page.Items.ToList(), now, ct);
        return TypedResults.Ok(new Page<EvaluationGrantResponse>(items, page.NextCursor));
    }

    public static async Task<Ok<EvaluationGrantResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(c, null, id, user, ct);
        if (row is null) return await guard.DenyAsync<Ok<EvaluationGrantResponse>>("evaluation_grant", id, ct);
        ETags.Set(http, row.Version);
        return TypedResults.Ok((await ToResponses(c, null, [row], clock.GetUtcNow().UtcDateTime, ct))[0]);
    }

    public static async Task<Created<EvaluationGrantResponse>> Create(
        EvaluationGrantRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var (region, townships) = await ValidateAsync(c, tx, request, user, now, ct);
        var id = Guid.CreateVersion7();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into organization.evaluation_grants (id, organisation, purpose, region_id, region_path,
                township_ids, period_from, period_to, modules, expires_at, created_by, created_at)
            values (@id, @organisation, @purpose, @regionId, @regionPath, @townships, @PeriodFrom, @PeriodTo,
                    @modules, @expiresAt, @createdBy, @now)
            """, new
            {
                id, organisation = request.Organisation!.Trim(), purpose = request.Purpose!.Trim(),
                regionId = region.Id, regionPath = region.Path, townships, request.PeriodFrom, request.PeriodTo,
                modules = Modules(request), expiresAt = request.ExpiresAt!.Value.UtcDateTime, createdBy = user.Id, now,
            }, tx, cancellationToken: ct));
        var row = (await FindAsync(c, tx, id, user, ct))!;
        await audit.RecordAsync(c, tx, new AuditRecord("evaluation_grant.created", "evaluation_grant", id.ToString(),
            row.RegionPath, After: row.Snapshot()), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, row.Version);
        return TypedResults.Created($"/api/v1/organization/evaluation-grants/{id}",
            (await ToResponses(c, null, [row], now, ct))[0]);
    }

    /// <summary>Changes a grant (If-Match). A narrower grant reaches its users at once: every cached credential is
    /// forgotten, and a session left in a township the grant no longer names is refused until it signs in again.
    /// </summary>
    public static async Task<Ok<EvaluationGrantResponse>> Change(
        Guid id, EvaluationGrantRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit,
        ScopeGuard guard, TimeProvider clock, HttpContext http, CredentialCache cache, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await LockAsync(c, tx, id, user, guard, http, "评估任务已撤销，不能再修改；请新建评估任务。", ct);
        if (request.RegionId is { } regionId && regionId != before.RegionId)
            throw new ValidationException("regionId", "评估任务的区划不能修改；请新建评估任务。");
        var (_, townships) = await ValidateAsync(c, tx, request with { RegionId = before.RegionId }, user, now, ct);
        await c.ExecuteAsync(new CommandDefinition("""
            update organization.evaluation_grants
            set organisation = @organisation, purpose = @purpose, township_ids = @townships, period_from = @PeriodFrom,
                period_to = @PeriodTo, modules = @modules, expires_at = @expiresAt, version = version + 1
            where id = @id
            """, new
            {
                id, organisation = request.Organisation!.Trim(), purpose = request.Purpose!.Trim(), townships,
                request.PeriodFrom, request.PeriodTo, modules = Modules(request),
                expiresAt = request.ExpiresAt!.Value.UtcDateTime,
            }, tx, cancellationToken: ct));
        return await FinishAsync(c, tx, before, "evaluation_grant.changed", user, audit, cache, http, now, ct);
    }

    /// <summary>撤销: every session and token of the grant stops at once, on every instance; its users are disabled
    /// and its tokens revoked with it, so the user and token lists say so too (the one audit row names them).
    /// </summary>
    public static async Task<Ok<EvaluationGrantResponse>> Revoke(
        Guid id, RevokeGrantRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit,
        ScopeGuard guard, TimeProvider clock, HttpContext http, CredentialCache cache, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await LockAsync(c, tx, id, user, guard, http, "评估任务已撤销。", ct);
        new Validator().Required(request.Reason, "reason", "撤销原因").ThrowIfInvalid();
        await c.ExecuteAsync(new CommandDefinition("""
            update organization.evaluation_grants
            set revoked_at = @now, revoked_by = @by, revoke_reason = @reason, version = version + 1
            where id = @id
            """, new { id, now, by = user.Id, reason = request.Reason!.Trim() }, tx, cancellationToken: ct));
        var disabledUsers = (await c.QueryAsync<string>(new CommandDefinition("""
            update organization.users set disabled = true where grant_id = @id and not disabled returning username
            """, new { id }, tx, cancellationToken: ct))).Order().ToList();
        var revokedTokens = (await c.QueryAsync<string>(new CommandDefinition("""
            update organization.api_tokens set revoked_at = @now where grant_id = @id and revoked_at is null
            returning prefix
            """, new { id, now }, tx, cancellationToken: ct))).Order().ToList();
        return await FinishAsync(c, tx, before, "evaluation_grant.revoked", user, audit, cache, http, now, ct,
            new { DisabledUsers = disabledUsers, RevokedTokens = revokedTokens });
    }

    /// <summary>A grant about to change: locked, in scope (404), If-Match (428, 412), not revoked (409).</summary>
    private static async Task<Row> LockAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid id, CurrentUser user, ScopeGuard guard, HttpContext http,
        string ifRevoked, CancellationToken ct)
    {
        var row = await FindAsync(c, tx, id, user, ct, forUpdate: true);
        if (row is null)
        {
            await guard.DenyAsync("evaluation_grant", id, ct);
            throw new NotFoundException();
        }
        ETags.Require(http, row.Version);
        if (row.RevokedAt is not null) throw new ConflictException("evaluation_grant.revoked", ifRevoked);
        return row;
    }

    /// <summary>The change's audit row and commit; then every cached credential is forgotten — here at once,
    /// elsewhere by the trigger's notice — so the grant's users meet the change on their next request.</summary>
    private static async Task<Ok<EvaluationGrantResponse>> FinishAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Row before, string action, CurrentUser user, IAuditTrail audit,
        CredentialCache cache, HttpContext http, DateTime now, CancellationToken ct, object? alongside = null)
    {
        var after = (await FindAsync(c, tx, before.Id, user, ct))!;
        await audit.RecordAsync(c, tx, new AuditRecord(action, "evaluation_grant", before.Id.ToString(),
            before.RegionPath, before.Snapshot(),
            alongside is null ? after.Snapshot() : new { Grant = after.Snapshot(), Alongside = alongside }), ct);
        await tx.CommitAsync(ct);
        cache.Clear();
        ETags.Set(http, after.Version);
        return TypedResults.Ok((await ToResponses(c, null, [after], now, ct))[0]);
    }

    private sealed record RegionRow(Guid Id, string Path, string Level);

    /// <summary>Field checks, then the region (in scope, a county or the province) and its chosen townships.</summary>
    private static async Task<(RegionRow Region, Guid[] Townships)> ValidateAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, EvaluationGrantRequest r, CurrentUser user, DateTime now,
        CancellationToken ct)
    {
        var modules = r.Modules ?? [];
        new Validator()
            .Required(r.Organisation, "organisation", "评估机构")
            .Required(r.Purpose, "purpose", "评估事项")
            .Check(r.RegionId is not null, "regionId", "请选择评估的区划（县）。")
            .Check(r.PeriodFrom is not null, "periodFrom", "请填写可查阅数据的起始日期。")
            .Check(r.PeriodTo is not null, "periodTo", "请填写可查阅数据的截止日期。")
            .Check(r.PeriodFrom is null || r.PeriodTo is null || r.PeriodFrom <= r.PeriodTo, "periodTo",
                "截止日期不能早于起始日期。")
            .Check(r.PeriodFrom is null || r.PeriodFrom.Value.Year >= 2000, "periodFrom", "起始日期不能早于 2000 年。")
            .Check(r.PeriodTo is null || r.PeriodTo.Value.Year <= 2100, "periodTo", "截止日期不能晚于 2100 年。")
            .Check(modules.Count > 0, "modules", "请至少选择一个模块。")
            .Check(modules.All(EvaluationModules.All.Contains), "modules",
                "模块只能是 power_lists、service_centre、staffing 或 enforcement。")
            .Check(r.ExpiresAt is not null, "expiresAt", "请填写评估任务的到期时间。")
            .Check(r.ExpiresAt is null || r.ExpiresAt.Value.UtcDateTime > now, "expiresAt",
                "到期时间必须晚于当前时间。")
            .Check(r.ExpiresAt is null || r.ExpiresAt.Value.UtcDateTime <= now.AddYears(2), "expiresAt",
                "评估任务最长两年。")
            .Check((r.TownshipIds?.Count ?? 0) <= 100, "townshipIds", "最多选择 100 个乡镇（街道）。")
            .ThrowIfInvalid();
        var region = await c.QuerySingleOrDefaultAsync<RegionRow>(new CommandDefinition($"""
            select id, path, level from organization.regions where id = @RegionId and {RegionScope.Sql("path")}
            """, new { r.RegionId, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (region is null) throw new ValidationException("regionId", "区划不存在或不在您的管辖范围内。");
        if (region.Level is not (RegionLevels.County or RegionLevels.Province))
            throw new ValidationException("regionId",
                "评估任务的区划须是县（或全省）；乡镇（街道）请在 townshipIds 中选择。");
        var townships = (r.TownshipIds ?? []).Distinct().ToArray();
        if (townships.Length > 0)
        {
            if (region.Level != RegionLevels.County)
                throw new ValidationException("townshipIds", "只有县级评估任务可以选择乡镇（街道）。");
            var found = await c.ExecuteScalarAsync<int>(new CommandDefinition("""
                select count(*) from organization.regions where id = any(@townships) and parent_id = @Id
                """, new { townships, region.Id }, tx, cancellationToken: ct));
            if (found != townships.Length)
                throw new ValidationException("townshipIds", "所选乡镇（街道）须属于评估的县。");
        }
        return (region, townships);
    }

    private static string[] Modules(EvaluationGrantRequest r) =>
        EvaluationModules.All.Where(r.Modules!.Contains).ToArray(); // catalogue order, no duplicates

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            {Select} where g.id = @id and {RegionScope.Sql("g.region_path")} {(forUpdate ? "for update of g" : "")}
            """, new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private sealed record UserRow(Guid GrantId, Guid Id, string Username, string DisplayName, bool Disabled);

    private sealed record TokenRow(
        Guid GrantId, Guid Id, string Name, string Prefix, DateTime ExpiresAt, DateTime? RevokedAt,
        DateTime? LastUsedAt);

    private sealed record TownshipRow(Guid GrantId, Guid Id, string Code, string Name, string Level);

    /// <summary>The responses of a page of grants: their townships, users and tokens in three queries.</summary>
    private static async Task<IReadOnlyList<EvaluationGrantResponse>> ToResponses(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, DateTime now, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var townships = (await c.QueryAsync<TownshipRow>(new CommandDefinition("""
            select g.id as grant_id, r.id, r.code, r.name, r.level
            from organization.evaluation_grants g join organization.regions r on r.id = any(g.township_ids)
            where g.id = any(@ids) order by r.code
            """, new { ids }, tx, cancellationToken: ct))).ToLookup(t => t.GrantId);
        var users = (await c.QueryAsync<UserRow>(new CommandDefinition("""
            select grant_id, id, username, display_name, disabled from organization.users
            where grant_id = any(@ids) order by lower(username)
            """, new { ids }, tx, cancellationToken: ct))).ToLookup(u => u.GrantId);
        var tokens = (await c.QueryAsync<TokenRow>(new CommandDefinition("""
            select grant_id, id, name, prefix, expires_at, revoked_at, last_used_at from organization.api_tokens
            where grant_id = any(@ids) order by created_at desc
            """, new { ids }, tx, cancellationToken: ct))).ToLookup(t => t.GrantId);
        return rows.Select(r => new EvaluationGrantResponse(r.Id, r.Organisation, r.Purpose, r.RegionId,
            r.RegionName, townships[r.Id].Select(t => new GrantRegionResponse(t.Id, t.Code, t.Name, t.Level)).ToList(),
            r.PeriodFrom, r.PeriodTo, r.Modules, Timestamps.Utc(r.ExpiresAt), r.Status(now),
            Timestamps.Utc(r.CreatedAt),
            r.RevokedAt is { } at ? Timestamps.Utc(at) : null, r.RevokeReason, r.Version,
            users[r.Id].Select(u => new GrantUserResponse(u.Id, u.Username, u.DisplayName, u.Disabled)).ToList(),
            tokens[r.Id].Select(t => new GrantTokenResponse(t.Id, t.Name, t.Prefix, Timestamps.Utc(t.ExpiresAt),
                t.RevokedAt is { } revoked ? Timestamps.Utc(revoked) : null,
                t.LastUsedAt is { } used ? Timestamps.Utc(used) : null)).ToList())).ToList();
    }
}
