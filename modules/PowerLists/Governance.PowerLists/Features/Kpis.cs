using System.Globalization;
using System.Text;
using Governance.Kpis.Contracts;
using Definition = Governance.Kpis.Contracts.KpiDefinition;

namespace Governance.PowerLists.Features;

public sealed record Ratio(int Numerator, int Denominator, decimal? Rate, decimal? Target);

public sealed record KpiCount(string Key, string Name, int Value);

/// <summary>
/// One month's figures; <see cref="Frozen"/> with its <see cref="Revision"/> once the month closed (0: live).
/// </summary>
public sealed record PowerListsMonth(
    string Month, DateOnly AsOf, Ratio Completeness, Ratio Churn, Ratio NormalOperation,
    IReadOnlyList<KpiCount> ItemsByType, IReadOnlyList<KpiCount> EntriesByMode,
    IReadOnlyList<KpiCount> EntriesByListKind, IReadOnlyList<KpiCount> EntriesByTownship, bool Frozen = false,
    int Revision = 0);

public sealed record PowerListsKpis(IReadOnlyList<KpiDefinition> Definitions, IReadOnlyList<PowerListsMonth> Months);

public sealed record KpiDefinition(string Code, string Name, string Numerator, string Denominator, string Unit,
    decimal? Target, string Direction);

/// <summary>
/// 权责清单 KPIs per month, measured as of the month's last day, on the shared KPI model: the open month is computed
/// live in the caller's scope; a closed month is frozen by the Kpis module from this module's counters
/// (<see cref="PowerListsKpiSource"/>) when first read, and read back from there (pre-aggregated per region) — history
/// is no longer recomputed on every read. Counters: items per county (the catalogue is the county's, read by its
/// townships too), township-list entries per township.
/// 下放事项正常开展率 counts the delegated entries whose use shows in ServiceCentre applications (through its
/// contract); Enforcement cases will add the enforcement powers when that module exists.
/// </summary>
internal static class Kpis
{
    public const string Module = "power_lists";
    public const string DefinitionVersion = "PL-2026.1";

    private static readonly string[] CountyAndTownship = [KpiLevels.County, KpiLevels.Township];

    private static Definition Define(string code, string name, string numerator, string denominator, string unit,
        decimal? target, string direction, string[] numeratorCounters, string[] denominatorCounters) =>
        new(code, name, Module, numerator, denominator, unit, target, direction, CountyAndTownship, DefinitionVersion,
            numeratorCounters, denominatorCounters);

    public static readonly Definition[] Definitions =
    [
        Define("PL_COMPLETENESS", "权责清单完整率", "在用事项中设定依据、实施主体、责任事项、追责情形均已填写的事项数",
            "月末在用（未取消）事项数", "%", 1.0m, "higher", ["items_complete"], ["items"]),
        Define("PL_NORMAL_OPERATION", "下放事项正常开展率",
            "月末在用、且有便民服务事项承接的下放条目中，当月该乡镇有办件的条目数",
            "月末在用、且有便民服务事项承接的下放条目数", "%", 0.90m, "higher", ["serviced_used"],
            ["serviced_entries"]),
        Define("PL_CHURN", "下放事项反复率", "当月下放的乡镇清单条目中，下放后 180 天内事项被修订或取消的条目数",
            "当月下放的乡镇清单条目数", "%", null, "lower", ["churn_changed"], ["churn_entries"]),
        Define("PL_ITEMS_BY_TYPE", "事项数（按权力类型）", "月末在用事项数", "—", "项", null, "none", ["items"], []),
        Define("PL_ENTRIES_BY_MODE", "乡镇清单条目数（按行使方式）", "月末在用条目数", "—", "条", null, "none",
            ["entries"], []),
        Define("PL_ENTRIES_BY_KIND", "乡镇清单条目数（按清单类别）", "月末在用条目数", "—", "条", null, "none",
            ["entries"], []),
        Define("PL_ENTRIES_BY_TOWNSHIP", "乡镇清单条目数（按乡镇）", "月末在用条目数", "—", "条", null, "none",
            ["entries"], []),
    ];

    private static readonly KpiDefinition[] Published =
        Definitions.Select(d => new KpiDefinition(d.Code, d.Name, d.Numerator, d.Denominator, d.Unit, d.Target,
            d.Direction)).ToArray();

    private const string ItemsPrefix = "items";
    private const string TypePrefix = "items_type:";
    private const string ModePrefix = "entries_mode:";
    private const string KindPrefix = "entries_kind:";

    private sealed record ItemCount(DateOnly AsOf, string CountyPath, string Type, bool Complete, int Value);
    private sealed record EntryCount(DateOnly AsOf, string TownshipPath, string Mode, string ListKind, int Value);
    private sealed record ChurnCount(DateOnly AsOf, string TownshipPath, int Numerator, int Denominator);

    /// <summary>
    /// The counters of each month (as of its last day) per region within <paramref name="scope"/>: a county's items
    /// (shared down: a township's scope reads its county's), a township's entries. Additive, so any region's figures
    /// are sums.
    /// </summary>
    internal static async Task<List<(DateOnly Month, KpiCounters Counters)>> CountersAsync(
        NpgsqlConnection c, IServiceUsage usage, RegionScope scope, IReadOnlyList<DateOnly> months,
        CancellationToken ct)
    {
        var monthEnds = months.Select(m => m.AddMonths(1).AddDays(-1)).ToList();
        var args = new { scope = scope.Pattern, scopePath = scope.Path, first = months[0], lastDay = monthEnds[^1],
            monthEnds = monthEnds.ToArray() };
        // 月末在用 figures in one pass over each table: a record adds 1 from its first day and takes 1 away from its
        // end, so what is in force on a month's last day is the sum of the changes up to that day.
        var items = await c.QueryAsync<ItemCount>(new CommandDefinition($"""
            with changes as (
                select x.on_day, i.county_path, v.type,
                       jsonb_array_length(v.legal_basis) > 0 and v.department_id is not null
                           and cardinality(v.responsibilities) > 0 and cardinality(v.accountabilities) > 0 as complete,
                       sum(x.delta)::int as delta
                from power_lists.item_versions v
                join power_lists.items i on i.id = v.item_id and {RegionScope.SqlSharedDown("i.county_path")}
                cross join lateral (values (lower(v.valid), 1), (upper(v.valid), -1)) as x(on_day, delta)
                where not v.withdrawn and x.on_day <= @lastDay
                group by 1, 2, 3, 4)
            select m.as_of, c.county_path, c.type, c.complete, sum(c.delta)::int as value
            from unnest(@monthEnds::date[]) as m(as_of) join changes c on c.on_day <= m.as_of
            group by 1, 2, 3, 4 having sum(c.delta) <> 0
            """, args, cancellationToken: ct));
        var entries = await c.QueryAsync<EntryCount>(new CommandDefinition("""
            with changes as (
                select x.on_day, e.township_path, e.mode, e.list_kind, sum(x.delta)::int as delta
                from power_lists.entries e
                cross join lateral (values (lower(e.valid), 1), (upper(e.valid), -1)) as x(on_day, delta)
                where e.township_path like @scope and x.on_day <= @lastDay
                group by 1, 2, 3, 4)
            select m.as_of, c.township_path, c.mode, c.list_kind, sum(c.delta)::int as value
            from unnest(@monthEnds::date[]) as m(as_of) join changes c on c.on_day <= m.as_of
            group by 1, 2, 3, 4 having sum(c.delta) <> 0
            """, args, cancellationToken: ct));
        var churn = await c.QueryAsync<ChurnCount>(new CommandDefinition("""
            select (date_trunc('month', lower(e.valid)) + interval '1 month' - interval '1 day')::date as as_of,
                   e.township_path,
                   count(*) filter (where exists (
                       select 1 from power_lists.item_versions v
                       where v.item_id = e.item_id and lower(v.valid) > lower(e.valid)
                         and lower(v.valid) <= lower(e.valid) + 180))::int as numerator,
                   count(*)::int as denominator
            from power_lists.entries e
            where e.township_path like @scope and e.list_kind <> 'withdrawn' and lower(e.valid) between @first
                and @lastDay
            group by 1, 2
            """, args, cancellationToken: ct));

        var counters = new Dictionary<(DateOnly AsOf, string Path), Dictionary<string, long>>();
        void Add(DateOnly asOf, string path, string counter, long value)
        {
            if (!counters.TryGetValue((asOf, path), out var row)) counters[(asOf, path)] = row = [];
            row[counter] = row.GetValueOrDefault(counter) + value;
        }
        foreach (var i in items)
        {
            Add(i.AsOf, i.CountyPath, ItemsPrefix, i.Value);
            Add(i.AsOf, i.CountyPath, "items_complete", i.Complete ? i.Value : 0);
            Add(i.AsOf, i.CountyPath, TypePrefix + i.Type, i.Value);
        }
        foreach (var e in entries)
        {
            Add(e.AsOf, e.TownshipPath, "entries", e.Value);
            Add(e.AsOf, e.TownshipPath, ModePrefix + e.Mode, e.Value);
            Add(e.AsOf, e.TownshipPath, KindPrefix + e.ListKind, e.Value);
        }
        foreach (var x in churn)
        {
            Add(x.AsOf, x.TownshipPath, "churn_changed", x.Numerator);
            Add(x.AsOf, x.TownshipPath, "churn_entries", x.Denominator);
        }
        await NormalOperationAsync(c, usage, scope, monthEnds, Add, ct);
        return counters.Select(x => (new DateOnly(x.Key.AsOf.Year, x.Key.AsOf.Month, 1),
            new KpiCounters(x.Key.Path, KpiFigures.AllDimensions, x.Value))).ToList();
    }

    private sealed record ServicedEntry(string TownshipPath, Guid ItemId, DateOnly ValidFrom, DateOnly? ValidTo);

    /// <summary>下放事项正常开展率 per month and township: of the entries in force at month end whose item a service
    /// item implements (on that day), those with at least one application at their township during the month.</summary>
    private static async Task NormalOperationAsync(
        NpgsqlConnection c, IServiceUsage usage, RegionScope scope, IReadOnlyList<DateOnly> monthEnds,
        Action<DateOnly, string, string, long> add, CancellationToken ct)
    {
        var serviced = await usage.ServicedPowerItemsAsync(scope.Path, monthEnds[^1], ct);
        if (serviced.Count == 0) return;
        var first = new DateOnly(monthEnds[0].Year, monthEnds[0].Month, 1);
        var used = (await usage.UsageAsync(scope.Path, first, monthEnds[^1], ct))
            .Select(u => (u.Month, u.TownshipPath, u.PowerItemId)).ToHashSet();
        var entries = (await c.QueryAsync<ServicedEntry>(new CommandDefinition("""
            select e.township_path, e.item_id, lower(e.valid) as valid_from, upper(e.valid) as valid_to
            from power_lists.entries e
            where e.township_path like @scope and e.list_kind <> 'withdrawn' and e.item_id = any(@serviced)
              and lower(e.valid) <= @lastMonthEnd and (upper(e.valid) is null or upper(e.valid) > @firstMonthEnd)
            """, new { scope = scope.Pattern, serviced = serviced.ToArray(), firstMonthEnd = monthEnds[0],
                lastMonthEnd = monthEnds[^1] },
            cancellationToken: ct))).ToList();
        foreach (var m in monthEnds)
        {
            var month = new DateOnly(m.Year, m.Month, 1);
            foreach (var e in entries.Where(e => e.ValidFrom <= m && (e.ValidTo is null || m < e.ValidTo)))
            {
                add(m, e.TownshipPath, "serviced_entries", 1);
                add(m, e.TownshipPath, "serviced_used", used.Contains((month, e.TownshipPath, e.ItemId)) ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// One month's figures in a scope: item counters from the county (or above), entry counters under the scope.
    /// </summary>
    private sealed record MonthFigures(
        DateOnly Month, IReadOnlyDictionary<string, long> Items, IReadOnlyDictionary<string, long> Entries,
        IReadOnlyDictionary<string, long> ByTownship, bool Frozen, int Revision);

    /// <summary>
    /// The region whose total holds the items a scope reads: the scope itself down to county level, else its county.
    /// </summary>
    private static string ItemsRegion(string scopePath)
    {
        var segments = scopePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length <= 2 ? scopePath : $"/{segments[0]}/{segments[1]}/";
    }

    private static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> rows,
        Func<string, bool> which)
    {
        var sum = new Dictionary<string, long>();
        foreach (var row in rows) KpiFormula.Add(sum, row.Where(kv => which(kv.Key)).ToDictionary());
        return sum;
    }

    private static bool IsItemCounter(string counter) => counter.StartsWith(ItemsPrefix, StringComparison.Ordinal);

    public static async Task<IResult> Get(
        [TextLimit(TextLimits.Code)] string? from, [TextLimit(TextLimits.Code)] string? to,
        [TextLimit(TextLimits.Code)] string? format, NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions,
        IServiceUsage usage, IKpiStore store, IProvisionalKpis provisional, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var open = new DateOnly(today.Year, today.Month, 1);
        var (first, last) = (SharedKernel.Months.Parse(from, "from") ?? new DateOnly(today.Year, 1, 1),
            SharedKernel.Months.Parse(to, "to") ?? open);
        if (last < first) throw new ValidationException("to", "结束月份不能早于开始月份。");
        var count = last.Year * 12 + last.Month - (first.Year * 12 + first.Month) + 1;
        if (count > 60) throw new ValidationException("from", "一次最多查询 60 个月。");
        if (format is not (null or "" or "json" or "csv"))
            throw new ValidationException("format", "格式只能是 json 或 csv。");
        var scope = user.Scope;
        var figures = new Dictionary<DateOnly, MonthFigures>();
        // the breakdown by township only below the province (a county's townships, a handful of rows); the province's
        // would be every township of every county each month — its figures come from one total per month
        var breakdown = scope.Path.Count(ch => ch == '/') > 2;

        if (first < open)
        {
            // closed months: frozen by the Kpis module, read back as totals (one row per month and region) and township
            // leaves
            var lastClosed = last < open ? last : open.AddMonths(-1);
            await store.FreezeClosedMonthsAsync(Module, first, lastClosed, ct);
            var itemsRegion = ItemsRegion(scope.Path);
            var totals = await store.TotalsAsync(Module, first, lastClosed, [scope.Path, itemsRegion],
                [KpiFigures.AllDimensions], ct);
            var leaves = (breakdown ? await store.LeavesAsync(Module, first, lastClosed, scope, ct) : [])
                .ToLookup(l => l.Month);
            foreach (var group in totals.GroupBy(t => t.Month))
            {
                var own = group.Where(t => t.RegionPath == scope.Path).ToList();
                var county = group.Where(t => t.RegionPath == itemsRegion).ToList();
                figures[group.Key] = new MonthFigures(group.Key, Sum(county.Select(t => t.Counters), IsItemCounter),
                    Sum(own.Select(t => t.Counters), k => !IsItemCounter(k)),
                    ByTownship(leaves[group.Key].Select(l => (l.RegionPath, l.Counters))), true,
                    group.Max(t => t.Revision));
            }
            for (var m = first; m <= lastClosed; m = m.AddMonths(1))
                figures.TryAdd(m, new MonthFigures(m, new Dictionary<string, long>(), new Dictionary<string, long>(),
                    new Dictionary<string, long>(), true, 0));
        }
        if (last >= open)
        {
            // the open month: live in the caller's scope, reused for Kpis:ProvisionalSeconds (the province's takes
            // seconds at 100 counties)
            var live = (await provisional.GetAsync($"{Module}/kpis", open, scope.Path, async () =>
            {
                await using var c = await db.OpenConnectionAsync(ct);
                return (await CountersAsync(c, usage, scope, [open], ct)).Select(x => x.Counters).ToList();
            })).Figures;
            figures[open] = new MonthFigures(open, Sum(live.Select(l => l.Values), IsItemCounter),
                Sum(live.Select(l => l.Values), k => !IsItemCounter(k)),
                ByTownship(breakdown ? live.Select(l => (l.RegionPath, l.Values)) : []), false, 0);
        }

        var townshipNames = await regions.NamesByPathAsync(figures.Values.SelectMany(f => f.ByTownship.Keys).Distinct()
            .ToList(), ct);
        var months = figures.Values.OrderBy(f => f.Month).Select(f =>
        {
            var counters = new Dictionary<string, long>(f.Items);
            KpiFormula.Add(counters, f.Entries);
            return new PowerListsMonth(f.Month.ToString("yyyy-MM"), f.Month.AddMonths(1).AddDays(-1),
                ToRatio(Evaluate("PL_COMPLETENESS", counters)), ToRatio(Evaluate("PL_CHURN", counters)),
                ToRatio(Evaluate("PL_NORMAL_OPERATION", counters)),
                Named(f.Items, TypePrefix, k => PowerTypes.Names.GetValueOrDefault(k, k)),
                Named(f.Entries, ModePrefix, k => PowerTypes.ModeNames.GetValueOrDefault(k, k)),
                Named(f.Entries, KindPrefix, k => PowerTypes.ListKindNames.GetValueOrDefault(k, k)),
                Named(f.ByTownship, "", k => townshipNames.GetValueOrDefault(k, k)), f.Frozen, f.Revision);
        }).ToList();

        if (format == "csv")
        {
            var csv = new StringBuilder(Csv.Line(["月份", "指标代码", "指标", "分组", "分子", "分母", "值"]));
            foreach (var m in months)
            {
                csv.Append(Csv.Line([m.Month, "PL_COMPLETENESS", "权责清单完整率", "",
                    $"{m.Completeness.Numerator}", $"{m.Completeness.Denominator}", Rate(m.Completeness)]));
                csv.Append(Csv.Line([m.Month, "PL_NORMAL_OPERATION", "下放事项正常开展率", "",
                    $"{m.NormalOperation.Numerator}", $"{m.NormalOperation.Denominator}", Rate(m.NormalOperation)]));
                csv.Append(Csv.Line([m.Month, "PL_CHURN", "下放事项反复率", "", $"{m.Churn.Numerator}",
                    $"{m.Churn.Denominator}", Rate(m.Churn)]));
                foreach (var (code, name, counts) in new[]
                         {
                             ("PL_ITEMS_BY_TYPE", "事项数", m.ItemsByType),
                             ("PL_ENTRIES_BY_MODE", "条目数", m.EntriesByMode),
                             ("PL_ENTRIES_BY_KIND", "条目数", m.EntriesByListKind),
                             ("PL_ENTRIES_BY_TOWNSHIP", "条目数", m.EntriesByTownship),
                         })
                    foreach (var n in counts) csv.Append(Csv.Line([m.Month, code, name, n.Name, "", "", $"{n.Value}"]));
            }
            return TypedResults.File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(csv.ToString()))
                .ToArray(), "text/csv; charset=utf-8", $"权责清单指标-{first:yyyyMM}-{last:yyyyMM}.csv");
        }
        return TypedResults.Ok(new PowerListsKpis(Published, months));
    }

    /// <summary>Entries in force per township (the leaves that carry entries).</summary>
    private static Dictionary<string, long> ByTownship(
        IEnumerable<(string Path, IReadOnlyDictionary<string, long> Counters)> leaves) =>
        leaves.Where(l => l.Counters.GetValueOrDefault("entries") != 0).GroupBy(l => l.Path)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Counters["entries"]));

    private static KpiValue Evaluate(string code, IReadOnlyDictionary<string, long> counters) =>
        KpiFormula.Evaluate(Definitions.First(d => d.Code == code), counters);

    private static List<KpiCount> Named(IReadOnlyDictionary<string, long> counters, string prefix,
        Func<string, string> name) =>
        counters.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && kv.Value != 0)
            .Select(kv => new KpiCount(kv.Key[prefix.Length..], name(kv.Key[prefix.Length..]), (int)kv.Value))
            .OrderByDescending(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static Ratio ToRatio(KpiValue v) =>
        new((int)v.Numerator, (int)v.Denominator, v.Value, Definitions.First(d => d.Code == v.Code).Target);

    private static string Rate(Ratio r) => r.Rate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
