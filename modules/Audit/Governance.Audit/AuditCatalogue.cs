namespace Governance.Audit;

/// <summary>A code of the trail with its labels: the module it belongs to, Chinese (the users' words) and English.
/// </summary>
public sealed record AuditCode(string Code, string Module, string Zh, string En);

/// <summary>
/// The one list of labels for the trail's codes (操作 and 对象类型), served to the audit page and used by the export.
/// AuditCatalogueTests fails when the code writes an action or record type that has no label here; a code written
/// before it was labelled still shows, as itself.
/// </summary>
public static partial class AuditCatalogue
{
    /// <summary>模块: how the codes are grouped (an entry's <see cref="AuditCode.Module"/> is its own code).</summary>
    public static readonly IReadOnlyList<AuditCode> Modules =
    [
        new("system", "system", "系统与权限", "System and access"),
        new("organization", "organization", "组织与账户", "Organisation and accounts"),
        new("audit", "audit", "审计日志", "Audit trail"),
        new("calendar", "calendar", "工作日历", "Working calendar"),
        new("power_lists", "power_lists", "权责清单", "Power lists"),
        new("staffing", "staffing", "机构编制", "Staffing"),
        new("enforcement", "enforcement", "综合行政执法", "Enforcement"),
        new("service_centre", "service_centre", "便民服务", "Service centres"),
        new("kpis", "kpis", "绩效指标", "KPIs"),
        new("evaluation", "evaluation", "第三方评估", "Evaluation"),
    ];

    /// <summary>The Chinese label of an action, or the code itself when it has none.</summary>
    public static string ActionName(string code) => Index.Actions.TryGetValue(code, out var a) ? a.Zh : code;

    /// <summary>The Chinese label of a record type, or the code itself when it has none.</summary>
    public static string RecordTypeName(string code) => Index.RecordTypes.TryGetValue(code, out var t) ? t.Zh : code;

    /// <summary>Built on first use, once the lists (declared across this class's files) are.</summary>
    private static class Index
    {
        public static readonly Dictionary<string, AuditCode> Actions = AuditCatalogue.Actions.ToDictionary(a => a.Code);
        public static readonly Dictionary<string, AuditCode> RecordTypes =
            AuditCatalogue.RecordTypes.ToDictionary(a => a.Code);
    }

    private static IEnumerable<AuditCode> In(string module, params (string Code, string Zh, string En)[] codes) =>
        codes.Select(c => new AuditCode(c.Code, module, c.Zh, c.En));
}
