using Governance.Organization.Auth;
using Governance.SharedKernel.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Governance.Organization.Features;

public sealed record ApiTokenResponse(
    Guid Id, string Name, string Role, string RoleName, Guid RegionId, string RegionName, string Prefix,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt,
    Guid? GrantId);

/// <summary>The one-time answer to issuing a token: <see cref="Token"/> is never shown again.</summary>
public sealed record IssuedApiTokenResponse(
    Guid Id, string Name, string Role, string RoleName, Guid RegionId, string RegionName, string Prefix,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string Token);

/// <param name="GrantId">An evaluator token's grant (评估任务): required for the evaluator role, refused for others.
/// Its region must be the grant's region or one of the grant's townships, and it cannot outlive the grant.</param>
public sealed record IssueApiTokenRequest([TextLimit(100)] string? Name, [TextLimit(TextLimits.Code)] string? Role,
    Guid? RegionId, DateTimeOffset? ExpiresAt,
    Guid? GrantId = null);

/// <summary>API 令牌 for machine clients: a nightly KPI script, a third-party evaluator.</summary>
internal static class ApiTokenEndpoints
{
    private static readonly string[] MachineRoles =
        [Roles.KpiReader, Roles.Evaluator, Roles.OnlinePortal, Roles.GridPlatform];

    private sealed record Row(
        Guid Id, string Name, string Role, Guid RegionId, string RegionName, string RegionPath, string Prefix,
        DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, Guid? GrantId)
    {
        public ApiTokenResponse ToResponse() => this.Adapt<Row, ApiTokenResponse>(OrganizationModule.MappingConfig);

        public object Snapshot() => new { Name, Role, RegionId, Prefix, ExpiresAt, RevokedAt };
    }

    /// <summary>A token just issued: its response and the secret, shown this once.</summary>
    private sealed record Issued(ApiTokenResponse Response, string Token);

    /// <summary>The other members come by name; timestamps become UTC offsets (<see cref="ModuleMapping"/>).</summary>
    private sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config)
        {
            config.NewConfig<Row, ApiTokenResponse>()
                .Map(d => d.RoleName, s => OrganizationMapping.RoleName(s.Role));
            // every member of the token's response (RevokedAt and LastUsedAt have no place in it), plus Token
            config.NewConfig<Issued, IssuedApiTokenResponse>()
                .Map(d => d, s => s.Response);
        }
    }

    private const string Select = """
        select t.id, t.name, t.role, t.region_id, r.name as region_name, t.region_path, t.prefix, t.created_at,
               t.expires_at, t.revoked_at, t.last_used_at, t.grant_id
        from organization.api_tokens t join organization.regions r on r.id = t.region_id
        """;

    private sealed record Key(DateTime CreatedAt, Guid Id);

    public static async Task<Ok<Page<ApiTokenResponse>>> List([TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db,
        CurrentUser user, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {RegionScope.Sql("t.region_path")}
              and (@afterId::uuid is null or (t.created_at, t.id) < (@afterAt, @afterId))
            order by t.created_at desc, t.id desc
            limit @take
            """, new { scope = user.Scope.Pattern, afterAt = after?.CreatedAt ?? DateTime.MinValue, afterId = after?.Id,
                take = take + 1 },
            cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.CreatedAt, r.Id));
        return TypedResults.Ok(new Page<ApiTokenResponse>(page.Items.Select(r => r.ToResponse()).ToList(),
            page.NextCursor));
    }

    public static async Task<Created<IssuedApiTokenResponse>> Issue(
        IssueApiTokenRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, TimeProvider clock,
        IOptions<OrganizationOptions> options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        new Validator()
            .Required(request.Name, "name", "令牌名称")
            .Check(MachineRoles.Contains(request.Role), "role",
                "令牌角色只能是“指标读取（机器）”“第三方评估机构”“网上办事平台（机器）”或“网格化管理平台（机器）”。")
            .Check(request.RegionId is not null, "regionId", "请选择令牌的区划范围。")
            .Check(request.ExpiresAt is null || request.ExpiresAt > now, "expiresAt", "到期时间必须晚于当前时间。")
            .Check(request.ExpiresAt is null || request.ExpiresAt <= now + options.Value.MaxTokenLifetime, "expiresAt",
                $"令牌有效期不能超过 {options.Value.MaxTokenLifetime.TotalDays:0} 天。")
            .Check(request.ExpiresAt is not null, "expiresAt", "请填写到期时间。")
            .Check(request.GrantId is not null || request.Role != Roles.Evaluator, "grantId",
                "第三方评估机构的令牌须属于一个评估任务。")
            .Check(request.GrantId is null || request.Role == Roles.Evaluator, "grantId",
                "只有评估机构的令牌属于评估任务。")
            .ThrowIfInvalid();

        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var regionPath = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"select path from organization.regions where id = @RegionId and {RegionScope.Sql("path")}",
            new { request.RegionId, scope = user.Scope.Pattern }, tx, cancellationToken: ct))
            ?? throw new ValidationException("regionId", "区划不存在或不在您的管辖范围内。");
        if (request.GrantId is { } grantId)
        {
            await UserEndpoints.GrantRegionAsync(c, tx, grantId, user, clock, ct);
            var grantEnds = await c.ExecuteScalarAsync<DateTime>(new CommandDefinition(
                "select expires_at from organization.evaluation_grants where id = @grantId", new { grantId }, tx,
                cancellationToken: ct));
            if (await GrantScope.FindAsync(c, tx, grantId, request.RegionId!.Value, now.UtcDateTime, ct) is null)
                throw new ValidationException("regionId", "评估令牌的区划须是评估任务的区划或其所选的乡镇（街道）。");
            if (request.ExpiresAt!.Value.UtcDateTime > grantEnds)
                throw new ValidationException("expiresAt", "令牌的到期时间不能晚于评估任务的到期时间。");
        }

        var secret = Secrets.TokenPrefix + Secrets.New();
        var id = Guid.CreateVersion7();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into organization.api_tokens (id, name, prefix, token_hash, role, region_id, region_path, created_by,
                created_at, expires_at, grant_id)
            values (@id, @name, @prefix, @hash, @role, @regionId, @regionPath, @createdBy, @now, @expiresAt, @grantId)
            """, new
            {
                id, name = request.Name!.Trim(), prefix = secret[..12], hash = Secrets.Hash(secret),
                role = request.Role, request.RegionId, regionPath, createdBy = user.Id, now = now.UtcDateTime,
                expiresAt = request.ExpiresAt!.Value.UtcDateTime, request.GrantId,
            }, tx, cancellationToken: ct));
        var row = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where t.id = @id", new { id }, tx,
            cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("api_token.issued", "api_token", id.ToString(), regionPath,
            After: row.Snapshot()), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/organization/api-tokens/{id}",
            new Issued(row.ToResponse(), secret)
                .Adapt<Issued, IssuedApiTokenResponse>(OrganizationModule.MappingConfig));
    }

    public static async Task<NoContent> Revoke(
        Guid id, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, ScopeGuard guard, TimeProvider clock,
        CredentialCache cache, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where t.id = @id and {RegionScope.Sql("t.region_path")} for update of t",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (before is null) return await guard.DenyAsync<NoContent>("api_token", id, ct);
        if (before.RevokedAt is not null) return TypedResults.NoContent();

        var revokedAt = clock.GetUtcNow().UtcDateTime;
        var hash = await c.ExecuteScalarAsync<byte[]>(new CommandDefinition(
            "update organization.api_tokens set revoked_at = @revokedAt where id = @id returning token_hash",
            new { id, revokedAt }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("api_token.revoked", "api_token", id.ToString(),
            before.RegionPath, before.Snapshot(), (before with { RevokedAt = revokedAt }).Snapshot()), ct);
        await tx.CommitAsync(ct);
        cache.Evict(CredentialCache.TokenKey(hash!)); // here at once; elsewhere by the trigger's notice
        return TypedResults.NoContent();
    }
}
