using Governance.SharedKernel.Http;
using Governance.Organization.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Governance.Organization.Features;

public sealed record LoginRequest([TextLimit(TextLimits.Code)] string? Username, [TextLimit(128)] string? Password);

/// <param name="UnitId">The unit (county department, township office) the user works for, if any: a county
/// department's staff score and co-own cases as that unit.</param>
/// <param name="RegionId">The region the user acts in: its own, or an evaluator's chosen one of its grant.</param>
/// <param name="Grant">An evaluator's grant (评估任务): what it may see, and the regions it may switch between.</param>
public sealed record MeResponse(
    Guid Id, string Username, string DisplayName, string Role, string RoleName, Guid RegionId, string RegionName,
    string RegionLevel, Guid? UnitId, string? UnitName, IReadOnlyList<string> Permissions,
    MyGrantResponse? Grant = null);

public sealed record MyGrantResponse(
    Guid Id, string Organisation, string Purpose, DateOnly PeriodFrom, DateOnly PeriodTo,
    IReadOnlyList<string> Modules, DateTimeOffset ExpiresAt, IReadOnlyList<GrantRegionResponse> Regions);

public sealed record GrantRegionResponse(Guid Id, string Code, string Name, string Level);

/// <summary>切换评估范围: the grant region an evaluator's session acts in.</summary>
public sealed record SwitchScopeRequest(Guid? RegionId);

/// <summary>登录 / 退出 / 当前用户.</summary>
internal static class AuthEndpoints
{
    private sealed record Account(
        Guid Id, string Username, string PasswordHash, string Role, string RegionPath, bool Disabled, Guid? GrantId);

    // A valid hash to verify against when the user does not exist, so response time does not reveal usernames.
    private static readonly string DummyHash = new PasswordHasher<object>().HashPassword(new object(), Secrets.New());

    /// <summary>
    /// Signs in. A wrong password and an unknown username get the same answer, and both count towards the
    /// <see cref="LoginThrottle"/>; a key that must wait answers 429 with Retry-After before any password is checked.
    /// </summary>
    public static async Task<Ok<MeResponse>> Login(
        LoginRequest request, NpgsqlDataSource db, IAuditTrail audit, IOptions<OrganizationOptions> options,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        new Validator()
            .Required(request.Username, "username", "用户名")
            .Required(request.Password, "password", "密码")
            .ThrowIfInvalid();
        var opts = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var hasher = new PasswordHasher<object>();
        var throttle = new LoginThrottle(opts);
        var (username, address) = (request.Username!.Trim(), http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await throttle.WaitAsync(c, tx, username, address, now, ct) is { } wait)
        {
            await audit.RecordAttemptAsync(Attempt("auth.login_throttled", null, username, null, "throttled"), ct);
            GovernanceMetrics.RateLimited(GovernanceMetrics.Policies.Login);
            throw Throttled(wait);
        }
        var account = await c.QuerySingleOrDefaultAsync<Account>(new CommandDefinition("""
            select id, username, password_hash, role, region_path, disabled, grant_id
            from organization.users where lower(username) = lower(@username) for update
            """, new { username }, tx, cancellationToken: ct));

        // an unknown name is checked against a dummy hash: the same work, the same time, the same answer
        var verified = hasher.VerifyHashedPassword(new object(), account?.PasswordHash ?? DummyHash, request.Password!)
            != PasswordVerificationResult.Failed;
        if (account is null || !verified)
        {
            await throttle.FailedAsync(c, tx, username, address, now, ct);
            await audit.RecordAsync(c, tx, Attempt("auth.login_failed", account?.Id, account?.Username ?? username,
                account?.RegionPath, account is null ? "unknown_user" : "wrong_password"), ct);
            await tx.CommitAsync(ct);
            throw InvalidCredentials();
        }
        // an ended grant first: revoking it disables its users too, and this says why
        GrantScope? scope = null;
        if (account.GrantId is { } grantId)
        {
            scope = await GrantScope.FirstAsync(c, tx, grantId, now, ct);
            if (scope is null)
            {
                await audit.RecordAttemptAsync(Attempt("auth.login_refused", account.Id, account.Username,
                    account.RegionPath, "grant_ended"), ct);
                throw new AppException(401, "auth.grant_ended", "评估任务已结束",
                    "该账户所属的评估任务已到期或已撤销，请联系委托评估的县级管理员。");
            }
        }
        if (account.Disabled)
        {
            await audit.RecordAttemptAsync(Attempt("auth.login_refused", account.Id, account.Username,
                account.RegionPath, "disabled"), ct);
            throw new AppException(401, "auth.account_disabled", "账户已停用", "该账户已停用，请联系管理员。");
        }

        var session = Secrets.New();
        var csrf = Secrets.New();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into organization.sessions (id, token_hash, csrf_token, user_id, created_at, expires_at,
                                               scope_region_id, scope_region_path)
            values (@sessionId, @hash, @csrf, @id, @now, @expires, @scopeId, @scopePath);
            """, new { id = account.Id, sessionId = Guid.CreateVersion7(), hash = Secrets.Hash(session), csrf, now,
                expires = now + opts.SessionLifetime, scopeId = scope?.RegionId, scopePath = scope?.RegionPath },
            tx, cancellationToken: ct));
        await throttle.SucceededAsync(c, tx, username, address, ct);
        await audit.RecordAsync(c, tx, new AuditRecord("auth.login", "user", account.Id.ToString(), account.RegionPath)
            { ActorId = account.Id, ActorName = account.Username }, ct);
        await tx.CommitAsync(ct);

        var cookie = new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/",
            // relative, so the browser's clock does not matter; the server enforces expires_at
            MaxAge = opts.SessionLifetime,
        };
        http.Response.Cookies.Append(GovAuthenticationHandler.SessionCookie, session, cookie);
        // Readable by the SPA, which echoes it in X-CSRF-Token; a cross-site page can neither read it nor set the
        // header.
        http.Response.Cookies.Append(GovAuthenticationHandler.CsrfCookie, csrf, new CookieOptions
            { HttpOnly = false, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/",
                MaxAge = cookie.MaxAge });
        return TypedResults.Ok(await LoadMe(c, account.Id, scope?.RegionId, now, ct));
    }

    public static async Task<NoContent> Logout(
        NpgsqlDataSource db, IAuditTrail audit, CurrentUser user, HttpContext http, TimeProvider clock,
        CredentialCache cache, CancellationToken ct)
    {
        if (http.Request.Cookies.TryGetValue(GovAuthenticationHandler.SessionCookie, out var session))
        {
            var hash = Secrets.Hash(session);
            await using var c = await db.OpenConnectionAsync(ct);
            await using var tx = await c.BeginTransactionAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(
                "update organization.sessions set revoked_at = @now where token_hash = @hash and revoked_at is null",
                new { hash, now = clock.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
            await audit.RecordAsync(c, tx, new AuditRecord("auth.logout", "user", user.Id.ToString(),
                user.Scope.Path), ct);
            await tx.CommitAsync(ct);
            // this instance forgets the session now; the others when the trigger's notice reaches them (migration 0002)
            cache.Evict(CredentialCache.SessionKey(hash));
        }
        http.Response.Cookies.Delete(GovAuthenticationHandler.SessionCookie);
        http.Response.Cookies.Delete(GovAuthenticationHandler.CsrfCookie);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MeResponse>> Me(
        NpgsqlDataSource db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await LoadMe(c, user.Id!.Value, user.RegionId, clock.GetUtcNow().UtcDateTime, ct));
    }

    /// <summary>
    /// 切换评估范围: an evaluator whose grant names several townships acts in one at a time; this session moves to
    /// another region of its grant. Anything else, or a region outside the grant, is 404.
    /// </summary>
    public static async Task<Ok<MeResponse>> SwitchScope(
        SwitchScopeRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, HttpContext http,
        TimeProvider clock, CredentialCache cache, CancellationToken ct)
    {
        new Validator().Check(request.RegionId is not null, "regionId", "请选择评估范围。").ThrowIfInvalid();
        if (user.Grant is not { } grant || user.IsMachine
            || !http.Request.Cookies.TryGetValue(GovAuthenticationHandler.SessionCookie, out var session))
            throw new NotFoundException();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var scope = await GrantScope.FindAsync(c, tx, grant.Id, request.RegionId!.Value, now, ct)
            ?? throw new NotFoundException("该区划不在评估任务的范围内。");
        var hash = Secrets.Hash(session);
        await c.ExecuteAsync(new CommandDefinition("""
            update organization.sessions set scope_region_id = @RegionId, scope_region_path = @RegionPath
            where token_hash = @hash and revoked_at is null
            """, new { scope.RegionId, scope.RegionPath, hash }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("evaluation.scope_switched", "evaluation_grant",
            grant.Id.ToString(), scope.RegionPath, new { regionId = user.RegionId }, new { regionId = scope.RegionId }),
            ct);
        await tx.CommitAsync(ct);
        cache.Evict(CredentialCache.SessionKey(hash)); // here at once; elsewhere by the trigger's notice
        return TypedResults.Ok(await LoadMe(c, user.Id!.Value, scope.RegionId, now, ct));
    }

    private sealed record MeRow(Guid Id, string Username, string DisplayName, string Role, Guid RegionId,
        string RegionName, string RegionLevel, Guid? UnitId, string? UnitName, Guid? GrantId);

    private sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<MeRow, MeResponse>()
            .Ignore(d => d.Grant) // a second query (GrantScope.DescribeAsync)
            .Map(d => d.RoleName, s => OrganizationMapping.RoleName(s.Role))
            .Map(d => d.Permissions, s => OrganizationMapping.Permissions(s.Role));
    }

    /// <summary>The user as it acts now: in <paramref name="regionId"/> (its own region when null).</summary>
    private static async Task<MeResponse> LoadMe(
        NpgsqlConnection c, Guid id, Guid? regionId, DateTime now, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<MeRow>(new CommandDefinition("""
            select u.id, u.username, u.display_name, u.role, r.id as region_id, r.name as region_name,
                   r.level as region_level, u.unit_id, n.name as unit_name, u.grant_id
            from organization.users u join organization.regions r on r.id = coalesce(@regionId, u.region_id)
            left join organization.units n on n.id = u.unit_id
            where u.id = @id
            """, new { id, regionId }, cancellationToken: ct));
        if (row is null)
        {
            // a machine token has no user row: Me is for browser sessions
            throw new NotFoundException("当前凭据不是用户会话。");
        }
        var me = row.Adapt<MeRow, MeResponse>(OrganizationModule.MappingConfig);
        return row.GrantId is { } grantId ? me with { Grant = await GrantScope.DescribeAsync(c, grantId, ct) } : me;
    }

    private static AuditRecord Attempt(string action, Guid? userId, string username, string? regionPath,
        string reason) =>
        new(action, "user", userId?.ToString() ?? username, regionPath, After: new { reason },
            Outcome: AuditOutcome.Denied)
            { ActorId = userId, ActorName = username };

    private static AppException InvalidCredentials() =>
        new(401, "auth.invalid_credentials", "登录失败", "用户名或密码错误。");

    private static AppException Throttled(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return new AppException(429, "auth.throttled", "尝试过于频繁",
            seconds < 120 ? $"登录失败次数过多，请 {seconds} 秒后再试。"
                : $"登录失败次数过多，请 {(int)Math.Ceiling(wait.TotalMinutes)} 分钟后再试。")
        {
            Extensions = { ["retryAfter"] = seconds },
        };
    }
}
