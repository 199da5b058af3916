namespace Governance.Audit.Contracts;

/// <summary>审计日志 permissions (which roles hold them is decided in Organization's role table).</summary>
public static class AuditPermissions
{
    public const string AuditRead = "audit.read";

    public static readonly IReadOnlyList<string> All = [AuditRead];
}
