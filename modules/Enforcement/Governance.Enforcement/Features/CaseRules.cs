namespace Governance.Enforcement.Features;

/// <summary>The dates the law sets for a case (the day an act or a filing happens is not counted: a period runs
/// from the next day and ends on the corresponding day).</summary>
internal static class CaseRules
{
    /// <summary>The last day a case about an act ending on <paramref name="occurredOn"/> may be filed.</summary>
    public static DateOnly LimitationEnds(DateOnly occurredOn, bool severeHarm, EnforcementOptions o) =>
        occurredOn.AddYears(severeHarm ? o.SevereLimitationYears : o.LimitationYears);

    /// <summary>The last day for the decision of a case filed on <paramref name="filedOn"/> (calendar days).</summary>
    public static DateOnly DecisionDue(DateOnly filedOn, EnforcementOptions o) => filedOn.AddDays(o.DecisionDays);

    /// <summary>立案 rests on a 行政处罚, 行政强制 or 行政检查 item.</summary>
    public static readonly IReadOnlySet<string> FilingItemTypes = new HashSet<string> { "CF", "QZ", "JC" };

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["patrol"] = "巡查发现", ["complaint"] = "投诉举报", ["grid"] = "网格上报", ["referral"] = "部门移送",
        ["assigned"] = "上级交办",
    };

    public static readonly IReadOnlyDictionary<string, string> ExerciseModes = new Dictionary<string, string>
    {
        ["statutory"] = "法定", ["granted"] = "赋权", ["entrusted"] = "委托",
    };
}
