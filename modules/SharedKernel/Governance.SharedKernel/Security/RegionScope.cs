namespace Governance.SharedKernel.Security;

/// <summary>
/// The one scope mechanism every module reuses. Regions carry a materialised path of administrative codes
/// (<c>/990101000000/990101001000/</c>); every scoped record stores the path of the region it belongs to, and a caller
/// may see a record only when the record's path starts with the caller's region path. The filter is applied in SQL.
/// </summary>
public readonly record struct RegionScope(string Path)
{
    /// <summary>
    /// The parameter value for <see cref="Sql"/>: a LIKE prefix pattern (codes are digits, so nothing to escape).
    /// </summary>
    public string Pattern => Path + "%";

    /// <summary>
    /// A SQL predicate for a path column, bound to the parameter <c>@scope</c> (= <see cref="Pattern"/>).
    /// </summary>
    public static string Sql(string pathColumn) => $"{pathColumn} like @scope";

    /// <summary>
    /// For county-level reference records that the whole subtree reads (a county's power catalogue): visible when the
    /// record lies inside the caller's scope, or the caller lies inside the record's region. Binds <c>@scope</c> and
    /// <c>@scopePath</c>.
    /// </summary>
    public static string SqlSharedDown(string pathColumn) =>
        $"({pathColumn} like @scope or @scopePath like {pathColumn} || '%')";

    public bool Contains(string recordPath) => recordPath.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>
    /// The path of a region's ancestor at <paramref name="depth"/> (1 the province, 2 the county, 3 the township):
    /// <c>/province/county/township/village/</c> at depth 2 is <c>/province/county/</c>.
    /// </summary>
    public static string Ancestor(string path, int depth) => string.Join('/', path.Split('/').Take(depth + 1)) + "/";
}
