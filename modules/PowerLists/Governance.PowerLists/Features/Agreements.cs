using Microsoft.Extensions.Options;

namespace Governance.PowerLists.Features;

public sealed record CreateAgreementRequest(
    [TextLimit(TextLimits.Number)] string? DocumentNo, Guid? DepartmentId, Guid? TownshipId, DateOnly? SignedOn,
    DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<Guid>? ItemIds, [TextLimit(TextLimits.Link)] string? NoticeUrl);

public sealed record RevokeAgreementRequest(DateOnly? RevokedOn, [TextLimit(500)] string? Reason);

public sealed record AgreementItem(Guid ItemId, string Code, string Name);

public sealed record AgreementResponse(
    Guid Id, string DocumentNo, Guid DepartmentId, string DepartmentName, Guid TownshipId, string TownshipName,
    DateOnly SignedOn, DateOnly StartsOn, DateOnly EndsOn, DateOnly? RevokedOn, string? RevokeReason, string? NoticeUrl,
    string Status, int? DaysToExpiry, IReadOnlyList<AgreementItem> Items, int Version);

/// <summary>
/// 行政执法委托协议书. "In force on D" is computed from the term and revocation at query time: nothing has to run for
/// an expiry to count.
/// </summary>
internal static class Agreements
{
    /// <summary>SQL: agreement <c>a</c> in force on <c>@date</c>.</summary>
    public const string InForce =
        "(a.starts_on <= @date and @date <= a.ends_on and (a.revoked_on is null or @date < a.revoked_on))";

    /// <summary>
    /// SQL: agreement <c>a</c> is in force on <c>@date</c> and covers entry <c>e</c>'s item — what makes a 委托 entry
    /// exercisable.
    /// </summary>
    public const string BacksEntry =
        $"coalesce({InForce} and exists (select 1 from power_lists.agreement_items ai where ai.agreement_id = a.id " +
        "and ai.item_id = e.item_id), false)";

    private sealed record Row(
        Guid Id, string DocumentNo, Guid DepartmentId, string DepartmentName, Guid TownshipId, string TownshipPath,
        DateOnly SignedOn, DateOnly StartsOn, DateOnly EndsOn, DateOnly? RevokedOn, string? RevokeReason,
        string? NoticeUrl, int Version);

    private sealed record ItemRow(Guid AgreementId, Guid ItemId, string Code, string Name);

    private const string Columns = """
        select a.id, a.document_no, a.department_id, a.department_name, a.township_id, a.township_path, a.signed_on,
               a.starts_on, a.ends_on, a.revoked_on, a.revoke_reason, a.notice_url, a.version
        from power_lists.agreements a
        """;

    /// <summary>
    /// SQL: agreement <c>a</c> ends within <c>@expiryDays</c> of <c>@date</c> (即将到期). Terms are inclusive: ends_on
    /// is the last day in force.
    /// </summary>
    public const string EndsSoon = "a.ends_on - @date <= @expiryDays";

    private static string Status(Row a, DateOnly today, int expiryDays) =>
        a.RevokedOn is { } r && r <= today ? "revoked"
        : today < a.StartsOn ? "pending"
        : today > a.EndsOn ? "expired"
        : a.EndsOn.DayNumber - today.DayNumber <= expiryDays ? "expiring"
        : "in_force";

    public static async Task<Ok<Page<AgreementResponse>>> List(
        Guid? townshipId, [TextLimit(TextLimits.Code)] string? status, [TextLimit(TextLimits.Cursor)] string? cursor,
        int? limit, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        var expiryDays = s.Options.Value.AgreementExpiryWarningDays;
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var today = CountyClock.Today(s.Clock);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Columns}
            where {RegionScope.Sql("a.township_path")}
              and (@townshipId::uuid is null or a.township_id = @townshipId)
              and (@status::text is null or @status = case
                    when a.revoked_on <= @date then 'revoked'
                    when @date < a.starts_on then 'pending'
                    when @date > a.ends_on then 'expired'
                    when {EndsSoon} then 'expiring'
                    else 'in_force' end)
              and (@afterEnds::date is null or (a.ends_on, a.id) > (@afterEnds, @afterId))
            order by a.ends_on, a.id
            limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, townshipId, status = TextInput.Blank(status), date = today, expiryDays,
                afterEnds = after?.EndsOn, afterId = after?.Id ?? Guid.Empty,
                take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.EndsOn, r.Id));
        return TypedResults.Ok(new Page<AgreementResponse>(await ToResponses(c, page.Items, s.Regions, today,
            expiryDays, ct), page.NextCursor));
    }

    private sealed record Key(DateOnly EndsOn, Guid Id);

    /// <summary>委托协议变更 for nightly scripts: the agreements in scope signed or revoked since the cursor (see
    /// <see cref="ChangeFeed"/>).</summary>
    public static async Task<Ok<ChangePage<AgreementResponse>>> Changes(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        var today = CountyClock.Today(s.Clock);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<AgreementResponse>> Load(IReadOnlyList<Guid> ids) =>
            await ToResponses(c, (await c.QueryAsync<Row>(new CommandDefinition($"""
                {Columns} where a.id = any(@ids)
                """, new { ids = ids.ToArray() }, cancellationToken: ct))).ToList(), s.Regions, today,
                s.Options.Value.AgreementExpiryWarningDays, ct);
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c, new ChangeSource<AgreementResponse>(
            "power_lists.agreements", "a", RegionScope.Sql("a.township_path"), Load, a => a.Id),
            s.User.Scope, changedSince, limit, ct));
    }

    public static async Task<Ok<AgreementResponse>> Get(Guid id, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var row = await Find(c, null, id, s.User, ct);
        if (row is null) return await s.Guard.DenyAsync<Ok<AgreementResponse>>("agreement", id, ct);
        ETags.Set(s.Http, row.Version);
        var expiryDays = s.Options.Value.AgreementExpiryWarningDays;
        return TypedResults.Ok((await ToResponses(c, [row], s.Regions, CountyClock.Today(s.Clock), expiryDays, ct))[0]);
    }

    private static Task<Row?> Find(NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user,
        CancellationToken ct, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            {Columns} where a.id = @id and {RegionScope.Sql("a.township_path")}
                {(forUpdate ? "for update" : "")}
            """, new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private static async Task<IReadOnlyList<AgreementResponse>> ToResponses(
        NpgsqlConnection c, IReadOnlyList<Row> rows, IRegionDirectory regions, DateOnly today, int expiryDays,
        CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var items = (await c.QueryAsync<ItemRow>(new CommandDefinition("""
            select ai.agreement_id, i.id as item_id, i.code, v.name
            from power_lists.agreement_items ai
            join power_lists.items i on i.id = ai.item_id
            join lateral (select name from power_lists.item_versions where item_id = i.id order by version desc limit 1)
                v on true
            where ai.agreement_id = any(@ids)
            order by i.code
            """, new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: ct))).ToLookup(i => i.AgreementId);
        var names = await regions.NamesByPathAsync(rows.Select(r => r.TownshipPath).Distinct().ToList(), ct);
        return rows.Select(a => new AgreementResponse(a.Id, a.DocumentNo, a.DepartmentId, a.DepartmentName,
            a.TownshipId, names.GetValueOrDefault(a.TownshipPath, ""), a.SignedOn, a.StartsOn, a.EndsOn, a.RevokedOn,
            a.RevokeReason, a.NoticeUrl, Status(a, today, expiryDays),
            Status(a, today, expiryDays) is "in_force" or "expiring" or "pending" ? a.EndsOn.DayNumber - today.DayNumber
                : null,
            items[a.Id].Select(i => new AgreementItem(i.ItemId, i.Code, i.Name)).ToList(), a.Version)).ToList();
    }

    public static async Task<Created<AgreementResponse>> Create(
        CreateAgreementRequest r, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        var v = new Validator()
            .Required(r.DocumentNo, "documentNo", "协议文号")
            .Check(r.SignedOn is not null, "signedOn", "请填写签订日期。")
            .Check(r.StartsOn is not null, "startsOn", "请填写委托起始日期。")
            .Check(r.EndsOn is not null, "endsOn", "请填写委托终止日期。")
            .Check(r.StartsOn is null || r.EndsOn is null || r.EndsOn >= r.StartsOn, "endsOn",
                "终止日期不能早于起始日期。")
            .Check(r.SignedOn is null || r.StartsOn is null || r.SignedOn <= r.StartsOn, "signedOn",
                "签订日期不能晚于委托起始日期。")
            .Check(r.ItemIds is { Count: > 0 }, "itemIds", "请选择委托的事项。")
            .Check(r.DepartmentId is not null, "departmentId", "请选择委托方（县直部门）。")
            .Check(r.TownshipId is not null, "townshipId", "请选择受托乡镇（街道）。");
        var department = r.DepartmentId is { } d ? await s.Units.FindAsync(d, ct) : null;
        var township = r.TownshipId is { } t ? await s.Regions.FindAsync(t, ct) : null;
        v.Check(r.DepartmentId is null
                || department is { Kind: "county_department" } && s.User.Scope.Contains(department.RegionPath),
            "departmentId", "委托方必须是您管辖范围内的县直部门。");
        v.Check(r.TownshipId is null
                || township is { Level: RegionLevels.Township } && s.User.Scope.Contains(township.Path),
            "townshipId", "受托方必须是您管辖范围内的乡镇（街道）。");
        v.ThrowIfInvalid();

        await using var c = await s.Db.OpenConnectionAsync(ct);
        var itemIds = r.ItemIds!.Distinct().ToArray();
        var known = (await c.QueryAsync<Guid>(new CommandDefinition(
            "select id from power_lists.items where id = any(@itemIds) and @townshipPath like county_path || '%'",
            new { itemIds, townshipPath = township!.Path }, cancellationToken: ct))).ToHashSet();
        if (known.Count != itemIds.Length)
            throw new ValidationException("itemIds",
                $"有 {itemIds.Length - known.Count} 个事项不在该乡镇所属县的目录中。");

        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.agreements (id, document_no, department_id, department_name, township_id,
                                                township_path, signed_on, starts_on, ends_on, notice_url, created_at,
                                                created_by)
            values (@id, @documentNo, @departmentId, @departmentName, @townshipId, @townshipPath, @signedOn, @startsOn,
                @endsOn, @noticeUrl, @now, @by)
            on conflict (document_no) do nothing
            """, new
            {
                id, documentNo = r.DocumentNo!.Trim(), departmentId = department!.Id, departmentName = department.Name,
                townshipId = township.Id, townshipPath = township.Path, r.SignedOn, r.StartsOn, r.EndsOn,
                noticeUrl = TextInput.Blank(r.NoticeUrl), by = s.User.Name, now = s.Clock.GetUtcNow().UtcDateTime,
            }, tx, cancellationToken: ct));
        if (inserted == 0)
            throw new ConflictException("agreements.document_no_taken", $"协议文号“{r.DocumentNo!.Trim()}”已登记。");
        await c.ExecuteAsync(new CommandDefinition(
            "insert into power_lists.agreement_items (agreement_id, item_id) select @id, unnest(@itemIds)",
            new { id, itemIds }, tx, cancellationToken: ct));
        var row = (await Find(c, tx, id, s.User, ct))!;
        var expiryDays = s.Options.Value.AgreementExpiryWarningDays;
        var response = (await ToResponses(c, [row], s.Regions, CountyClock.Today(s.Clock), expiryDays, ct))[0];
        await s.Audit.RecordAsync(c, tx, new AuditRecord("agreement.created", "agreement", id.ToString(), township.Path,
            After: response), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, row.Version);
        return TypedResults.Created($"/api/v1/power-lists/agreements/{id}", response);
    }

    /// <summary>
    /// 撤销: from <c>revokedOn</c> on, every entrusted entry under the agreement stops being exercisable.
    /// </summary>
    public static async Task<Ok<AgreementResponse>> Revoke(
        Guid id, RevokeAgreementRequest r, [AsParameters] PowerListsServices s)
    {
        var ct = s.Cancellation;
        new Validator()
            .Check(r.RevokedOn is not null, "revokedOn", "请填写撤销生效日期。")
            .Required(r.Reason, "reason", "撤销原因")
            .ThrowIfInvalid();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await Find(c, tx, id, s.User, ct, forUpdate: true);
        if (before is null) return await s.Guard.DenyAsync<Ok<AgreementResponse>>("agreement", id, ct);
        ETags.Require(s.Http, before.Version);
        if (before.RevokedOn is not null)
            throw new ConflictException("agreements.already_revoked",
                $"该协议已于 {before.RevokedOn:yyyy-MM-dd} 撤销。");
        if (r.RevokedOn > before.EndsOn)
            throw new ValidationException("revokedOn", "撤销日期晚于协议终止日期，无需撤销。");
        if (r.RevokedOn < before.StartsOn)
            throw new ValidationException("revokedOn",
                $"撤销日期不能早于协议起始日期（{before.StartsOn:yyyy-MM-dd}）。");

        await c.ExecuteAsync(new CommandDefinition("""
            update power_lists.agreements set revoked_on = @revokedOn, revoke_reason = @reason, version = version + 1
                where id = @id
            """, new { id, r.RevokedOn, reason = r.Reason!.Trim() }, tx, cancellationToken: ct));
        var today = CountyClock.Today(s.Clock);
        var after = (await Find(c, tx, id, s.User, ct))!;
        var responses = await ToResponses(c, [before, after], s.Regions, today,
            s.Options.Value.AgreementExpiryWarningDays, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord(
            "agreement.revoked", "agreement", id.ToString(), before.TownshipPath, responses[0], responses[1]), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, after.Version);
        return TypedResults.Ok(responses[1]);
    }
}
