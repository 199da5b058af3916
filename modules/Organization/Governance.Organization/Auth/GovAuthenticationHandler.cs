using System.Security.Claims;
using System.Text.Encodings.Web;
using Governance.SharedKernel.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Organization.Auth;

/// <summary>Who a session or token resolves to: what the claims are built from, and what the cache keeps.
/// <see cref="GrantId"/> and the rest: an evaluator's grant (评估任务).</summary>
internal sealed record CallerPrincipal(
    Guid Id, string Name, string Role, Guid RegionId, string RegionPath, string? Csrf, Guid? TokenId, Guid? UnitId,
    Guid? GrantId = null, string? GrantModules = null, DateOnly? GrantFrom = null, DateOnly? GrantTo = null);

/// <summary>
/// One scheme for both kinds of caller: browsers with the HttpOnly session cookie (plus the CSRF header on unsafe
/// methods), machine clients with a bearer API token. Both resolve to the same claims: user, role, region path,
/// permissions. Sessions and tokens live in the database; what a lookup found is kept briefly in the
/// <see cref="CredentialCache"/>, which logout, disabling and revocation empty at once on every instance.
/// </summary>
internal sealed class GovAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    NpgsqlDataSource db, IProblemDetailsService problems, IAuditTrail audit, TimeProvider clock, CredentialCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Governance";
    public const string SessionCookie = "gov_session";
    public const string CsrfCookie = "gov_csrf";
    public const string CsrfHeader = "X-CSRF-Token";
    private const string CsrfFailure = "csrf";
    private const string TokenFailure = "token";
    // last use is for the admin's token list; a minute's precision keeps reads from becoming writes
    private static readonly TimeSpan LastUsePrecision = TimeSpan.FromMinutes(1);

    /// <summary>A credential row; <see cref="ExpiresAt"/> is the earlier of the credential's and its grant's.</summary>
    private sealed record Found(
        Guid Id, string Name, string Role, Guid RegionId, string RegionPath, string? Csrf, Guid? TokenId, Guid? UnitId,
        DateTime ExpiresAt, DateTime? LastUsedAt, Guid? GrantId, string? GrantModules, DateOnly? GrantFrom,
        DateOnly? GrantTo)
    {
        public CallerPrincipal Principal => new(Id, Name, Role, RegionId, RegionPath, Csrf, TokenId, UnitId, GrantId,
            GrantModules, GrantFrom, GrantTo);
    }

    /// <summary>
    /// The grant columns of a credential joined to its grant <c>g</c>, and the condition the grant must meet: not
    /// revoked, not expired, and the region the credential acts in (<paramref name="region"/>) is the grant's region
    /// or, when it names townships, one of them.
    /// </summary>
    private const string GrantColumns = "g.id as grant_id, array_to_string(g.modules, ',') as grant_modules, "
        + "g.period_from as grant_from, "
        + "g.period_to as grant_to";

    private static string GrantHolds(string region) => $"""
        (g.id is null or (g.revoked_at is null and g.expires_at > @now
            and ((cardinality(g.township_ids) = 0 and {region} = g.region_id) or {region} = any(g.township_ids))))
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? auth = Request.Headers.Authorization;
        if (auth is not null && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return await BearerAsync(auth["Bearer ".Length..].Trim());
        if (Request.Cookies.TryGetValue(SessionCookie, out var session) && !string.IsNullOrEmpty(session))
            return await SessionAsync(session);
        return AuthenticateResult.NoResult();
    }

    private async Task<AuthenticateResult> BearerAsync(string token)
    {
        var ct = Context.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Secrets.Hash(token);
        var key = CredentialCache.TokenKey(hash);
        if (cache.TryGet(key, out var hit))
        {
            if (hit.ExpiresAt <= now) return AuthenticateResult.Fail(TokenFailure);
            if (hit.LastUsedAt is not { } last || now - last >= LastUsePrecision)
            {
                hit.LastUsedAt = now;
                await using var u = await db.OpenConnectionAsync(ct);
                await RecordUseAsync(u, hit.Principal.TokenId!.Value, now, ct);
            }
            return Success(hit.Principal, "token");
        }

        var epoch = cache.Epoch;
        await using var c = await db.OpenConnectionAsync(ct);
        var p = await c.QuerySingleOrDefaultAsync<Found>(new CommandDefinition($"""
            select t.id, 'token:' || t.name as name, t.role, t.region_id, t.region_path, null as csrf, t.id as token_id,
                   null::uuid as unit_id, least(t.expires_at, g.expires_at) as expires_at, t.last_used_at,
                   {GrantColumns}
            from organization.api_tokens t
            left join organization.evaluation_grants g on g.id = t.grant_id
            where t.token_hash = @hash and t.revoked_at is null and t.expires_at > @now and {GrantHolds("t.region_id")}
            """, new { hash, now }, cancellationToken: ct));
        if (p is null) return AuthenticateResult.Fail(TokenFailure);
        var lastUsed = p.LastUsedAt;
        if (lastUsed is null || now - lastUsed >= LastUsePrecision)
        {
            await RecordUseAsync(c, p.Id, now, ct);
            lastUsed = now;
        }
        cache.Store(key, p.Principal, p.ExpiresAt, lastUsed, epoch);
        return Success(p.Principal, "token");
    }

    private static Task RecordUseAsync(NpgsqlConnection c, Guid tokenId, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("""
            update organization.api_tokens set last_used_at = @now
            where id = @tokenId and (last_used_at is null or last_used_at <= @now - interval '1 minute')
            """, new { tokenId, now }, cancellationToken: ct));

    private async Task<AuthenticateResult> SessionAsync(string session)
    {
        var ct = Context.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Secrets.Hash(session);
        var key = CredentialCache.SessionKey(hash);
        CallerPrincipal principal;
        if (cache.TryGet(key, out var hit))
        {
            if (hit.ExpiresAt <= now) return AuthenticateResult.Fail("invalid session");
            principal = hit.Principal;
        }
        else
        {
            var epoch = cache.Epoch;
            await using var c = await db.OpenConnectionAsync(ct);
            // a grant's user acts in the region its session chose (评估范围), else in its own
            var p = await c.QuerySingleOrDefaultAsync<Found>(new CommandDefinition($"""
                select u.id, u.username as name, u.role, coalesce(s.scope_region_id, u.region_id) as region_id,
                       coalesce(s.scope_region_path, u.region_path) as region_path, s.csrf_token as csrf,
                       null::uuid as token_id, u.unit_id, least(s.expires_at, g.expires_at) as expires_at,
                       null::timestamptz as last_used_at, {GrantColumns}
                from organization.sessions s join organization.users u on u.id = s.user_id
                left join organization.evaluation_grants g on g.id = u.grant_id
                where s.token_hash = @hash and s.revoked_at is null and s.expires_at > @now and not u.disabled
                  and {GrantHolds("coalesce(s.scope_region_id, u.region_id)")}
                """, new { hash, now }, cancellationToken: ct));
            if (p is null) return AuthenticateResult.Fail("invalid session");
            principal = p.Principal;
            cache.Store(key, principal, p.ExpiresAt, null, epoch);
        }
        // the CSRF check is on every request, cached or not
        var safe = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
                   || HttpMethods.IsOptions(Request.Method);
        if (!safe && Request.Headers[CsrfHeader] != principal.Csrf)
            return AuthenticateResult.Fail(CsrfFailure);
        return Success(principal, "session");
    }

    private AuthenticateResult Success(CallerPrincipal p, string kind)
    {
        var claims = new List<Claim>
        {
            new(GovClaims.UserId, p.Id.ToString()),
            new(GovClaims.Name, p.Name),
            new(GovClaims.Role, p.Role),
            new(GovClaims.RegionId, p.RegionId.ToString()),
            new(GovClaims.RegionPath, p.RegionPath),
            new(GovClaims.AuthKind, kind),
        };
        if (p.TokenId is { } tokenId) claims.Add(new Claim(GovClaims.TokenId, tokenId.ToString()));
        if (p.UnitId is { } unitId) claims.Add(new Claim(GovClaims.UnitId, unitId.ToString()));
        if (p.GrantId is { } grantId)
            claims.AddRange([
                new Claim(GovClaims.GrantId, grantId.ToString()),
                new Claim(GovClaims.GrantModules, p.GrantModules!),
                new Claim(GovClaims.GrantFrom, p.GrantFrom!.Value.ToString("yyyy-MM-dd")),
                new Claim(GovClaims.GrantTo, p.GrantTo!.Value.ToString("yyyy-MM-dd")),
            ]);
        claims.AddRange((Roles.Find(p.Role)?.Permissions ?? []).Select(perm => new Claim(GovClaims.Permission, perm)));
        var identity = new ClaimsIdentity(claims, SchemeName, GovClaims.Name, GovClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure?.Message == CsrfFailure)
        {
            await Write(403, "csrf_invalid", "请求校验失败", "缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试。");
            return;
        }
        if (result.Failure?.Message == TokenFailure)
        {
            // a machine credential that is wrong, revoked or expired is worth a line in the trail (the prefix only)
            var presented = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
            var prefix = presented[..Math.Min(12, presented.Length)];
            await audit.RecordAttemptAsync(new AuditRecord("auth.token_refused", "api_token", prefix, null,
                Outcome: AuditOutcome.Denied) { ActorName = "token:" + prefix }, Context.RequestAborted);
        }
        var (code, title, detail) = Problems.Describe(401);
        await Write(401, code, title, detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await audit.RecordAttemptAsync(new AuditRecord("access.denied", "endpoint", $"{Request.Method} {Request.Path}",
            Context.User.FindFirstValue(GovClaims.RegionPath), Outcome: AuditOutcome.Denied), Context.RequestAborted);
        var (code, title, detail) = Problems.Describe(403);
        await Write(403, code, title, detail);
    }

    private async Task Write(int status, string code, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context,
            ProblemDetails = Problems.Create(status, code, title, detail) });
    }
}
