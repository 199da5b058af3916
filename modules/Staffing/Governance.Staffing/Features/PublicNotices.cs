namespace Governance.Staffing.Features;

public sealed record PublicCandidate(
    int Rank, string Name, string OriginUnit, string Township, string WorkArea, decimal Total);

public sealed record CampaignNotice(
    string Name, int Year, DateOnly? From, DateOnly? Until, IReadOnlyList<PublicCandidate> Candidates);

public sealed record PublicGrade(string Name, string Township, string WorkArea);

public sealed record ExcellentNotice(int Year, DateOnly? From, DateOnly? Until, IReadOnlyList<PublicGrade> Proposed);

/// <summary>
/// 公示, readable without signing in: a campaign's proposed secondees and a year's proposed 优秀 grades, with names
/// masked (张*) and nothing else personal. Only what is in or past its notice is shown; anything else is 404. A 优秀
/// whose secondment ended before the final step (the person left the establishment) is no longer proposed.
/// </summary>
internal static class PublicNotices
{
    private sealed record CandidateRow(Guid Id, string Name, string OriginUnit, string TownshipPath, string WorkArea,
        decimal Written, decimal Interview, DateTime RegisteredAt);

    public static async Task<Ok<CampaignNotice>> Campaign(
        Guid id, NpgsqlDataSource db, IRegionDirectory regions, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var campaign = await c.QuerySingleOrDefaultAsync<(string Name, int Year, decimal Weight, DateOnly? From,
            DateOnly? Until)>(new CommandDefinition("""
            select name, year, written_weight, publicity_from, publicity_until from staffing.campaigns
            where id = @id and state in ('publicity', 'hired')
            """, new { id }, cancellationToken: ct));
        if (campaign.Name is null) throw new NotFoundException();
        var rows = (await c.QueryAsync<CandidateRow>(new CommandDefinition("""
            select r.id, p.name, e.unit_name as origin_unit, cp.township_path, cp.work_area, r.written, r.interview,
                   r.registered_at
            from staffing.registrations r
            join staffing.people p on p.id = r.person_id
            join staffing.establishments e on e.id = r.origin_establishment
            join staffing.campaign_posts cp on cp.id = r.chosen_post
            where r.campaign_id = @id and r.state = 'qualified'
            """, new { id }, cancellationToken: ct))).ToDictionary(r => r.Id);
        var names = await regions.NamesByPathAsync(rows.Values.Select(r => r.TownshipPath).Distinct().ToList(), ct);
        var ranked = Secondment.SecondmentRules.Rank(rows.Values.Select(r =>
            new Secondment.Candidate(r.Id, r.Written, r.Interview, r.RegisteredAt)), campaign.Weight);
        return TypedResults.Ok(new CampaignNotice(campaign.Name, campaign.Year, campaign.From, campaign.Until,
            ranked.Select(x => rows[x.Candidate.Id] is var r
                ? new PublicCandidate(x.Rank, Masking.Name(r.Name), r.OriginUnit,
                    names.GetValueOrDefault(r.TownshipPath, ""), PostTypes.WorkAreas[r.WorkArea], x.Total)
                : null!).ToList()));
    }

    public static async Task<Ok<ExcellentNotice>> Excellent(
        Guid id, NpgsqlDataSource db, IRegionDirectory regions, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var a = await c.QuerySingleOrDefaultAsync<(int Year, DateOnly? From, DateOnly? Until)?>(
            new CommandDefinition("""
            select year, publicity_from, publicity_until from staffing.assessments
            where id = @id and state in ('publicity', 'final')
            """, new { id }, cancellationToken: ct));
        if (a is null) throw new NotFoundException();
        var rows = (await c.QueryAsync<(string Name, string TownshipPath, string WorkArea)>(new CommandDefinition("""
            select p.name, s.region_path, s.work_area
            from staffing.grades g join staffing.secondees s on s.id = g.secondee_id
            join staffing.assessments a on a.id = g.assessment_id
            join staffing.people p on p.id = s.person_id
            where g.assessment_id = @id and g.grade = 'excellent'
              -- proposed: only those the final step can still convert; once final: those it did
              and case when a.state = 'final' then g.outcome is not null else s.state = 'active' end
            order by s.region_path, p.name
            """, new { id }, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(rows.Select(r => r.TownshipPath).Distinct().ToList(), ct);
        return TypedResults.Ok(new ExcellentNotice(a.Value.Year, a.Value.From, a.Value.Until,
            rows.Select(r => new PublicGrade(Masking.Name(r.Name), names.GetValueOrDefault(r.TownshipPath, ""),
                PostTypes.WorkAreas[r.WorkArea])).ToList()));
    }
}
