using System.Text.RegularExpressions;

namespace Governance.Enforcement.Features;

/// <summary>How a computed indicator turns its KPI value into a score between 0 and the indicator's maximum.</summary>
internal enum ComputedScoring
{
    /// <summary>A rate (0–1): the score is the rate of the maximum; no denominator (nothing to close or disclose in
    /// the period) scores full marks — a township is not marked down for having had no cases.</summary>
    Rate,

    /// <summary>More is better (案件数): the township with the most scores full marks, the others in proportion;
    /// when nobody has any, everyone scores full marks.</summary>
    MoreIsBetter,

    /// <summary>Fewer is better, a quantity (平均办案天数): the lowest scores full marks, the others lowest ÷ own;
    /// none to measure scores full marks.</summary>
    FewerIsBetter,

    /// <summary>Fewer is better, a count of failures (超期案件数): none scores full marks, the worst township 0, the
    /// others in proportion.</summary>
    NoneIsBest,
}

/// <summary>
/// 双向考核 rules that need no database: the computed sources an indicator may name (the case-handling KPIs of
/// <see cref="EnforcementKpis"/>, never an amount), the 行政处罚法 art. 74 check on an indicator's definition, the
/// score of a computed indicator, the weighted total and the ranking.
/// </summary>
internal static class AssessmentRules
{
    public const string Manual = "manual";
    public const string ComputedPrefix = "computed:";

    /// <summary>The KPIs an indicator may be computed from, and how each scores. Every one counts cases, days or
    /// survey answers; none sums a fine or a confiscation (74). The migrations' check constraint lists the same
    /// codes.</summary>
    public static readonly IReadOnlyDictionary<string, ComputedScoring> ComputedSources =
        new Dictionary<string, ComputedScoring>
        {
            ["EN_CASES"] = ComputedScoring.MoreIsBetter,
            ["EN_CLOSURE"] = ComputedScoring.Rate,
            ["EN_AVG_DAYS"] = ComputedScoring.FewerIsBetter,
            ["EN_OVERDUE"] = ComputedScoring.NoneIsBest,
            ["EN_DISCLOSURE_ONTIME"] = ComputedScoring.Rate,
            ["EN_SATISFACTION"] = ComputedScoring.Rate,
        };

    /// <summary>The KPI code of a computed source (<c>computed:EN_CLOSURE</c> → <c>EN_CLOSURE</c>), or null for a
    /// manual indicator.</summary>
    public static string? KpiCode(string source) =>
        source.StartsWith(ComputedPrefix, StringComparison.Ordinal) ? source[ComputedPrefix.Length..] : null;

    /// <summary>
    /// 行政处罚法 art. 74: 罚款、没收的违法所得或者没收非法财物 must not be tied to the performance of those who
    /// enforce — so no indicator may be about them, computed or scored by hand. True when the code, name or source
    /// names a fine or a confiscation in any of <paramref name="terms"/> (Chinese terms as substrings, Latin ones as
    /// word starts: <c>fine</c> matches <c>fines</c> and <c>FINE_TOTAL</c> but not <c>defined</c>).
    /// </summary>
    public static bool NamesFinesOrConfiscations(IEnumerable<string> terms, params string?[] texts)
    {
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            var latin = term.All(ch => ch < 128);
            var pattern = latin ? $@"(?<![A-Za-z]){Regex.Escape(term)}" : Regex.Escape(term);
            if (texts.Any(t => t is not null && Regex.IsMatch(t, pattern, RegexOptions.IgnoreCase))) return true;
        }
        return false;
    }

    /// <summary>
    /// The score of a computed indicator for one scored unit: <paramref name="value"/> is its KPI value (null when
    /// undefined), <paramref name="all"/> the values of every scored unit of the round (for the relative rules).
    /// Rounded to two places, between 0 and <paramref name="max"/>.
    /// </summary>
    public static decimal ComputedScore(ComputedScoring rule, decimal? value, IReadOnlyCollection<decimal?> all,
        decimal max)
    {
        var known = all.Where(v => v is not null).Select(v => v!.Value).ToList();
        var share = rule switch
        {
            ComputedScoring.Rate => value ?? 1m,
            ComputedScoring.MoreIsBetter => known.Count == 0 || known.Max() <= 0 ? 1m : (value ?? 0m) / known.Max(),
            ComputedScoring.FewerIsBetter => value is not { } v || v <= 0 ? 1m : known.Min() / v,
            ComputedScoring.NoneIsBest => known.Count == 0 || known.Max() <= 0
                ? 1m : 1m - (value ?? 0m) / known.Max(),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        return Math.Round(max * Math.Clamp(share, 0m, 1m), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The weighted total out of 100: Σ weight × score ÷ maximum (the weights add up to 100).</summary>
    public static decimal Total(IEnumerable<(decimal Weight, decimal Max, decimal Score)> indicators) =>
        Math.Round(indicators.Sum(i => i.Weight * i.Score / i.Max), 2, MidpointRounding.AwayFromZero);

    /// <summary>Competition ranking (1, 2, 2, 4) by total, highest first.</summary>
    public static IReadOnlyList<int> Ranks(IReadOnlyList<decimal> totals) =>
        totals.Select(t => 1 + totals.Count(other => other > t)).ToList();

    /// <summary>The period a round covers: a quarter (1–4) of a year, or the year.</summary>
    public static (DateOnly From, DateOnly To, string Label) Period(string kind, int year, int? quarter) =>
        kind == "quarter" && quarter is { } q
            ? (new DateOnly(year, 3 * q - 2, 1), new DateOnly(year, 3 * q, 1).AddMonths(1).AddDays(-1),
                $"{year}年第{q}季度")
            : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"{year}年度");
}
