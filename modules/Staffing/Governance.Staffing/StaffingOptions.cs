namespace Governance.Staffing;

/// <summary>The module's thresholds (configuration section "Staffing"); the defaults follow the source
/// county.</summary>
public sealed class StaffingOptions
{
    /// <summary>减县补乡 guidance: posts each township receives over the reform, at least…</summary>
    public int TownshipPostsMin { get; set; } = 10;

    /// <summary>…and at most; outside the range the county view and the SPA warn.</summary>
    public int TownshipPostsMax { get; set; } = 15;

    /// <summary>公示 of a campaign's proposed secondees and of proposed 优秀 grades, in working days.</summary>
    public int PublicityWorkingDays { get; set; } = 5;

    /// <summary>选派: the written exam's weight in the total (the interview has the rest).</summary>
    public decimal WrittenWeight { get; set; } = 0.5m;

    /// <summary>年度考核: 优秀 goes to at most this share of those graded.</summary>
    public decimal ExcellentShare { get; set; } = 0.20m;
}
