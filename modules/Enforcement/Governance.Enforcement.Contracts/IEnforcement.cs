namespace Governance.Enforcement.Contracts;

/// <summary>A township and a 执法领域 in which at least one of its officers holds a valid certificate.</summary>
public sealed record CertifiedDomain(string TownshipPath, string Domain);

/// <summary>What other modules may ask the Enforcement module.</summary>
public interface IEnforcement
{
    /// <summary>The (township, domain) pairs within <paramref name="scopePath"/> that have an officer serving with a
    /// certificate valid on <paramref name="date"/>: for PowerLists' 接不住 check of delegated penalty
    /// powers.</summary>
    Task<IReadOnlyList<CertifiedDomain>> CertifiedDomainsAsync(string scopePath, DateOnly date, CancellationToken ct);
}
