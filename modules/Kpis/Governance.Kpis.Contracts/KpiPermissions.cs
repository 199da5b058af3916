namespace Governance.Kpis.Contracts;

/// <summary>Permission names of the Kpis module; which roles hold them is decided in Organization (Roles).</summary>
public static class KpiPermissions
{
    /// <summary>修订: re-freeze a closed month of any module's KPIs, with a reason.</summary>
    public const string Revise = "kpis.revise";

    public static readonly IReadOnlyList<string> All = [Revise];
}
