namespace Governance.Enforcement.Demo;

/// <summary>
/// 执法满意度 surveys for the demo: each team surveyed once a quarter for the last two years (on the 25th of the
/// quarter's last month, up to today), 30–80 respondents, 82–100 % satisfied, by phone, questionnaire or online in
/// turn. Written in one statement for every team without surveys (idempotent; also fills databases whose demo teams
/// predate the surveys). Deterministic: the figures derive from the team's id and the quarter.
/// </summary>
internal static class DemoSurveys
{
    public static Task<int> WriteMissingAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, DateOnly today, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("""
            with quarters as (
                select (q + interval '2 months 24 days')::date as surveyed_on, n
                from generate_series(date_trunc('quarter', @today::date - interval '2 years'),
                                     date_trunc('quarter', @today::date), interval '3 months')
                     with ordinality as g(q, n)),
            draws as (
                select t.id as team_id, t.region_path, s.surveyed_on, s.n,
                       30 + abs(hashtext(t.id::text || s.n)) % 51 as respondents,
                       abs(hashtext(t.id::text || s.n || 'satisfied')) % 19 as dissatisfied_pct
                from enforcement.teams t cross join quarters s
                where s.surveyed_on <= @today
                  and not exists (select 1 from enforcement.satisfaction_surveys x where x.team_id = t.id))
            insert into enforcement.satisfaction_surveys (id, team_id, region_path, surveyed_on, method, respondents,
                satisfied, note, recorded_at, recorded_by)
            select gen_random_uuid(), team_id, region_path, surveyed_on,
                   (array['phone', 'questionnaire', 'online'])[1 + n % 3], respondents,
                   respondents - respondents * dissatisfied_pct / 100, '季度执法满意度调查',
                   least(@now, (surveyed_on + 3) + time '02:00'), '县综合行政执法局'
            from draws
            """, new { today, now }, tx, cancellationToken: ct));
}
