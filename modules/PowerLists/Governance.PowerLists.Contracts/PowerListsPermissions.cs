namespace Governance.PowerLists.Contracts;

/// <summary>权责清单 permissions.</summary>
public static class PowerListsPermissions
{
    public const string PowersManage = "powers.manage";         // 权责清单: catalogue and township lists (编办)
    public const string AgreementsManage = "agreements.manage"; // 委托协议 (编办, county departments)
    public const string AdmissionsSubmit = "admissions.submit"; // 职责准入/收回 requests (county departments)
    public const string AdmissionsReview = "admissions.review"; // 编办 review
    public const string AdmissionsDecide = "admissions.decide"; // 县领导 decision
    // 意见 on a request by those it concerns (never read-only roles)
    public const string AdmissionsComment = "admissions.comment";

    public static readonly IReadOnlyList<string> All =
        [PowersManage, AgreementsManage, AdmissionsSubmit, AdmissionsReview, AdmissionsDecide, AdmissionsComment];
}
