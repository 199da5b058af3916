using System.Text.RegularExpressions;
using Governance.Organization.Auth;
using Governance.SharedKernel.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Governance.Organization.Features;

public sealed record UserResponse(
    Guid Id, string Username, string DisplayName, string Role, string RoleName, Guid RegionId, string RegionName,
    Guid? UnitId, string? UnitName, string? Phone, bool Disabled, DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt, Guid? GrantId);

/// <param name="GrantId">An evaluator's grant (评估任务); required for the evaluator role, refused for others. The
/// evaluator's region is the grant's.</param>
public sealed record CreateUserRequest([TextLimit(TextLimits.Code)] string? Username,
    [TextLimit(64)] string? DisplayName, [TextLimit(128)] string? Password, [TextLimit(TextLimits.Code)] string? Role,
    Guid? RegionId, Guid? UnitId, [TextLimit(TextLimits.Phone)] string? Phone, Guid? GrantId = null);

public sealed record RoleResponse(string Code, string Name, string NameEn, IReadOnlyList<string> Levels,
    bool MachineOnly);

/// <summary>用户管理: list, create, disable, enable — always inside the caller's region subtree.</summary>
internal static partial class UserEndpoints
{
    private const string Select = """
        select u.id, u.username, u.display_name, u.role, u.region_id, r.name as region_name, u.unit_id,
               un.name as unit_name, u.phone, u.disabled, lf.blocked_until as locked_until, u.created_at, u.region_path,
               u.grant_id
        from organization.users u
        join organization.regions r on r.id = u.region_id
        left join organization.units un on un.id = u.unit_id
        -- sign-ins from every address wait until then (Auth/LoginThrottle's account-wide key)
        left join organization.login_failures lf on lf.key = 'account:' || lower(u.username)
        """;

    private sealed record Row(
        Guid Id, string Username, string DisplayName, string Role, Guid RegionId, string RegionName, Guid? UnitId,
        string? UnitName, string? Phone, bool Disabled, DateTime? LockedUntil, DateTime CreatedAt, string RegionPath,
        Guid? GrantId)
    {
        public UserResponse ToResponse() => this.Adapt<Row, UserResponse>(OrganizationModule.MappingConfig);

        /// <summary>The audit snapshot: no password hash, phone masked.</summary>
        public object Snapshot() => new { Username, DisplayName, Role, RegionId, UnitId, Phone = Masking.Phone(Phone),
            Disabled };
    }

    /// <summary>The other members come by name; timestamps become UTC offsets (<see cref="ModuleMapping"/>).</summary>
    private sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Row, UserResponse>()
            .Map(d => d.RoleName, s => OrganizationMapping.RoleName(s.Role))
            .Map(d => d.Phone, s => Masking.Phone(s.Phone));
    }

    private sealed record Key(string Username, Guid Id);
    private sealed record RegionRow(string Path, string Level);

    public static Ok<IReadOnlyList<RoleResponse>> ListRoles() =>
        TypedResults.Ok<IReadOnlyList<RoleResponse>>(Roles.All.Select(r => new RoleResponse(r.Code, r.Name, r.NameEn,
            r.Levels, r.MachineOnly)).ToList());

    public static async Task<Ok<Page<UserResponse>>> List(
        [TextLimit(TextLimits.Search)] string? q, Guid? regionId, [TextLimit(TextLimits.Code)] string? role,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {RegionScope.Sql("u.region_path")}
              and (@regionId::uuid is null or u.region_id = @regionId)
              and (@role::text is null or u.role = @role)
              and (@q::text is null or strpos(lower(u.username), lower(@q)) > 0 or strpos(u.display_name, @q) > 0)
              and (@afterName::text is null or (lower(u.username), u.id) > (@afterName, @afterId))
            order by lower(u.username), u.id
            limit @take
            """, new
            {
                scope = user.Scope.Pattern, regionId, role = string.IsNullOrWhiteSpace(role) ? null : role,
                q = string.IsNullOrWhiteSpace(q) ? null : q.Trim(), afterName = after?.Username,
                afterId = after?.Id ?? Guid.Empty, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.Username.ToLowerInvariant(), r.Id));
        return TypedResults.Ok(new Page<UserResponse>(page.Items.Select(r => r.ToResponse()).ToList(),
            page.NextCursor));
    }

    public static async Task<Created<UserResponse>> Create(
        CreateUserRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var role = Roles.Find(request.Role);
        var v = new Validator()
            .Required(request.Username, "username", "用户名")
            .Required(request.DisplayName, "displayName", "姓名")
            .Required(request.Password, "password", "初始密码")
            .Check(request.RegionId is not null || request.GrantId is not null, "regionId", "请选择所属区划。")
            .Check(role is { MachineOnly: false }, "role", "请选择有效的角色（机器角色只能用于 API 令牌）。");
        if (!string.IsNullOrWhiteSpace(request.Username))
            v.Check(UsernamePattern().IsMatch(request.Username.Trim()), "username",
                "用户名只能包含字母、数字、下划线、点和短横线，3–64 位。");
        if (!string.IsNullOrEmpty(request.Password))
            v.Check(request.Password.Length >= 8 && request.Password.Any(char.IsLetter)
                && request.Password.Any(char.IsDigit), "password", "密码至少 8 位，且同时包含字母和数字。");
        if (!string.IsNullOrWhiteSpace(request.Phone))
            v.Check(PhonePattern().IsMatch(request.Phone.Trim()), "phone", "手机号码格式不正确（11 位数字）。");
        v.Check(request.GrantId is not null || role?.Code != Roles.Evaluator, "grantId",
                "第三方评估机构的账户须属于一个评估任务。")
            .Check(request.GrantId is null || role?.Code == Roles.Evaluator, "grantId",
                "只有评估机构的账户属于评估任务。");
        v.ThrowIfInvalid();

        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (request.GrantId is { } grantId)
            request = request with { RegionId = await GrantRegionAsync(c, tx, grantId, user, clock, ct) };
        var region = await c.QuerySingleOrDefaultAsync<RegionRow>(new CommandDefinition(
            $"select path, level from organization.regions where id = @regionId and {RegionScope.Sql("path")}",
            new { request.RegionId, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (region is null) throw new ValidationException("regionId", "所属区划不存在或不在您的管辖范围内。");
        if (!role!.Levels.Contains(region.Level))
            throw new ValidationException("role", $"角色“{role.Name}”不能设在该级区划。");
        if (request.UnitId is not null && !await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from organization.units where id = @UnitId and region_id = @RegionId)",
                new { request.UnitId, request.RegionId }, tx, cancellationToken: ct)))
            throw new ValidationException("unitId", "所属单位不在所选区划内。");

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into organization.users (id, username, display_name, password_hash, role, region_id, region_path,
                unit_id, phone, created_at, updated_at, grant_id)
            values (@id, @username, @displayName, @hash, @role, @regionId, @path, @unitId, @phone, @now, @now,
                    @grantId)
            on conflict do nothing
            """, new
            {
                id, username = request.Username!.Trim(), displayName = request.DisplayName!.Trim(),
                hash = new PasswordHasher<object>().HashPassword(new object(), request.Password!), role = role.Code,
                regionId = request.RegionId, path = region.Path, unitId = request.UnitId,
                phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(), now, request.GrantId,
            }, tx, cancellationToken: ct));
        if (inserted == 0)
            throw new ConflictException("users.username_taken", $"用户名“{request.Username!.Trim()}”已被使用。");

        var created = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where u.id = @id", new { id }, tx,
            cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("user.created", "user", id.ToString(), created.RegionPath,
            After: created.Snapshot()), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/organization/users/{id}", created.ToResponse());
    }

    /// <summary>What disabling and enabling need besides the id.</summary>
    internal sealed record SetDisabledServices(
        NpgsqlDataSource Db, CurrentUser User, IAuditTrail Audit, ScopeGuard Guard, TimeProvider Clock,
        CredentialCache Cache);

    public static Task<Ok<UserResponse>> Disable(
        Guid id, [AsParameters] SetDisabledServices services, CancellationToken ct) =>
        SetDisabled(id, true, services, ct);

    public static Task<Ok<UserResponse>> Enable(
        Guid id, [AsParameters] SetDisabledServices services, CancellationToken ct) =>
        SetDisabled(id, false, services, ct);

    private static async Task<Ok<UserResponse>> SetDisabled(
        Guid id, bool disabled, SetDisabledServices services, CancellationToken ct)
    {
        var (db, user, audit, guard, clock, cache) = services;
        if (disabled && id == user.Id) throw new ConflictException("users.cannot_disable_self", "不能停用自己的账户。");
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where u.id = @id and {RegionScope.Sql("u.region_path")} for update of u",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (before is null) return await guard.DenyAsync<Ok<UserResponse>>("user", id, ct);
        // already so: nothing changes, nothing to audit
        if (before.Disabled == disabled) return TypedResults.Ok(before.ToResponse());

        await c.ExecuteAsync(new CommandDefinition("""
            update organization.users set disabled = @disabled, updated_at = @now where id = @id;
            update organization.sessions set revoked_at = @now where user_id = @id and revoked_at is null and @disabled;
            """, new { id, disabled, now = clock.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
        await LoginThrottle.ReleaseAsync(c, tx, before.Username, ct); // enabling (or disabling) also ends any wait
        var after = before with { Disabled = disabled, LockedUntil = null };
        await audit.RecordAsync(c, tx, new AuditRecord(disabled ? "user.disabled" : "user.enabled", "user",
            id.ToString(), before.RegionPath, before.Snapshot(), after.Snapshot()), ct);
        await tx.CommitAsync(ct);
        cache.EvictUser(id); // here at once; elsewhere by the trigger's notice
        return TypedResults.Ok(after.ToResponse());
    }

    /// <summary>The region of an active grant in the caller's scope (its users sit there), else 400.</summary>
    internal static async Task<Guid> GrantRegionAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid grantId, CurrentUser user, TimeProvider clock,
        CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition($"""
            select region_id from organization.evaluation_grants
            where id = @grantId and {RegionScope.Sql("region_path")} and revoked_at is null and expires_at > @now
            """, new { grantId, scope = user.Scope.Pattern, now = clock.GetUtcNow().UtcDateTime }, tx,
            cancellationToken: ct))
        ?? throw new ValidationException("grantId", "评估任务不存在、不在您的管辖范围内，或已到期、已撤销。");

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,64}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^1[0-9]{10}$")]
    private static partial Regex PhonePattern();
}
