namespace Governance.Staffing.Features;

/// <summary>编制's 待办: for the 编办, the 用编申请 submitted and waiting for its approval.</summary>
internal sealed class StaffingTodo : ITodoSource
{
    public async Task<IReadOnlyList<TodoCount>> CountAsync(
        CurrentUser user, NpgsqlConnection c, DateOnly today, CancellationToken ct)
    {
        if (!user.Has(StaffingPermissions.Manage)) return [];
        var waiting = await c.ExecuteScalarAsync<int>(new CommandDefinition("""
            select count(*)::int from staffing.post_requests r where r.region_path like @scope and r.state = 'submitted'
            """, new { scope = user.Scope.Pattern }, cancellationToken: ct));
        return [new("post_requests.to_approve", "staffing", waiting, 0, "/staffing/requests?state=submitted")];
    }
}
