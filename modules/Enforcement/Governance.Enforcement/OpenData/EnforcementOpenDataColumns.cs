using Governance.OpenData.Contracts;

namespace Governance.Enforcement.OpenData;

/// <summary>The data dictionary of the enforcement files.</summary>
internal static class EnforcementOpenDataColumns
{
    /// <summary>The fields of a published entry on the public 行政执法公示 pages, in their published form.</summary>
    public static readonly IReadOnlyList<OpenDataColumn> Disclosures =
    [
        new("decision_no", "决定书文号", "Number of the decision"),
        new("decided_on", "决定日期", "Date of the decision"),
        new("published_on", "公示日期（当月；已撤回的公示不列入）",
            "Date of publication (in the month; retracted disclosures are left out)"),
        new("township_name", "乡镇（街道）", "Township"),
        new("domain_name", "执法领域", "Enforcement domain"),
        new("party", "当事人（自然人姓名已隐去部分）", "Party (a natural person's name masked)"),
        new("credit_code", "统一社会信用代码（仅单位）", "Unified social credit code (organisations only)"),
        new("facts", "违法事实", "Facts of the violation"),
        new("penalty", "处罚种类和内容", "Penalty"),
        new("legal_basis", "处罚依据", "Legal basis"),
    ];

    public static readonly IReadOnlyList<OpenDataColumn> CasesByTownship =
    [
        new("month", "月份（当月第一天）", "The month (its first day)"),
        new("township_code", "乡镇（街道）区划代码", "Administrative code of the township"),
        new("township_name", "乡镇（街道）名称", "Name of the township"),
        new("cases_filed", "当月立案数（含简易程序）", "Cases filed in the month (summary procedure included)"),
        new("cases_decided", "当月作出决定的案件数", "Cases decided in the month"),
        new("cases_closed", "当月结案数", "Cases closed in the month"),
    ];
}
