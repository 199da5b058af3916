namespace Governance.PowerLists;

/// <summary>
/// The module's thresholds (configuration section "PowerLists"); the defaults follow the county's practice.
/// </summary>
public sealed class PowerListsOptions
{
    /// <summary>
    /// An agreement in force that ends within this many days is flagged 即将到期 (its end date is its last day in
    /// force).
    /// </summary>
    public int AgreementExpiryWarningDays { get; set; } = 30;

    /// <summary>
    /// 接不住: a delegated item in force this many months with no application at its township is flagged.
    /// </summary>
    public int UnusedMonths { get; set; } = 6;

    /// <summary>小马拉大车: a township that gained at least this many items in the window…</summary>
    public int OverloadItems { get; set; } = 10;

    /// <summary>
    /// …of this many months up to the as-of date, with no post moved to it in the same window, is flagged.
    /// </summary>
    public int OverloadMonths { get; set; } = 12;
}
