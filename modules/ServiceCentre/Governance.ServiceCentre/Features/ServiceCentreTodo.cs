using Governance.Calendar.Contracts;

namespace Governance.ServiceCentre.Features;

/// <summary>
/// 便民服务's 待办: for those who handle applications, the open ones past or near their promised date (the
/// summary's definitions); for those who rectify bad ratings, the rectifications waiting for them; for the county that
/// rules on appeals, the appealed ones.
/// </summary>
internal sealed class ServiceCentreTodo(IWorkingCalendar calendar) : ITodoSource
{
    private const string Module = "service_centre";

    private sealed record Counts(int Overdue, int DueSoon, int Waiting, int WaitingLate, int Appealed);

    public async Task<IReadOnlyList<TodoCount>> CountAsync(
        CurrentUser user, NpgsqlConnection c, DateOnly today, CancellationToken ct)
    {
        bool handle = user.Has(ServiceCentrePermissions.ApplicationsHandle),
            rectify = user.Has(ServiceCentrePermissions.RatingsRectify),
            rule = user.Has(ServiceCentrePermissions.ServicesManage);
        if (!handle && !rectify && !rule) return [];
        var soon = (await calendar.CurrentAsync(ct)).AddWorkingDays(today, Applications.DueSoonWorkingDays);
        var n = await c.QuerySingleAsync<Counts>(new CommandDefinition($"""
            select count(*) filter (where a.due_on < @today)::int as overdue,
                   count(*) filter (where a.due_on between @today and @soon)::int as due_soon,
                   (select count(*)::int from service_centre.rectifications x where {Rect}
                        and x.state in ('open', 'called_back')) as waiting,
                   (select count(*)::int from service_centre.rectifications x where {Rect}
                        and x.state in ('open', 'called_back') and x.due_on < @today) as waiting_late,
                   (select count(*)::int from service_centre.rectifications x where {Rect}
                        and x.state = 'appealed') as appealed
            from service_centre.applications a
            where {RegionScope.Sql("a.origin_path")} and a.state in ('received', 'accepted')
            """, new { scope = user.Scope.Pattern, today, soon }, cancellationToken: ct));
        var lines = new List<TodoCount>();
        if (handle)
        {
            lines.Add(new("applications.overdue", Module, n.Overdue, n.Overdue, "/services/applications?overdue=true"));
            lines.Add(new("applications.due_soon", Module, n.DueSoon, 0, "/services/applications?dueSoon=true"));
        }
        if (rectify)
            lines.Add(new("rectifications.waiting", Module, n.Waiting, n.WaitingLate, "/services/rectifications"));
        if (rule)
            lines.Add(new("rectifications.appealed", Module, n.Appealed, 0,
                "/services/rectifications?state=appealed"));
        return lines;
    }

    private static readonly string Rect = RegionScope.Sql("x.origin_path");
}
