namespace Governance.Staffing;

/// <summary>The codes of the ledger and their names as users say them.</summary>
internal static class PostTypes
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["administrative"] = "行政编制", ["institution"] = "事业编制",
    };

    public static readonly IReadOnlyDictionary<string, string> Fundings = new Dictionary<string, string>
    {
        ["full"] = "全额拨款", ["partial"] = "差额拨款", ["self"] = "自收自支",
    };

    /// <summary>入编方式.</summary>
    public static readonly IReadOnlyDictionary<string, string> EntryKinds = new Dictionary<string, string>
    {
        ["recruitment"] = "招录（聘）", ["transfer_in"] = "调入", ["selection"] = "选调", ["reassignment"] = "转任",
    };

    /// <summary>出编方式.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExitKinds = new Dictionary<string, string>
    {
        ["transfer_out"] = "调出", ["retirement"] = "退休", ["resignation"] = "辞职", ["dismissal"] = "辞退",
        ["death"] = "死亡",
    };

    public static readonly IReadOnlyDictionary<string, string> Educations = new Dictionary<string, string>
    {
        ["postgraduate"] = "研究生", ["bachelor"] = "大学本科", ["college"] = "大学专科", ["secondary"] = "中专",
        ["other"] = "高中及以下",
    };

    public static readonly IReadOnlyDictionary<string, string> Movements = new Dictionary<string, string>
    {
        ["opening"] = "期初核定", ["approval"] = "核增", ["reduction"] = "核减", ["leaders"] = "核定领导职数",
        ["transfer_in"] = "划入",
        ["transfer_out"] = "划出", ["entry"] = "入编", ["exit"] = "出编",
    };

    /// <summary>What posts moved to a township are for (划转用途).</summary>
    public static readonly IReadOnlyDictionary<string, string> Purposes = new Dictionary<string, string>
    {
        ["enforcement"] = "综合行政执法", ["service"] = "便民服务", ["agriculture"] = "农业农村服务",
        ["governance"] = "基层治理", ["other"] = "其他",
    };

    /// <summary>选派 work areas (工作领域).</summary>
    public static readonly IReadOnlyDictionary<string, string> WorkAreas = new Dictionary<string, string>
    {
        ["revitalization"] = "脱贫攻坚/乡村振兴", ["agriculture"] = "农业农村服务", ["construction"] = "村镇建设",
        ["service"] = "便民服务", ["public_security"] = "社会治安综合治理", ["enforcement"] = "综合行政执法",
    };

    /// <summary>年度考核 grades.</summary>
    public static readonly IReadOnlyDictionary<string, string> Grades = new Dictionary<string, string>
    {
        ["excellent"] = "优秀", ["competent"] = "合格", ["basic"] = "基本合格", ["incompetent"] = "不合格",
        ["none"] = "不确定档次",
    };

    /// <summary>Units that hold posts: departments, institutions and offices (not village agent points).</summary>
    public static bool HoldsPosts(string unitKind) => unitKind is not "village_agent_point";

    /// <summary>
    /// 行政编制 belong to organs (县直部门, 乡镇内设机构); institutions hold 事业编制 (条例 15: never mixed).
    /// </summary>
    public static bool Allows(string unitKind, string kind) =>
        kind != "administrative" || unitKind is "county_department" or "township_office";

    public static string Describe(string kind, string funding) =>
        $"{Kinds.GetValueOrDefault(kind, kind)}（{Fundings.GetValueOrDefault(funding, funding)}）";
}
