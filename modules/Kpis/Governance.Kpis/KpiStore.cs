using System.Text.Json;
using Governance.SharedKernel.Database;

namespace Governance.Kpis;

/// <summary>
/// The shared KPI store: freezes closed months from each module's <see cref="IKpiSource"/>, records corrections as new
/// revisions (only where counters changed, with their reason) and reads frozen figures back — leaves as the module
/// reported them, and totals per region and dimension pre-aggregated when the month was frozen. Frozen figures are
/// read through <see cref="ReportingDatabase"/> (a read replica when one is usable); a month this request froze, or
/// another froze moments ago, is read from the primary, which surely has it.
/// </summary>
internal sealed class KpiStore(NpgsqlDataSource db, ReportingDatabase reporting, IEnumerable<IKpiSource> sources,
    IAuditTrail audit, TimeProvider clock) : IKpiStore
{
    private readonly IReadOnlyList<IKpiSource> _sources = sources.ToList();

    public IReadOnlyList<KpiDefinition> Definitions => _sources.SelectMany(s => s.Definitions).ToList();

    private IKpiSource Source(string module) =>
        _sources.FirstOrDefault(s => s.Module == module) ?? throw new ValidationException("module",
            $"没有名为 {module} 的指标来源。");

    private DateOnly OpenMonth()
    {
        var today = CountyClock.Today(clock);
        return new DateOnly(today.Year, today.Month, 1);
    }

    private sealed record Row(
        DateOnly Month, string RegionPath, string Dimension, bool Leaf, int Revision, string DefinitionVersion,
        DateTime FrozenAt, string? Reason, string Counters);

    private static KpiFigure ToFigure(string module, Row r) => new(module, r.Month, r.RegionPath, r.Dimension, r.Leaf,
        r.Revision, r.DefinitionVersion, new DateTimeOffset(DateTime.SpecifyKind(r.FrozenAt, DateTimeKind.Utc)),
        r.Reason, JsonSerializer.Deserialize<Dictionary<string, long>>(r.Counters)!);

    private const string Columns =
        "month, region_path, dimension, leaf, revision, definition_version, frozen_at, reason, " +
        "counters::text as counters";

    public async Task FreezeClosedMonthsAsync(string module, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var open = OpenMonth();
        var months = new List<DateOnly>();
        for (var m = new DateOnly(first.Year, first.Month, 1); m <= last && m < open; m = m.AddMonths(1)) months.Add(m);
        if (months.Count == 0) return;
        var source = Source(module);
        await using var c = await db.OpenConnectionAsync(ct);
        const string FrozenSql =
            "select month, frozen_at from kpis.frozen_months where module = @module and month = any(@months)";
        var already = (await c.QueryAsync<(DateOnly Month, DateTime FrozenAt)>(new CommandDefinition(FrozenSql,
            new { module, months = months.ToArray() }, cancellationToken: ct))).ToList();
        reporting.WrittenAt(already.Select(f => f.FrozenAt).DefaultIfEmpty().Max());
        if (months.All(already.Select(f => f.Month).ToHashSet().Contains)) return;

        reporting.ReadYourWrites();
        await using var tx = await c.BeginTransactionAsync(ct);
        await Lock(c, tx, module, ct);
        var frozen = (await c.QueryAsync<(DateOnly Month, DateTime FrozenAt)>(new CommandDefinition(FrozenSql,
            new { module, months = months.ToArray() }, tx, cancellationToken: ct))).Select(f => f.Month).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var month in months.Where(m => !frozen.Contains(m)))
        {
            var leaves = Leaves(await source.CountersAsync(month, new RegionScope("/"), ct));
            var rows = leaves.Select(l => new Figure(l.Key, true, l.Value, 1))
                .Concat(Totals(leaves).Select(t => new Figure(t.Key, false, t.Value, 1))).ToList();
            await c.ExecuteAsync(new CommandDefinition("""
                insert into kpis.frozen_months (module, month, definition_version, frozen_at)
                    values (@module, @month, @version, @now)
                """, new { module, month, version = source.DefinitionVersion, now }, tx, cancellationToken: ct));
            await InsertAsync(c, tx, module, month, source.DefinitionVersion, now, null, rows, ct);
            await audit.RecordAsync(c, tx, new AuditRecord("kpis.frozen", "kpi_month", $"{module}:{month:yyyy-MM}",
                CommonRegion(leaves.Keys), After: new { module, month = month.ToString("yyyy-MM"),
                    definitionVersion = source.DefinitionVersion, leaves = leaves.Count }), ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<KpiRevisionOutcome> ReviseAsync(string module, DateOnly month, string reason, RegionScope scope,
        CancellationToken ct)
    {
        var source = Source(module);
        var why = (reason ?? "").Trim();
        new Validator()
            .Check(month < OpenMonth(), "month", "只能修订已结束的月份；当月数据实时更新。")
            .Check(why.Length > 0, "reason", "请填写修订原因。")
            .ThrowIfInvalid();
        await FreezeClosedMonthsAsync(module, month, month, ct);
        reporting.ReadYourWrites();
        var live = Leaves(await source.CountersAsync(month, scope, ct));

        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await Lock(c, tx, module, ct);
        var latest = (await c.QueryAsync<Row>(new CommandDefinition($"""
            select {Columns} from kpis.figures where module = @module and month = @month and latest
            """, new { module, month }, tx, cancellationToken: ct))).ToList();
        var oldLeaves = latest.Where(r => r.Leaf).ToDictionary(r => (r.RegionPath, r.Dimension),
            r => ToFigure(module, r));
        var oldTotals = latest.Where(r => !r.Leaf).ToDictionary(r => (r.RegionPath, r.Dimension),
            r => ToFigure(module, r));

        // within scope the live counters replace the frozen ones (a leaf gone from the source counts as all zero);
        // outside, the frozen stay
        var newLeaves = oldLeaves.ToDictionary(l => l.Key, l => l.Value.Counters);
        foreach (var key in oldLeaves.Keys.Where(k => scope.Contains(k.RegionPath)))
            newLeaves[key] = live.GetValueOrDefault(key, Empty);
        foreach (var (key, counters) in live.Where(l => scope.Contains(l.Key.Path))) newLeaves[key] = counters;
        var newTotals = Totals(newLeaves);

        var leafKeys = new List<(string, string)>();
        foreach (var (key, counters) in newLeaves)
            if (!oldLeaves.TryGetValue(key, out var old) || !Same(old.Counters, counters))
                leafKeys.Add(key);
        var totalKeys = newTotals.Keys.Where(
            k => !oldTotals.TryGetValue(k, out var old) || !Same(old.Counters, newTotals[k])).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await Supersede(c, tx, module, month, true, leafKeys, ct);
        await Supersede(c, tx, module, month, false, totalKeys, ct);
        await InsertAsync(c, tx, module, month, source.DefinitionVersion, now, why,
            leafKeys.Select(k => new Figure(k, true, newLeaves[k], (oldLeaves.GetValueOrDefault(k)?.Revision ?? 0) + 1))
                .Concat(totalKeys.Select(k => new Figure(k, false, newTotals[k],
                    (oldTotals.GetValueOrDefault(k)?.Revision ?? 0) + 1))).ToList(), ct);
        await audit.RecordAsync(c, tx, new AuditRecord("kpis.revised", "kpi_month", $"{module}:{month:yyyy-MM}",
            scope.Path, After: new { module, month = month.ToString("yyyy-MM"), reason = why,
                revisedLeaves = leafKeys.Count, revisedTotals = totalKeys.Count }), ct);
        await tx.CommitAsync(ct);
        return new KpiRevisionOutcome(month, leafKeys.Count, totalKeys.Count);
    }

    public async Task<IReadOnlyList<KpiFigure>> TotalsAsync(
        string module, DateOnly first, DateOnly last, IReadOnlyCollection<string> regionPaths,
        IReadOnlyCollection<string> dimensions, CancellationToken ct, int? revision = null)
    {
        await using var c = await reporting.Db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition($"""
            select distinct on (month, region_path, dimension) {Columns} from kpis.figures
            where module = @module and not leaf and region_path = any(@paths) and dimension = any(@dimensions)
                and month between @first and @last
                and {(revision is null ? "latest" : "revision <= @revision")}
            order by month, region_path, dimension, revision desc
            """, new { module, first, last, paths = regionPaths.ToArray(), dimensions = dimensions.ToArray(),
                revision }, cancellationToken: ct)))
            .Select(r => ToFigure(module, r)).ToList();
    }

    public async Task<IReadOnlyList<KpiFigure>> TotalRevisionsAsync(string module, DateOnly month,
        IReadOnlyCollection<string> regionPaths, CancellationToken ct)
    {
        await using var c = await reporting.Db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition($"""
            select {Columns} from kpis.figures
            where module = @module and not leaf and month = @month and region_path = any(@paths)
                and dimension = @all
            order by region_path, revision
            """, new { module, month, paths = regionPaths.ToArray(), all = KpiFigures.AllDimensions },
            cancellationToken: ct)))
            .Select(r => ToFigure(module, r)).ToList();
    }

    public async Task<IReadOnlyList<KpiFigure>> LeavesAsync(string module, DateOnly first, DateOnly last,
        RegionScope scope, CancellationToken ct)
    {
        await using var c = await reporting.Db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition($"""
            select {Columns} from kpis.figures
            where module = @module and leaf and latest and month between @first and @last
                and {RegionScope.Sql("region_path")}
            order by month, region_path, dimension
            """, new { module, first, last, scope = scope.Pattern }, cancellationToken: ct)))
                .Select(r => ToFigure(module, r)).ToList();
    }

    public async Task<IReadOnlyList<KpiFigure>> RevisionHistoryAsync(string module, DateOnly month, RegionScope scope,
        CancellationToken ct)
    {
        await using var c = await reporting.Db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition($"""
            select {Columns} from kpis.figures f
            where module = @module and leaf and month = @month and {RegionScope.Sql("region_path")}
              and exists (select 1 from kpis.figures l where l.module = f.module and l.month = f.month and l.leaf
                          and l.region_path = f.region_path and l.dimension = f.dimension and l.revision > 1)
            order by region_path, dimension, revision
            """, new { module, month, scope = scope.Pattern }, cancellationToken: ct))).Select(r => ToFigure(module, r))
                .ToList();
    }

    private sealed record Figure((string Path, string Dimension) Key, bool Leaf,
        IReadOnlyDictionary<string, long> Counters, int Revision);

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();

    private static Task Lock(NpgsqlConnection c, NpgsqlTransaction tx, string module, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtextextended('kpis:' || @module, 0))",
            new { module }, tx, cancellationToken: ct));

    /// <summary>The source's rows by (region, dimension); a region reported twice is summed.</summary>
    internal static Dictionary<(string Path, string Dimension), IReadOnlyDictionary<string, long>> Leaves(
        IEnumerable<KpiCounters> counters)
    {
        var leaves = new Dictionary<(string, string), Dictionary<string, long>>();
        foreach (var row in counters)
        {
            if (!leaves.TryGetValue((row.RegionPath, row.Dimension), out var sum))
                leaves[(row.RegionPath, row.Dimension)] = sum = [];
            KpiFormula.Add(sum, row.Values);
        }
        return leaves.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, long>)l.Value);
    }

    /// <summary>
    /// Totals for every region at or above a leaf (each prefix of its path), per the leaf's dimension and over all
    /// dimensions (<see cref="KpiFigures.AllDimensions"/>).
    /// </summary>
    internal static Dictionary<(string Path, string Dimension), IReadOnlyDictionary<string, long>> Totals(
        IReadOnlyDictionary<(string Path, string Dimension), IReadOnlyDictionary<string, long>> leaves)
    {
        var totals = new Dictionary<(string, string), Dictionary<string, long>>();
        foreach (var ((path, dimension), counters) in leaves)
            for (var end = path.IndexOf('/', 1); end > 0; end = path.IndexOf('/', end + 1))
                foreach (var d in dimension == KpiFigures.AllDimensions
                             ? [dimension]
                             : new[] { dimension, KpiFigures.AllDimensions })
                {
                    var key = (path[..(end + 1)], d);
                    if (!totals.TryGetValue(key, out var sum)) totals[key] = sum = [];
                    KpiFormula.Add(sum, counters);
                }
        return totals.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, long>)t.Value);
    }

    /// <summary>Equal counters (a missing counter is 0).</summary>
    internal static bool Same(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        a.Keys.Union(b.Keys).All(k => a.GetValueOrDefault(k) == b.GetValueOrDefault(k));

    /// <summary>The deepest region that holds every leaf (for the audit row's scope).</summary>
    private static string CommonRegion(IEnumerable<(string Path, string Dimension)> leaves)
    {
        string? common = null;
        foreach (var (path, _) in leaves)
        {
            common ??= path;
            while (!path.StartsWith(common, StringComparison.Ordinal))
                common = common[..(common.LastIndexOf('/', common.Length - 2) + 1)];
        }
        return common is null or "" ? "/" : common;
    }

    private static Task Supersede(
        NpgsqlConnection c, NpgsqlTransaction tx, string module, DateOnly month, bool leaf,
        List<(string Path, string Dimension)> keys, CancellationToken ct) =>
        keys.Count == 0 ? Task.CompletedTask : c.ExecuteAsync(new CommandDefinition("""
            update kpis.figures f set latest = false
            from unnest(@paths::text[], @dimensions::text[]) as k(region_path, dimension)
            where f.module = @module and f.month = @month and f.leaf = @leaf and f.latest
                and f.region_path = k.region_path and f.dimension = k.dimension
            """, new { module, month, leaf, paths = keys.Select(k => k.Path).ToArray(),
                dimensions = keys.Select(k => k.Dimension).ToArray() }, tx,
            cancellationToken: ct));

    private static Task InsertAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string module, DateOnly month, string version, DateTime now,
        string? reason, List<Figure> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return Task.CompletedTask;
        return c.ExecuteAsync(new CommandDefinition("""
            insert into kpis.figures (module, month, region_path, dimension, leaf, revision, latest, definition_version,
                frozen_at, reason, counters)
            select @module, @month, r.region_path, r.dimension, r.leaf, r.revision, true, @version, @now, @reason,
                r.counters::jsonb
            from unnest(@paths::text[], @dimensions::text[], @leafs::boolean[], @revisions::int[], @counters::text[])
                 as r(region_path, dimension, leaf, revision, counters)
            """, new
        {
            module, month, version, now, reason,
            paths = rows.Select(r => r.Key.Path).ToArray(), dimensions = rows.Select(r => r.Key.Dimension).ToArray(),
            leafs = rows.Select(r => r.Leaf).ToArray(), revisions = rows.Select(r => r.Revision).ToArray(),
            counters = rows.Select(r => JsonSerializer.Serialize(r.Counters)).ToArray(),
        }, tx, cancellationToken: ct));
    }
}
