namespace Governance.PowerLists;

/// <summary>The ten kinds of administrative power (行政权力类型) and their two-letter codes.</summary>
public static class PowerTypes
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["XK"] = "行政许可", ["CF"] = "行政处罚", ["QZ"] = "行政强制", ["ZS"] = "行政征收", ["JF"] = "行政给付",
        ["JC"] = "行政检查", ["QR"] = "行政确认", ["JL"] = "行政奖励", ["CJ"] = "行政裁决", ["QT"] = "其他行政权力",
    };

    public static readonly IReadOnlyDictionary<string, string> ModeNames = new Dictionary<string, string>
    {
        [ExerciseModes.Statutory] = "法定", [ExerciseModes.Granted] = "赋权", [ExerciseModes.Entrusted] = "委托",
    };

    public static readonly IReadOnlyDictionary<string, string> ListKindNames = new Dictionary<string, string>
    {
        ["basic"] = "基本履职事项", ["supporting"] = "配合履职事项", ["withdrawn"] = "上级部门收回事项",
    };
}
