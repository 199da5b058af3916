using Governance.Kpis.Contracts;

namespace Governance.Staffing.Features;

public sealed record StaffingKpiValue(
    string Code, string Name, decimal? Value, long Numerator, long Denominator, decimal? Target, bool? Met);

public sealed record StaffingTownshipFigures(
    string RegionPath, string Name, long Approved, long Occupied, long Professional, long MovedDown);

/// <summary>One month's staffing KPIs as of its last day; <see cref="Frozen"/> with its revision once closed.</summary>
public sealed record StaffingKpiMonth(
    string Month, DateOnly AsOf, bool Frozen, int Revision, IReadOnlyList<StaffingKpiValue> Values,
    IReadOnlyList<StaffingTownshipFigures> ByRegion);

/// <summary>
/// 编制 KPIs on the shared model: 编制匹配率 (occupied / approved), 专业技术人员占比 (target ≥ 60 %), 下沉编制数 (posts
/// moved to townships, cumulative), 空编数, 选派人数 (in total and by work area) on each month's last day, and the
/// month's conversions and returns. Counters per leaf region (a unit's
/// region: the county for county units, the township for township units), additive, so any region's figure is a sum.
/// A closed month is frozen by the Kpis module from <see cref="CountersAsync"/>; the open month is computed live.
/// </summary>
internal sealed class StaffingKpis(NpgsqlDataSource db) : IKpiSource
{
    public const string ModuleName = "staffing";
    private const string Version = "ST-2026.2";
    private static readonly KpiDefiner Definer = new(ModuleName, Version, [KpiLevels.County, KpiLevels.Township]);

    public static readonly KpiDefinition[] All =
    [
        Definer.Define("ST_MATCH", "编制匹配率", "月末在编人数", "月末核定编制数", "%", 1.0m, KpiDirections.Higher,
            ["occupied"], ["approved"]),
        Definer.Define("ST_PROFESSIONAL", "专业技术人员占比", "月末在编的专业技术人员数", "月末在编人数", "%", 0.60m,
            KpiDirections.Higher, ["professional"], ["occupied"]),
        Definer.Define("ST_MOVED_DOWN", "下沉编制数", "截至月末从县直单位划入乡镇（街道）的编制数", "—", "名", null,
            KpiDirections.None, ["moved_down"], []),
        Definer.Define("ST_VACANCIES", "空编数", "月末核定编制数减在编人数", "—", "名", null, KpiDirections.None,
            ["approved", "-occupied"], []),
        Definer.Define("ST_SECONDED", "选派人数", "月末在乡镇（街道）选派期内的人数", "—", "人", null,
            KpiDirections.None, [.. PostTypes.WorkAreas.Keys.Select(a => SecondedPrefix + a)], []),
        .. PostTypes.WorkAreas.Select(a => Definer.Define($"ST_SECONDED_{a.Key.ToUpperInvariant()}",
            $"选派人数（{a.Value}）", $"月末在{a.Value}领域选派期内的人数", "—", "人", null, KpiDirections.None,
            [SecondedPrefix + a.Key], [])),
        Definer.Define("ST_CONVERTED", "选派转编人数", "当月因考核优秀转入乡镇编制的选派人员数", "—", "人", null,
            KpiDirections.None, ["converted"], []),
        Definer.Define("ST_RETURNED", "选派退回人数", "当月因考核不合格退回原单位的选派人员数", "—", "人", null,
            KpiDirections.None, ["returned"], []),
    ];

    private const string SecondedPrefix = "seconded:";

    public string Module => ModuleName;
    public string DefinitionVersion => Version;
    public IReadOnlyList<KpiDefinition> Definitions => All;

    public async Task<IReadOnlyList<KpiCounters>> CountersAsync(DateOnly month, RegionScope scope,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return await CountersAsync(c, scope.Pattern, month, ct);
    }

    private sealed record Row(string RegionPath, long Approved, long Occupied, long MovedDown, long Professional);

    /// <summary>The counters on the month's last day per leaf region matching <paramref name="scope"/>.</summary>
    public static async Task<IReadOnlyList<KpiCounters>> CountersAsync(
        NpgsqlConnection c, string scope, DateOnly month, CancellationToken ct)
    {
        var rows = await c.QueryAsync<Row>(new CommandDefinition("""
            with lines as (
                select e.region_path, sum(l.approved_delta) as approved, sum(l.occupied_delta) as occupied,
                       coalesce(sum(l.approved_delta) filter (where l.movement = 'transfer_in'), 0) as moved_down
                from staffing.ledger_lines l join staffing.establishments e on e.id = l.establishment_id
                where e.region_path like @scope and l.effective_on <= @end
                group by e.region_path),
            professionals as (
                select e.region_path, count(*) as professional
                from staffing.holdings h
                join staffing.people p on p.id = h.person_id and p.professional
                join staffing.establishments e on e.id = h.establishment_id
                where e.region_path like @scope and h.entered_on <= @end
                  and (h.exited_on is null or h.exited_on > @end)
                group by e.region_path)
            select l.region_path, l.approved::bigint, l.occupied::bigint, l.moved_down::bigint,
                   coalesce(p.professional, 0)::bigint as professional
            from lines l left join professionals p using (region_path)
            """, new { scope, end = month.AddMonths(1).AddDays(-1) }, cancellationToken: ct));
        // 选派: by the destination township, the leaf of secondees
        var seconded = await c.QueryAsync<(string RegionPath, string Counter, long Value)>(new CommandDefinition("""
            select region_path, 'seconded:' || work_area, count(*) from staffing.secondees
            where region_path like @scope and started_on <= @end and (ended_on is null or ended_on > @end)
            group by 1, 2
            union all
            select region_path, state, count(*) from staffing.secondees
            where region_path like @scope and state in ('converted', 'returned') and ended_on between @start and @end
            group by 1, 2
            """, new { scope, start = month, end = month.AddMonths(1).AddDays(-1) }, cancellationToken: ct));
        var counters = rows.ToDictionary(r => r.RegionPath, r => new Dictionary<string, long>
        {
            ["approved"] = r.Approved, ["occupied"] = r.Occupied, ["moved_down"] = r.MovedDown,
            ["professional"] = r.Professional,
        });
        foreach (var (path, counter, value) in seconded)
        {
            if (!counters.TryGetValue(path, out var leaf)) counters[path] = leaf = new Dictionary<string, long>();
            leaf[counter] = value;
        }
        return counters.Select(x => new KpiCounters(x.Key, KpiFigures.AllDimensions, x.Value)).ToList();
    }

    /// <summary>Counters that are the month's own flow, not a state at its end.</summary>
    private static readonly string[] Flows = ["converted", "returned"];

    /// <summary>The open month from the closed one before it: states carried over plus this month's changes; flows
    /// are this month's alone.</summary>
    internal static IReadOnlyDictionary<string, long> OpenMonth(
        IReadOnlyDictionary<string, long> previous, IReadOnlyDictionary<string, long> movements)
    {
        var total = previous.Where(kv => !Flows.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        KpiFormula.Add(total, movements);
        return total;
    }

    /// <summary>The changes of the counters within <paramref name="month"/> (the flows: their month's
    /// values).</summary>
    internal static async Task<IReadOnlyDictionary<string, long>> MovementsAsync(
        NpgsqlConnection c, string scope, DateOnly month, CancellationToken ct)
    {
        var (before, end) = (month.AddDays(-1), month.AddMonths(1).AddDays(-1));
        var rows = await c.QueryAsync<(string Counter, long Value)>(new CommandDefinition("""
            select 'approved', coalesce(sum(l.approved_delta), 0) from staffing.ledger_lines l
              join staffing.establishments e on e.id = l.establishment_id
              where e.region_path like @scope and l.effective_on > @before and l.effective_on <= @end
            union all
            select 'occupied', coalesce(sum(l.occupied_delta), 0) from staffing.ledger_lines l
              join staffing.establishments e on e.id = l.establishment_id
              where e.region_path like @scope and l.effective_on > @before and l.effective_on <= @end
            union all
            select 'moved_down', coalesce(sum(l.approved_delta), 0) from staffing.ledger_lines l
              join staffing.establishments e on e.id = l.establishment_id
              where e.region_path like @scope and l.movement = 'transfer_in' and l.effective_on > @before
                and l.effective_on <= @end
            union all
            select 'professional', count(*) filter (where h.entered_on > @before and h.entered_on <= @end)
                                 - count(*) filter (where h.exited_on > @before and h.exited_on <= @end)
              from staffing.holdings h join staffing.people p on p.id = h.person_id and p.professional
              join staffing.establishments e on e.id = h.establishment_id
              where e.region_path like @scope
                and (h.entered_on > @before and h.entered_on <= @end or h.exited_on > @before and h.exited_on <= @end)
            union all
            select 'seconded:' || work_area, count(*) filter (where started_on > @before and started_on <= @end)
                                           - count(*) filter (where ended_on > @before and ended_on <= @end)
              from staffing.secondees where region_path like @scope
                and (started_on > @before and started_on <= @end or ended_on > @before and ended_on <= @end)
              group by work_area
            union all
            select state, count(*) from staffing.secondees
              where region_path like @scope and state in ('converted', 'returned') and ended_on > @before
                and ended_on <= @end
              group by state
            """, new { scope, before, end }, cancellationToken: ct));
        return rows.GroupBy(r => r.Counter).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
    }

    /// <summary>The months <c>from</c>–<c>to</c> (yyyy-MM; default: this year) in the caller's scope (or a region in
    /// it): closed months from the frozen figures, the open month live.</summary>
    public static async Task<Ok<IReadOnlyList<StaffingKpiMonth>>> Get(
        [TextLimit(TextLimits.Code)] string? from, [TextLimit(TextLimits.Code)] string? to, Guid? regionId,
        NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions,
        IKpiStore store, IProvisionalKpis provisional, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var open = new DateOnly(today.Year, today.Month, 1);
        var first = Months.Parse(from, "from") ?? new DateOnly(today.Year, 1, 1);
        var last = Months.Parse(to, "to") ?? open;
        if (last < first) throw new ValidationException("to", "结束月份不能早于开始月份。");
        if (last > open) throw new ValidationException("to", "不能查询未来的月份。");
        if ((last.Year - first.Year) * 12 + last.Month - first.Month >= 60)
            throw new ValidationException("from", "一次最多查询 60 个月。");
        var path = await Establishments.ScopePath(regionId, user, regions, ct);

        // the figures of the scope come from one pre-aggregated total per month; the breakdown by region only below the
        // province (a county's units and townships), where it is a handful of rows
        var breakdown = path.Count(ch => ch == '/') > 2;
        var figures = new List<(DateOnly Month, bool Frozen, int Revision, IReadOnlyDictionary<string, long> Total,
            IReadOnlyList<KpiCounters> Leaves)>();
        if (first < open)
        {
            var lastClosed = last < open ? last : open.AddMonths(-1);
            await store.FreezeClosedMonthsAsync(ModuleName, first, lastClosed, ct);
            var totals = (await store.TotalsAsync(ModuleName, first, lastClosed, [path], [KpiFigures.AllDimensions],
                ct)).ToDictionary(t => t.Month);
            var leaves = breakdown
                ? (await store.LeavesAsync(ModuleName, first, lastClosed, new RegionScope(path), ct))
                    .ToLookup(l => l.Month)
                : Enumerable.Empty<KpiFigure>().ToLookup(l => l.Month);
            for (var m = first; m <= lastClosed; m = m.AddMonths(1))
            {
                var total = totals.GetValueOrDefault(m);
                figures.Add((m, true, total?.Revision ?? 1, total?.Counters ?? new Dictionary<string, long>(),
                    leaves[m].Select(l => new KpiCounters(l.RegionPath, l.Dimension, l.Counters)).ToList()));
            }
        }
        if (last >= open)
        {
            // the open month, reused for Kpis:ProvisionalSeconds: at province scale it is a few hundred milliseconds
            var live = await provisional.GetAsync($"{ModuleName}/kpis", open, path, async () =>
            {
                await using var c = await db.OpenConnectionAsync(ct);
                if (breakdown)
                {
                    var leaves = await CountersAsync(c, path + "%", open, ct);
                    var total = new Dictionary<string, long>();
                    foreach (var leaf in leaves) KpiFormula.Add(total, leaf.Values);
                    return (Total: (IReadOnlyDictionary<string, long>)total, Leaves: leaves);
                }
                // the province: last month's frozen total plus this month's movements, so the open month costs what
                // one month of changes costs, not the whole history
                var previous = open.AddMonths(-1);
                await store.FreezeClosedMonthsAsync(ModuleName, previous, previous, ct);
                var frozen = (await store.TotalsAsync(ModuleName, previous, previous, [path],
                    [KpiFigures.AllDimensions], ct)).SingleOrDefault()?.Counters ?? new Dictionary<string, long>();
                return (OpenMonth(frozen, await MovementsAsync(c, path + "%", open, ct)), []);
            });
            figures.Add((open, false, 0, live.Figures.Total, live.Figures.Leaves));
        }

        var names = await regions.NamesByPathAsync(
            figures.SelectMany(f => f.Leaves.Select(l => l.RegionPath)).Distinct().ToList(), ct);
        return TypedResults.Ok<IReadOnlyList<StaffingKpiMonth>>(figures.Select(f =>
        {
            return new StaffingKpiMonth(f.Month.ToString("yyyy-MM"), f.Month.AddMonths(1).AddDays(-1), f.Frozen,
                f.Revision,
                All.Select(d => (d, v: KpiFormula.Evaluate(d, f.Total)))
                    .Select(x => new StaffingKpiValue(x.d.Code, x.d.Name, x.v.Value, x.v.Numerator, x.v.Denominator,
                        x.d.Target, x.v.Met)).ToList(),
                f.Leaves.OrderBy(l => l.RegionPath).Select(l => new StaffingTownshipFigures(l.RegionPath,
                    names.GetValueOrDefault(l.RegionPath, ""), l.Values.GetValueOrDefault("approved"),
                    l.Values.GetValueOrDefault("occupied"), l.Values.GetValueOrDefault("professional"),
                    l.Values.GetValueOrDefault("moved_down"))).ToList());
        }).ToList());
    }
}
