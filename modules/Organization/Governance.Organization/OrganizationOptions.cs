namespace Governance.Organization;

/// <summary>Security settings (section "Organization"), each with a sensible default.</summary>
public sealed class OrganizationOptions
{
    /// <summary>
    /// Failed sign-ins one account may have from one address, or one address may have in all, before each further
    /// attempt waits (Auth/LoginThrottle); the wait starts at <see cref="LoginDelay"/> and doubles up to
    /// <see cref="LoginMaxDelay"/>.
    /// </summary>
    public int LoginFreeFailures { get; set; } = 5;
    /// <summary>Failed sign-ins one account may have from all addresses together (a spread-out attack) before it waits;
    /// its wait stops at <see cref="LoginAccountMaxDelay"/>, so a stranger slows the owner at most that much.</summary>
    public int LoginAccountFreeFailures { get; set; } = 20;
    public TimeSpan LoginDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan LoginMaxDelay { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan LoginAccountMaxDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Failures older than this are forgotten: a key starts again at zero.</summary>
    public TimeSpan LoginFailureMemory { get; set; } = TimeSpan.FromHours(1);
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
