namespace Governance.ServiceCentre.Features;

public sealed record TakeTicketRequest(Guid? ItemId);

public sealed record TicketResponse(
    Guid Id, int Number, string Display, Guid? ItemId, string? ItemName, string State, string StateName,
    DateTimeOffset TakenAt, DateTimeOffset? CalledAt, int? WindowNumber, string? WindowName, int WaitingAhead,
    IReadOnlyList<string> ApplicationNumbers, IReadOnlyList<string> AllowedActions, int Version);

public sealed record QueueCall(string Display, int WindowNumber, string WindowName, DateTimeOffset CalledAt);

/// <summary>The hall display (叫号屏): the tickets now at a window, who is waiting, and today's measured
/// wait.</summary>
public sealed record QueueResponse(
    Guid CentreId, string CentreName, DateOnly Day, IReadOnlyList<QueueCall> Called, IReadOnlyList<string> Waiting,
    int WaitingCount, int ServedToday, double? AverageWaitMinutes);

public sealed record PublicCentre(Guid Id, string Name, string Tier, string TierName, string Address, string Phone,
    string Hours);

/// <summary>
/// 排队叫号: a ticket per visitor and centre, numbered per day; a window calls the next one it serves (its items, or
/// any at a general window), serves and completes it. Waiting time is called_at − taken_at.
/// </summary>
internal static class Queue
{
    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["waiting"] = "等候中", ["called"] = "已叫号", ["serving"] = "办理中", ["done"] = "已完成",
        ["no_show"] = "过号",
    };

    private const string Call = ServiceCentrePermissions.QueueCall;

    /// <summary>A called ticket is served, finished or passed over (过号) at the window that called it. 叫号 itself
    /// (waiting → called) picks the ticket on the server (<see cref="CallNext"/>), so it is not an action on a ticket
    /// the caller names.</summary>
    internal static readonly Workflow<TicketRow> Tickets = new()
    {
        Name = "tickets", RecordType = "ticket", Table = "service_centre.tickets",
        EventsTable = "service_centre.ticket_events", StateNames = StateNames,
        Actions = [new("serve", Call, "开始办理"), new("done", Call, "办理完成"), new("no-show", Call, "过号")],
        Transitions =
        [
            new("called", "serve", "serving"), new("called", "done", "done"), new("called", "no-show", "no_show"),
            new("serving", "done", "done"),
        ],
    };

    internal static string Display(int number) => $"A{number:000}";

    internal sealed record TicketRow(
        Guid Id, Guid CentreId, string RegionPath, DateOnly Day, int Number, Guid? ItemId, string? ItemName,
        string State, DateTime TakenAt, DateTime? CalledAt, int? WindowNumber, string? WindowName, int WaitingAhead,
        string? ApplicationNumbers, int Version) : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    private const string TicketSelect = """
        select t.id, t.centre_id, c.region_path, t.day, t.number, t.item_id,
               (select v.name from service_centre.item_versions v where v.item_id = t.item_id order by v.version desc
                   limit 1) as item_name,
               t.state, t.taken_at, t.called_at, w.number as window_number, w.name as window_name,
               (select count(*)::int from service_centre.tickets o
                where o.centre_id = t.centre_id and o.day = t.day and o.state = 'waiting' and o.number < t.number)
                    as waiting_ahead,
               -- a list, space-separated (Dapper maps arrays onto properties, not constructor parameters)
               (select string_agg(a.number, ' ' order by a.number) from service_centre.applications a
                where a.ticket_id = t.id) as application_numbers,
               t.version
        from service_centre.tickets t
        join service_centre.centres c on c.id = t.centre_id
        left join service_centre.windows w on w.id = t.window_id
        """;

    private static TicketResponse ToResponse(TicketRow t, CurrentUser? user = null) =>
        new(t.Id, t.Number, Display(t.Number), t.ItemId, t.ItemName, t.State, StateNames[t.State],
            Applications.Utc(t.TakenAt), t.CalledAt is { } at ? Applications.Utc(at) : null, t.WindowNumber,
            t.WindowName, t.State == "waiting" ? t.WaitingAhead : 0,
            t.ApplicationNumbers?.Split(' ') ?? [],
            user is null ? [] : Tickets.AllowedActions(t, user), t.Version);

    public static async Task<Ok<IReadOnlyList<PublicCentre>>> PublicCentres(Guid countyId, NpgsqlDataSource db,
        IRegionDirectory regions, CancellationToken ct)
    {
        var county = await regions.FindAsync(countyId, ct);
        if (county is null || county.Level != RegionLevels.County) throw new NotFoundException();
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<(Guid Id, string Name, string Tier, string Address, string Phone, string Hours)>(
            new CommandDefinition("""
            select id, name, tier, address, phone, hours from service_centre.centres
            where region_path like @path and tier in ('county', 'township') order by region_path
            """, new { path = county.Path + "%" }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<PublicCentre>>(rows.Select(r => new PublicCentre(
            r.Id, r.Name, r.Tier, Centres.TierNames[r.Tier], r.Address, r.Phone, r.Hours)).ToList());
    }

    /// <summary>
    /// 取号: anyone at the hall's kiosk. Numbers are per centre and day, handed out under a per-centre lock.
    /// </summary>
    public static async Task<Created<TicketResponse>> Take(Guid id, TakeTicketRequest r, NpgsqlDataSource db,
        TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var centre = await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select id from service_centre.centres where id = @id and tier in ('county', 'township')", new { id }, tx,
            cancellationToken: ct))
            ?? throw new NotFoundException("服务中心不存在。");
        if (r.ItemId is { } itemId && !await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from service_centre.centre_items where centre_id = @id and item_id = @itemId)",
                new { id, itemId }, tx, cancellationToken: ct)))
            throw new ValidationException("itemId", "本中心不办理该事项。");
        await c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtextextended(@key, 0))",
            new { key = $"ticket:{id}" }, tx, cancellationToken: ct));
        var ticketId = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.tickets (id, centre_id, day, number, item_id, state, taken_at)
            select @ticketId, @id, @today, coalesce(max(number), 0) + 1, @itemId, 'waiting', @now
            from service_centre.tickets where centre_id = @id and day = @today
            """, new { ticketId, id, today, itemId = r.ItemId, now }, tx, cancellationToken: ct));
        await WorkflowEvents.AppendAsync(c, tx, Tickets.EventsTable, new WorkflowEventRow(ticketId, now, null, "取号机",
            "take", null, "waiting", null), ct);
        var row = await c.QuerySingleAsync<TicketRow>(new CommandDefinition(
            $"{TicketSelect} where t.id = @ticketId", new { ticketId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/public/service-centre/centres/{id}/queue", ToResponse(row));
    }

    /// <summary>叫号屏: the tickets now at a window (finished and passed-over ones drop off), the waiting ones, today's
    /// figures.</summary>
    public static async Task<Ok<QueueResponse>> PublicQueue(Guid id, NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        await using var c = await db.OpenConnectionAsync(ct);
        var name = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select name from service_centre.centres where id = @id and tier in ('county', 'township')", new { id },
            cancellationToken: ct))
            ?? throw new NotFoundException("服务中心不存在。");
        var called = await c.QueryAsync<(int Number, int WindowNumber, string WindowName, DateTime CalledAt)>(
            new CommandDefinition("""
            select t.number, w.number, w.name, t.called_at from service_centre.tickets t join service_centre.windows w
                on w.id = t.window_id
            where t.centre_id = @id and t.day = @today and t.state in ('called', 'serving')
            order by t.called_at desc limit 10
            """, new { id, today }, cancellationToken: ct));
        var waiting = (await c.QueryAsync<int>(new CommandDefinition("""
            select number from service_centre.tickets where centre_id = @id and day = @today and state = 'waiting'
                order by number limit 50
            """, new { id, today }, cancellationToken: ct))).ToList();
        var stats = await c.QuerySingleAsync<(int Waiting, int Served, double? Wait)>(new CommandDefinition("""
            select count(*) filter (where state = 'waiting')::int, count(*) filter (where state = 'done')::int,
                   avg(extract(epoch from called_at - taken_at) / 60) filter (where called_at is not null)::float8
            from service_centre.tickets where centre_id = @id and day = @today
            """, new { id, today }, cancellationToken: ct));
        return TypedResults.Ok(new QueueResponse(id, name, today,
            called.Select(x => new QueueCall(Display(x.Number), x.WindowNumber, x.WindowName,
                Applications.Utc(x.CalledAt))).ToList(),
            waiting.Select(Display).ToList(), stats.Waiting, stats.Served,
            stats.Wait is { } w ? Math.Round(w, 1) : null));
    }

    /// <summary>
    /// Today's tickets of a centre for its staff (the window caller reloads its current ticket from here).
    /// </summary>
    public static async Task<Ok<IReadOnlyList<TicketResponse>>> Today(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, TimeProvider clock, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        if (!await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                $"""
                select exists (select 1 from service_centre.centres where id = @id and {RegionScope.Sql("region_path")})
                """, new { id, scope = user.Scope.Pattern }, cancellationToken: ct)))
            return await guard.DenyAsync<Ok<IReadOnlyList<TicketResponse>>>("centre", id, ct);
        var rows = await c.QueryAsync<TicketRow>(
            new CommandDefinition($"{TicketSelect} where t.centre_id = @id and t.day = @today order by t.number",
                new { id, today = CountyClock.Today(clock) }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<TicketResponse>>(rows.Select(t => ToResponse(t, user)).ToList());
    }

    private sealed record WindowAt(Guid Id, string RegionPath);

    /// <summary>
    /// 叫号: the next waiting ticket this window serves. Two windows calling at once never get the same ticket.
    /// </summary>
    public static async Task<Ok<TicketResponse>> CallNext(
        Guid id, Guid windowId, [AsParameters] ServiceCentreServices s)
    {
        var ct = s.Cancellation;
        var today = CountyClock.Today(s.Clock);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var window = await c.QuerySingleOrDefaultAsync<WindowAt>(new CommandDefinition("""
            select w.id, c.region_path from service_centre.windows w join service_centre.centres c on c.id = w.centre_id
            where w.id = @windowId and w.centre_id = @id and c.region_path = @path
            """, new { id, windowId, path = s.User.Scope.Path }, tx, cancellationToken: ct));
        if (window is null) return await s.Guard.DenyAsync<Ok<TicketResponse>>("window", windowId, ct);
        var ticketId = await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            select t.id from service_centre.tickets t, service_centre.windows w
            where w.id = @windowId and t.centre_id = @id and t.day = @today and t.state = 'waiting'
              and (t.item_id is null or cardinality(w.item_ids) = 0 or t.item_id = any(w.item_ids))
            order by t.number limit 1 for update of t skip locked
            """, new { id, windowId, today }, tx, cancellationToken: ct))
            ?? throw new ConflictException("queue.empty", "当前没有本窗口可办理的等候号。");
        await c.ExecuteAsync(new CommandDefinition("""
            update service_centre.tickets set state = 'called', called_at = @now, window_id = @windowId,
                version = version + 1 where id = @ticketId
            """, new { ticketId, windowId, now }, tx, cancellationToken: ct));
        var row = await c.QuerySingleAsync<TicketRow>(new CommandDefinition(
            $"{TicketSelect} where t.id = @ticketId", new { ticketId }, tx, cancellationToken: ct));
        await WorkflowEvents.AppendAsync(c, tx, Tickets.EventsTable,
            new WorkflowEventRow(
                ticketId, now, s.User.Id, s.User.Name, "call", "waiting", "called", $"{row.WindowNumber} 号窗口"), ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord("ticket.called", "ticket", ticketId.ToString(),
            window.RegionPath, After: new { row.Number, row.WindowNumber }), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, row.Version);
        return TypedResults.Ok(ToResponse(row, s.User));
    }

    /// <summary>A step on a called ticket (<see cref="Tickets"/>), at the centre of the caller's window.</summary>
    public static async Task<Ok<TicketResponse>> Act(Guid ticketId, [AsParameters] WorkflowServices s)
    {
        var ct = s.Cancellation;
        await using var step = await Tickets.StartAsync(s, ticketId, (c, tx) =>
            c.QuerySingleOrDefaultAsync<TicketRow>(new CommandDefinition(
                $"{TicketSelect} where t.id = @ticketId and c.region_path = @path for update of t",
                new { ticketId, path = s.User.Scope.Path }, tx, cancellationToken: ct)));
        await step.MoveAsync(null);
        await step.Connection.ExecuteAsync(new CommandDefinition(
            "update service_centre.tickets set done_at = @now where id = @ticketId and state in ('done', 'no_show')",
            new { ticketId, now = step.Now }, step.Transaction, cancellationToken: ct));
        var row = await step.Connection.QuerySingleAsync<TicketRow>(
            new CommandDefinition($"{TicketSelect} where t.id = @ticketId", new { ticketId }, step.Transaction,
                cancellationToken: ct));
        await step.CommitAsync(new { step.Before.State }, new { row.State });
        return TypedResults.Ok(ToResponse(row, s.User));
    }
}
