namespace Governance.Staffing.Features;

/// <summary>A unit whose occupants and reservations exceed its posts plus exceptions today.</summary>
public sealed record StaffingBreach(
    Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, int Approved, int Occupied,
    int Reserved, int ExceptionPosts);

/// <summary>A unit whose ledger disagrees with its sources: the approval documents (approved posts), the people's
/// holdings (occupants) or the approved requests (reservations).</summary>
public sealed record StaffingMismatch(
    Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, string Figure,
    int Ledger, int Source);

public sealed record StaffingHealth(
    DateOnly AsOf, int InForceExceptions, int OverdueExceptions, IReadOnlyList<StaffingBreach> Breaches,
    IReadOnlyList<StaffingMismatch> Mismatches);

/// <summary>
/// 编制健康检查: the numbers must never disagree. Reconciles, for every unit in scope, the ledger against its sources
/// — approved posts on the date = the approval documents and transfers in effect; occupants = people holding a post that day;
/// reserved = what approved requests have not used — and lists units over their posts and 超编 exceptions that are in
/// force or overdue.
/// </summary>
internal static class Health
{
    public static async Task<Ok<StaffingHealth>> Check(
        Guid? regionId, NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, TimeProvider clock,
        CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var path = await Establishments.ScopePath(regionId, user, regions, ct);
        var args = new { scope = path + "%", today };
        await using var c = await db.OpenConnectionAsync(ct);
        var exceptions = await c.QuerySingleAsync<(int InForce, int Overdue)>(new CommandDefinition("""
            select count(*) filter (where valid_until >= @today)::int, count(*) filter (where valid_until < @today)::int
            from staffing.exceptions where region_path like @scope and resolved_on is null
            """, args, cancellationToken: ct));
        var figures = $"""
            with f as (
                select e.id, e.unit_id, e.unit_name, e.kind, e.funding, e.reserved,
                       coalesce(sum(l.approved_delta), 0)::int as approved,
                       coalesce(sum(l.occupied_delta), 0)::int as occupied
                from staffing.establishments e
                left join staffing.ledger_lines l on l.establishment_id = e.id and l.effective_on <= @today
                where e.region_path like @scope
                group by e.id)
            """;
        var breaches = await c.QueryAsync<StaffingBreach>(new CommandDefinition($"""
            {figures}
            select * from (
                select f.id as establishment_id, f.unit_id, f.unit_name, f.kind, f.funding, f.approved, f.occupied,
                       f.reserved,
                       coalesce((select sum(x.posts) from staffing.exceptions x where x.establishment_id = f.id
                                 and x.valid_from <= @today
                                 and @today <= {Ledger.LedgerWriter.ExceptionEnd}), 0)::int as exception_posts
                from f) b
            where occupied + reserved > approved + exception_posts
            order by unit_name, kind, funding
            """, args, cancellationToken: ct));
        var mismatches = await c.QueryAsync<StaffingMismatch>(new CommandDefinition($"""
            {figures}
            select * from (
                select f.id as establishment_id, f.unit_id, f.unit_name, f.kind, f.funding, 'approved' as figure,
                       f.approved as ledger,
                       (coalesce((select sum(al.posts) from staffing.approval_lines al
                                  join staffing.approvals a on a.id = al.approval_id
                                  where al.establishment_id = f.id and a.effective_on <= @today), 0)
                        + coalesce((select sum(case when tl.to_establishment = f.id then tl.posts else -tl.posts end)
                                    from staffing.transfer_lines tl join staffing.transfers t on t.id = tl.transfer_id
                                    where f.id in (tl.from_establishment, tl.to_establishment)
                                      and t.effective_on <= @today), 0))::int as source
                from f
                union all
                select f.id, f.unit_id, f.unit_name, f.kind, f.funding, 'occupied', f.occupied,
                       (select count(*) from staffing.holdings h where h.establishment_id = f.id
                          and h.entered_on <= @today and (h.exited_on is null or h.exited_on > @today))::int
                from f
                union all
                select f.id, f.unit_id, f.unit_name, f.kind, f.funding, 'reserved', f.reserved,
                       coalesce((select sum(r.posts - r.used) from staffing.post_requests r
                                 where r.establishment_id = f.id and r.state = 'approved'), 0)::int
                from f) m
            where ledger <> source
            order by unit_name, kind, funding, figure
            """, args, cancellationToken: ct));
        return TypedResults.Ok(new StaffingHealth(today, exceptions.InForce, exceptions.Overdue, breaches.ToList(),
            mismatches.ToList()));
    }
}
