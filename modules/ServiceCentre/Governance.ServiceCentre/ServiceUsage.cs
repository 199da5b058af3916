namespace Governance.ServiceCentre;

/// <summary>The ServiceCentre side of <see cref="IServiceUsage"/>: applications grouped by the power item their service item implements.</summary>
internal sealed class ServiceUsage(NpgsqlDataSource db) : IServiceUsage
{
    public async Task<IReadOnlySet<Guid>> ServicedPowerItemsAsync(string scopePath, DateOnly date, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Guid>(new CommandDefinition("""
            select distinct v.power_item_id from service_centre.items i join service_centre.item_versions v on v.item_id = i.id and v.valid @> @date
            where (i.county_path like @scope or @scopePath like i.county_path || '%') and v.power_item_id is not null
            """, new { scope = scopePath + "%", scopePath, date }, cancellationToken: ct))).ToHashSet();
    }

    public async Task<IReadOnlyList<PowerItemUse>> UsageAsync(string scopePath, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<PowerItemUse>(new CommandDefinition("""
            select township_path, power_item_id, date_trunc('month', day)::date as month, sum(applications)::int as applications
            from service_centre.power_item_usage
            where township_path like @scope and day between @from and @to and applications > 0
            group by 1, 2, 3
            """, new { scope = scopePath + "%", from, to }, cancellationToken: ct))).ToList();
    }
}
