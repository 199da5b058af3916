using Governance.Organization.Features;

namespace Governance.Organization.Auth;

/// <summary>
/// The regions an evaluation grant (评估任务) lets its users act in: the grant's region, or — when it names townships —
/// each of them, one at a time. The authentication handler checks the same rule on every request.
/// </summary>
internal sealed record GrantScope(Guid RegionId, string RegionPath)
{
    /// <summary>The grant <c>g</c>'s regions <c>r</c> (the rule of the authentication handler's check).</summary>
    private const string RegionsOfGrant = """
        from organization.evaluation_grants g
        join organization.regions r
          on (cardinality(g.township_ids) = 0 and r.id = g.region_id) or r.id = any(g.township_ids)
        """;

    private const string Regions = $"""
        select r.id as region_id, r.path as region_path {RegionsOfGrant}
        where g.id = @grantId and g.revoked_at is null and g.expires_at > @now
        """;

    /// <summary>Where a new session of the grant's user starts: the grant's region, or its first township; null
    /// when the grant is revoked or expired.</summary>
    public static Task<GrantScope?> FirstAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid grantId, DateTime now, CancellationToken ct) =>
        c.QueryFirstOrDefaultAsync<GrantScope>(new CommandDefinition($"{Regions} order by r.code limit 1",
            new { grantId, now }, tx, cancellationToken: ct));

    /// <summary>The region, if the (active) grant lets its users act in it.</summary>
    public static Task<GrantScope?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid grantId, Guid regionId, DateTime now, CancellationToken ct) =>
        c.QueryFirstOrDefaultAsync<GrantScope>(new CommandDefinition($"{Regions} and r.id = @regionId",
            new { grantId, regionId, now }, tx, cancellationToken: ct));

    private sealed record GrantRow(
        Guid Id, string Organisation, string Purpose, DateOnly PeriodFrom, DateOnly PeriodTo, string Modules,
        DateTime ExpiresAt);

    /// <summary>What the grant's user is shown about its grant (/auth/me): the grant and its regions, one round trip.
    /// </summary>
    public static async Task<MyGrantResponse> DescribeAsync(NpgsqlConnection c, Guid grantId, CancellationToken ct)
    {
        using var grid = await c.QueryMultipleAsync(new CommandDefinition($"""
            select id, organisation, purpose, period_from, period_to, array_to_string(modules, ',') as modules,
                   expires_at
            from organization.evaluation_grants where id = @grantId;
            select r.id, r.code, r.name, r.level {RegionsOfGrant} where g.id = @grantId order by r.code
            """, new { grantId }, cancellationToken: ct));
        var g = await grid.ReadSingleAsync<GrantRow>();
        var regions = await grid.ReadAsync<GrantRegionResponse>();
        return new MyGrantResponse(g.Id, g.Organisation, g.Purpose, g.PeriodFrom, g.PeriodTo, g.Modules.Split(','),
            new DateTimeOffset(g.ExpiresAt, TimeSpan.Zero), regions.ToList());
    }
}
