using Governance.Kpis.Contracts;
using Governance.Audit.Contracts;
using Governance.Enforcement.Contracts;
using Governance.Evaluation.Contracts;
using Governance.Calendar.Contracts;
using Governance.PowerLists.Contracts;
using Governance.ServiceCentre.Contracts;
using Governance.Staffing.Contracts;
using static Governance.Audit.Contracts.AuditPermissions;
using static Governance.Calendar.Contracts.CalendarPermissions;
using static Governance.Organization.Contracts.OrganizationPermissions;
using static Governance.PowerLists.Contracts.PowerListsPermissions;
using static Governance.ServiceCentre.Contracts.ServiceCentrePermissions;

namespace Governance.Organization.Contracts;

/// <summary>A role: what it may do (permissions) and at which region level its holders sit.</summary>
public sealed record Role(string Code, string Name, string NameEn, IReadOnlyList<string> Levels,
    IReadOnlyList<string> Permissions, bool MachineOnly = false);

/// <summary>The roles of the platform. Role + region decide what a caller may see and do.</summary>
public static class Roles
{
    public const string CountyAdmin = "county_admin";
    public const string CountyLeader = "county_leader";
    public const string EstablishmentOffice = "establishment_office";
    public const string CountyDepartment = "county_department";
    public const string ServiceAdmin = "service_admin";
    public const string TownshipLeader = "township_leader";
    public const string TownshipStaff = "township_staff";
    public const string WindowClerk = "window_clerk";
    public const string EnforcementOfficer = "enforcement_officer";
    public const string LegalReviewer = "legal_reviewer"; // 法制审核人员 (司法所 / 县司法局)
    public const string VillageAgent = "village_agent";
    public const string Evaluator = "evaluator";
    public const string KpiReader = "kpi_reader";
    // 网上办事平台: registers applications made online, through a token
    public const string OnlinePortal = "online_portal";
    public const string GridPlatform = "grid_platform"; // 网格化管理平台: reports field leads, through a token

    private static readonly string[] CountyLevels = [RegionLevels.Province, RegionLevels.County];
    private static readonly string[] TownshipLevels = [RegionLevels.Township];

    public static readonly IReadOnlyList<Role> All =
    [
        new(CountyAdmin, "县级管理员", "County administrator", CountyLevels,
            [UsersRead, UsersManage, TokensManage, GrantsManage, CalendarManage, AuditRead, PowersManage,
             AgreementsManage, ServicesManage, AdmissionsComment, KpiPermissions.Revise,
             EnforcementPermissions.TeamsManage, EnforcementPermissions.BenchmarksManage,
             EnforcementPermissions.AssessManage, EnforcementPermissions.Supervise,
             EvaluationPermissions.FindingsRead, EvaluationPermissions.FindingsAnswer]),
        new(CountyLeader, "县领导", "County leadership", CountyLevels, [UsersRead, AuditRead, AdmissionsDecide,
            AdmissionsComment, EvaluationPermissions.FindingsRead]),
        new(EstablishmentOffice, "编办工作人员", "Establishment office staff", CountyLevels,
            [UsersRead, PowersManage, AgreementsManage, AdmissionsReview, AdmissionsComment,
             StaffingPermissions.Manage]),
        new(CountyDepartment, "县直部门工作人员", "County department staff", CountyLevels,
            [AgreementsManage, AdmissionsSubmit, AdmissionsComment, StaffingPermissions.Request,
             EnforcementPermissions.LeadsRegister, EnforcementPermissions.AssessScore]),
        new(ServiceAdmin, "县政务服务管理人员", "County service administration", CountyLevels,
            [ServicesManage, RatingsRectify, EvaluationPermissions.FindingsRead,
             EvaluationPermissions.FindingsAnswer]),
        new(TownshipLeader, "乡镇（街道）领导", "Township leader", TownshipLevels,
            [UsersRead, AuditRead, RatingsRectify, AdmissionsComment, StaffingPermissions.Request,
             EnforcementPermissions.TeamsManage, EnforcementPermissions.LeadsRegister,
             EnforcementPermissions.CasesFile, EnforcementPermissions.CasesInvestigate,
             EnforcementPermissions.AssessScore, EvaluationPermissions.FindingsRead,
             EvaluationPermissions.FindingsAnswer]),
        new(TownshipStaff, "乡镇（街道）工作人员", "Township staff", TownshipLevels,
            [RatingsRectify, AdmissionsComment]),
        new(WindowClerk, "窗口工作人员", "Window clerk", [RegionLevels.County, RegionLevels.Township],
            [RatingsRectify, ApplicationsRegister, ApplicationsHandle, QueueCall]),
        new(EnforcementOfficer, "执法人员", "Enforcement officer", TownshipLevels,
            [EnforcementPermissions.LeadsRegister, EnforcementPermissions.CasesInvestigate]),
        new(LegalReviewer, "法制审核人员", "Legal reviewer", [RegionLevels.County, RegionLevels.Township],
            [EnforcementPermissions.CasesReview, EnforcementPermissions.Supervise]),
        new(VillageAgent, "村级代办员", "Village agent", [RegionLevels.Village],
            [ApplicationsRegister, ApplicationsHandle]),
        new(Evaluator, "第三方评估机构", "Third-party evaluator", [RegionLevels.Province, RegionLevels.County,
            RegionLevels.Township],
            [AuditRead, EvaluationPermissions.FindingsRead, EvaluationPermissions.FindingsPost]),
        new(KpiReader, "指标读取（机器）", "KPI reader (machine)", [RegionLevels.Province, RegionLevels.County,
            RegionLevels.Township], [], MachineOnly: true),
        new(OnlinePortal, "网上办事平台（机器）", "Online service portal (machine)",
            [RegionLevels.County, RegionLevels.Township], [ApplicationsRegister], MachineOnly: true),
        new(GridPlatform, "网格化管理平台（机器）", "Grid management platform (machine)",
            [RegionLevels.County, RegionLevels.Township], [EnforcementPermissions.LeadsRegister], MachineOnly: true),
    ];

    /// <summary>Every permission of every module: each module names its own in its Contracts.</summary>
    public static readonly IReadOnlyList<string> AllPermissions =
    [
        .. AuditPermissions.All, .. CalendarPermissions.All, .. OrganizationPermissions.All,
        .. PowerListsPermissions.All, .. ServiceCentrePermissions.All, .. KpiPermissions.All,
        .. StaffingPermissions.All, .. EnforcementPermissions.All, .. EvaluationPermissions.All,
    ];

    public static Role? Find(string? code) => All.FirstOrDefault(r => r.Code == code);
}
