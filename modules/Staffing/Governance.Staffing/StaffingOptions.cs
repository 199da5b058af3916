namespace Governance.Staffing;

/// <summary>The module's thresholds (configuration section "Staffing"); the defaults follow the source county.</summary>
public sealed class StaffingOptions
{
    /// <summary>减县补乡 guidance: posts each township receives over the reform, at least…</summary>
    public int TownshipPostsMin { get; set; } = 10;

    /// <summary>…and at most; outside the range the county view and the SPA warn.</summary>
    public int TownshipPostsMax { get; set; } = 15;
}
