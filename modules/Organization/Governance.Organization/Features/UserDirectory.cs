namespace Governance.Organization.Features;

internal sealed class UserDirectory(NpgsqlDataSource db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, UserCard>> CardsAsync(IReadOnlyCollection<Guid> ids,
        CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<Guid, UserCard>();
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<UserCard>(new CommandDefinition("""
            select u.id, u.display_name, coalesce(n.name, r.name) as unit
            from organization.users u
            join organization.regions r on r.id = u.region_id
            left join organization.units n on n.id = u.unit_id
            where u.id = any(@ids)
            """, new { ids = ids.Distinct().ToArray() }, cancellationToken: ct))).ToDictionary(u => u.Id);
    }

    public async Task<IReadOnlyList<Guid>> MatchingAsync(string text, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Guid>(new CommandDefinition("""
            select id from organization.users
            where strpos(display_name, @text) > 0 or strpos(lower(username), lower(@text)) > 0
            order by display_name, id
            limit @limit
            """, new { text, limit }, cancellationToken: ct))).ToList();
    }
}
