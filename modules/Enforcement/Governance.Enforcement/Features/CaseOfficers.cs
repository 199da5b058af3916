namespace Governance.Enforcement.Features;

/// <summary>An officer as checked for one action: certified on its day and holding the case's domain.</summary>
internal sealed record OfficerCheck(
    Guid Id, string Name, bool InTeam, bool HoldsDomain, bool Certified, string? CertificateNumber);

/// <summary>
/// 承办人员 (行政处罚法 42): every action on a case is taken by at least two of the team's officers whose certificates
/// are valid on the action's day and who hold the case's domain. An officer whose certificate lapses mid-case blocks
/// further actions until the leader replaces them (更换承办人员).
/// </summary>
internal static class CaseOfficers
{
    /// <summary>The chosen officers, each checked for <paramref name="date"/> — or a 409 naming who falls short and
    /// why (<c>enforcement.officers_not_qualified</c>).</summary>
    public static async Task<List<OfficerCheck>> RequireAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid teamId, [TextLimit(TextLimits.Code)] string domain,
        IReadOnlyList<Guid> ids, DateOnly date,
        CancellationToken ct)
    {
        var found = (await c.QueryAsync<OfficerCheck>(new CommandDefinition($"""
            select o.id, o.name, o.team_id = @teamId as in_team, @domain = any(o.domains) as holds_domain,
                   {OfficerStatus.CertifiedOn} as certified,
                   (select c.number from enforcement.certificates c
                    where c.officer_id = o.id and @date between c.valid_from and c.valid_until
                    order by c.valid_until desc limit 1) as certificate_number
            from enforcement.officers o where o.id = any(@ids)
            """, new { teamId, domain, date, ids = ids.ToArray() }, tx, cancellationToken: ct)))
            .ToDictionary(o => o.Id);
        var problems = ids.Select(oid => found.GetValueOrDefault(oid) switch
        {
            null or { InTeam: false } => (oid, (string?)"不是本大队的执法人员"),
            { Certified: false } o => (oid, $"{o.Name}：{date:yyyy-MM-dd} 没有有效的执法证（或已调离）"),
            { HoldsDomain: false } o => (oid, $"{o.Name}：未分配到该执法领域"),
            _ => (oid, null),
        }).Where(p => p.Item2 is not null).ToList();
        if (ids.Count < 2 || problems.Count > 0)
            throw new ConflictException("enforcement.officers_not_qualified",
                $"承办人员须为至少两名本大队在 {date:yyyy-MM-dd} 持有效执法证、且负责该执法领域的人员"
                + (problems.Count > 0 ? "：" + string.Join("；", problems.Select(p => p.Item2)) : "")
                + "。请先更换承办人员。")
            {
                Extensions =
                {
                    ["officers"] = problems.Select(p => new { officerId = p.oid, reason = p.Item2 }).ToArray(),
                },
            };
        return ids.Select(oid => found[oid]).ToList();
    }

    /// <summary>The case's current officers, checked for <paramref name="date"/> (a step of the case).</summary>
    public static async Task<List<OfficerCheck>> RequireCurrentAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Cases.Row k, DateOnly date, CancellationToken ct)
    {
        var ids = (await c.QueryAsync<Guid>(new CommandDefinition(
            "select officer_id from enforcement.case_officers where case_id = @id and removed_on is null",
            new { id = k.Id }, tx, cancellationToken: ct))).ToList();
        return await RequireAsync(c, tx, k.TeamId, k.Domain, ids, date, ct);
    }
}
