using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Governance.Audit;

internal sealed class AuditTrail(NpgsqlDataSource dataSource, CurrentUser user, TimeProvider clock,
    ILogger<AuditTrail> logger) : IAuditTrail
{
    private const string InsertSql = """
        insert into audit.entries (seq, id, occurred_at, actor_id, actor_name, actor_kind, action, record_type,
                                   record_id, region_path, outcome, before, after, ip, user_agent, prev_hash, hash)
        values (0, @Id, @OccurredAt, @ActorId, @ActorName, @ActorKind, @Action, @RecordType, @RecordId,
                @RegionPath, @Outcome, @Before::jsonb, @After::jsonb, @Ip, @UserAgent, '\x'::bytea, '\x'::bytea)
        """;

    public Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditRecord record,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, Row(record), transaction, cancellationToken: ct));

    public async Task RecordAttemptAsync(AuditRecord record, CancellationToken ct)
    {
        try
        {
            await using var c = await dataSource.OpenConnectionAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(InsertSql, Row(record), cancellationToken: ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A denied request must still be answered; the failure to record it is logged loudly.
            logger.LogError(e, "Could not record audit attempt {Action} on {RecordType}/{RecordId}", record.Action,
                record.RecordType, record.RecordId);
        }
    }

    public async Task RecordOrFailAsync(AuditRecord record, CancellationToken ct)
    {
        try
        {
            await using var c = await dataSource.OpenConnectionAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(InsertSql, Row(record), cancellationToken: ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e,
                "Could not record required audit entry {Action} on {RecordType}/{RecordId}; action refused",
                record.Action, record.RecordType, record.RecordId);
            throw new AuditUnavailableException();
        }
    }

    private object Row(AuditRecord r) => new
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = clock.GetUtcNow().UtcDateTime,
        ActorId = r.ActorId ?? user.Id,
        ActorName = r.ActorName ?? user.Name,
        ActorKind = r.ActorId is not null || r.ActorName is not null ? "user"
            : !user.IsAuthenticated ? "anonymous" : user.IsMachine ? "token" : "user",
        r.Action,
        r.RecordType,
        r.RecordId,
        r.RegionPath,
        r.Outcome,
        Before = Json(r.Before),
        After = Json(r.After),
        user.Ip,
        user.UserAgent,
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, JsonOptions);
}
