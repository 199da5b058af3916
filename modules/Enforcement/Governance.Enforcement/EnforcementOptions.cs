namespace Governance.Enforcement;

/// <summary>The module's thresholds (configuration section "Enforcement"); the defaults follow the source
/// county.</summary>
public sealed class EnforcementOptions
{
    /// <summary>执法证 expiry warning: a certificate ending within this many days is shown as expiring.</summary>
    public int CertificateWarningDays { get; set; } = 60;

    /// <summary>Team sizing (队伍配备): a township with fewer residents than this…</summary>
    public int LargeTownshipPopulation { get; set; } = 50_000;

    /// <summary>…needs at least this many certified officers…</summary>
    public int SmallTeamMinimum { get; set; } = 10;

    /// <summary>…and a township at or above it at least this many.</summary>
    public int LargeTeamMinimum { get; set; } = 15;

    /// <summary>追责时效 (行政处罚法 36): an act not discovered within this many years is not punished…</summary>
    public int LimitationYears { get; set; } = 2;

    /// <summary>…or this many where it endangers life, health or financial safety and had harmful
    /// consequences.</summary>
    public int SevereLimitationYears { get; set; } = 5;

    /// <summary>A decision within this many calendar days of 立案 (行政处罚法 60), unless an extension is
    /// approved.</summary>
    public int DecisionDays { get; set; } = 90;

    /// <summary>A filed case whose decision is due within this many days is listed as due soon (临期).</summary>
    public int DecisionDueSoonDays { get; set; } = 10;

    /// <summary>The minimum number of certified officers for a township of <paramref name="population"/>.</summary>
    public int RequiredOfficers(int population) =>
        population < LargeTownshipPopulation ? SmallTeamMinimum : LargeTeamMinimum;
}
