using Governance.Calendar.Contracts;
using Governance.Kpis.Contracts;

namespace Governance.Enforcement.Features;

/// <param name="Score">The indicator's score (0 to its maximum): the mean of the scorers' for a manual indicator,
/// from the KPI for a computed one.</param>
/// <param name="Weighted">What the indicator adds to the total: weight × score ÷ maximum.</param>
/// <param name="Value">A computed indicator's KPI value over the period (null when undefined, e.g. no cases).</param>
/// <param name="Scorers">How many scorers scored a manual indicator.</param>
public sealed record AssessmentIndicatorResult(
    string Code, string Name, string Source, decimal Weight, decimal MaxScore, decimal Score, decimal Weighted,
    decimal? Value, long? Numerator, long? Denominator, int? Scorers);

/// <param name="Total">The weighted total out of 100.</param>
/// <param name="Rank">1 for the highest total; equal totals share a rank (1, 2, 2, 4).</param>
public sealed record AssessmentRanking(
    int Rank, Guid PartyId, string Name, decimal Total, IReadOnlyList<AssessmentIndicatorResult> Indicators);

/// <param name="Frozen">The computed indicators are those frozen at 锁定 (otherwise computed now, a preview).</param>
public sealed record AssessmentRankings(
    Guid RoundId, string PeriodLabel, string State, bool Frozen, IReadOnlyList<AssessmentRanking> Items);

/// <summary>
/// 考核结果: each scored unit's weighted total, rank and per-indicator breakdown. Computed indicators come from the
/// Enforcement KPI counters of the period's months (<see cref="EnforcementKpis"/>, summed per township) — live while
/// the round is open, frozen in <c>enforcement.assessment_computed</c> at 锁定. Manual indicators are the mean of the
/// scorers' scores. The county's managers see a preview at any time; everyone else in the county only once the
/// round is published.
/// </summary>
internal static class AssessmentResults
{
    private sealed record Computed(
        Guid ScoredId, string IndicatorCode, long Numerator, long Denominator, decimal? Value, decimal Score);

    /// <summary>Computes the computed indicators now and stores them with the round (in the lock's transaction);
    /// returns how many values were frozen.</summary>
    public static async Task<int> FreezeAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, WorkingDayCalendar calendar, AssessmentRounds.Row round,
        CancellationToken ct)
    {
        var values = await ComputeAsync(c, tx, calendar, round, ct);
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.assessment_computed
                (round_id, scored_id, indicator_code, numerator, denominator, value, score)
            select @id, * from unnest(@scored, @codes, @numerators, @denominators, @values, @scores)
            """, new
            {
                id = round.Id, scored = values.Select(v => v.ScoredId).ToArray(),
                codes = values.Select(v => v.IndicatorCode).ToArray(),
                numerators = values.Select(v => v.Numerator).ToArray(),
                denominators = values.Select(v => v.Denominator).ToArray(),
                values = values.Select(v => v.Value).ToArray(), scores = values.Select(v => v.Score).ToArray(),
            }, tx, cancellationToken: ct));
        return values.Count;
    }

    /// <summary>The computed indicators of every scored township over the round's period, as of now.</summary>
    private static async Task<IReadOnlyList<Computed>> ComputeAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, WorkingDayCalendar calendar, AssessmentRounds.Row round,
        CancellationToken ct)
    {
        var indicators = (await AssessmentRounds.IndicatorsAsync(c, tx, round.Id, ct))
            .Where(i => AssessmentRules.KpiCode(i.Source) is not null).ToList();
        if (indicators.Count == 0) return [];
        var scored = (await AssessmentRounds.PartiesAsync(c, tx, round.Id, ct))
            .Where(p => p.Kind == round.ScoredKind).ToList();
        // the KPI counters are flows of a month per township: the period's are their sums
        var counters = scored.ToDictionary(p => p.RegionPath, _ => new Dictionary<string, long>());
        for (var month = round.PeriodFrom; month <= round.PeriodTo; month = month.AddMonths(1))
            foreach (var leaf in await EnforcementKpis.CountersAsync(c, calendar, round.CountyPath + "%", month, ct))
                if (counters.TryGetValue(leaf.RegionPath, out var sum))
                    KpiFormula.Add(sum, leaf.Values);
        var result = new List<Computed>();
        foreach (var i in indicators)
        {
            var kpi = AssessmentRules.KpiCode(i.Source)!;
            var definition = EnforcementKpis.All.Single(d => d.Code == kpi);
            var figures = scored.Select(p => (p.PartyId, Kpi: KpiFormula.Evaluate(definition, counters[p.RegionPath])))
                .ToList();
            var all = figures.Select(f => f.Kpi.Value).ToList();
            result.AddRange(figures.Select(f => new Computed(f.PartyId, i.Code, f.Kpi.Numerator, f.Kpi.Denominator,
                f.Kpi.Value,
                AssessmentRules.ComputedScore(AssessmentRules.ComputedSources[kpi], f.Kpi.Value, all, i.MaxScore))));
        }
        return result;
    }

    public static async Task<Ok<AssessmentRankings>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var calendar = await s.Calendar.CurrentAsync(ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var round = await AssessmentRounds.FindAsync(c, null, id, s.User, s.Today, ct);
        if (round is null)
            return await s.Guard.DenyAsync<Ok<AssessmentRankings>>(AssessmentRounds.Workflow.RecordType, id, ct);
        if (round.State != "published" && !s.User.Has(EnforcementPermissions.AssessManage))
            throw new ForbiddenException("考核结果公布后才能查看。")
            {
                Audit = new DeniedAction("enforcement.assessment.results", AssessmentRounds.Workflow.RecordType,
                    id.ToString(), round.CountyPath),
            };
        var frozen = round.State is "locked" or "published";
        var indicators = await AssessmentRounds.IndicatorsAsync(c, null, id, ct);
        var scored = (await AssessmentRounds.PartiesAsync(c, null, id, ct)).Where(p => p.Kind == round.ScoredKind)
            .ToList();
        var computed = frozen
            ? (await c.QueryAsync<Computed>(new CommandDefinition("""
                select scored_id, indicator_code, numerator, denominator, value, score
                from enforcement.assessment_computed where round_id = @id
                """, new { id }, cancellationToken: ct))).ToList()
            : await ComputeAsync(c, null, calendar, round, ct);
        var byUnit = computed.ToDictionary(x => (x.ScoredId, x.IndicatorCode));
        var manual = (await c.QueryAsync<(Guid ScoredId, string Code, decimal Mean, int Scorers)>(
            new CommandDefinition("""
                select scored_id, indicator_code, avg(score), count(*)::int from enforcement.assessment_scores
                where round_id = @id group by 1, 2
                """, new { id }, cancellationToken: ct))).ToDictionary(m => (m.ScoredId, m.Code));

        var entries = scored.Select(p =>
        {
            var results = indicators.Select(i =>
            {
                if (AssessmentRules.KpiCode(i.Source) is not null)
                {
                    var x = byUnit.GetValueOrDefault((p.PartyId, i.Code));
                    return Result(i, x?.Score ?? 0m, x?.Value, x?.Numerator, x?.Denominator, null);
                }
                var m = manual.GetValueOrDefault((p.PartyId, i.Code));
                return Result(i, Math.Round(m.Mean, 2, MidpointRounding.AwayFromZero), null, null, null, m.Scorers);
            }).ToList();
            return (Party: p, Results: results,
                Total: AssessmentRules.Total(results.Select(x => (x.Weight, x.MaxScore, x.Score))));
        }).ToList();
        var ranks = AssessmentRules.Ranks(entries.Select(e => e.Total).ToList());
        var items = entries.Select((e, n) => new AssessmentRanking(ranks[n], e.Party.PartyId, e.Party.Name, e.Total,
                e.Results))
            .OrderBy(e => e.Rank).ToList(); // stable: equal ranks stay in administrative-code order
        return TypedResults.Ok(new AssessmentRankings(id, round.PeriodLabel, round.State, frozen, items));
    }

    private static AssessmentIndicatorResult Result(
        AssessmentIndicator i, decimal score, decimal? value, long? numerator, long? denominator, int? scorers) =>
        new(i.Code, i.Name, i.Source, i.Weight, i.MaxScore, score,
            Math.Round(i.Weight * score / i.MaxScore, 2, MidpointRounding.AwayFromZero), value, numerator, denominator,
            scorers);
}
