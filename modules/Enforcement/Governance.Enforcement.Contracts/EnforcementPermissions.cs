namespace Governance.Enforcement.Contracts;

/// <summary>综合行政执法 permissions.</summary>
public static class EnforcementPermissions
{
    public const string TeamsManage = "enforcement.teams"; // 执法队伍: teams, officers, certificates (县、乡镇)

    public static readonly IReadOnlyList<string> All = [TeamsManage];
}
