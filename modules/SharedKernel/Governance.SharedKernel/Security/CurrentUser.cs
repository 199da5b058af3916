using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Governance.SharedKernel.Security;

public static class GovClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string RegionId = "region_id";
    public const string RegionPath = "region_path";
    public const string UnitId = "unit_id";
    public const string Permission = "perm";
    public const string AuthKind = "auth_kind"; // "session" or "token"
    public const string TokenId = "token_id";
    // an evaluator's grant (评估任务): its id, modules (comma-separated) and period (yyyy-MM-dd)
    public const string GrantId = "grant_id";
    public const string GrantModules = "grant_modules";
    public const string GrantFrom = "grant_from";
    public const string GrantTo = "grant_to";
}

/// <summary>
/// Who is calling and where they may act. A user's <see cref="Scope"/> is its region subtree; the anonymous public
/// has no scope at all and may read only what a module publishes.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(GovClaims.UserId), out var id) ? id : null;
    public string Name => Principal.FindFirstValue(GovClaims.Name) ?? "匿名";
    public string? Role => Principal.FindFirstValue(GovClaims.Role);
    public bool IsMachine => Principal.FindFirstValue(GovClaims.AuthKind) == "token";

    public Guid RegionId => Guid.TryParse(Principal.FindFirstValue(GovClaims.RegionId), out var id)
        ? id : throw new InvalidOperationException("Anonymous caller has no region.");

    /// <summary>
    /// The caller's unit (单位), when it has one: e.g. the county department a department user works for.
    /// </summary>
    public Guid? UnitId => Guid.TryParse(Principal.FindFirstValue(GovClaims.UnitId), out var id) ? id : null;

    public RegionScope Scope => IsAuthenticated
        ? new RegionScope(Principal.FindFirstValue(GovClaims.RegionPath)!)
        : throw new InvalidOperationException("Anonymous caller has no scope.");

    /// <summary>The evaluation grant the caller acts under (evaluators only), or null.</summary>
    public EvaluationGrant? Grant =>
        Guid.TryParse(Principal.FindFirstValue(GovClaims.GrantId), out var id)
            ? new EvaluationGrant(id,
                Principal.FindFirstValue(GovClaims.GrantModules)!.Split(',').ToHashSet(StringComparer.Ordinal),
                DateOnly.ParseExact(Principal.FindFirstValue(GovClaims.GrantFrom)!, "yyyy-MM-dd"),
                DateOnly.ParseExact(Principal.FindFirstValue(GovClaims.GrantTo)!, "yyyy-MM-dd"))
            : null;

    /// <summary>SQL: the record's county date within the caller's evaluation period; <c>true</c> for everyone else.
    /// </summary>
    public string PeriodSql(string date) => Grant?.Sql(date) ?? "true";

    public bool Has(string permission) => Principal.HasClaim(GovClaims.Permission, permission);

    public string? Ip => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua
        ? ua[..Math.Min(ua.Length, 300)] : null;
}
