using Governance.Calendar.Contracts;
using Governance.Enforcement.Features;

namespace Governance.Enforcement.Demo;

/// <summary>
/// The demo county's 双向考核: last year's 县直部门评乡镇 round — every department's sheet submitted in January,
/// the computed indicators frozen at 锁定 from the demo cases and surveys (<see cref="AssessmentResults.FreezeAsync"/>,
/// as the API does), published — and this quarter's 乡镇评县直部门 round on the previous quarter, open, about half the
/// townships' sheets in. Hand scores are 70–98 % of the maximum. Before its window has closed a round stays open.
/// </summary>
internal static class DemoAssessments
{
    private sealed record Indicator(string Code, string Name, decimal Weight, string Source);

    private static readonly Indicator[] TownshipIndicators =
    [
        new("TEAM", "队伍建设与规范化", 20, AssessmentRules.Manual),
        new("COOP", "配合部门联合执法", 20, AssessmentRules.Manual),
        new("CLOSURE", "结案率", 20, "computed:EN_CLOSURE"),
        new("DISCLOSURE", "执法公示及时率", 15, "computed:EN_DISCLOSURE_ONTIME"),
        new("OVERDUE", "超期案件", 10, "computed:EN_OVERDUE"),
        new("SATISFACTION", "执法满意度", 15, "computed:EN_SATISFACTION"),
    ];

    private static readonly Indicator[] DepartmentIndicators =
    [
        new("GUIDANCE", "业务指导与培训", 40, AssessmentRules.Manual),
        new("REFERRAL", "移送案件办理及反馈", 30, AssessmentRules.Manual),
        new("SUPPORT", "技术支撑与协作配合", 30, AssessmentRules.Manual),
    ];

    internal sealed record Party(Guid Id, string Kind, string Name, string Path);

    public static async Task WriteAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, WorkingDayCalendar calendar, string countyPath,
        IReadOnlyList<Party> townships, IReadOnlyList<Party> departments, DateOnly today, DateTime now, Random rng,
        CancellationToken ct)
    {
        if (townships.Count == 0 || departments.Count == 0) return;
        var lastYear = today.Year - 1;
        await RoundAsync(c, tx, calendar, countyPath, $"{lastYear}年度综合行政执法工作考核", "townships", "year",
            AssessmentRules.Period("year", lastYear, null), new DateOnly(today.Year, 1, 5),
            new DateOnly(today.Year, 1, 19), TownshipIndicators, departments, townships, 1.0, today, now, rng, ct);
        var quarter = (today.Month - 1) / 3; // the previous quarter: 0 is last year's fourth
        var (year, q) = quarter == 0 ? (today.Year - 1, 4) : (today.Year, quarter);
        await RoundAsync(c, tx, calendar, countyPath, $"{year}年第{q}季度县直部门执法保障评价", "departments",
            "quarter", AssessmentRules.Period("quarter", year, q), today.AddDays(-3), today.AddDays(11),
            DepartmentIndicators, townships, departments, 0.5, today, now, rng, ct);
    }

    private static async Task RoundAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, WorkingDayCalendar calendar, string countyPath, string title,
        string direction,
        string periodKind, (DateOnly From, DateOnly To, string Label) period, DateOnly opensOn, DateOnly closesOn,
        Indicator[] indicators, IReadOnlyList<Party> scorers, IReadOnlyList<Party> scored, double submitting,
        DateOnly today, DateTime now, Random rng, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var closed = today > closesOn;
        DateTime At(DateOnly day, int hour) => CountyClock.StartOfDayUtc(day).AddHours(hour); // county time, as UTC
        var (openedAt, lockedAt, publishedAt) = (At(opensOn, 9), At(closesOn.AddDays(1), 10),
            At(closesOn.AddDays(3), 15));
        var state = closed ? "published" : "open";
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.assessment_rounds (id, county_path, title, direction, period_kind, period_label,
                period_from, period_to, opens_on, closes_on, state, created_at, created_by, locked_at, published_at,
                version)
            values (@id, @countyPath, @title, @direction, @periodKind, @label, @from, @to, @opensOn, @closesOn, @state,
                @createdAt, '县综合行政执法局', @lockedAt, @publishedAt, @version);
            insert into enforcement.assessment_indicators (round_id, code, name, weight, max_score, source, sort)
            select @id, code, name, weight, 100, source, sort - 1
            from unnest(@codes, @names, @weights, @sources) with ordinality as i(code, name, weight, source, sort);
            insert into enforcement.assessment_parties (round_id, party_id, kind, name, region_path)
            select @id, * from unnest(@partyIds, @kinds, @partyNames, @paths);
            insert into enforcement.assessment_round_events (id, record_id, at, actor, action, from_state, to_state)
            select gen_random_uuid(), @id, e.at, '县综合行政执法局', e.action, e.from_state, e.to_state
            from (values (@openedAt, 'open', 'draft', 'open'), (@lockedAt, 'lock', 'open', 'locked'),
                         (@publishedAt, 'publish', 'locked', 'published')) as e(at, action, from_state, to_state)
            where e.action = 'open' or @closed;
            """, new
        {
            id, countyPath, title, direction, periodKind, label = period.Label, from = period.From, to = period.To,
            opensOn, closesOn, state, createdAt = openedAt.AddDays(-7), lockedAt = closed ? lockedAt : (DateTime?)null,
            publishedAt = closed ? publishedAt : (DateTime?)null, version = closed ? 4 : 2, openedAt, closed,
            codes = indicators.Select(i => i.Code).ToArray(), names = indicators.Select(i => i.Name).ToArray(),
            weights = indicators.Select(i => i.Weight).ToArray(), sources = indicators.Select(i => i.Source).ToArray(),
            partyIds = scorers.Concat(scored).Select(p => p.Id).ToArray(),
            kinds = scorers.Concat(scored).Select(p => p.Kind).ToArray(),
            partyNames = scorers.Concat(scored).Select(p => p.Name).ToArray(),
            paths = scorers.Concat(scored).Select(p => p.Path).ToArray(),
        }, tx, cancellationToken: ct));

        // the sheets: hand scores for every scored party on every manual indicator
        var manual = indicators.Where(i => i.Source == AssessmentRules.Manual).ToList();
        var sheets = scorers.Where(_ => rng.NextDouble() < submitting).ToList();
        var scores = sheets.SelectMany(s => scored.SelectMany(p => manual.Select(i =>
            (Scorer: s.Id, Scored: p.Id, i.Code, Score: (decimal)rng.Next(70, 99))))).ToList();
        var submittedAt = closed ? At(closesOn.AddDays(-2), 16) : now;
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.assessment_sheets (round_id, scorer_id, version, submitted_at, submitted_by)
            select @id, scorer, 1, @submittedAt, '考核联络员' from unnest(@sheets) as s(scorer);
            insert into enforcement.assessment_scores
                (round_id, scorer_id, scored_id, indicator_code, score, submitted_at)
            select @id, scorer, scored, code, score, @submittedAt
            from unnest(@scorerIds, @scoredIds, @codes, @values) as x(scorer, scored, code, score);
            """, new
        {
            id, submittedAt, sheets = sheets.Select(s => s.Id).ToArray(),
            scorerIds = scores.Select(x => x.Scorer).ToArray(), scoredIds = scores.Select(x => x.Scored).ToArray(),
            codes = scores.Select(x => x.Code).ToArray(), values = scores.Select(x => x.Score).ToArray(),
        }, tx, cancellationToken: ct));
        if (closed)
            await AssessmentResults.FreezeAsync(c, tx, calendar, new AssessmentRounds.Row(id, countyPath, title,
                direction, periodKind, period.Label, period.From, period.To, opensOn, closesOn, "locked", lockedAt,
                null, 3), ct);
    }
}
