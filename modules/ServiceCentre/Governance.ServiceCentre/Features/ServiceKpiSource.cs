namespace Governance.ServiceCentre.Features;

/// <summary>
/// ServiceCentre's KPIs on the shared model: its definitions, and a month's counters from the rollups — one leaf per
/// unit (county hall or township) and tier, every counter included.
/// </summary>
internal sealed class ServiceKpiSource(NpgsqlDataSource db) : IKpiSource
{
    public string Module => Kpis.Module;

    public string DefinitionVersion => Kpis.DefinitionVersion;

    public IReadOnlyList<KpiDefinition> Definitions => Kpis.Definitions;

    public async Task<IReadOnlyList<KpiCounters>> CountersAsync(DateOnly month, RegionScope scope,
        CancellationToken ct) =>
        (await Kpis.RollupsAsync(db, month, scope, ct)).Select(r => new KpiCounters(r.Unit, r.Tier, r.Counters))
        .ToList();
}
