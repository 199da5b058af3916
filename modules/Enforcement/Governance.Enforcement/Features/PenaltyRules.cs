using System.Globalization;

namespace Governance.Enforcement.Features;

/// <summary>
/// What the 行政处罚法 says about a penalty's kind and size: which penalties (9) open a hearing (63), which the
/// simple procedure may impose (51), what a late payer owes (72), and how a decision is numbered. Pure functions of
/// their inputs and <see cref="EnforcementOptions"/>.
/// </summary>
internal static class PenaltyRules
{
    /// <summary>行政处罚的种类 (9), and 不予处罚 (<c>none</c>) — a decision that no penalty is given.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["warning"] = "警告", ["criticism"] = "通报批评", ["fine"] = "罚款",
        ["confiscation"] = "没收违法所得、没收非法财物", ["suspend_licence"] = "暂扣许可证件",
        ["lower_qualification"] = "降低资质等级", ["revoke_licence"] = "吊销许可证件",
        ["restrict_business"] = "限制开展生产经营活动", ["stop_production"] = "责令停产停业",
        ["close"] = "责令关闭", ["restrict_practice"] = "限制从业", ["none"] = "不予行政处罚",
    };

    /// <summary>法制审核 (58): the four situations in which a decision needs a passed legal review first.</summary>
    public static readonly IReadOnlyDictionary<string, string> MajorReasons = new Dictionary<string, string>
    {
        ["public_interest"] = "涉及重大公共利益", ["major_rights"] = "直接关系当事人或者第三人重大权益，经过听证程序",
        ["complex"] = "案件情况疑难复杂、涉及多个法律关系", ["statutory"] = "法律、法规规定应当进行法制审核的其他情形",
    };

    /// <summary>裁量基准: the degrees of a violation (违法情节).</summary>
    public static readonly IReadOnlyDictionary<string, string> Degrees = new Dictionary<string, string>
    {
        ["minor"] = "轻微", ["general"] = "一般", ["serious"] = "较重", ["severe"] = "严重",
    };

    /// <summary>送达方式 (民事诉讼法 by 61); <c>on_spot</c> is the simple procedure's 当场交付.</summary>
    public static readonly IReadOnlyDictionary<string, string> DeliveryMethods = new Dictionary<string, string>
    {
        ["direct"] = "直接送达", ["left"] = "留置送达", ["post"] = "邮寄送达", ["electronic"] = "电子送达",
        ["entrusted"] = "委托送达", ["public"] = "公告送达", ["on_spot"] = "当场交付",
    };

    /// <summary>Penalties that always give the party the right to a hearing (63: 降低资质等级、吊销许可证件、
    /// 责令停产停业、
    /// 责令关闭、限制从业).</summary>
    private static readonly HashSet<string> AlwaysHearing =
        ["lower_qualification", "revoke_licence", "stop_production", "close", "restrict_practice"];

    /// <summary>听证: the heavy kinds, or a fine or confiscation at or above the 较大数额 of the party's
    /// kind.</summary>
    public static bool HearingEligible(
        IReadOnlyCollection<string> kinds, decimal? fine, decimal? confiscation, string? partyKind,
        EnforcementOptions o)
    {
        var large = partyKind == "organisation" ? o.LargeAmountOrganisation : o.LargeAmountPerson;
        return kinds.Any(AlwaysHearing.Contains)
            || kinds.Contains("fine") && fine >= large
            || kinds.Contains("confiscation") && confiscation >= large;
    }

    /// <summary>简易程序 (51): a warning, or a fine up to 200 yuan for a person / 3,000 for an organisation — why not,
    /// or null.</summary>
    public static string? SimpleProcedureRefusal(
        IReadOnlyCollection<string> kinds, decimal? fine, string? partyKind, EnforcementOptions o)
    {
        if (kinds.Count == 0 || kinds.Any(k => k is not ("warning" or "fine")))
            return "简易程序只能给予警告或者罚款（行政处罚法第五十一条）。";
        var limit = partyKind == "organisation" ? o.SimpleFineOrganisation : o.SimpleFinePerson;
        return kinds.Contains("fine") && fine > limit
            ? $"简易程序的罚款不能超过 {limit:0} 元（{(partyKind == "organisation" ? "法人或者其他组织" : "公民")}），"
              + "请按普通程序立案办理。"
            : null;
    }

    /// <summary>The last day to pay: <see cref="EnforcementOptions.PaymentDays"/> calendar days after
    /// delivery (67).</summary>
    public static DateOnly PaymentDue(DateOnly deliveredOn, EnforcementOptions o) => deliveredOn.AddDays(o.PaymentDays);

    /// <summary>加处罚款 (72): 3 % of the fine for each day past the payment deadline, never more than the
    /// fine.</summary>
    public static decimal LateFee(decimal fine, DateOnly paymentDue, DateOnly on, EnforcementOptions o)
    {
        var days = on.DayNumber - paymentDue.DayNumber;
        return days <= 0 ? 0 : Math.Min(fine, Math.Round(fine * o.LateFeeRatePerDay * days, 2));
    }

    /// <summary>The organ's short name for document numbers: the township's name without its 镇/乡/街道 suffix
    /// (城关镇综合行政执法大队 → 城关).</summary>
    public static string Abbreviation(string teamName)
    {
        var township = teamName.Replace("综合行政执法大队", "");
        foreach (var suffix in new[] { "街道办事处", "街道", "镇", "乡" })
            if (township.EndsWith(suffix, StringComparison.Ordinal) && township.Length > suffix.Length)
                return township[..^suffix.Length];
        return township;
    }

    /// <summary>A 决定书 number in the official format: no 第, no zero padding (城关综执罚决〔2026〕17号).</summary>
    public static string DecisionNumber(string format, string abbreviation, int year, int sequence) =>
        format.Replace("{org}", abbreviation).Replace("{year}", year.ToString(CultureInfo.InvariantCulture))
            .Replace("{seq}", sequence.ToString(CultureInfo.InvariantCulture));
}
