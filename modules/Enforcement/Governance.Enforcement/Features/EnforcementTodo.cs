using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Features;

/// <summary>
/// 综合行政执法's 待办: for those who manage teams, officers whose 执法证 is expiring or already lapsed
/// (<see cref="OfficerStatus"/>); for officers and the team's leadership, cases under investigation whose decision is
/// due soon or overdue (the case list's <c>due</c> filter).
/// </summary>
internal sealed class EnforcementTodo(IOptions<EnforcementOptions> options) : ITodoSource
{
    private const string Module = "enforcement";

    private sealed record Counts(int Certificates, int Expired, int CasesDue, int CasesOverdue);

    public async Task<IReadOnlyList<TodoCount>> CountAsync(
        CurrentUser user, NpgsqlConnection c, DateOnly today, CancellationToken ct)
    {
        var teams = user.Has(EnforcementPermissions.TeamsManage);
        var cases = user.Has(EnforcementPermissions.CasesInvestigate) || user.Has(EnforcementPermissions.CasesFile);
        if (!teams && !cases) return [];
        var settings = options.Value;
        var n = await c.QuerySingleAsync<Counts>(new CommandDefinition($"""
            select count(*) filter (where o.status in ('expiring', 'expired'))::int as certificates,
                   count(*) filter (where o.status = 'expired')::int as expired,
                   (select count(*)::int from enforcement.cases k where {Cases.InScope}
                        and k.state = any(@investigating) and k.decision_due_on <= @soonUntil) as cases_due,
                   (select count(*)::int from enforcement.cases k where {Cases.InScope}
                        and k.state = any(@investigating) and k.decision_due_on < @today) as cases_overdue
            from ({OfficerStatus.Select("o.region_path like @scope")}) o
            """, new
            {
                scope = user.Scope.Pattern, today, warnDays = settings.CertificateWarningDays,
                unitId = Cases.DepartmentOf(user), investigating = Cases.Investigating,
                soonUntil = today.AddDays(settings.DecisionDueSoonDays),
            }, cancellationToken: ct));
        var lines = new List<TodoCount>();
        if (teams)
            lines.Add(new("certificates.expiring", Module, n.Certificates, n.Expired,
                "/enforcement/officers?status=expiring"));
        if (cases) lines.Add(new("cases.due", Module, n.CasesDue, n.CasesOverdue, "/enforcement/cases?due=soon"));
        return lines;
    }
}
