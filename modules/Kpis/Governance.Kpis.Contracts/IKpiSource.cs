using Governance.SharedKernel.Security;

namespace Governance.Kpis.Contracts;

/// <summary>
/// The additive counters of one month for one region as the source module keeps them (a "leaf": e.g. a township
/// centre's figures at one tier). <see cref="Dimension"/> splits a region's figures further (ServiceCentre: the tier);
/// <see cref="KpiFigures.AllDimensions"/> when the module has no such split.
/// </summary>
public sealed record KpiCounters(string RegionPath, string Dimension, IReadOnlyDictionary<string, long> Values);

/// <summary>
/// What a module registers (in DI, one per module) to put its KPIs on the shared model: its definitions, and the
/// counters of a month from which every figure derives. The Kpis module freezes closed months from it.
/// </summary>
public interface IKpiSource
{
    /// <summary>The module's name, e.g. <c>service_centre</c>; the key of its frozen figures.</summary>
    string Module { get; }

    /// <summary>The version of the definitions; a frozen month records the version it was frozen with.</summary>
    string DefinitionVersion { get; }

    IReadOnlyList<KpiDefinition> Definitions { get; }

    /// <summary>
    /// Every counter of <paramref name="month"/> (its first day), per leaf region and dimension, for the leaves within
    /// <paramref name="scope"/> (<c>/</c>: all regions). The Kpis module freezes closed months from it and reads the
    /// open month's provisional figures from it.
    /// </summary>
    Task<IReadOnlyList<KpiCounters>> CountersAsync(DateOnly month, RegionScope scope, CancellationToken ct);
}
