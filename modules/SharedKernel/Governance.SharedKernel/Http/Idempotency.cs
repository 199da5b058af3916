using System.Security.Cryptography;
using System.Text.Json;
using Governance.SharedKernel.Errors;

namespace Governance.SharedKernel.Http;

/// <summary>The <c>Idempotency-Key</c> a client sent with a create request, and the hash of that request's
/// body.</summary>
public sealed record IdempotencyKey(string Key, string Hash)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    /// <summary>The key of this request (null when none was sent); 1–100 characters (the endpoint's
    /// <see cref="TextLimitAttribute"/> holds the upper bound).</summary>
    public static IdempotencyKey? From(string? key, object request)
    {
        if (key is null) return null;
        if (key.Length == 0) throw new ValidationException(Header, "Idempotency-Key 不能为空。");
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request));
        return new IdempotencyKey(key, Convert.ToHexString(hash));
    }
}

/// <summary>
/// A table whose creates a client may retry safely: it has <c>idempotency_key</c> and <c>request_hash</c> columns, an
/// owner
/// column (the user or token that created the row) and a unique index <c>&lt;table&gt;_idempotency</c> on (owner, key).
/// </summary>
public sealed record IdempotentTable(string Schema, string Table, string OwnerColumn)
{
    public string Qualified => $"{Schema}.{Table}";
    public string Constraint => $"{Table}_idempotency";
}

/// <summary>
/// Create-once for any create endpoint that opts in: a retry with the same key answers what the first request created
/// (<c>Idempotent-Replayed: true</c>); two racing requests are settled by the unique index, the loser answering with
/// the
/// winner's record; the same key with a different body is a 422.
/// </summary>
public static class Idempotency
{
    /// <summary>Runs <paramref name="create"/> in a transaction it commits, unless <paramref name="key"/> was used
    /// before by <paramref name="owner"/>. Returns the record's id and whether it was created earlier.</summary>
    public static async Task<(Guid Id, bool Replayed)> CreateOnceAsync(
        NpgsqlConnection c, IdempotentTable table, IdempotencyKey? key, Guid owner, HttpContext http,
        Func<NpgsqlTransaction, Task<Guid>> create, CancellationToken ct)
    {
        if (key is not null && await FindAsync(c, table, key, owner, ct) is { } earlier) return Replayed(http, earlier);
        await using var tx = await c.BeginTransactionAsync(ct);
        try
        {
            var id = await create(tx);
            await tx.CommitAsync(ct);
            return (id, false);
        }
        catch (PostgresException e)
            when (key is not null && e.SqlState == PostgresErrorCodes.UniqueViolation
                  && e.ConstraintName == table.Constraint)
        {
            await tx.RollbackAsync(ct);
            // the same key raced in on another connection and won: answer with what it created
            var winner = await FindAsync(c, table, key, owner, ct)
                ?? throw new InvalidOperationException("idempotency winner vanished", e);
            return Replayed(http, winner);
        }
    }

    private static (Guid, bool) Replayed(HttpContext http, Guid id)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return (id, true);
    }

    private static async Task<Guid?> FindAsync(
        NpgsqlConnection c, IdempotentTable table, IdempotencyKey key, Guid owner, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<(Guid Id, string? Hash)?>(new CommandDefinition(
            $"""
            select id, request_hash from {table.Qualified}
            where {table.OwnerColumn} = @owner and idempotency_key = @key
            """,
            new { owner, key = key.Key }, cancellationToken: ct));
        if (row is { } found && found.Hash != key.Hash)
            throw new AppException(422, "idempotency_key_reused", "幂等键已被使用",
                "该 Idempotency-Key 已用于另一个不同的请求，请换一个键。");
        return row?.Id;
    }
}
