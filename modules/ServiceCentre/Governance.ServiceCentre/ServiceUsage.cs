namespace Governance.ServiceCentre;

/// <summary>
/// The ServiceCentre side of <see cref="IServiceUsage"/>: applications grouped by the power item their service item
/// implements.
/// </summary>
internal sealed class ServiceUsage(NpgsqlDataSource db) : IServiceUsage
{
    public async Task<IReadOnlySet<Guid>> ServicedPowerItemsAsync(string scopePath, DateOnly date, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Guid>(new CommandDefinition("""
            select distinct v.power_item_id from service_centre.items i join service_centre.item_versions v
                on v.item_id = i.id and v.valid @> @date
            where (i.county_path like @scope or @scopePath like i.county_path || '%') and v.power_item_id is not null
            """, new { scope = scopePath + "%", scopePath, date }, cancellationToken: ct))).ToHashSet();
    }

    public async Task<IReadOnlyList<PowerItemUse>> UsageAsync(string scopePath, DateOnly fromMonth, DateOnly toMonth,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<PowerItemUse>(new CommandDefinition("""
            select township_path, power_item_id, month, applications
            from service_centre.power_item_usage
            where township_path like @scope and month between date_trunc('month', @fromMonth::date) and @toMonth
                and applications > 0
            """, new { scope = scopePath + "%", fromMonth, toMonth }, cancellationToken: ct))).ToList();
    }
}
