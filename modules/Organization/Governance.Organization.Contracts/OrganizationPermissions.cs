namespace Governance.Organization.Contracts;

/// <summary>组织机构 permissions: users and machine credentials.</summary>
public static class OrganizationPermissions
{
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string TokensManage = "tokens.manage";
    /// <summary>评估任务: grant, change and revoke evaluators' access.</summary>
    public const string GrantsManage = "grants.manage";

    public static readonly IReadOnlyList<string> All = [UsersRead, UsersManage, TokensManage, GrantsManage];
}
