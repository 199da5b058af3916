namespace Governance.Organization;

/// <summary>Security settings (section "Organization"), each with a sensible default.</summary>
public sealed class OrganizationOptions
{
    /// <summary>Consecutive wrong passwords before the account is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>A browser session lasts one working day.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);
    /// <summary>Requests per minute allowed for each machine token.</summary>
    public int TokenRequestsPerMinute { get; set; } = 120;
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromDays(366);
    /// <summary>
    /// How long a resolved session or token is kept in process (Auth/CredentialCache). Revocations evict it at once on
    /// every instance (LISTEN/NOTIFY); the TTL only bounds memory and staleness should a notice be lost. 0 = no cache.
    /// </summary>
    public TimeSpan CredentialCacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}
