using Governance.SharedKernel.Security;

namespace Governance.SharedKernel.Paging;

/// <summary>
/// A page of a change feed: the records created or changed after the cursor (in their state now), those that left
/// it (<see cref="Deleted"/>), the cursor to ask with next time, and whether more changes are ready now.
/// </summary>
/// <param name="NextCursor">Always given: store it and pass it as <c>changedSince</c> next time.</param>
/// <param name="More">More changes are ready: ask again at once (otherwise wait, e.g. until the next night).</param>
public sealed record ChangePage<T>(IReadOnlyList<T> Items, IReadOnlyList<Tombstone> Deleted, string NextCursor,
    bool More);

/// <summary>A record that left a feed: retracted (a disclosure withdrawn) or voided, with the day and why.</summary>
public sealed record Tombstone(Guid Id, DateOnly? On, string? Reason);

/// <summary>
/// A feed over one table: <paramref name="Table"/> (as <paramref name="Alias"/>) has a <c>changed_xid</c> column, set
/// to the writing transaction's id on insert (its default) and on every update (a trigger); <paramref name="ScopeSql"/>
/// is the list's own scope predicate on the alias, bound to <c>@scope</c> and <see cref="Parameters"/>.
/// <paramref name="LoadAsync"/> reads the records of the ids as the list shows them.
/// </summary>
public sealed record ChangeSource<T>(
    string Table, string Alias, string ScopeSql, Func<IReadOnlyList<Guid>, Task<IReadOnlyList<T>>> LoadAsync,
    Func<T, Guid> IdOf)
{
    /// <summary>Parameters of <see cref="ChangeSource{T}.ScopeSql"/> besides <c>@scope</c>.</summary>
    public object? Parameters { get; init; }

    /// <summary>Which loaded records are tombstones (retracted, voided), and how.</summary>
    public Func<T, Tombstone?>? Gone { get; init; }
}

/// <summary>
/// Incremental pulls that never miss a row. A row's position is <c>(changed_xid, id)</c>, and a pull only reads
/// positions below the oldest transaction still in flight (<c>pg_snapshot_xmin(pg_current_snapshot())</c>): every
/// transaction below it has finished, so no row can appear there later. A transaction that wrote first but commits
/// after a faster one holds the boundary back until it commits; then both are delivered — a naive
/// <c>updated_at &gt; last</c> or sequence watermark would have passed the slow one's row. A row changed again later
/// moves forward and is delivered again, in its newest state (at least once, never lost).
/// </summary>
public static class ChangeFeed
{
    private sealed record Position(long X, Guid I);

    private static readonly Position Start = new(-1, Guid.Empty);

    public static async Task<ChangePage<T>> ReadAsync<T>(
        NpgsqlConnection c, ChangeSource<T> source, RegionScope scope, string? changedSince, int? limit,
        CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Position>(changedSince, "changedSince") ?? Start;
        var parameters = new DynamicParameters(source.Parameters);
        parameters.AddDynamicParams(new { scope = scope.Pattern, x = after.X, i = after.I, take = take + 1 });
        var keys = (await c.QueryAsync<(long Hi, Guid? Id, long? Xid)>(new CommandDefinition($"""
            with w as (select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as hi)
            select w.hi, feed.id, feed.changed_xid
            from w left join lateral (
                select id, changed_xid from {source.Table} {source.Alias}
                where {source.ScopeSql} and changed_xid < w.hi and (changed_xid, id) > (@x, @i)
                order by changed_xid, id limit @take) feed on true
            order by feed.changed_xid, feed.id
            """, parameters, cancellationToken: ct))).ToList();
        var hi = keys[0].Hi;
        var changed = keys.Where(k => k.Id is not null).Select(k => (Id: k.Id!.Value, X: k.Xid!.Value)).ToList();
        var more = changed.Count > take;
        if (more) changed.RemoveAt(take);
        // a full page stops at its last row; the last page at the boundary, below which nothing can still appear
        var next = more
            ? new Position(changed[^1].X, changed[^1].Id)
            : new Position(Math.Max(hi, after.X), Guid.Empty);
        var records = (await source.LoadAsync(changed.Select(k => k.Id).ToList())).ToDictionary(source.IdOf);
        var items = new List<T>();
        var deleted = new List<Tombstone>();
        foreach (var (id, _) in changed)
        {
            if (!records.TryGetValue(id, out var record)) continue;
            if (source.Gone?.Invoke(record) is { } gone) deleted.Add(gone);
            else items.Add(record);
        }
        return new ChangePage<T>(items, deleted, Cursor.Encode(next), more);
    }
}
