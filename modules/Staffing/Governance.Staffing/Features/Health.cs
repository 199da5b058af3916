namespace Governance.Staffing.Features;

/// <summary>A unit whose occupants and reservations exceed its posts plus exceptions today.</summary>
public sealed record StaffingBreach(
    Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, int Approved, int Occupied,
    int Reserved, int ExceptionPosts);

/// <summary>A unit whose ledger disagrees with its sources: the approval documents (approved posts and leadership
/// posts), the people's holdings (occupants and leaders) or the approved requests (reservations).</summary>
public sealed record StaffingMismatch(
    Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, string Figure,
    int Ledger, int Source);

/// <summary>An active secondee graded 基本合格 in two years running (the later one their latest final grade): the
/// 编办 is to look at them.</summary>
public sealed record RepeatedBasicGrade(Guid SecondeeId, Guid PersonId, string Name, string TownshipName, int Year);

public sealed record StaffingHealth(
    DateOnly AsOf, int InForceExceptions, int OverdueExceptions, IReadOnlyList<StaffingBreach> Breaches,
    IReadOnlyList<StaffingMismatch> Mismatches, IReadOnlyList<RepeatedBasicGrade> RepeatedBasic);

/// <summary>
/// 编制健康检查: the numbers must never disagree. Reconciles, for every unit in scope, the ledger against its sources
/// — approved posts on the date = the approval documents and transfers in effect; occupants = people holding a post
/// that day; reserved = what approved requests have not used — and lists units over their posts, 超编 exceptions that
/// are in force or overdue, and secondees graded 基本合格 twice running.
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
                       coalesce(sum(l.occupied_delta), 0)::int as occupied,
                       coalesce(sum(l.leaders_approved_delta), 0)::int as leader_posts,
                       coalesce(sum(l.leaders_held_delta), 0)::int as leaders_held
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
                select f.id, f.unit_id, f.unit_name, f.kind, f.funding, 'leaderPosts', f.leader_posts,
                       coalesce((select sum(al.leader_posts) from staffing.approval_lines al
                                 join staffing.approvals a on a.id = al.approval_id
                                 where al.establishment_id = f.id and a.effective_on <= @today), 0)::int
                from f
                union all
                select f.id, f.unit_id, f.unit_name, f.kind, f.funding, 'leadersHeld', f.leaders_held,
                       (select count(*) from staffing.holdings h where h.establishment_id = f.id and h.leader
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
        var repeated = (await c.QueryAsync<RepeatedRow>(new CommandDefinition(RepeatedBasicSql, args,
            cancellationToken: ct))).ToList();
        var townships = await regions.NamesByPathAsync(repeated.Select(r => r.TownshipPath).Distinct().ToList(), ct);
        return TypedResults.Ok(new StaffingHealth(today, exceptions.InForce, exceptions.Overdue, breaches.ToList(),
            mismatches.ToList(), repeated.Select(r => new RepeatedBasicGrade(r.SecondeeId, r.PersonId, r.Name,
                townships.GetValueOrDefault(r.TownshipPath, ""), r.Year)).ToList()));
    }

    private sealed record RepeatedRow(Guid SecondeeId, Guid PersonId, string Name, string TownshipPath, int Year);

    /// <summary>基本合格 twice running: an active secondee (seen by the destination township and the county) whose
    /// latest final grade is 基本合格 and whose final grade of the year before was too.</summary>
    private const string RepeatedBasicSql = """
        select s.id as secondee_id, s.person_id, p.name, s.region_path as township_path, a.year
        from staffing.grades g
        join staffing.assessments a on a.id = g.assessment_id and a.state = 'final'
        join staffing.secondees s on s.id = g.secondee_id
        join staffing.people p on p.id = s.person_id
        join staffing.establishments e on e.id = s.origin_establishment
        where g.grade = 'basic' and s.state = 'active'
          and (s.region_path like @scope or e.region_path like @scope)
          and exists (select 1 from staffing.grades pg join staffing.assessments pa on pa.id = pg.assessment_id
                      where pg.secondee_id = s.id and pa.state = 'final' and pa.year = a.year - 1
                        and pg.grade = 'basic')
          and not exists (select 1 from staffing.grades lg join staffing.assessments la on la.id = lg.assessment_id
                          where lg.secondee_id = s.id and la.state = 'final' and la.year > a.year)
        order by a.year desc, p.name, s.id
        """;
}
