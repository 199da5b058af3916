using System.Globalization;
using System.Text;

namespace Governance.PowerLists.Features;

public sealed record Ratio(int Numerator, int Denominator, decimal? Rate, decimal? Target);

public sealed record KpiCount(string Key, string Name, int Value);

public sealed record PowerListsMonth(
    string Month, DateOnly AsOf, Ratio Completeness, Ratio Churn, Ratio NormalOperation, IReadOnlyList<KpiCount> ItemsByType, IReadOnlyList<KpiCount> EntriesByMode,
    IReadOnlyList<KpiCount> EntriesByListKind, IReadOnlyList<KpiCount> EntriesByTownship);

public sealed record PowerListsKpis(IReadOnlyList<KpiDefinition> Definitions, IReadOnlyList<PowerListsMonth> Months);

public sealed record KpiDefinition(string Code, string Name, string Numerator, string Denominator, string Unit, decimal? Target, string Direction);

/// <summary>
/// 权责清单 KPIs per month, measured as of the month's last day. The lists are temporal and append-only (a change is a
/// new version or a new entry, never an edit of the past), so a past month's figure is recomputed identically.
/// 下放事项正常开展率 counts the delegated entries whose use shows in ServiceCentre applications (through its contract);
/// Enforcement cases will add the enforcement powers when that module exists.
/// </summary>
internal static class Kpis
{
    public static readonly KpiDefinition[] Definitions =
    [
        new("PL_COMPLETENESS", "权责清单完整率", "在用事项中设定依据、实施主体、责任事项、追责情形均已填写的事项数", "月末在用（未取消）事项数", "%", 1.0m, "higher"),
        new("PL_NORMAL_OPERATION", "下放事项正常开展率", "月末在用、且有便民服务事项承接的下放条目中，当月该乡镇有办件的条目数", "月末在用、且有便民服务事项承接的下放条目数", "%", 0.90m, "higher"),
        new("PL_CHURN", "下放事项反复率", "当月下放的乡镇清单条目中，下放后 180 天内事项被修订或取消的条目数", "当月下放的乡镇清单条目数", "%", null, "lower"),
        new("PL_ITEMS_BY_TYPE", "事项数（按权力类型）", "月末在用事项数", "—", "项", null, "none"),
        new("PL_ENTRIES_BY_MODE", "乡镇清单条目数（按行使方式）", "月末在用条目数", "—", "条", null, "none"),
        new("PL_ENTRIES_BY_KIND", "乡镇清单条目数（按清单类别）", "月末在用条目数", "—", "条", null, "none"),
        new("PL_ENTRIES_BY_TOWNSHIP", "乡镇清单条目数（按乡镇）", "月末在用条目数", "—", "条", null, "none"),
    ];

    private sealed record Group(DateOnly AsOf, string Key, int Value);
    private sealed record ItemCount(DateOnly AsOf, string Type, bool Complete, int Value);
    private sealed record EntryCount(DateOnly AsOf, string? Mode, string? ListKind, string? TownshipPath, int Value);
    private sealed record RatioRow(DateOnly AsOf, int Numerator, int Denominator);

    public static async Task<IResult> Get(
        string? from, string? to, string? format, NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, IServiceUsage usage, TimeProvider clock,
        CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var (first, last) = (SharedKernel.Months.Parse(from, "from") ?? new DateOnly(today.Year, 1, 1), SharedKernel.Months.Parse(to, "to") ?? new DateOnly(today.Year, today.Month, 1));
        if (last < first) throw new ValidationException("to", "结束月份不能早于开始月份。");
        var count = last.Year * 12 + last.Month - (first.Year * 12 + first.Month) + 1;
        if (count > 60) throw new ValidationException("from", "一次最多查询 60 个月。");
        var monthEnds = Enumerable.Range(1, count).Select(i => first.AddMonths(i).AddDays(-1)).ToList();
        var args = new { scope = user.Scope.Pattern, scopePath = user.Scope.Path, first, lastDay = monthEnds[^1], monthEnds = monthEnds.ToArray() };

        await using var c = await db.OpenConnectionAsync(ct);
        // 月末在用 figures in one pass over each table: a record adds 1 from its first day and takes 1 away from its end, so what
        // is in force on a month's last day is the sum of the changes up to that day (testing every record against every
        // month took seconds per figure for a province).
        var items = (await c.QueryAsync<ItemCount>(new CommandDefinition($"""
            with changes as (
                select x.on_day, v.type, jsonb_array_length(v.legal_basis) > 0 and v.department_id is not null
                           and cardinality(v.responsibilities) > 0 and cardinality(v.accountabilities) > 0 as complete, sum(x.delta)::int as delta
                from power_lists.item_versions v
                join power_lists.items i on i.id = v.item_id and {RegionScope.SqlSharedDown("i.county_path")}
                cross join lateral (values (lower(v.valid), 1), (upper(v.valid), -1)) as x(on_day, delta)
                where not v.withdrawn and x.on_day <= @lastDay
                group by 1, 2, 3)
            select m.as_of, c.type, c.complete, sum(c.delta)::int as value
            from unnest(@monthEnds::date[]) as m(as_of) join changes c on c.on_day <= m.as_of
            group by 1, 2, 3 having sum(c.delta) <> 0
            """, args, cancellationToken: ct))).ToList();
        var entries = (await c.QueryAsync<EntryCount>(new CommandDefinition("""
            with changes as (
                select x.on_day, e.mode, e.list_kind, e.township_path, sum(x.delta)::int as delta
                from power_lists.entries e
                cross join lateral (values (lower(e.valid), 1), (upper(e.valid), -1)) as x(on_day, delta)
                where e.township_path like @scope and x.on_day <= @lastDay
                group by 1, 2, 3, 4)
            select m.as_of, c.mode, c.list_kind, c.township_path, sum(c.delta)::int as value
            from unnest(@monthEnds::date[]) as m(as_of) join changes c on c.on_day <= m.as_of
            group by grouping sets ((m.as_of, c.mode), (m.as_of, c.list_kind), (m.as_of, c.township_path))
            having sum(c.delta) <> 0
            """, args, cancellationToken: ct))).ToList();
        var churn = (await c.QueryAsync<RatioRow>(new CommandDefinition("""
            select (date_trunc('month', lower(e.valid)) + interval '1 month' - interval '1 day')::date as as_of,
                   count(*) filter (where exists (
                       select 1 from power_lists.item_versions v
                       where v.item_id = e.item_id and lower(v.valid) > lower(e.valid) and lower(v.valid) <= lower(e.valid) + 180))::int as numerator,
                   count(*)::int as denominator
            from power_lists.entries e
            where e.township_path like @scope and e.list_kind <> 'withdrawn' and lower(e.valid) between @first and @lastDay
            group by 1
            """, args, cancellationToken: ct))).ToDictionary(r => r.AsOf);
        var completeness = monthEnds.ToDictionary(m => m, m =>
        {
            var inForce = items.Where(i => i.AsOf == m).ToList();
            return new RatioRow(m, inForce.Where(i => i.Complete).Sum(i => i.Value), inForce.Sum(i => i.Value));
        });
        var byType = items.GroupBy(i => (i.AsOf, i.Type)).Select(g => new Group(g.Key.AsOf, g.Key.Type, g.Sum(i => i.Value))).ToList();
        var byMode = entries.Where(e => e.Mode is not null).Select(e => new Group(e.AsOf, e.Mode!, e.Value)).ToList();
        var byKind = entries.Where(e => e.ListKind is not null).Select(e => new Group(e.AsOf, e.ListKind!, e.Value)).ToList();
        var byTownship = entries.Where(e => e.TownshipPath is not null).Select(e => new Group(e.AsOf, e.TownshipPath!, e.Value)).ToList();
        var townshipNames = await regions.NamesByPathAsync(byTownship.Select(g => g.Key).Distinct().ToList(), ct);

        var operation = await NormalOperationAsync(c, usage, user.Scope, monthEnds, ct);
        var months = monthEnds.Select(asOf => new PowerListsMonth(
            asOf.ToString("yyyy-MM"), asOf, ToRatio(completeness[asOf], 1.0m), ToRatio(churn.GetValueOrDefault(asOf, new RatioRow(asOf, 0, 0)), null),
            ToRatio(operation[asOf], 0.90m),
            Named(byType, asOf, k => PowerTypes.Names.GetValueOrDefault(k, k)), Named(byMode, asOf, k => PowerTypes.ModeNames.GetValueOrDefault(k, k)),
            Named(byKind, asOf, k => PowerTypes.ListKindNames.GetValueOrDefault(k, k)), Named(byTownship, asOf, k => townshipNames.GetValueOrDefault(k, k))))
            .ToList();

        if (format == "csv")
        {
            var csv = new StringBuilder(Csv.Line(["月份", "指标代码", "指标", "分组", "分子", "分母", "值"]));
            foreach (var m in months)
            {
                csv.Append(Csv.Line([m.Month, "PL_COMPLETENESS", "权责清单完整率", "", $"{m.Completeness.Numerator}", $"{m.Completeness.Denominator}", Rate(m.Completeness)]));
                csv.Append(Csv.Line([m.Month, "PL_NORMAL_OPERATION", "下放事项正常开展率", "", $"{m.NormalOperation.Numerator}", $"{m.NormalOperation.Denominator}", Rate(m.NormalOperation)]));
                csv.Append(Csv.Line([m.Month, "PL_CHURN", "下放事项反复率", "", $"{m.Churn.Numerator}", $"{m.Churn.Denominator}", Rate(m.Churn)]));
                foreach (var (code, name, counts) in new[] { ("PL_ITEMS_BY_TYPE", "事项数", m.ItemsByType), ("PL_ENTRIES_BY_MODE", "条目数", m.EntriesByMode),
                             ("PL_ENTRIES_BY_KIND", "条目数", m.EntriesByListKind), ("PL_ENTRIES_BY_TOWNSHIP", "条目数", m.EntriesByTownship) })
                    foreach (var n in counts) csv.Append(Csv.Line([m.Month, code, name, n.Name, "", "", $"{n.Value}"]));
            }
            return TypedResults.File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
                $"权责清单指标-{first:yyyyMM}-{last:yyyyMM}.csv");
        }
        if (format is not (null or "" or "json")) throw new ValidationException("format", "格式只能是 json 或 csv。");
        return TypedResults.Ok(new PowerListsKpis(Definitions, months));
    }

    private sealed record ServicedEntry(string TownshipPath, Guid ItemId, DateOnly ValidFrom, DateOnly? ValidTo);

    /// <summary>下放事项正常开展率 per month: of the entries in force at month end whose item a service item implements, those
    /// with at least one application at their township during the month.</summary>
    private static async Task<Dictionary<DateOnly, RatioRow>> NormalOperationAsync(
        NpgsqlConnection c, IServiceUsage usage, RegionScope scope, IReadOnlyList<DateOnly> monthEnds, CancellationToken ct)
    {
        var result = monthEnds.ToDictionary(m => m, m => new RatioRow(m, 0, 0));
        var serviced = await usage.ServicedPowerItemsAsync(scope.Path, monthEnds[^1], ct);
        if (serviced.Count == 0) return result;
        var first = new DateOnly(monthEnds[0].Year, monthEnds[0].Month, 1);
        var used = (await usage.UsageAsync(scope.Path, first, monthEnds[^1], ct)).Select(u => (u.Month, u.TownshipPath, u.PowerItemId)).ToHashSet();
        var entries = (await c.QueryAsync<ServicedEntry>(new CommandDefinition("""
            select e.township_path, e.item_id, lower(e.valid) as valid_from, upper(e.valid) as valid_to
            from power_lists.entries e
            where e.township_path like @scope and e.list_kind <> 'withdrawn' and e.item_id = any(@serviced)
              and lower(e.valid) <= @lastMonthEnd and (upper(e.valid) is null or upper(e.valid) > @firstMonthEnd)
            """, new { scope = scope.Pattern, serviced = serviced.ToArray(), firstMonthEnd = monthEnds[0], lastMonthEnd = monthEnds[^1] },
            cancellationToken: ct))).ToList();
        foreach (var m in monthEnds)
        {
            var inForce = entries.Where(e => e.ValidFrom <= m && (e.ValidTo is null || m < e.ValidTo)).ToList();
            var month = new DateOnly(m.Year, m.Month, 1);
            result[m] = new RatioRow(m, inForce.Count(e => used.Contains((month, e.TownshipPath, e.ItemId))), inForce.Count);
        }
        return result;
    }

    private static List<KpiCount> Named(List<Group> groups, DateOnly asOf, Func<string, string> name) =>
        groups.Where(g => g.AsOf == asOf).Select(g => new KpiCount(g.Key, name(g.Key), g.Value)).OrderByDescending(g => g.Value).ThenBy(g => g.Key).ToList();

    private static Ratio ToRatio(RatioRow r, decimal? target) =>
        new(r.Numerator, r.Denominator, r.Denominator == 0 ? null : Math.Round((decimal)r.Numerator / r.Denominator, 4), target);

    private static string Rate(Ratio r) => r.Rate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

}
