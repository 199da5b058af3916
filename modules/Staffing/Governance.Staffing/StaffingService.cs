namespace Governance.Staffing;

/// <summary>The Staffing module's answers to other modules (<see cref="IStaffing"/>).</summary>
internal sealed class StaffingService(NpgsqlDataSource db) : IStaffing
{
    public async Task<IReadOnlyDictionary<string, int>> PostsMovedDownAsync(
        string scopePath, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<(string Path, int Posts)>(new CommandDefinition("""
            select e.region_path, sum(l.approved_delta)::int
            from staffing.ledger_lines l join staffing.establishments e on e.id = l.establishment_id
            where l.movement = 'transfer_in' and e.region_path like @scope and l.effective_on between @from and @to
            group by e.region_path
            """, new { scope = scopePath + "%", from, to }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Path, r => r.Posts);
    }

    private const string Select = """
        select p.id, p.name, e.unit_id, e.unit_name, p.region_path, p.state = 'serving' as serving
        from staffing.people p join staffing.establishments e on e.id = p.establishment_id
        """;

    public async Task<StaffMember?> FindPersonAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<StaffMember>(new CommandDefinition($"{Select} where p.id = @id",
            new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StaffMember>> ServingInRegionAsync(string regionPath, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<StaffMember>(new CommandDefinition(
            $"{Select} where p.region_path like @scope and p.state = 'serving' order by e.unit_name, p.name",
            new { scope = regionPath + "%" }, cancellationToken: ct))).ToList();
    }
}
