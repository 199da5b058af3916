using Governance.Staffing.Ledger;

namespace Governance.Staffing.Features;

/// <param name="ValidUntil">消化期限: the date by which the unit must be back within its posts (after it, an
/// unresolved exception is overdue).</param>
public sealed record CreateExceptionRequest(
    Guid? EstablishmentId, int? Posts, [TextLimit(TextLimits.Number)] string? DocumentNo,
    [TextLimit(TextLimits.Note)] string? Reason, DateOnly? ValidFrom, DateOnly? ValidUntil);

public sealed record ResolveExceptionRequest(DateOnly? ResolvedOn, [TextLimit(TextLimits.Note)] string? Resolution);

/// <param name="Status"><c>in_force</c>, <c>overdue</c> (its term ended but it was never resolved) or
/// <c>resolved</c>.</param>
public sealed record ExceptionResponse(
    Guid Id, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, int Posts,
    string DocumentNo, string Reason, DateOnly ValidFrom, DateOnly ValidUntil, DateOnly? ResolvedOn,
    string? Resolution, string Status, DateTimeOffset RecordedAt, string RecordedBy, int Version);

/// <summary>超编例外: the one way a unit may hold more people than posts — recorded with its document, limited in time,
/// shown on the health page until resolved. Resolving it is refused while the unit would still be over.</summary>
internal static class Exceptions
{
    private sealed record Row(
        Guid Id, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, string RegionPath,
        int Posts, string DocumentNo, string Reason, DateOnly ValidFrom, DateOnly ValidUntil, DateOnly? ResolvedOn,
        string? Resolution, DateTime RecordedAt, string RecordedBy, int Version);

    private const string Select = """
        select x.id, x.establishment_id, e.unit_id, e.unit_name, e.kind, e.funding, x.region_path, x.posts,
               x.document_no, x.reason, x.valid_from, x.valid_until, x.resolved_on, x.resolution, x.recorded_at,
               x.recorded_by, x.version
        from staffing.exceptions x join staffing.establishments e on e.id = x.establishment_id
        """;

    private static ExceptionResponse ToResponse(Row x, DateOnly today) =>
        new(x.Id, x.EstablishmentId, x.UnitId, x.UnitName, x.Kind, x.Funding, x.Posts, x.DocumentNo, x.Reason,
            x.ValidFrom, x.ValidUntil, x.ResolvedOn, x.Resolution,
            x.ResolvedOn is not null ? "resolved" : today > x.ValidUntil ? "overdue" : "in_force",
            new DateTimeOffset(DateTime.SpecifyKind(x.RecordedAt, DateTimeKind.Utc)), x.RecordedBy, x.Version);

    public static async Task<Created<ExceptionResponse>> Create(
        CreateExceptionRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, ScopeGuard guard,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        new Validator()
            .Check(r.EstablishmentId is not null, "establishmentId", "请选择单位的编制类别。")
            .Check(r.Posts is >= 1 and <= 1000, "posts", "超编人数须在 1–1000 之间。")
            .Required(r.DocumentNo, "documentNo", "批准文号")
            .Required(r.Reason, "reason", "超编原因")
            .Check(r.ValidFrom is not null, "validFrom", "请填写起始日期。")
            .Check(r.ValidUntil is not null, "validUntil", "请填写消化期限。")
            .Check(r.ValidFrom is null || r.ValidUntil is null || r.ValidUntil >= r.ValidFrom
                   && r.ValidUntil <= r.ValidFrom.Value.AddYears(5), "validUntil", "消化期限须在起始日期后 5 年以内。")
            .ThrowIfInvalid();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var e = await Establishments.FindAsync(c, tx, r.EstablishmentId!.Value, user, ct);
        if (e is null)
            return await guard.DenyAsync<Created<ExceptionResponse>>("establishment", r.EstablishmentId.Value, ct);
        var id = Guid.CreateVersion7();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.exceptions (id, establishment_id, region_path, posts, document_no, reason, valid_from,
                valid_until, recorded_at, recorded_by)
            values (@id, @establishment, @path, @Posts, @documentNo, @reason, @ValidFrom, @ValidUntil, @now, @by)
            """, new
            {
                id, establishment = e.Id, path = e.RegionPath, r.Posts, documentNo = r.DocumentNo!.Trim(),
                reason = r.Reason!.Trim(), r.ValidFrom, r.ValidUntil, now = clock.GetUtcNow().UtcDateTime,
                by = user.Name,
            }, tx, cancellationToken: ct));
        var response = ToResponse((await FindAsync(c, tx, id, user, ct))!, CountyClock.Today(clock));
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.exception_recorded", "staffing_exception",
            id.ToString(), e.RegionPath, After: response), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, 1);
        return TypedResults.Created($"/api/v1/staffing/exceptions/{id}", response);
    }

    public static async Task<Ok<ExceptionResponse>> Resolve(
        Guid id, ResolveExceptionRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit,
        ScopeGuard guard, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var x = await FindAsync(c, tx, id, user, ct, forUpdate: true);
        if (x is null) return await guard.DenyAsync<Ok<ExceptionResponse>>("staffing_exception", id, ct);
        ETags.Require(http, x.Version);
        if (x.ResolvedOn is not null) throw new ConflictException("staffing.exception_resolved", "该超编例外已消化。");
        new Validator()
            .Check(r.ResolvedOn is { } d && d >= x.ValidFrom && d <= today, "resolvedOn",
                $"消化日期须在 {x.ValidFrom:yyyy-MM-dd} 至今天之间。")
            .Required(r.Resolution, "resolution", "消化情况")
            .ThrowIfInvalid();
        await c.ExecuteAsync(new CommandDefinition("""
            update staffing.exceptions set resolved_on = @ResolvedOn, resolution = @resolution, version = version + 1
            where id = @id
            """, new { id, r.ResolvedOn, resolution = r.Resolution!.Trim() }, tx, cancellationToken: ct));
        // without the exception the unit must be within its posts from that day on
        await LedgerWriter.AppendAsync(c, tx, [], today, clock.GetUtcNow().UtcDateTime, user.Name, ct,
            recheck: (x.EstablishmentId, r.ResolvedOn!.Value));
        var after = ToResponse((await FindAsync(c, tx, id, user, ct))!, today);
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.exception_resolved", "staffing_exception",
            id.ToString(), x.RegionPath, ToResponse(x, today), after), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, after.Version);
        return TypedResults.Ok(after);
    }

    private sealed record Key(DateOnly ValidUntil, Guid Id);

    /// <summary>超编例外 in scope: <c>open</c> (in force or overdue, the default) or <c>resolved</c>.</summary>
    public static async Task<Ok<Page<ExceptionResponse>>> List(
        [TextLimit(TextLimits.Code)] string? status, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db, CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var resolved = (TextInput.Blank(status) ?? "open") switch
        {
            "open" => false, "resolved" => true,
            _ => throw new ValidationException("status", "状态只能是 open 或 resolved。"),
        };
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where x.region_path like @scope and (x.resolved_on is not null) = @resolved
              and (x.valid_until, x.id) > (@afterUntil, @afterId)
            order by x.valid_until, x.id limit @take
            """, new
            {
                scope = user.Scope.Pattern, resolved, afterUntil = after?.ValidUntil ?? DateOnly.MinValue,
                afterId = after?.Id ?? Guid.Empty, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var today = CountyClock.Today(clock);
        var page = Cursor.ToPage(rows, take, x => new Key(x.ValidUntil, x.Id));
        return TypedResults.Ok(new Page<ExceptionResponse>(page.Items.Select(x => ToResponse(x, today)).ToList(),
            page.NextCursor));
    }

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where x.id = @id and x.region_path like @scope {(forUpdate ? "for update of x" : "")}",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
}
