using System.Text.Json;
using Governance.Organization.Contracts;
using Governance.SharedKernel;
using Governance.SharedKernel.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Audit.Features;

public sealed record AuditEntryResponse(
    Guid Id, long Seq, DateTimeOffset OccurredAt, Guid? ActorId, string ActorName, string ActorKind, string Action,
    string RecordType, string? RecordId, string? RegionName, string Outcome, JsonElement? Before, JsonElement? After,
    string? Ip, string? UserAgent);

internal static class ListEntries
{
    private sealed record Row(
        Guid Id, long Seq, DateTime OccurredAt, Guid? ActorId, string ActorName, string ActorKind, string Action,
        string RecordType, string? RecordId, string? RegionPath, string Outcome, string? Before, string? After,
        string? Ip, string? UserAgent);

    private sealed record Key(long Seq);

    /// <summary>Newest first, filtered in SQL by the caller's region scope and the given filters.</summary>
    public static async Task<Ok<Page<AuditEntryResponse>>> Handle(
        NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions,
        DateTimeOffset? from, DateTimeOffset? to, string? actor, string? recordType, string? recordId, string? action,
        string? outcome, string? cursor, int? limit, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        if (user.Grant is { } grant)
        {
            // an evaluator reads the trail of its grant's period only
            var (start, until) = grant.Instants;
            from = from is null || from.Value.UtcDateTime < start ? new DateTimeOffset(start, TimeSpan.Zero) : from;
            to = to is null || to.Value.UtcDateTime > until ? new DateTimeOffset(until, TimeSpan.Zero) : to;
        }
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            select id, seq, occurred_at, actor_id, actor_name, actor_kind, action, record_type, record_id, region_path,
                   outcome, before::text as before, after::text as after, ip, user_agent
            from audit.entries
            where {RegionScope.Sql("region_path")}
              and (@from::timestamptz is null or occurred_at >= @from)
              and (@to::timestamptz is null or occurred_at < @to)
              and (@actor::text is null or actor_name = @actor or actor_id::text = @actor)
              and (@recordType::text is null or record_type = @recordType)
              and (@recordId::text is null or record_id = @recordId)
              and (@action::text is null or action = @action)
              and (@outcome::text is null or outcome = @outcome)
              and (@afterSeq::bigint is null or seq < @afterSeq)
            order by seq desc
            limit @take
            """,
            new
            {
                scope = user.Scope.Pattern, from = from?.UtcDateTime, to = to?.UtcDateTime,
                actor = TextInput.Blank(actor), recordType = TextInput.Blank(recordType),
                recordId = TextInput.Blank(recordId), action = TextInput.Blank(action),
                outcome = TextInput.Blank(outcome), afterSeq = after?.Seq, take = take + 1,
            }, cancellationToken: ct))).ToList();

        var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).OfType<string>().Distinct()
            .ToList(), ct);
        var items = rows.Select(r => new AuditEntryResponse(
            r.Id, r.Seq, new DateTimeOffset(r.OccurredAt, TimeSpan.Zero), r.ActorId, r.ActorName, r.ActorKind, r.Action,
            r.RecordType, r.RecordId, r.RegionPath is null ? null : names.GetValueOrDefault(r.RegionPath), r.Outcome,
            Parse(r.Before), Parse(r.After), r.Ip, r.UserAgent)).ToList();
        return TypedResults.Ok(Cursor.ToPage(items, take, e => new Key(e.Seq)));
    }


    private static JsonElement? Parse(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
