namespace Governance.Staffing.Contracts;

/// <summary>编制 permissions.</summary>
public static class StaffingPermissions
{
    public const string Manage = "staffing.manage";   // 编办: 核定编制, 用编计划, 超编例外, 审批编制使用申请, 入编/出编登记
    public const string Request = "staffing.request"; // 编制使用申请 by the unit that has the vacancy

    public static readonly IReadOnlyList<string> All = [Manage, Request];
}
