using Governance.OpenData.Contracts;

namespace Governance.Staffing.OpenData;

/// <summary>The data dictionary of the staffing files: the code lists come from <see cref="PostTypes"/>, so the
/// README names every code a file can hold.</summary>
internal static class StaffingOpenDataColumns
{
    private static string Codes(IReadOnlyDictionary<string, string> names) =>
        string.Join("，", names.Select(n => $"{n.Key}={n.Value}"));

    private static readonly OpenDataColumn UnitId = new("unit_id", "单位标识（系统内唯一，单位无公开编码）",
        "The unit's identifier in the system (units carry no public code)");

    private static readonly OpenDataColumn UnitName = new("unit_name", "单位名称", "Unit name");

    private static readonly OpenDataColumn RegionCode = new("region_code", "单位所在区划代码（县或乡镇/街道）",
        "Administrative code of the unit's region (the county or a township)");

    private static readonly OpenDataColumn RegionName = new("region_name", "单位所在区划名称",
        "Name of the unit's region");

    private static readonly OpenDataColumn Kind = new("kind", $"编制类别：{Codes(PostTypes.Kinds)}",
        "Kind of posts: administrative (civil-service posts) or institution (public-institution posts)");

    private static readonly OpenDataColumn Funding = new("funding", $"经费形式：{Codes(PostTypes.Fundings)}",
        "Funding: full (fully funded), partial (partially funded) or self (self-funded)");

    public static readonly IReadOnlyList<OpenDataColumn> Establishments =
    [
        new("as_of", "统计日期（当月最后一天）", "Date of the figures: the month's last day"),
        UnitId, UnitName, RegionCode, RegionName, Kind, Funding,
        new("approved", "核定编制数", "Approved posts"),
        new("leader_posts", "核定领导职数", "Approved leadership posts"),
        new("occupied", "实有人数（在编）", "Posts occupied"),
        new("reserved", "已批准使用尚未入编的编制数（台账只记当日预留，已结束的月份为 0）",
            "Posts reserved by approved requests not yet filled (the ledger keeps reservations for the current " +
            "day only, so a closed month shows 0)"),
        new("vacant", "空编数（核定 − 实有 − 预留）", "Vacant posts (approved − occupied − reserved)"),
    ];

    public static readonly IReadOnlyList<OpenDataColumn> Movements =
    [
        new("month", "月份（当月第一天）", "The month (its first day)"),
        UnitId, UnitName, RegionCode, RegionName, Kind, Funding,
        new("movement", $"变动类型：{Codes(PostTypes.Movements)}",
            "Movement: opening (opening approval), approval (increase), reduction, leaders (leadership posts " +
            "approved), transfer_in / transfer_out (posts moved between county and township units), entry, exit"),
        new("movement_count", "当月该类变动的台账记录数", "Number of ledger lines of this movement in the month"),
        new("approved_change", "核定编制数的变化（当月合计）", "Change of approved posts, summed over the month"),
        new("occupied_change", "实有人数的变化（当月合计）", "Change of posts occupied, summed over the month"),
        new("leader_posts_change", "核定领导职数的变化（当月合计）",
            "Change of approved leadership posts, summed over the month"),
        new("leaders_held_change", "领导职数实有人数的变化（当月合计）",
            "Change of leadership posts held, summed over the month"),
    ];
}
