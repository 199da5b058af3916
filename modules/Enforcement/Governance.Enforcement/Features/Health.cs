namespace Governance.Enforcement.Features;

public sealed record TeamHealthFlag(
    string Kind, string KindName, string Severity, Guid TownshipId, string TownshipName, Guid? TeamId,
    Guid? OfficerId, string? OfficerName, string Message);

public sealed record TeamHealthReport(DateOnly AsOf, int Total, IReadOnlyList<TeamHealthFlag> Flags);

/// <summary>
/// 执法队伍体检 on a date: townships without a team, teams below the minimum of certified officers for their
/// population, and serving officers whose certificate has lapsed or ends within the warning window. (Delegated
/// penalty powers whose domain has no certified officer are flagged by PowerLists' 清单体检, through
/// <see cref="IEnforcement"/>.)
/// </summary>
internal static class Health
{
    private static readonly Dictionary<string, (string Name, string Severity)> Kinds = new()
    {
        ["no_team"] = ("未组建综合行政执法大队", "error"),
        ["undersized"] = ("持证执法人员不足", "warning"),
        ["certificate_expired"] = ("执法证已过期（不得执法）", "error"),
        ["certificate_expiring"] = ("执法证即将到期", "warning"),
    };

    private sealed record TeamRow(Guid Id, string RegionPath, int Population, int Certified);

    private sealed record OfficerRow(Guid Id, Guid TeamId, string RegionPath, string Name, string Status,
        DateOnly? ValidUntil);

    public static async Task<Ok<TeamHealthReport>> Check(DateOnly? asOf, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var date = asOf ?? s.Today;
        var args = new
        {
            scope = s.User.Scope.Pattern, today = date, warnDays = s.Settings.CertificateWarningDays,
        };
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var teams = (await c.QueryAsync<TeamRow>(new CommandDefinition($"""
            select t.id, t.region_path, t.population,
                   (select count(*)::int from ({OfficerStatus.Select("o.team_id = t.id")}) o
                    where o.status in ('certified', 'expiring')) as certified
            from enforcement.teams t where t.region_path like @scope
            """, args, cancellationToken: ct))).ToList();
        var officers = await c.QueryAsync<OfficerRow>(new CommandDefinition($"""
            select id, team_id, region_path, name, status, valid_until
            from ({OfficerStatus.Select("o.region_path like @scope")}) o
            where status in ('expired', 'expiring')
            """, args, cancellationToken: ct));
        var townships = (await s.Regions.ByLevelAsync(RegionLevels.Township, ct))
            .Where(t => s.User.Scope.Contains(t.Path)).ToDictionary(t => t.Path);
        var teamPaths = teams.Select(t => t.RegionPath).ToHashSet();

        var flags = new List<TeamHealthFlag>();
        TeamHealthFlag Flag(string kind, string path, Guid? team, Guid? officer, string? officerName, string message)
        {
            var (name, severity) = Kinds[kind];
            var township = townships[path];
            return new TeamHealthFlag(kind, name, severity, township.Id, township.Name, team, officer, officerName,
                message);
        }
        flags.AddRange(townships.Values.Where(t => !teamPaths.Contains(t.Path)).Select(t => Flag("no_team", t.Path,
            null, null, null, "该乡镇（街道）尚未登记综合行政执法大队（一支队伍管执法）。")));
        foreach (var t in teams.Where(t => townships.ContainsKey(t.RegionPath)))
        {
            var required = s.Settings.RequiredOfficers(t.Population);
            if (t.Certified < required)
                flags.Add(Flag("undersized", t.RegionPath, t.Id, null, null,
                    $"常住人口 {t.Population:N0} 人，应配备持证执法人员不少于 {required} 名，现有 {t.Certified} 名。"));
        }
        flags.AddRange(officers.Where(o => townships.ContainsKey(o.RegionPath)).Select(o => o.Status == "expired"
            ? Flag("certificate_expired", o.RegionPath, o.TeamId, o.Id, o.Name, o.ValidUntil is { } until
                ? $"执法证已于 {until:yyyy-MM-dd} 到期，应停止执法并尽快换证或调整岗位。"
                : "没有有效的执法证，不得从事执法活动。")
            : Flag("certificate_expiring", o.RegionPath, o.TeamId, o.Id, o.Name,
                $"执法证将于 {o.ValidUntil:yyyy-MM-dd} 到期，请及时换证。")));
        var ordered = flags.OrderBy(f => f.Severity == "error" ? 0 : 1).ThenBy(f => f.TownshipName)
            .ThenBy(f => f.Kind).ThenBy(f => f.OfficerName).ToList();
        return TypedResults.Ok(new TeamHealthReport(date, ordered.Count, ordered));
    }
}
