using System.Text.RegularExpressions;

namespace Governance.Enforcement.Features;

/// <summary>A round's request once checked: the trimmed title, the period and the indicators as stored.</summary>
internal sealed record ValidRound(
    string Title, DateOnly From, DateOnly To, string Label, IReadOnlyList<AssessmentIndicator> Indicators);

/// <summary>
/// The checks of a new round (400 with field errors). Limits: a title up to 100 characters; 1–20 indicators, each
/// with a code of 1–30 letters, digits or underscores, a name up to 100 characters, a weight above 0 (the weights add
/// up to 100) and a maximum score up to 1,000; a window of at most a year.
/// </summary>
internal static partial class AssessmentValidation
{
    public const int MaxIndicators = 20;

    [GeneratedRegex("^[A-Za-z0-9_]{1,30}$")]
    private static partial Regex CodePattern();

    public static ValidRound Round(AssessmentRoundRequest r, EnforcementOptions o)
    {
        var indicators = r.Indicators ?? [];
        var v = new Validator()
            .Required(r.Title, "title", "考核名称")
            .Check(r.Direction is not null && AssessmentRounds.Directions.ContainsKey(r.Direction), "direction",
                "考核方向只能是 townships（县直部门评乡镇）或 departments（乡镇评县直部门）。")
            .Check(r.PeriodKind is "quarter" or "year", "periodKind", "考核周期只能是 quarter（季度）或 year（年度）。")
            .Check(r.Year is >= 2000 and <= 2100, "year", "请填写考核年度（2000–2100）。")
            .Check(r.PeriodKind != "quarter" || r.Quarter is >= 1 and <= 4, "quarter", "请填写季度（1–4）。")
            .Check(r.PeriodKind != "year" || r.Quarter is null, "quarter", "年度考核不填季度。")
            .Check(r.OpensOn is not null, "opensOn", "请填写评分开始日期。")
            .Check(r.ClosesOn is not null, "closesOn", "请填写评分截止日期。")
            .Check(r.OpensOn is null || r.ClosesOn is null || r.ClosesOn >= r.OpensOn
                && r.ClosesOn.Value.DayNumber - r.OpensOn.Value.DayNumber <= 366, "closesOn",
                "评分截止日期不能早于开始日期，评分期不超过一年。")
            .Check(indicators.Count is >= 1 and <= MaxIndicators, "indicators",
                $"请设置 1 至 {MaxIndicators} 项考核指标。")
            .Check(indicators.Select(i => i.Code).Distinct().Count() == indicators.Count, "indicators",
                "指标代码不能重复。");
        for (var n = 0; n < indicators.Count; n++)
            Indicator(v, $"indicators[{n}]", indicators[n], r.Direction, o);
        if (indicators.Count > 0 && indicators.All(i => i.Weight is > 0m))
            v.Check(indicators.Sum(i => i.Weight!.Value) == 100m, "indicators", "各项指标的权重之和须为 100。");
        v.ThrowIfInvalid();
        var (from, to, label) = AssessmentRules.Period(r.PeriodKind!, r.Year!.Value, r.Quarter);
        return new ValidRound(r.Title!.Trim(), from, to, label, indicators
            .Select(i => new AssessmentIndicator(i.Code!, i.Name!.Trim(), i.Weight!.Value, i.MaxScore!.Value,
                i.Source!, null)).ToList());
    }

    private static void Indicator(Validator v, string f, AssessmentIndicatorRequest i, string? direction,
        EnforcementOptions o)
    {
        var kpi = i.Source is null ? null : AssessmentRules.KpiCode(i.Source);
        v.Check(i.Code is not null && CodePattern().IsMatch(i.Code), $"{f}.code",
                "指标代码为 1 至 30 个字母、数字或下划线。")
            .Required(i.Name, $"{f}.name", "指标名称")
            .Check(i.Weight is > 0m and <= 100m && decimal.Round(i.Weight.Value, 2) == i.Weight, $"{f}.weight",
                "权重须大于 0、不超过 100，最多两位小数。")
            .Check(i.MaxScore is > 0m and <= 1000m && decimal.Round(i.MaxScore.Value, 2) == i.MaxScore,
                $"{f}.maxScore", "满分须大于 0、不超过 1000，最多两位小数。")
            .Check(i.Source == AssessmentRules.Manual || kpi is not null, $"{f}.source",
                "指标来源只能是 manual（人工评分）或 computed:<指标代码>（根据执法数据计算）。");
        // 行政处罚法第七十四条: no indicator, computed or by hand, may be about fines or confiscations
        if (AssessmentRules.NamesFinesOrConfiscations(o.AssessmentForbiddenTerms, i.Source, i.Code, i.Name))
        {
            var field = AssessmentRules.NamesFinesOrConfiscations(o.AssessmentForbiddenTerms, i.Source)
                ? "source" : AssessmentRules.NamesFinesOrConfiscations(o.AssessmentForbiddenTerms, i.Code)
                    ? "code" : "name";
            v.Check(false, $"{f}.{field}",
                "依据《行政处罚法》第七十四条，罚款、没收的违法所得或者没收非法财物不得作为考核指标。");
            return;
        }
        if (kpi is null) return;
        v.Check(AssessmentRules.ComputedSources.ContainsKey(kpi), $"{f}.source",
                $"可计算的指标只有：{string.Join("、", AssessmentRules.ComputedSources.Keys)}。")
            .Check(direction != "departments", $"{f}.source",
                "乡镇评县直部门的指标暂无可计算的执法数据，请设为人工评分（manual）。");
    }
}
