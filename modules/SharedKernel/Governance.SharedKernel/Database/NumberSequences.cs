namespace Governance.SharedKernel.Database;

/// <summary>
/// A module's table of gap-free counters: one row per (key, year) with the last number taken, in columns
/// <c>(KeyColumn, year, last)</c> and a primary key on <c>(KeyColumn, year)</c>. Built by the module with its own
/// schema (as <see cref="Http.IdempotentTable"/> is).
/// </summary>
public sealed record NumberSequence(string Schema, string Table, string KeyColumn)
{
    public string Qualified => $"{Schema}.{Table}";
}

/// <summary>
/// The one way to take official numbers (决定书 numbers, 办件编号): the counter row is created or bumped, and so
/// locked, inside the caller's own transaction. Concurrent writers of the same key and year queue on that lock until
/// the first commits or rolls back, so a refused or failed write gives its number back and the series has no gaps
/// and no duplicates — which a PostgreSQL sequence cannot promise (its values are never returned). Take the number
/// as late in the transaction as possible: the lock is held until the end of it.
/// </summary>
public static class NumberSequences
{
    /// <summary>Takes <paramref name="count"/> consecutive numbers of <paramref name="key"/>'s year and returns the
    /// first (numbers start at 1 each year).</summary>
    public static async Task<int> TakeAsync(NpgsqlConnection c, NpgsqlTransaction tx, NumberSequence sequence,
        object key, int year, CancellationToken ct, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = await c.ExecuteScalarAsync<int>(new CommandDefinition($"""
            insert into {sequence.Qualified} as s ({sequence.KeyColumn}, year, last) values (@key, @year, @count)
            on conflict ({sequence.KeyColumn}, year) do update set last = s.last + @count
            returning last
            """, new { key, year, count }, tx, cancellationToken: ct));
        return last - count + 1;
    }
}
