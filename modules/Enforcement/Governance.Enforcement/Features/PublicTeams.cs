namespace Governance.Enforcement.Features;

public sealed record PublicOfficer(
    string Name, string CertificateNumber, string IssuingBody, DateOnly ValidUntil, IReadOnlyList<string> Domains);

/// <param name="Mode">法定, 赋权 or 委托 (under the agreement named).</param>
public sealed record PublicPower(string Code, string Name, string Type, string Mode, string ModeName);

/// <param name="Officers">Officers holding a certificate valid today, with its number (执法人员信息公示).</param>
/// <param name="Powers">The 行政处罚、行政强制、行政检查 powers the township exercises today (PowerLists).</param>
/// <param name="Complaints">How to complain about an officer or a case.</param>
public sealed record PublicTeam(
    Guid TownshipId, string TownshipName, string Name, string? Phone, string? Address,
    IReadOnlyList<PublicOfficer> Officers, IReadOnlyList<PublicPower> Powers, string Complaints);

/// <summary>
/// 行政执法公示 · 事前公开 (no login): a township team's page — who may act (officers certified today, their
/// certificate numbers and domains), which powers it exercises today (PowerLists), and how to complain.
/// </summary>
internal static class PublicTeams
{
    private sealed record OfficerRow(string Name, string CertificateNumber, string IssuingBody, DateOnly ValidUntil,
        string Domains);

    public static async Task<Ok<PublicTeam>> Get(Guid townshipId, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var today = s.Today;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var team = await c.QuerySingleOrDefaultAsync<(Guid Id, string Name, string? Phone, string? Address)>(
            new CommandDefinition(
                "select id, name, phone, address from enforcement.teams where township_id = @townshipId",
                new { townshipId }, cancellationToken: ct));
        var township = await s.Regions.FindAsync(townshipId, ct);
        if (team.Id == Guid.Empty || township is null) throw new NotFoundException();
        var domains = await Features.Domains.NamesAsync(s.Powers, ct);
        var officers = (await c.QueryAsync<OfficerRow>(new CommandDefinition($"""
            select o.name, c.number as certificate_number, c.issuing_body, c.valid_until,
                   array_to_string(o.domains, ',') as domains
            from enforcement.officers o
            join lateral (select number, issuing_body, valid_until from enforcement.certificates c
                          where c.officer_id = o.id and @date between c.valid_from and c.valid_until
                          order by c.valid_until desc limit 1) c on true
            where o.team_id = @teamId and {OfficerStatus.CertifiedOn}
            order by o.name, c.number
            """, new { teamId = team.Id, date = today }, cancellationToken: ct)))
            .Select(o => new PublicOfficer(o.Name, o.CertificateNumber, o.IssuingBody, o.ValidUntil,
                o.Domains.Split(',').Select(d => domains.GetValueOrDefault(d, d)).ToList()))
            .ToList();
        var powers = (await s.Powers.TownshipPowersAsync(townshipId, null, today, ct))
            .Where(p => CaseRules.FilingItemTypes.Contains(p.Type))
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new PublicPower(p.Code, p.Name, p.Type, p.Mode,
                CaseRules.ExerciseModes.GetValueOrDefault(p.Mode, p.Mode)))
            .ToList();
        var complaints = s.Settings.ComplaintChannel.Replace("{team}", team.Name)
            .Replace("{phone}", team.Phone ?? "—");
        return TypedResults.Ok(new PublicTeam(townshipId, township.Name, team.Name, team.Phone, team.Address, officers,
            powers, complaints));
    }
}
