using Governance.Enforcement.Features;

namespace Governance.Enforcement;

/// <summary>The Enforcement module's answers to other modules (<see cref="IEnforcement"/>).</summary>
internal sealed class EnforcementService(NpgsqlDataSource db) : IEnforcement
{
    public async Task<IReadOnlyList<CertifiedDomain>> CertifiedDomainsAsync(
        string scopePath, DateOnly date, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<CertifiedDomain>(new CommandDefinition($"""
            select distinct o.region_path as township_path, d.domain
            from enforcement.officers o cross join unnest(o.domains) d(domain)
            where o.region_path like @scope and {OfficerStatus.CertifiedOn}
            """, new { scope = scopePath + "%", date }, cancellationToken: ct))).ToList();
    }
}
