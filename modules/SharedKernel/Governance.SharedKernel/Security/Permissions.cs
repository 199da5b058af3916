namespace Governance.SharedKernel.Security;

/// <summary>Permission names checked by endpoints. Which roles hold which is decided in the Organization module.</summary>
public static class Permissions
{
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string TokensManage = "tokens.manage";
    public const string CalendarManage = "calendar.manage";
    public const string AuditRead = "audit.read";
    public const string PowersManage = "powers.manage";         // 权责清单: catalogue and township lists (编办)
    public const string AgreementsManage = "agreements.manage"; // 委托协议 (编办, county departments)
    public const string AdmissionsSubmit = "admissions.submit"; // 职责准入/收回 requests (county departments)
    public const string AdmissionsReview = "admissions.review"; // 编办 review
    public const string AdmissionsDecide = "admissions.decide"; // 县领导 decision
    public const string ServicesManage = "services.manage";     // 便民服务事项目录 (县政务服务管理), 差评申诉裁定
    public const string RatingsRectify = "ratings.rectify";     // 差评整改: call-back, rectification, appeal (the centre answering for it)

    public static readonly IReadOnlyList<string> All = [UsersRead, UsersManage, TokensManage, CalendarManage, AuditRead, PowersManage, AgreementsManage,
        AdmissionsSubmit, AdmissionsReview, AdmissionsDecide, ServicesManage, RatingsRectify];
}
