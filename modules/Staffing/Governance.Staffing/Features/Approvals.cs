using Governance.Staffing.Ledger;

namespace Governance.Staffing.Features;

/// <param name="Posts">Posts added (核增) or, negative, removed (核减); 0 when the line changes only the leadership
/// posts.</param>
/// <param name="LeaderPosts">领导职数 added or, negative, removed (optional).</param>
public sealed record ApprovalLineRequest(Guid? UnitId, [TextLimit(TextLimits.Code)] string? Kind,
    [TextLimit(TextLimits.Code)] string? Funding, int? Posts, int? LeaderPosts);

/// <param name="Kind"><c>opening</c> (期初核定: the figures a unit had when the ledger started) or
/// <c>approval</c> (a later 核增/核减).</param>
public sealed record CreateApprovalRequest(
    [TextLimit(TextLimits.Code)] string? Kind, [TextLimit(TextLimits.Number)] string? DocumentNo,
    DateOnly? DocumentDate, [TextLimit(100)] string? IssuedBy, DateOnly? EffectiveOn,
    [TextLimit(TextLimits.Note)] string? Note,
    IReadOnlyList<ApprovalLineRequest>? Lines);

public sealed record ApprovalLineResponse(
    Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string KindName, string Funding,
    string FundingName, int Posts, int LeaderPosts);

public sealed record ApprovalResponse(
    Guid Id, string Kind, string DocumentNo, DateOnly DocumentDate, string IssuedBy, DateOnly EffectiveOn,
    string? Note, IReadOnlyList<ApprovalLineResponse> Lines, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>核定编制: the document that sets or changes a unit's approved posts. Every line becomes a ledger line on
/// the effective date; a 核减 below the occupants of any later date is refused (the ledger writer's rule).</summary>
internal static class Approvals
{
    private sealed record Row(
        Guid Id, string Kind, string DocumentNo, DateOnly DocumentDate, string IssuedBy, DateOnly EffectiveOn,
        string? Note, DateTime RecordedAt, string RecordedBy);

    private sealed record LineRow(
        Guid ApprovalId, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding, int Posts,
        int LeaderPosts);

    public static async Task<Created<ApprovalResponse>> Create(
        CreateApprovalRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IUnitDirectory units,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator()
            .Check(r.Kind is "opening" or "approval", "kind", "类别只能是期初核定（opening）或核增核减（approval）。")
            .Required(r.DocumentNo, "documentNo", "批准文号")
            .Check(r.DocumentDate is not null, "documentDate", "请填写发文日期。")
            .Required(r.IssuedBy, "issuedBy", "批准机关")
            .Check(r.EffectiveOn is not null, "effectiveOn", "请填写生效日期。")
            .Check(r.Lines is { Count: > 0 and <= 500 }, "lines", "请填写核定的单位和编制数（每份文件 1–500 行）。");
        var lines = r.Lines ?? [];
        var resolved = new List<(UnitInfo Unit, string Kind, string Funding, int Posts, int Leaders)>();
        var found = await units.FindManyAsync(lines.Where(l => l.UnitId is not null).Select(l => l.UnitId!.Value)
            .ToList(), ct);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var unit = l.UnitId is { } u ? found.GetValueOrDefault(u) : null;
            var field = $"lines[{i}]";
            v.Check(unit is not null && user.Scope.Contains(unit.RegionPath) && PostTypes.HoldsPosts(unit.Kind),
                    $"{field}.unitId", "请选择您管辖范围内核定编制的单位。")
                .Check(l.Kind is not null && PostTypes.Kinds.ContainsKey(l.Kind), $"{field}.kind",
                    "编制类别只能是行政编制（administrative）或事业编制（institution）。")
                .Check(l.Funding is not null && PostTypes.Fundings.ContainsKey(l.Funding), $"{field}.funding",
                    "经费形式只能是全额拨款（full）、差额拨款（partial）或自收自支（self）。")
                .Check(l.Kind != "administrative" || l.Funding == "full", $"{field}.funding", "行政编制均为全额拨款。")
                .Check(unit is null || l.Kind is null || PostTypes.Allows(unit.Kind, l.Kind), $"{field}.kind",
                    "行政编制只能核定给行政机关（县直部门、乡镇内设机构）；事业单位核定事业编制。")
                .Check(l.Posts is >= -10000 and <= 10000 && (l.Posts != 0 || l.LeaderPosts is not null and not 0),
                    $"{field}.posts", "请填写核增（正数）或核减（负数）的编制数（只调整领导职数时填 0）。")
                .Check(l.LeaderPosts is null or >= -100 and <= 100, $"{field}.leaderPosts",
                    "领导职数的增减须在 -100 到 100 之间。")
                .Check(r.Kind != "opening" || l.Posts is null or > 0, $"{field}.posts", "期初核定的编制数须为正数。")
                .Check(r.Kind != "opening" || l.LeaderPosts is null or >= 0, $"{field}.leaderPosts",
                    "期初核定的领导职数不能为负数。");
            if (unit is not null && l.Kind is not null && l.Funding is not null && l.Posts is not null)
                resolved.Add((unit, l.Kind, l.Funding, l.Posts.Value, l.LeaderPosts ?? 0));
        }
        v.Check(resolved.Select(x => (x.Unit.Id, x.Kind, x.Funding)).Distinct().Count() == resolved.Count, "lines",
            "同一单位的同一类编制只能填写一行。");
        v.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var establishments = new List<Guid>();
        foreach (var x in resolved)
            establishments.Add(await Establishments.EnsureAsync(c, tx, x.Unit, x.Kind, x.Funding, ct));
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.approvals (id, region_path, document_no, document_date, issued_by, effective_on, kind,
                note, recorded_at, recorded_by)
            values (@id, @path, @documentNo, @documentDate, @issuedBy, @effectiveOn, @kind, @note, @now, @by);
            insert into staffing.approval_lines (approval_id, establishment_id, posts, leader_posts)
            select @id, unnest(@establishments), unnest(@posts), unnest(@leaders);
            """, new
            {
                id, path = user.Scope.Path, documentNo = r.DocumentNo!.Trim(), documentDate = r.DocumentDate,
                issuedBy = r.IssuedBy!.Trim(), effectiveOn = r.EffectiveOn, kind = r.Kind,
                note = TextInput.Blank(r.Note),
                now, by = user.Name, establishments = establishments.ToArray(),
                posts = resolved.Select(x => x.Posts).ToArray(), leaders = resolved.Select(x => x.Leaders).ToArray(),
            }, tx, cancellationToken: ct));
        var movement = (string kind, int posts) =>
            kind == "opening" ? "opening" : posts > 0 ? "approval" : posts < 0 ? "reduction" : "leaders";
        await LedgerWriter.AppendAsync(c, tx, resolved.Select((x, i) => new LedgerLine(establishments[i],
            r.EffectiveOn!.Value, movement(r.Kind!, x.Posts), x.Posts, 0, r.DocumentNo!.Trim(), id,
            LeadersApprovedDelta: x.Leaders)).ToList(), CountyClock.Today(clock), now, user.Name, ct);
        var response = (await ToResponses(c, tx, [(await FindAsync(c, tx, id, user, ct))!], user, ct))[0];
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.approval_recorded", "staffing_approval", id.ToString(),
            user.Scope.Path, After: response), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/staffing/approvals/{id}", response);
    }

    private sealed record Key(DateTime RecordedAt, Guid Id);

    public static async Task<Ok<Page<ApprovalResponse>>> List(
        [TextLimit(TextLimits.Search)] string? q, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db, CurrentUser user, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var search = TextInput.Blank(q);
        await using var c = await db.OpenConnectionAsync(ct);
        // a township sees the documents that touch its units; the county sees its own
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            select a.id, a.kind, a.document_no, a.document_date, a.issued_by, a.effective_on, a.note, a.recorded_at,
                   a.recorded_by
            from staffing.approvals a
            where {Visible}
              and (@q::text is null or a.document_no ilike '%' || @q || '%' or a.issued_by ilike '%' || @q || '%')
              and (@afterId::uuid is null or (a.recorded_at, a.id) < (@afterAt, @afterId))
            order by a.recorded_at desc, a.id desc limit @take
            """, new
            {
                scope = user.Scope.Pattern, q = search, afterAt = after?.RecordedAt ?? DateTime.MinValue,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, a => new Key(a.RecordedAt, a.Id));
        return TypedResults.Ok(new Page<ApprovalResponse>(
            await ToResponses(c, null, page.Items, user, ct), page.NextCursor));
    }

    private const string Visible = """
        (a.region_path like @scope or exists (select 1 from staffing.approval_lines l
            join staffing.establishments e on e.id = l.establishment_id
            where l.approval_id = a.id and e.region_path like @scope))
        """;

    public static async Task<Ok<ApprovalResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(c, null, id, user, ct);
        if (row is null) return await guard.DenyAsync<Ok<ApprovalResponse>>("staffing_approval", id, ct);
        return TypedResults.Ok((await ToResponses(c, null, [row], user, ct))[0]);
    }

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            select a.id, a.kind, a.document_no, a.document_date, a.issued_by, a.effective_on, a.note, a.recorded_at,
                   a.recorded_by
            from staffing.approvals a where a.id = @id and {Visible}
            """, new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private static async Task<IReadOnlyList<ApprovalResponse>> ToResponses(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, CurrentUser user, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        // only the lines of units in the caller's scope: a township does not see another's figures
        var lines = (await c.QueryAsync<LineRow>(new CommandDefinition("""
            select l.approval_id, e.id as establishment_id, e.unit_id, e.unit_name, e.kind, e.funding, l.posts,
                   l.leader_posts
            from staffing.approval_lines l join staffing.establishments e on e.id = l.establishment_id
            where l.approval_id = any(@ids) and e.region_path like @scope
            order by e.region_path, e.unit_name, e.kind, e.funding
            """, new { ids = rows.Select(r => r.Id).ToArray(), scope = user.Scope.Pattern }, tx,
            cancellationToken: ct))).ToLookup(l => l.ApprovalId);
        return rows.Select(a => new ApprovalResponse(a.Id, a.Kind, a.DocumentNo, a.DocumentDate, a.IssuedBy,
            a.EffectiveOn, a.Note,
            lines[a.Id].Select(l => new ApprovalLineResponse(l.EstablishmentId, l.UnitId, l.UnitName, l.Kind,
                PostTypes.Kinds[l.Kind], l.Funding, PostTypes.Fundings[l.Funding], l.Posts, l.LeaderPosts)).ToList(),
            new DateTimeOffset(DateTime.SpecifyKind(a.RecordedAt, DateTimeKind.Utc)), a.RecordedBy)).ToList();
    }
}
