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

    /// <summary>The minimum number of certified officers for a township of <paramref name="population"/>.</summary>
    public int RequiredOfficers(int population) =>
        population < LargeTownshipPopulation ? SmallTeamMinimum : LargeTeamMinimum;
}
