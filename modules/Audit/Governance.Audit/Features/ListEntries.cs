using System.Text.Json;
using Governance.Organization.Contracts;
using Governance.SharedKernel.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Audit.Features;

/// <summary>One line of the trail. <see cref="ActorDisplayName"/> and <see cref="ActorUnit"/> (the actor's unit, or
/// its region when it has none) are the user's today; <see cref="ActorName"/> is the account as recorded.</summary>
public sealed record AuditEntryResponse(
    Guid Id, long Seq, DateTimeOffset OccurredAt, Guid? ActorId, string ActorName, string? ActorDisplayName,
    string? ActorUnit, string ActorKind, string Action, string RecordType, string? RecordId, string? RegionName,
    string Outcome, JsonElement? Before, JsonElement? After, string? Ip, string? UserAgent);

internal static class ListEntries
{
    internal sealed record Row(
        Guid Id, long Seq, DateTime OccurredAt, Guid? ActorId, string ActorName, string ActorKind, string Action,
        string RecordType, string? RecordId, string? RegionPath, string Outcome, string? Before, string? After,
        string? Ip, string? UserAgent);

    internal const string Columns = """
        id, seq, occurred_at, actor_id, actor_name, actor_kind, action, record_type, record_id, region_path, outcome,
        before::text as before, after::text as after, ip, user_agent
        """;

    private sealed record Key(long Seq);

    /// <summary>Newest first, filtered in SQL by the caller's region scope and the given filters; the page's actors
    /// and regions are named by one lookup each.</summary>
    public static async Task<Ok<Page<AuditEntryResponse>>> Handle(
        NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, IUserDirectory users,
        DateTimeOffset? from, DateTimeOffset? to, [TextLimit(50)] string? actor,
        [TextLimit(TextLimits.Code)] string? recordType, [TextLimit(TextLimits.Name)] string? recordId,
        [TextLimit(TextLimits.Code)] string? action,
        [TextLimit(TextLimits.Code)] string? outcome, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        CancellationToken ct)
    {
        var f = AuditFilter.Check(from, to, actor, recordType, recordId, action, outcome, user);
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var args = await f.ParametersAsync(user, users, ct);
        args.AddDynamicParams(new { afterSeq = after?.Seq, take = take + 1 });
        List<Row> rows;
        await using (var c = await db.OpenConnectionAsync(ct))
            rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
                select {Columns}
                from audit.entries
                where {AuditFilter.Where}
                  and (@afterSeq::bigint is null or seq < @afterSeq)
                order by seq desc
                limit @take
                """, args, cancellationToken: ct))).ToList();

        var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).OfType<string>().ToList(), ct);
        var cards = await users.CardsAsync(rows.Select(r => r.ActorId).OfType<Guid>().ToList(), ct);
        var items = rows.Select(r =>
        {
            var card = r.ActorId is { } id ? cards.GetValueOrDefault(id) : null;
            return new AuditEntryResponse(
                r.Id, r.Seq, new DateTimeOffset(r.OccurredAt, TimeSpan.Zero), r.ActorId, r.ActorName,
                card?.DisplayName, card?.Unit, r.ActorKind, r.Action, r.RecordType, r.RecordId,
                r.RegionPath is null ? null : names.GetValueOrDefault(r.RegionPath), r.Outcome, Parse(r.Before),
                Parse(r.After), r.Ip, r.UserAgent);
        }).ToList();
        return TypedResults.Ok(Cursor.ToPage(items, take, e => new Key(e.Seq)));
    }

    private static JsonElement? Parse(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
