using System.Globalization;

namespace Governance.OpenData.Contracts;

/// <summary>One column of an open-data CSV: its header, and what it holds in Chinese and in English (the package's
/// README is the data dictionary made of these).</summary>
public sealed record OpenDataColumn(string Name, string Chinese, string English);

/// <summary>
/// One CSV file of a package (数据开放包): its name (<c>service_items.csv</c>), its title in both languages, its
/// columns and its rows, in a fixed order — a closed month's package must be byte-identical on every download.
/// </summary>
public sealed record OpenDataFile(
    string Name, string Title, string TitleEnglish, IReadOnlyList<OpenDataColumn> Columns,
    IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>What a package covers: one county and one closed month (<see cref="Month"/> is its first day).</summary>
public sealed record OpenDataScope(
    Guid CountyId, string CountyPath, string CountyCode, string CountyName, DateOnly Month)
{
    public DateOnly LastDay => Month.AddMonths(1).AddDays(-1);
}

/// <summary>
/// What a module registers (in DI) to put its published figures into the county's monthly open-data package. Only
/// what may be published: no personal data (names and ID numbers never; counts and published records only).
/// </summary>
public interface IOpenDataSource
{
    /// <summary>The module's name (e.g. <c>power_lists</c>); packages list the sources' files in this order.</summary>
    string Module { get; }

    /// <summary>The module's files for the county and the month; values written with <see cref="OpenDataValues"/>.
    /// </summary>
    Task<IReadOnlyList<OpenDataFile>> FilesAsync(OpenDataScope scope, CancellationToken ct);
}

/// <summary>How values are written in every package, whatever the server's culture: dates yyyy-MM-dd, numbers with a
/// dot, yes/no as true/false, instants in UTC, nothing as an empty field.</summary>
public static class OpenDataValues
{
    public static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);
    public static string? Number(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);
    public static string? Flag(bool? b) => b switch { true => "true", false => "false", null => null };

    /// <summary>An instant in UTC, to the second (ISO 8601: 2026-12-01T02:00:00Z).</summary>
    public static string? Instant(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
