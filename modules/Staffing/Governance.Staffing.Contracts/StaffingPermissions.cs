namespace Governance.Staffing.Contracts;

/// <summary>编制 permissions.</summary>
public static class StaffingPermissions
{
    /// <summary>编办: 核定编制, 用编计划, 超编例外, 审批编制使用申请, 入编/出编登记.</summary>
    public const string Manage = "staffing.manage";

    /// <summary>编制使用申请 by the unit that has the vacancy.</summary>
    public const string Request = "staffing.request";

    public static readonly IReadOnlyList<string> All = [Manage, Request];
}
