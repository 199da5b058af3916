using Governance.SharedKernel.Security;

namespace Governance.Kpis.Contracts;

/// <summary>
/// One frozen revision of a month's counters for one region. A leaf is a row the source reported; a total (not a leaf)
/// is the sum of the leaves under <see cref="RegionPath"/> (for <see cref="KpiFigures.AllDimensions"/>: of every
/// dimension), pre-aggregated when the month is frozen so a province-wide read is one row per month.
/// </summary>
public sealed record KpiFigure(
    string Module, DateOnly Month, string RegionPath, string Dimension, bool Leaf, int Revision,
    string DefinitionVersion, DateTimeOffset FrozenAt, string? Reason, IReadOnlyDictionary<string, long> Counters);

public sealed record KpiRevisionOutcome(DateOnly Month, int RevisedLeaves, int RevisedTotals);

public static class KpiFigures
{
    /// <summary>The dimension of a total over every dimension, and of a source without dimensions.</summary>
    public const string AllDimensions = "*";

    /// <summary>The most characters a revision's reason may hold.</summary>
    public const int ReasonLimit = 500;
}

/// <summary>
/// The shared KPI store (Kpis module). One revision policy: a closed month is frozen with its definition version
/// (revision 1); a correction re-freezes it and records the next revision, with its reason, only where counters
/// changed. Every revision stays readable with every counter.
/// </summary>
public interface IKpiStore
{
    /// <summary>Every registered KPI definition, of every module.</summary>
    IReadOnlyList<KpiDefinition> Definitions { get; }

    /// <summary>
    /// Freezes the closed months (before the county's current month) of the range that are not frozen yet.
    /// </summary>
    Task FreezeClosedMonthsAsync(string module, DateOnly first, DateOnly last, CancellationToken ct);

    /// <summary>
    /// Re-freezes a closed month from the source: each leaf within <paramref name="scope"/> whose counters differ
    /// from its latest revision gets the next revision with <paramref name="reason"/>, and so does every total they
    /// change.
    /// </summary>
    Task<KpiRevisionOutcome> ReviseAsync(string module, DateOnly month, string reason, RegionScope scope,
        CancellationToken ct);

    /// <summary>
    /// The totals at exactly these regions (any of <paramref name="dimensions"/>): their latest revision, or with
    /// <paramref name="revision"/> the figure as it stood at that revision (the highest at or below it) — a quoted
    /// revision answers the same figure forever.
    /// </summary>
    Task<IReadOnlyList<KpiFigure>> TotalsAsync(
        string module, DateOnly first, DateOnly last, IReadOnlyCollection<string> regionPaths,
        IReadOnlyCollection<string> dimensions, CancellationToken ct, int? revision = null);

    /// <summary>Every revision of the month's totals at exactly these regions (every dimension together), oldest
    /// first — the original figure and each correction, as published in the open-data package.</summary>
    Task<IReadOnlyList<KpiFigure>> TotalRevisionsAsync(string module, DateOnly month,
        IReadOnlyCollection<string> regionPaths, CancellationToken ct);

    /// <summary>The latest revision of the leaves within <paramref name="scope"/>.</summary>
    Task<IReadOnlyList<KpiFigure>> LeavesAsync(string module, DateOnly first, DateOnly last, RegionScope scope,
        CancellationToken ct);

    /// <summary>Every revision of the leaves within <paramref name="scope"/> that were revised at least once.</summary>
    Task<IReadOnlyList<KpiFigure>> RevisionHistoryAsync(string module, DateOnly month, RegionScope scope,
        CancellationToken ct);
}
