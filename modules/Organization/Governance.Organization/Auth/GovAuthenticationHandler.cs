using System.Security.Claims;
using System.Text.Encodings.Web;
using Governance.SharedKernel.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Organization.Auth;

/// <summary>
/// One scheme for both kinds of caller: browsers with the HttpOnly session cookie (plus the CSRF header on unsafe
/// methods), machine clients with a bearer API token. Both resolve to the same claims: user, role, region path,
/// permissions. Sessions and tokens live in the database so disabling, logout and revocation take effect at once.
/// </summary>
internal sealed class GovAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    NpgsqlDataSource db, IProblemDetailsService problems, IAuditTrail audit, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Governance";
    public const string SessionCookie = "gov_session";
    public const string CsrfCookie = "gov_csrf";
    public const string CsrfHeader = "X-CSRF-Token";
    private const string CsrfFailure = "csrf";
    private const string TokenFailure = "token";

    private sealed record Principal(Guid Id, string Name, string Role, Guid RegionId, string RegionPath, string? Csrf, Guid? TokenId, Guid? UnitId);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var ct = Context.RequestAborted;
        string? auth = Request.Headers.Authorization;
        if (auth is not null && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = auth["Bearer ".Length..].Trim();
            await using var c = await db.OpenConnectionAsync(ct);
            var p = await c.QuerySingleOrDefaultAsync<Principal>(new CommandDefinition("""
                select id, 'token:' || name as name, role, region_id, region_path, null as csrf, id as token_id, null::uuid as unit_id
                from organization.api_tokens
                where token_hash = @hash and revoked_at is null and expires_at > @now
                """, new { hash = Secrets.Hash(token), now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
            if (p is not null)
            {
                // last use is for the admin's token list; a minute's precision keeps reads from becoming writes
                await c.ExecuteAsync(new CommandDefinition("""
                    update organization.api_tokens set last_used_at = now()
                    where id = @id and (last_used_at is null or last_used_at < now() - interval '1 minute')
                    """, new { id = p.TokenId }, cancellationToken: ct));
            }
            return p is null ? AuthenticateResult.Fail(TokenFailure) : Success(p, "token");
        }

        if (Request.Cookies.TryGetValue(SessionCookie, out var session) && !string.IsNullOrEmpty(session))
        {
            await using var c = await db.OpenConnectionAsync(ct);
            var p = await c.QuerySingleOrDefaultAsync<Principal>(new CommandDefinition("""
                select u.id, u.username as name, u.role, u.region_id, u.region_path, s.csrf_token as csrf, null::uuid as token_id, u.unit_id
                from organization.sessions s join organization.users u on u.id = s.user_id
                where s.token_hash = @hash and s.revoked_at is null and s.expires_at > @now and not u.disabled
                """, new { hash = Secrets.Hash(session), now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
            if (p is null) return AuthenticateResult.Fail("invalid session");
            if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method) && !HttpMethods.IsOptions(Request.Method)
                && Request.Headers[CsrfHeader] != p.Csrf)
                return AuthenticateResult.Fail(CsrfFailure);
            return Success(p, "session");
        }
        return AuthenticateResult.NoResult();
    }

    private AuthenticateResult Success(Principal p, string kind)
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
            await audit.RecordAttemptAsync(new AuditRecord("auth.token_refused", "api_token", presented[..Math.Min(12, presented.Length)], null,
                Outcome: AuditOutcome.Denied) { ActorName = "token:" + presented[..Math.Min(12, presented.Length)] }, Context.RequestAborted);
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
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = Problems.Create(status, code, title, detail) });
    }
}
