using Governance.PowerLists.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.PowerLists.Features;

/// <summary>
/// 权责清单's 待办: 职责准入 requests at the caller's step (编办 review, the county leaders' decision, a department's
/// returned request to complete) and the 委托协议 in force that end within the warning window.
/// </summary>
internal sealed class PowerListsTodo(IOptions<PowerListsOptions> options) : ITodoSource
{
    private const string Module = "power_lists";

    private sealed record Counts(int ToReview, int ToDecide, int Returned, int Expiring, int ExpiringThisWeek);

    public async Task<IReadOnlyList<TodoCount>> CountAsync(
        CurrentUser user, NpgsqlConnection c, DateOnly today, CancellationToken ct)
    {
        bool review = user.Has(PowerListsPermissions.AdmissionsReview),
            decide = user.Has(PowerListsPermissions.AdmissionsDecide),
            submit = user.Has(PowerListsPermissions.AdmissionsSubmit) && user.UnitId is not null,
            agreements = user.Has(PowerListsPermissions.AgreementsManage);
        if (!review && !decide && !submit && !agreements) return [];
        var n = await c.QuerySingleAsync<Counts>(new CommandDefinition($"""
            select count(*) filter (where r.state = 'submitted')::int as to_review,
                   count(*) filter (where r.state = 'under_decision')::int as to_decide,
                   count(*) filter (where r.state = 'returned' and r.department_id = @unitId)::int as returned,
                   (select count(*)::int from power_lists.agreements a where {Agreement}) as expiring,
                   (select count(*)::int from power_lists.agreements a where {Agreement} and a.ends_on - @date <= 7)
                       as expiring_this_week
            from power_lists.admission_requests r
            where {Admissions.Visible} and r.state in ('submitted', 'under_decision', 'returned')
            """, new
            {
                scope = user.Scope.Pattern, unitId = user.UnitId, date = today,
                expiryDays = options.Value.AgreementExpiryWarningDays,
            }, cancellationToken: ct));
        var lines = new List<TodoCount>();
        const string AdmissionsPage = "/power-lists/admissions?state=";
        if (review) lines.Add(new("admissions.to_review", Module, n.ToReview, 0, AdmissionsPage + "submitted"));
        if (decide) lines.Add(new("admissions.to_decide", Module, n.ToDecide, 0, AdmissionsPage + "under_decision"));
        if (submit) lines.Add(new("admissions.returned", Module, n.Returned, 0, AdmissionsPage + "returned"));
        if (agreements)
            lines.Add(new("agreements.expiring", Module, n.Expiring, n.ExpiringThisWeek,
                "/power-lists/agreements?status=expiring"));
        return lines;
    }

    /// <summary>In force today and ending within the warning window (<see cref="Agreements.EndsSoon"/>).</summary>
    private static readonly string Agreement =
        $"{RegionScope.Sql("a.township_path")} and {Agreements.InForce} and {Agreements.EndsSoon}";
}
