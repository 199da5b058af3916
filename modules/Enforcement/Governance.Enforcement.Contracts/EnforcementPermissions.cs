namespace Governance.Enforcement.Contracts;

/// <summary>综合行政执法 permissions.</summary>
public static class EnforcementPermissions
{
    public const string TeamsManage = "enforcement.teams"; // 执法队伍: teams, officers, certificates (县、乡镇)
    public const string LeadsRegister = "enforcement.leads"; // 线索登记: officers, and the grid platform (a machine)
    public const string CasesFile = "enforcement.file";      // 立案审批 / 不予立案 / 移送 / 决定: the team's leadership
    public const string CasesInvestigate = "enforcement.investigate"; // 调查取证、告知、听证、送达、执行: officers
    public const string CasesReview = "enforcement.review";  // 法制审核: a legal reviewer who is not a case officer
    public const string BenchmarksManage = "enforcement.benchmarks"; // 裁量基准: set by the county
    public const string AssessManage = "enforcement.assess"; // 双向考核: rounds, indicators, 锁定、公布 (the county)
    public const string AssessScore = "enforcement.assess_score"; // 双向考核评分: 县直部门 and 乡镇 leaders score
    public const string Supervise = "enforcement.supervise"; // 执法监督: complaints and 过错责任追究 (县司法局)

    public static readonly IReadOnlyList<string> All =
        [TeamsManage, LeadsRegister, CasesFile, CasesInvestigate, CasesReview, BenchmarksManage, AssessManage,
         AssessScore, Supervise];
}
