namespace Governance.SharedKernel.Workflows;

/// <summary>One line of a record's timeline, as responses show it.</summary>
public sealed record WorkflowEvent(
    DateTimeOffset At, string Actor, string Action, string? FromState, string ToState, string? Note);

/// <summary>A timeline line to write: the record, when, who (id and display name), the action, from → to, a
/// note.</summary>
public sealed record WorkflowEventRow(
    Guid RecordId, DateTime At, Guid? ActorId, string Actor, string Action, string? FromState, string ToState,
    string? Note);

/// <summary>
/// The one writer and reader of workflow timelines. Every module's timeline table has the same shape:
/// <c>(id uuid, record_id uuid, at timestamptz, actor_id uuid, actor text, action text, from_state text, to_state text,
/// note text)</c>.
/// </summary>
public static class WorkflowEvents
{
    public static Task AppendAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string table, WorkflowEventRow e, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition($"""
            insert into {table} (id, record_id, at, actor_id, actor, action, from_state, to_state, note)
            values (@id, @RecordId, @At, @ActorId, @Actor, @Action, @FromState, @ToState, @Note)
            """,
            new
            {
                id = Guid.CreateVersion7(), e.RecordId, e.At, e.ActorId, e.Actor, e.Action, e.FromState, e.ToState,
                e.Note,
            },
            tx, cancellationToken: ct));

    private sealed record Row(
        Guid RecordId, DateTime At, string Actor, string Action, string? FromState, string ToState, string? Note);

    /// <summary>The timelines of the given records, oldest first.</summary>
    public static async Task<ILookup<Guid, WorkflowEvent>> ReadAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, string table, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await c.QueryAsync<Row>(new CommandDefinition(Select(table, "record_id = any(@ids)"),
            new { ids = ids.ToArray() }, tx, cancellationToken: ct)))
        .ToLookup(e => e.RecordId, ToEvent);

    public static async Task<IReadOnlyList<WorkflowEvent>> ReadAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, string table, Guid id, CancellationToken ct) =>
        (await ReadAsync(c, tx, table, [id], ct))[id].ToList();

    /// <summary>
    /// A record and its timeline in one round trip: the record's query (which must name the id <c>@id</c>) and the
    /// timeline go to PostgreSQL as one batch. Detail pages are read far more often than written; this halves their
    /// database round trips.
    /// </summary>
    public static async Task<(T? Record, IReadOnlyList<WorkflowEvent> Events)> ReadWithRecordAsync<T>(
        NpgsqlConnection c, NpgsqlTransaction? tx, string table, string recordSql, object param, CancellationToken ct)
    {
        using var grid = await c.QueryMultipleAsync(new CommandDefinition(
            $"{recordSql};\n{Select(table, "record_id = @id")}", param, tx, cancellationToken: ct));
        var record = await grid.ReadSingleOrDefaultAsync<T>();
        var events = (await grid.ReadAsync<Row>()).Select(ToEvent).ToList();
        return (record, events);
    }

    private static string Select(string table, string where) =>
        $"select record_id, at, actor, action, from_state, to_state, note from {table} where {where} order by at, id";

    private static WorkflowEvent ToEvent(Row e) =>
        new(Timestamps.Utc(e.At), e.Actor, e.Action, e.FromState, e.ToState, e.Note);

}
