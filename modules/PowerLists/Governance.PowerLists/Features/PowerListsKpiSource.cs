using Governance.Kpis.Contracts;

namespace Governance.PowerLists.Features;

/// <summary>PowerLists' KPIs on the shared model: its definitions and a month's counters for every region.</summary>
internal sealed class PowerListsKpiSource(NpgsqlDataSource db, IServiceUsage usage) : IKpiSource
{
    public string Module => Kpis.Module;

    public string DefinitionVersion => Kpis.DefinitionVersion;

    public IReadOnlyList<Governance.Kpis.Contracts.KpiDefinition> Definitions => Kpis.Definitions;

    public async Task<IReadOnlyList<KpiCounters>> CountersAsync(DateOnly month, RegionScope scope,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await Kpis.CountersAsync(c, usage, scope, [month], ct)).Select(x => x.Counters).ToList();
    }
}
