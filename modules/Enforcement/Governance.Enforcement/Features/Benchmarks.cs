namespace Governance.Enforcement.Features;

/// <param name="Degree"><c>minor</c> 轻微, <c>general</c> 一般, <c>serious</c> 较重, <c>severe</c> 严重.</param>
/// <param name="Kinds">The penalty kinds allowed at this degree.</param>
/// <param name="MinFine">The fine range (yuan), when a fine is allowed.</param>
public sealed record BenchmarkDegree(
    [TextLimit(TextLimits.Code)] string Degree, [TextLimit(TextLimits.Name)] string? DegreeName,
    [TextLimit(500)] string Description, [TextLimit(TextLimits.Code)] IReadOnlyList<string> Kinds, decimal? MinFine,
    decimal? MaxFine);

/// <summary>The county's 裁量基准 for one power item: its degrees, as a set with one version.</summary>
public sealed record BenchmarkSet(string ItemCode, IReadOnlyList<BenchmarkDegree> Degrees, int Version);

public sealed record BenchmarkSetRequest(IReadOnlyList<BenchmarkDegree>? Degrees);

/// <summary>
/// 裁量基准 (行政处罚法 34): per power item of a county, the degrees of a violation with the kinds and the fine range
/// each allows. A decision names its degree and is refused outside the range. The county sets them (县级, with
/// <see cref="EnforcementPermissions.BenchmarksManage"/>); its townships read them.
/// </summary>
internal static class Benchmarks
{
    private sealed record Row(
        string ItemCode, string Degree, string Description, string Kinds, decimal? MinFine, decimal? MaxFine);

    private const string Select = """
        select item_code, degree, description, array_to_string(kinds, ',') as kinds, min_fine, max_fine
        from enforcement.discretion_benchmarks
        """;

    private static readonly string[] Order = ["minor", "general", "serious", "severe"];

    private static BenchmarkDegree ToDegree(Row r) => new(r.Degree, PenaltyRules.Degrees[r.Degree], r.Description,
        r.Kinds.Split(','), r.MinFine, r.MaxFine);

    /// <summary>The benchmarks of the caller's county, by item code (all items, or one).</summary>
    public static async Task<Ok<IReadOnlyList<BenchmarkSet>>> List(
        [TextLimit(50)] string? itemCode, [AsParameters] EnforcementServices s)
    {
        itemCode = TextInput.Blank(itemCode);
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var countyPath = Filing.CountyPath(s.User.Scope.Path);
        using var grid = await c.QueryMultipleAsync(new CommandDefinition($"""
            {Select} where county_path = @countyPath and (@itemCode::text is null or item_code = @itemCode);
            select item_code, version from enforcement.discretion_benchmark_sets
            where county_path = @countyPath and (@itemCode::text is null or item_code = @itemCode)
            """, new { countyPath, itemCode }, cancellationToken: ct));
        var rows = (await grid.ReadAsync<Row>()).ToLookup(r => r.ItemCode);
        var sets = (await grid.ReadAsync<(string ItemCode, int Version)>())
            .OrderBy(x => x.ItemCode, StringComparer.Ordinal)
            .Select(x => new BenchmarkSet(x.ItemCode,
                rows[x.ItemCode].OrderBy(r => Array.IndexOf(Order, r.Degree)).Select(ToDegree).ToList(), x.Version))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<BenchmarkSet>>(sets);
    }

    /// <summary>Replaces an item's benchmarks in the caller's county (a county user; If-Match once the set
    /// exists).</summary>
    public static async Task<Ok<BenchmarkSet>> Put(
        [TextLimit(50)] string itemCode, BenchmarkSetRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var path = s.User.Scope.Path;
        if (path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length != 2) // a province-level administrator
            throw new ForbiddenException("裁量基准由县级制定，请使用县级账号。");
        var degrees = r.Degrees ?? [];
        var v = new Validator()
            .Check(degrees.Count is >= 1 and <= 4, "degrees", "请填写 1 至 4 个违法情节档次。")
            .Check(degrees.Select(d => d.Degree).Distinct().Count() == degrees.Count, "degrees",
                "违法情节档次不能重复。");
        for (var i = 0; i < degrees.Count; i++)
        {
            var d = degrees[i];
            var f = $"degrees[{i}]";
            var kinds = d.Kinds ?? [];
            v.Check(PenaltyRules.Degrees.ContainsKey(d.Degree ?? ""), $"{f}.degree", "违法情节档次无效。")
                .Required(d.Description, $"{f}.description", "情节描述")
                .Check(kinds.Count > 0 && kinds.All(k => k != "none" && PenaltyRules.Kinds.ContainsKey(k)),
                    $"{f}.kinds", "请选择该档次可给予的处罚种类。")
                .Check(kinds.Contains("fine") == (d.MinFine is not null && d.MaxFine is not null), $"{f}.minFine",
                    "可罚款的档次须填写罚款幅度，不可罚款的档次不填。")
                .Check(d.MinFine is null or >= 0m and <= 1_000_000_000m, $"{f}.minFine",
                    "罚款下限须在 0 至 10 亿元之间。")
                .Check(d.MinFine is null || d.MaxFine is null || d.MaxFine >= d.MinFine && d.MaxFine <= 1_000_000_000m,
                    $"{f}.maxFine", "罚款上限不能低于下限，且不超过 10 亿元。");
        }
        v.ThrowIfInvalid();

        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var key = new { countyPath = path, itemCode };
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.discretion_benchmark_sets (county_path, item_code, version, updated_at, updated_by)
            values (@countyPath, @itemCode, 0, now(), '') on conflict do nothing
            """, key, tx, cancellationToken: ct));
        var version = await c.ExecuteScalarAsync<int>(new CommandDefinition("""
            select version from enforcement.discretion_benchmark_sets
            where county_path = @countyPath and item_code = @itemCode for update
            """, key, tx, cancellationToken: ct));
        if (version > 0) ETags.Require(s.Http, version);
        var before = (await c.QueryAsync<Row>(new CommandDefinition(
            $"{Select} where county_path = @countyPath and item_code = @itemCode", key, tx, cancellationToken: ct)))
            .Select(ToDegree).ToList();
        await c.ExecuteAsync(new CommandDefinition("""
            delete from enforcement.discretion_benchmarks where county_path = @countyPath and item_code = @itemCode;
            update enforcement.discretion_benchmark_sets set version = version + 1, updated_at = @now, updated_by = @by
            where county_path = @countyPath and item_code = @itemCode
            """, new { itemCode, countyPath = path, now = s.Now, by = s.User.Name }, tx, cancellationToken: ct));
        var saved = degrees.OrderBy(d => Array.IndexOf(Order, d.Degree))
            .Select(d => d with { DegreeName = PenaltyRules.Degrees[d.Degree], Kinds = d.Kinds.Distinct().ToList() })
            .ToList();
        foreach (var d in saved)
            await c.ExecuteAsync(new CommandDefinition("""
                insert into enforcement.discretion_benchmarks
                    (id, county_path, item_code, degree, description, kinds, min_fine, max_fine)
                values (@id, @countyPath, @itemCode, @Degree, @Description, @kinds, @MinFine, @MaxFine)
                """, new
                {
                    id = Guid.CreateVersion7(), countyPath = path, itemCode, d.Degree, d.Description,
                    kinds = d.Kinds.ToArray(), d.MinFine, d.MaxFine,
                }, tx, cancellationToken: ct));
        await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.benchmarks.update", "discretion_benchmark",
            itemCode, path, before, saved), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, version + 1);
        return TypedResults.Ok(new BenchmarkSet(itemCode, saved, version + 1));
    }

    /// <summary>A decision's penalty against the county's benchmark for the item: a fine needs a degree, and the
    /// degree's kinds and range bound the decision (400 with field errors). Returns the degree used.</summary>
    public static async Task<string?> RequireWithinAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string countyPath, [TextLimit(TextLimits.Code)] string itemCode,
        string? degree, Penalty p,
        CancellationToken ct)
    {
        if (p.IsNone) return null;
        if (degree is null)
        {
            if (p.Fine is not null)
                throw new ValidationException("benchmarkDegree", "罚款须选择裁量基准中的违法情节档次。");
            return null;
        }
        var b = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where county_path = @countyPath and item_code = @itemCode and degree = @degree",
            new { countyPath, itemCode, degree }, tx, cancellationToken: ct));
        if (b is null)
            throw new ValidationException("benchmarkDegree",
                $"本县尚未制定事项 {itemCode} 的“{PenaltyRules.Degrees.GetValueOrDefault(degree, degree)}”裁量基准。");
        var allowed = b.Kinds.Split(',');
        var v = new Validator()
            .Check(p.Kinds.All(allowed.Contains), "penaltyKinds",
                $"该情节档次只能给予：{string.Join("、", allowed.Select(k => PenaltyRules.Kinds[k]))}。")
            .Check(p.Fine is null || p.Fine >= b.MinFine && p.Fine <= b.MaxFine, "fineAmount",
                $"罚款金额超出裁量基准（{PenaltyRules.Degrees[degree]}：{b.MinFine:0.##}–{b.MaxFine:0.##} 元）。");
        v.ThrowIfInvalid();
        return degree;
    }
}
