namespace Governance.ServiceCentre.Features;

public sealed record ChooseWindowRequest(Guid? WindowId);

/// <summary>
/// The window a clerk works at (all null when they have not picked one at their own centre), and the ticket it is
/// handling now (called or serving), which the workbench links to the application it registers.
/// </summary>
public sealed record ClerkWindowResponse(
    Guid? CentreId, Guid? WindowId, int? WindowNumber, string? WindowName, Guid? TicketId, string? TicketDisplay);

/// <summary>
/// 我的窗口: each clerk's window is remembered per user on the server, so the caller opens at the same window on any
/// PC; a window of another centre (the clerk moved) counts as none.
/// </summary>
internal static class ClerkWindows
{
    private sealed record Choice(Guid CentreId, Guid WindowId, int WindowNumber, string WindowName, Guid? TicketId,
        int? TicketNumber);

    private static readonly ClerkWindowResponse None = new(null, null, null, null, null, null);

    public static async Task<Ok<ClerkWindowResponse>> Get(NpgsqlDataSource db, CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        if (user.Id is not { } userId) return TypedResults.Ok(None);
        await using var c = await db.OpenConnectionAsync(ct);
        var choice = await c.QuerySingleOrDefaultAsync<Choice>(new CommandDefinition("""
            select w.centre_id, w.id as window_id, w.number as window_number, w.name as window_name,
                   t.id as ticket_id, t.number as ticket_number
            from service_centre.clerk_windows k
            join service_centre.windows w on w.id = k.window_id
            join service_centre.centres c on c.id = w.centre_id
            left join lateral (
                select t.id, t.number from service_centre.tickets t
                where t.window_id = w.id and t.day = @today and t.state in ('called', 'serving')
                order by t.called_at desc limit 1) t on true
            where k.user_id = @userId and c.region_path = @path
            """, new { userId, path = user.Scope.Path, today = CountyClock.Today(clock) }, cancellationToken: ct));
        return TypedResults.Ok(choice is null ? None : new ClerkWindowResponse(choice.CentreId, choice.WindowId,
            choice.WindowNumber, choice.WindowName, choice.TicketId,
            choice.TicketNumber is { } n ? Queue.Display(n) : null));
    }

    /// <summary>Remembers the clerk's window (one of their own centre's); audited when it changes.</summary>
    public static async Task<Ok<ClerkWindowResponse>> Choose(ChooseWindowRequest r, NpgsqlDataSource db,
        CurrentUser user, IAuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        await using (var c = await db.OpenConnectionAsync(ct))
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var path = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
                select c.region_path from service_centre.windows w join service_centre.centres c on c.id = w.centre_id
                where w.id = @windowId and c.region_path = @path
                """, new { windowId = r.WindowId, path = user.Scope.Path }, tx, cancellationToken: ct))
                ?? throw new ValidationException("windowId", "请选择本中心的窗口。");
            var before = await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
                "select window_id from service_centre.clerk_windows where user_id = @userId for update",
                new { userId = user.Id }, tx, cancellationToken: ct));
            if (before != r.WindowId)
            {
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into service_centre.clerk_windows (user_id, window_id, chosen_at)
                    values (@userId, @windowId, @now)
                    on conflict (user_id) do update set window_id = excluded.window_id, chosen_at = excluded.chosen_at
                    """, new { userId = user.Id, windowId = r.WindowId, now = clock.GetUtcNow().UtcDateTime }, tx,
                    cancellationToken: ct));
                await audit.RecordAsync(c, tx, new AuditRecord("window.chosen", "window", r.WindowId.ToString(), path,
                    Before: new { WindowId = before }, After: new { r.WindowId }), ct);
            }
            await tx.CommitAsync(ct);
        }
        return await Get(db, user, clock, ct);
    }

    internal sealed record AtRegistration(Guid? TicketId, Guid? WindowId);

    private sealed record TicketAt(string State, Guid WindowId);

    /// <summary>
    /// The ticket an application is registered for (one of the clerk's centre, at a window now) and the window it is
    /// registered at: the ticket's, or else the clerk's remembered one.
    /// </summary>
    internal static async Task<AtRegistration> ForRegistrationAsync(NpgsqlConnection c, NpgsqlTransaction tx,
        CurrentUser user, Guid? ticketId, CancellationToken ct)
    {
        if (ticketId is not null)
        {
            var ticket = await c.QuerySingleOrDefaultAsync<TicketAt>(new CommandDefinition("""
                select t.state, t.window_id from service_centre.tickets t
                join service_centre.centres c on c.id = t.centre_id
                where t.id = @ticketId and c.region_path = @path for share of t
                """, new { ticketId, path = user.Scope.Path }, tx, cancellationToken: ct))
                ?? throw new ValidationException("ticketId", "该排队号不存在或不是本中心的。");
            if (ticket.State is not ("called" or "serving"))
                throw new ValidationException("ticketId", "该排队号不在窗口办理中（尚未叫号、已完成或过号）。");
            return new(ticketId, ticket.WindowId);
        }
        var window = await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            select w.id from service_centre.clerk_windows k
            join service_centre.windows w on w.id = k.window_id
            join service_centre.centres c on c.id = w.centre_id
            where k.user_id = @userId and c.region_path = @path
            """, new { userId = user.Id, path = user.Scope.Path }, tx, cancellationToken: ct));
        return new(null, window);
    }
}
