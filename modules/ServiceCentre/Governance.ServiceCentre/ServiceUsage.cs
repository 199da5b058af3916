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
            select substring(a.origin_path from '^/[0-9]+/[0-9]+/[0-9]+/') as township_path, v.power_item_id,
                   date_trunc('month', a.received_on)::date as month, count(*)::int as applications
            from service_centre.applications a
            join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
            where a.origin_path like @scope and (@county::text is null or a.county_path = @county)
              and a.received_at >= @fromUtc and a.received_on between @from and @to and v.power_item_id is not null
              and length(a.origin_path) - length(replace(a.origin_path, '/', '')) >= 4
            group by 1, 2, 3
            """, new
            {
                scope = scopePath + "%", from, to, fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1),
                county = Features.ApplicationLists.CountyOf(scopePath), // ranges over one county's index entries
            }, cancellationToken: ct, commandTimeout: 0))).ToList();
    }
}
