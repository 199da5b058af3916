using Governance.Staffing.Ledger;
using Microsoft.Extensions.Options;

namespace Governance.Staffing.Features;

public sealed record TransferLineRequest(
    Guid? FromUnitId, Guid? ToUnitId, [TextLimit(TextLimits.Code)] string? Kind,
    [TextLimit(TextLimits.Code)] string? Funding, int? Posts, [TextLimit(TextLimits.Note)] string? Purpose);

/// <param name="HigherApproval">上级机构编制部门的批准文号: required when 行政编制 move between levels
/// (编制管理条例 art. 18).</param>
public sealed record CreateTransferRequest(
    [TextLimit(TextLimits.Number)] string? DocumentNo, DateOnly? DocumentDate,
    [TextLimit(TextLimits.Number)] string? ApprovedBy, [TextLimit(TextLimits.Number)] string? HigherApproval,
    DateOnly? EffectiveOn,
    [TextLimit(TextLimits.Note)] string? Note, IReadOnlyList<TransferLineRequest>? Lines);

public sealed record TransferLineResponse(
    Guid FromEstablishmentId, Guid FromUnitId, string FromUnitName, Guid ToEstablishmentId, Guid ToUnitId,
    string ToUnitName, string Kind, string KindName, string Funding, string FundingName, int Posts,
    string? Purpose, string? PurposeName);

public sealed record TransferResponse(
    Guid Id, string DocumentNo, DateOnly DocumentDate, string ApprovedBy, string? HigherApproval,
    DateOnly EffectiveOn, string? Note, int Posts, IReadOnlyList<TransferLineResponse> Lines,
    DateTimeOffset RecordedAt, string RecordedBy);

public sealed record YearPosts(int Year, int Posts);

/// <param name="Guidance"><c>below</c>, <c>within</c> or <c>above</c> the configured range of posts a township
/// receives over the reform.</param>
public sealed record TownshipTransfers(
    Guid TownshipId, string TownshipName, int Posts, IReadOnlyList<YearPosts> ByYear, string Guidance);

public sealed record TransferSummary(int Min, int Max, int Total, IReadOnlyList<TownshipTransfers> Townships);

/// <summary>
/// 编制划转 (减县补乡): posts move from county units to township units by one document; all its lines apply or none
/// (one transaction through the ledger writer, which refuses a line that would leave a county unit with more people
/// than posts). A transfer moves posts and creates none, so the county's total is unchanged.
/// </summary>
internal static class Transfers
{
    private sealed record Resolved(
        UnitInfo From, UnitInfo To, string Kind, string Funding, int Posts, string? Purpose);

    public static async Task<Created<TransferResponse>> Create(
        CreateTransferRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IUnitDirectory units,
        IRegionDirectory regions, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator()
            .Required(r.DocumentNo, "documentNo", "划转文号")
            .Check(r.DocumentDate is not null, "documentDate", "请填写发文日期。")
            .Required(r.ApprovedBy, "approvedBy", "批准机关")
            .Check(r.EffectiveOn is not null, "effectiveOn", "请填写生效日期。")
            .Check(r.Lines is { Count: > 0 and <= 500 }, "lines", "请填写划转明细（每份文件 1–500 行）。");
        var resolved = new List<Resolved>();
        var lines = r.Lines ?? [];
        // every unit of the document and their regions in two queries, not two per line
        var found = await units.FindManyAsync(lines.SelectMany(l => new[] { l.FromUnitId, l.ToUnitId })
            .OfType<Guid>().ToList(), ct);
        var levels = (await regions.FindManyAsync(found.Values.Select(u => u.RegionId).ToList(), ct))
            .ToDictionary(x => x.Key, x => x.Value.Level);
        for (var i = 0; i < lines.Count; i++)
        {
            var (l, field) = (lines[i], $"lines[{i}]");
            var from = l.FromUnitId is { } f ? found.GetValueOrDefault(f) : null;
            var to = l.ToUnitId is { } t ? found.GetValueOrDefault(t) : null;
            var fromLevel = from is null ? null : levels.GetValueOrDefault(from.RegionId);
            var toLevel = to is null ? null : levels.GetValueOrDefault(to.RegionId);
            v.Check(from is not null && fromLevel == RegionLevels.County && user.Scope.Contains(from.RegionPath),
                    $"{field}.fromUnitId", "划出单位须是您管辖范围内的县直单位。")
                .Check(to is not null && toLevel == RegionLevels.Township && PostTypes.HoldsPosts(to.Kind)
                       && (from is null || to.RegionPath.StartsWith(from.RegionPath, StringComparison.Ordinal)),
                    $"{field}.toUnitId", "划入单位须是本县乡镇（街道）的单位。")
                .Check(l.Kind is not null && PostTypes.Kinds.ContainsKey(l.Kind), $"{field}.kind", "请选择编制类别。")
                .Check(l.Funding is not null && PostTypes.Fundings.ContainsKey(l.Funding), $"{field}.funding",
                    "请选择经费形式。")
                .Check(to is null || l.Kind is null || PostTypes.Allows(to.Kind, l.Kind), $"{field}.kind",
                    "行政编制只能划入乡镇（街道）的行政机构（内设机构），事业单位接收事业编制。")
                .Check(l.Posts is >= 1 and <= 1000, $"{field}.posts", "划转编制数须在 1–1000 之间。")
                .Check(l.Purpose is null || PostTypes.Purposes.ContainsKey(l.Purpose), $"{field}.purpose",
                    "用途只能是 enforcement、service、agriculture、governance 或 other。");
            if (from is not null && to is not null && l is { Kind: { } kind, Funding: { } funding, Posts: { } posts })
                resolved.Add(new Resolved(from, to, kind, funding, posts, l.Purpose));
        }
        v.Check(!resolved.Any(x => x.Kind == "administrative") || !string.IsNullOrWhiteSpace(r.HigherApproval),
            "higherApproval",
            "行政编制跨层级划转须经上级机构编制部门批准" +
            "（《地方各级人民政府机构设置和编制管理条例》第十八条），请填写批准文号。");
        v.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var pairs = new List<(Guid From, Guid To)>();
        for (var i = 0; i < resolved.Count; i++)
        {
            var x = resolved[i];
            var from = await c.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                """
                select id from staffing.establishments where unit_id = @unitId and kind = @Kind and funding = @Funding
                """,
                new { unitId = x.From.Id, x.Kind, x.Funding }, tx, cancellationToken: ct))
                ?? throw new ValidationException($"lines[{i}].fromUnitId",
                    $"{x.From.Name}没有核定{PostTypes.Describe(x.Kind, x.Funding)}，无从划出。");
            pairs.Add((from, await Establishments.EnsureAsync(c, tx, x.To, x.Kind, x.Funding, ct)));
        }
        var countyPath = resolved[0].From.RegionPath;
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.transfers (id, region_path, document_no, document_date, approved_by, higher_approval,
                effective_on, note, recorded_at, recorded_by)
            values (@id, @countyPath, @documentNo, @DocumentDate, @approvedBy, @higherApproval, @EffectiveOn, @note,
                @now, @by);
            insert into staffing.transfer_lines (transfer_id, line, from_establishment, to_establishment, posts,
                purpose)
            select @id, ordinality, f, t, p, u
            from unnest(@froms, @tos, @posts, @purposes) with ordinality as x(f, t, p, u);
            """, new
            {
                id, countyPath, documentNo = r.DocumentNo!.Trim(), r.DocumentDate, approvedBy = r.ApprovedBy!.Trim(),
                higherApproval = TextInput.Blank(r.HigherApproval), r.EffectiveOn, note = TextInput.Blank(r.Note), now,
                by = user.Name, froms = pairs.Select(p => p.From).ToArray(), tos = pairs.Select(p => p.To).ToArray(),
                posts = resolved.Select(x => x.Posts).ToArray(), purposes = resolved.Select(x => x.Purpose).ToArray(),
            }, tx, cancellationToken: ct));
        var on = r.EffectiveOn!.Value;
        var document = r.DocumentNo.Trim();
        await LedgerWriter.AppendAsync(c, tx, resolved.SelectMany((x, i) => new[]
        {
            new LedgerLine(pairs[i].From, on, "transfer_out", -x.Posts, 0, document, id, $"划入{x.To.Name}"),
            new LedgerLine(pairs[i].To, on, "transfer_in", x.Posts, 0, document, id, $"自{x.From.Name}划入"),
        }).ToList(), CountyClock.Today(clock), now, user.Name, ct);
        var response = (await ToResponses(c, tx, [(await FindAsync(c, tx, id, user, ct))!], user, ct))[0];
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.transfer_recorded", "staffing_transfer",
            id.ToString(), countyPath, After: response), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/staffing/transfers/{id}", response);
    }

    private sealed record Row(
        Guid Id, string DocumentNo, DateOnly DocumentDate, string ApprovedBy, string? HigherApproval,
        DateOnly EffectiveOn, string? Note, DateTime RecordedAt, string RecordedBy);

    private sealed record LineRow(
        Guid TransferId, Guid FromEstablishmentId, Guid FromUnitId, string FromUnitName, Guid ToEstablishmentId,
        Guid ToUnitId, string ToUnitName, string Kind, string Funding, int Posts, string? Purpose);

    /// <summary>A township sees the documents that moved posts to it (and only those lines).</summary>
    private const string Visible = """
        (t.region_path like @scope or exists (select 1 from staffing.transfer_lines l
            join staffing.establishments e on e.id = l.to_establishment
            where l.transfer_id = t.id and e.region_path like @scope))
        """;

    private const string Select = """
        select t.id, t.document_no, t.document_date, t.approved_by, t.higher_approval, t.effective_on, t.note,
               t.recorded_at, t.recorded_by
        from staffing.transfers t
        """;

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"{Select} where t.id = @id and {Visible}",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private sealed record Key(DateTime RecordedAt, Guid Id);

    public static async Task<Ok<Page<TransferResponse>>> List(
        [TextLimit(TextLimits.Search)] string? q, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db, CurrentUser user, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where {Visible} and (@q::text is null or t.document_no ilike '%' || @q || '%')
              and (@afterId::uuid is null or (t.recorded_at, t.id) < (@afterAt, @afterId))
            order by t.recorded_at desc, t.id desc limit @take
            """, new
            {
                scope = user.Scope.Pattern, q = TextInput.Blank(q), afterAt = after?.RecordedAt ?? DateTime.MinValue,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, t => new Key(t.RecordedAt, t.Id));
        return TypedResults.Ok(new Page<TransferResponse>(
            await ToResponses(c, null, page.Items, user, ct), page.NextCursor));
    }

    public static async Task<Ok<TransferResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(c, null, id, user, ct);
        if (row is null) return await guard.DenyAsync<Ok<TransferResponse>>("staffing_transfer", id, ct);
        return TypedResults.Ok((await ToResponses(c, null, [row], user, ct))[0]);
    }

    private static async Task<IReadOnlyList<TransferResponse>> ToResponses(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, CurrentUser user, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var lines = (await c.QueryAsync<LineRow>(new CommandDefinition("""
            select l.transfer_id, f.id as from_establishment_id, f.unit_id as from_unit_id,
                   f.unit_name as from_unit_name, t.id as to_establishment_id, t.unit_id as to_unit_id,
                   t.unit_name as to_unit_name, t.kind, t.funding, l.posts, l.purpose
            from staffing.transfer_lines l
            join staffing.establishments f on f.id = l.from_establishment
            join staffing.establishments t on t.id = l.to_establishment
            where l.transfer_id = any(@ids) and (f.region_path like @scope or t.region_path like @scope)
            order by l.transfer_id, l.line
            """, new { ids = rows.Select(r => r.Id).ToArray(), scope = user.Scope.Pattern }, tx,
            cancellationToken: ct))).ToLookup(l => l.TransferId);
        return rows.Select(t =>
        {
            var mine = lines[t.Id].Select(l => new TransferLineResponse(l.FromEstablishmentId, l.FromUnitId,
                l.FromUnitName, l.ToEstablishmentId, l.ToUnitId, l.ToUnitName, l.Kind, PostTypes.Kinds[l.Kind],
                l.Funding, PostTypes.Fundings[l.Funding], l.Posts, l.Purpose,
                l.Purpose is null ? null : PostTypes.Purposes[l.Purpose])).ToList();
            return new TransferResponse(t.Id, t.DocumentNo, t.DocumentDate, t.ApprovedBy, t.HigherApproval,
                t.EffectiveOn, t.Note, mine.Sum(l => l.Posts), mine,
                new DateTimeOffset(DateTime.SpecifyKind(t.RecordedAt, DateTimeKind.Utc)), t.RecordedBy);
        }).ToList();
    }

    private sealed record MovedRow(string RegionPath, int Year, int Posts);

    /// <summary>下沉编制: posts moved to each township by year, against the guidance range.</summary>
    public static async Task<Ok<TransferSummary>> Summary(
        Guid? regionId, NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions,
        IOptions<StaffingOptions> options, CancellationToken ct)
    {
        var path = await Establishments.ScopePath(regionId, user, regions, ct);
        var (min, max) = (options.Value.TownshipPostsMin, options.Value.TownshipPostsMax);
        await using var c = await db.OpenConnectionAsync(ct);
        var moved = (await c.QueryAsync<MovedRow>(new CommandDefinition("""
            select e.region_path, extract(year from t.effective_on)::int as year, sum(l.posts)::int as posts
            from staffing.transfer_lines l
            join staffing.transfers t on t.id = l.transfer_id
            join staffing.establishments e on e.id = l.to_establishment
            where e.region_path like @scope
            group by 1, 2
            """, new { scope = path + "%" }, cancellationToken: ct))).ToList();
        var townships = (await regions.ByLevelAsync(RegionLevels.Township, ct))
            .Where(t => t.Path.StartsWith(path, StringComparison.Ordinal)
                        || path.StartsWith(t.Path, StringComparison.Ordinal))
            .ToList();
        var result = townships.Select(t =>
        {
            var mine = moved.Where(m => m.RegionPath.StartsWith(t.Path, StringComparison.Ordinal)).ToList();
            var posts = mine.Sum(m => m.Posts);
            return new TownshipTransfers(t.Id, t.Name, posts,
                mine.GroupBy(m => m.Year).OrderBy(g => g.Key).Select(g => new YearPosts(g.Key, g.Sum(m => m.Posts)))
                    .ToList(),
                posts < min ? "below" : posts > max ? "above" : "within");
        }).ToList();
        return TypedResults.Ok(new TransferSummary(min, max, result.Sum(t => t.Posts), result));
    }
}
