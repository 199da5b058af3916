namespace Governance.Staffing.Features;

/// <summary>One line of the establishment ledger as a nightly script pulls it: which unit's posts (kind, funding)
/// moved, how, by how much, on which day and under which document.</summary>
public sealed record LedgerMovement(
    Guid Id, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, DateOnly EffectiveOn,
    string Movement, string MovementName, int ApprovedDelta, int OccupiedDelta, int LeadersApprovedDelta,
    int LeadersHeldDelta, string? DocumentNo, string? Note, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>编制变动 for nightly scripts: the ledger's movements (approvals, transfers in and out, entries and exits)
/// recorded since the cursor, in the caller's scope (see <see cref="ChangeFeed"/>). Lines are never changed.</summary>
internal static class LedgerMovements
{
    private sealed record Row(
        Guid Id, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, DateOnly EffectiveOn,
        string Movement, int ApprovedDelta, int OccupiedDelta, int LeadersApprovedDelta, int LeadersHeldDelta,
        string? DocumentNo, string? Note, DateTime RecordedAt, string RecordedBy);

    public static async Task<Ok<ChangePage<LedgerMovement>>> Changes(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, NpgsqlDataSource db, CurrentUser user,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<LedgerMovement>> Load(IReadOnlyList<Guid> ids) =>
            (await c.QueryAsync<Row>(new CommandDefinition("""
                select l.id, l.establishment_id, e.unit_id, e.unit_name, e.kind, e.funding, l.effective_on,
                       l.movement, l.approved_delta, l.occupied_delta, l.leaders_approved_delta,
                       l.leaders_held_delta, l.document_no, l.note, l.recorded_at, l.recorded_by
                from staffing.ledger_lines l join staffing.establishments e on e.id = l.establishment_id
                where l.id = any(@ids)
                """, new { ids = ids.ToArray() }, cancellationToken: ct)))
            .Select(l => new LedgerMovement(l.Id, l.EstablishmentId, l.UnitId, l.UnitName, l.Kind, l.Funding,
                l.EffectiveOn, l.Movement, PostTypes.Movements[l.Movement], l.ApprovedDelta, l.OccupiedDelta,
                l.LeadersApprovedDelta, l.LeadersHeldDelta, l.DocumentNo, l.Note, Timestamps.Utc(l.RecordedAt),
                l.RecordedBy))
            .ToList();
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c, new ChangeSource<LedgerMovement>(
            "staffing.ledger_lines", "l", $"""
                exists (select 1 from staffing.establishments e
                        where e.id = l.establishment_id and {RegionScope.Sql("e.region_path")})
                and {user.PeriodSql("l.effective_on")}
                """, Load, l => l.Id),
            user.Scope, changedSince, limit, ct));
    }
}
