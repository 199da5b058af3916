namespace Governance.Staffing.Contracts;

/// <summary>A person on the establishment ledger as other modules see them (no personal data beyond the
/// name).</summary>
public sealed record StaffMember(Guid Id, string Name, Guid UnitId, string UnitName, string RegionPath, bool Serving);

/// <summary>What other modules may ask the Staffing module.</summary>
public interface IStaffing
{
    /// <summary>Posts moved down by transfer (减县补乡) into the units of each township within
    /// <paramref name="scopePath"/>, effective from <paramref name="from"/> to <paramref name="to"/> inclusive, by
    /// township path: for PowerLists' 小马拉大车 check.</summary>
    Task<IReadOnlyDictionary<string, int>> PostsMovedDownAsync(
        string scopePath, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>One person (Enforcement's officers are staff), or null.</summary>
    Task<StaffMember?> FindPersonAsync(Guid id, CancellationToken ct);

    /// <summary>The people serving today in the units of a region and below.</summary>
    Task<IReadOnlyList<StaffMember>> ServingInRegionAsync(string regionPath, CancellationToken ct);
}
