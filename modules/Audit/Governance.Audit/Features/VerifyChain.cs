using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Audit.Features;

public sealed record ChainVerification(bool Valid, long Checked, long? BrokenAtSeq);

internal static class VerifyChain
{
    /// <summary>
    /// Recomputes every row's hash from its content and its predecessor's stored hash, in seq order, and reports the
    /// first row where either the link or the content does not match.
    /// </summary>
    public static async Task<Ok<ChainVerification>> Handle(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var result = await c.QuerySingleAsync<ChainVerification>(new CommandDefinition("""
            with chain as (
                select e.seq, e.hash, audit.entry_hash(e) as recomputed, e.prev_hash,
                       coalesce(lag(e.hash) over (order by e.seq), '\x00'::bytea) as expected_prev
                from audit.entries e)
            select (count(*) filter (where hash <> recomputed or prev_hash <> expected_prev)) = 0 as valid,
                   count(*) as checked,
                   min(seq) filter (where hash <> recomputed or prev_hash <> expected_prev) as broken_at_seq
            from chain
            """, cancellationToken: ct));
        return TypedResults.Ok(result);
    }
}
