namespace Governance.Organization.Contracts;

public static class RegionLevels
{
    public const string Province = "province";
    public const string County = "county";
    public const string Township = "township"; // 乡镇 and 街道
    public const string Village = "village";   // 村 and 社区
}

/// <summary>A node of the region tree (行政区划) with its materialised scope path.</summary>
public sealed record RegionInfo(Guid Id, Guid? ParentId, string Code, string Name, string Level, string Kind,
    string Path);

/// <summary>What other modules may ask the Organization module about regions.</summary>
public interface IRegionDirectory
{
    Task<RegionInfo?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Every region of a level (e.g. all counties), ordered by path.</summary>
    Task<IReadOnlyList<RegionInfo>> ByLevelAsync(string level, CancellationToken ct);

    Task<IReadOnlyList<RegionInfo>> ChildrenAsync(Guid parentId, CancellationToken ct);

    /// <summary>The regions of a set of ids, in one query (missing ids are absent from the answer).</summary>
    Task<IReadOnlyDictionary<Guid, RegionInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The regions of a set of scope paths, in one query (missing paths are absent from the answer).</summary>
    Task<IReadOnlyDictionary<string, RegionInfo>> ByPathAsync(IReadOnlyCollection<string> paths, CancellationToken ct);

    /// <summary>Region names for a set of scope paths, in one query (for lists that show a record's region).</summary>
    Task<IReadOnlyDictionary<string, string>> NamesByPathAsync(IReadOnlyCollection<string> paths, CancellationToken ct);
}

/// <summary>A unit (单位) as other modules see it.</summary>
public sealed record UnitInfo(Guid Id, string Name, string Kind, Guid RegionId, string RegionPath);

public interface IUnitDirectory
{
    Task<UnitInfo?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>The units of a set of ids, in one query (missing ids are absent from the answer): for documents with
    /// many lines, instead of one <see cref="FindAsync"/> per line.</summary>
    Task<IReadOnlyDictionary<Guid, UnitInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    Task<IReadOnlyList<UnitInfo>> InRegionAsync(Guid regionId, CancellationToken ct);
}
