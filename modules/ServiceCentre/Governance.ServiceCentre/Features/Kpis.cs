using System.Globalization;
using System.Text;

namespace Governance.ServiceCentre.Features;

public sealed record ServiceKpiDefinition(string Code, string Name, string Numerator, string Denominator, string Unit,
    decimal? Target, string Direction);

public sealed record ServiceKpiValue(string Code, decimal? Value, long Numerator, long Denominator, bool? Met);

/// <summary>
/// One month of one region (the caller's scope, or one township / the county hall when grouped) at one tier.
/// </summary>
public sealed record ServiceKpiRow(
    string Month, string RegionName, string Level, bool Frozen, int Revision, DateTimeOffset? FrozenAt,
    IReadOnlyList<ServiceKpiValue> Kpis);

public sealed record ServiceKpiReport(string DefinitionVersion, IReadOnlyList<ServiceKpiDefinition> Definitions,
    IReadOnlyList<ServiceKpiRow> Rows);

public sealed record ServiceKpiRevision(string Month, string RegionName, string Level, int Revision,
    DateTimeOffset FrozenAt, int Received, int Completed, int OnTheSpot, int OnTime, int Visits, int Ratings,
    int GoodRatings, int BadRatings, int BadRectifiedInTime, int Forwarded, int BadVoided, string DefinitionVersion,
    string? Reason);

public sealed record RevisionResult(string Month, int Revised);

public sealed record CoverageResponse(int Centres, long Offered, long Expected, decimal? Rate, decimal Target);

/// <summary>
/// 便民服务 KPIs per month and tier (county hall, township centres, village points). The open month is read from the
/// rollups that triggers keep current; a closed month is frozen by the Kpis module from the same rollups (this
/// module's <see cref="ServiceKpiSource"/>) when it is first read (revision 1, with the definition version), and a
/// later correction becomes the next revision when the month is revised (nightly, or on demand) — a published figure is
/// never silently changed. Applications count towards the centre that first received them.
/// </summary>
internal static class Kpis
{
    public const string Module = "service_centre";
    public const string DefinitionVersion = "SC-2026.1";

    private static readonly KpiDefiner Definer =
        new(Module, DefinitionVersion, [KpiLevels.County, KpiLevels.Township, KpiLevels.Village]);

    /// <summary>The counters every month of every unit and tier carries (the rollups' columns).</summary>
    public static readonly string[] CounterNames =
        [
            "received", "forwarded", "completed", "on_the_spot", "on_time", "visits", "ratings", "good_ratings",
            "bad_ratings", "bad_voided", "bad_rectified_in_time",
        ];

    public static readonly KpiDefinition[] Definitions =
    [
        Definer.Define("SC_RECEIVED", "办件量", "当月接件数", "—", "件", null, "none", ["received"], []),
        Definer.Define("SC_ON_THE_SPOT", "当场办结率", "当月办结中当场办结（受理当日、一次到场办结）的件数",
            "当月办结件数", "%", 0.95m, "higher", ["on_the_spot"], ["completed"]),
        Definer.Define("SC_ON_TIME", "按时办结率", "当月办结中在承诺期限内办结的件数", "当月办结件数", "%", 0.99m,
            "higher", ["on_time"], ["completed"]),
        Definer.Define("SC_VISITS", "平均跑动次数", "当月办结件的跑动次数合计", "当月办结件数", "次", 0.5m, "lower",
            ["visits"], ["completed"]),
        Definer.Define("SC_SATISFACTION", "满意率", "当月评价中“满意”及以上的条数", "当月评价条数", "%", 0.90m,
            "higher", ["good_ratings"], ["ratings"]),
        Definer.Define("SC_RECTIFICATION", "差评整改率", "当月差评中在整改期限内整改完成的条数",
            "当月差评条数（申诉成立的除外）", "%", 1.0m, "higher", ["bad_rectified_in_time"],
            ["bad_ratings", "-bad_voided"]),
        Definer.Define("SC_FORWARDED", "转报率", "当月接件中转报上级的件数", "当月接件数", "%", null, "lower",
            ["forwarded"], ["received"]),
    ];

    private static readonly ServiceKpiDefinition[] Published =
        Definitions.Select(d => new ServiceKpiDefinition(d.Code, d.Name, d.Numerator, d.Denominator, d.Unit, d.Target,
            d.Direction)).ToArray();

    internal static IReadOnlyList<ServiceKpiValue> Compute(IReadOnlyDictionary<string, long> counters) =>
        Definitions.Select(d => KpiFormula.Evaluate(d, counters))
            .Select(v => new ServiceKpiValue(v.Code, v.Value, v.Numerator, v.Denominator, v.Met)).ToList();

    private const string Counters =
        "received, forwarded, completed, on_the_spot, on_time, visits, ratings, good_ratings, "
        + "bad_ratings, bad_voided, bad_rectified_in_time";

    /// <summary>One unit's (or the scope's) rollup row of one month and tier, as counters.</summary>
    internal sealed record RollupRow
    {
        public DateOnly Month { get; init; }
        public string Unit { get; init; } = "";
        public string Tier { get; init; } = "";
        public long Received { get; init; }
        public long Forwarded { get; init; }
        public long Completed { get; init; }
        public long OnTheSpot { get; init; }
        public long OnTime { get; init; }
        public long Visits { get; init; }
        public long Ratings { get; init; }
        public long GoodRatings { get; init; }
        public long BadRatings { get; init; }
        public long BadVoided { get; init; }
        public long BadRectifiedInTime { get; init; }

        public IReadOnlyDictionary<string, long> Counters => new Dictionary<string, long>
        {
            ["received"] = Received, ["forwarded"] = Forwarded, ["completed"] = Completed, ["on_the_spot"] = OnTheSpot,
            ["on_time"] = OnTime, ["visits"] = Visits, ["ratings"] = Ratings, ["good_ratings"] = GoodRatings,
            ["bad_ratings"] = BadRatings, ["bad_voided"] = BadVoided, ["bad_rectified_in_time"] = BadRectifiedInTime,
        };
    }

    /// <summary>The rollups of one month, per unit and tier: what the Kpis module freezes.</summary>
    internal static async Task<IReadOnlyList<RollupRow>> RollupsAsync(NpgsqlDataSource db, DateOnly month,
        RegionScope scope, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<RollupRow>(new CommandDefinition($"""
            select month, unit_path as unit, tier, {Counters} from service_centre.kpi_rollups
            where month = @month and {RegionScope.Sql("unit_path")}
            """, new { month, scope = scope.Pattern }, cancellationToken: ct))).ToList();
    }

    private const string Sums = """
        sum(received) as received, sum(forwarded) as forwarded, sum(completed) as completed,
        sum(on_the_spot) as on_the_spot, sum(on_time) as on_time, sum(visits) as visits, sum(ratings) as ratings,
        sum(good_ratings) as good_ratings, sum(bad_ratings) as bad_ratings, sum(bad_voided) as bad_voided,
        sum(bad_rectified_in_time) as bad_rectified_in_time
        """;

    private sealed record Row(DateOnly Month, string Unit, string Tier, int Revision, DateTimeOffset? FrozenAt,
        IReadOnlyDictionary<string, long> Counters);

    public static async Task<IResult> Get(
        [TextLimit(TextLimits.Code)] string? from, [TextLimit(TextLimits.Code)] string? to,
        [TextLimit(TextLimits.Code)] string? level, Guid? regionId, [TextLimit(TextLimits.Code)] string? groupBy,
        [TextLimit(TextLimits.Code)] string? format, NpgsqlDataSource db,
        CurrentUser user, IRegionDirectory regions, IKpiStore store, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var open = new DateOnly(today.Year, today.Month, 1);
        var (first, last) = (Months.Parse(from, "from") ?? new DateOnly(today.Year, 1, 1),
            Months.Parse(to, "to") ?? open);
        new Validator()
            .Check(last >= first, "to", "结束月份不能早于开始月份。")
            .Check(last.Year * 12 + last.Month - (first.Year * 12 + first.Month) < 60, "from", "一次最多查询 60 个月。")
            .Check(level is null or "all" || Centres.TierNames.ContainsKey(level), "level",
                "层级只能是 county、township、village 或 all。")
            .Check(groupBy is null or "none" or "township", "groupBy", "分组只能是 none 或 township。")
            .Check(format is null or "json" or "csv", "format", "格式只能是 json 或 csv。")
            .ThrowIfInvalid();
        var scope = user.Scope.Path;
        if (regionId is { } id)
        {
            var region = await regions.FindAsync(id, ct);
            if (region is null || !user.Scope.Contains(region.Path))
                throw new ValidationException("regionId", "区划不存在或不在管辖范围内。");
            scope = region.Path;
        }
        var tier = level is null or "all" ? null : level;
        var byTownship = groupBy == "township";

        // closed months from their latest frozen revision (the Kpis module), the open month from the live rollups
        var rows = new List<Row>();
        if (first < open)
        {
            var lastClosed = last < open ? last : open.AddMonths(-1);
            await store.FreezeClosedMonthsAsync(Module, first, lastClosed, ct);
            if (!byTownship)
                rows.AddRange(
                    (await store.TotalsAsync(Module, first, lastClosed, [scope],
                        [tier ?? KpiFigures.AllDimensions], ct))
                    .Select(f => new Row(f.Month, scope, tier ?? "all", f.Revision, f.FrozenAt, f.Counters)));
            else
                rows.AddRange((await store.LeavesAsync(Module, first, lastClosed, new RegionScope(scope), ct))
                    .Where(f => tier is null || f.Dimension == tier)
                    .GroupBy(f => (f.Month, f.RegionPath))
                    .Select(g =>
                    {
                        var sum = new Dictionary<string, long>();
                        foreach (var f in g) KpiFormula.Add(sum, f.Counters);
                        return new Row(g.Key.Month, g.Key.RegionPath, tier ?? "all", g.Max(f => f.Revision),
                            g.Max(f => f.FrozenAt), sum);
                    }));
        }
        if (last >= open)
        {
            await using var c = await db.OpenConnectionAsync(ct);
            rows.AddRange((await c.QueryAsync<RollupRow>(new CommandDefinition($"""
                select month, case when @byTownship then unit_path else @scopePath end as unit, coalesce(@tier, 'all')
                    as tier, {Sums}
                from service_centre.kpi_rollups
                where month between greatest(@first, @open) and @last and unit_path like @scope
                    and (@tier::text is null or tier = @tier)
                group by 1, 2
                """, new { first, last, open, scope = scope + "%", scopePath = scope, tier, byTownship },
                cancellationToken: ct)))
                .Select(r => new Row(r.Month, r.Unit, r.Tier, 0, null, r.Counters)));
        }
        rows = rows.OrderBy(r => r.Month).ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var names = await regions.NamesByPathAsync(rows.Select(r => r.Unit).Distinct().ToList(), ct);
        string Name(string unit) =>
            names.GetValueOrDefault(unit, "")
                + (byTownship && Applications.Tier(unit) == 2 ? "（县行政服务中心）" : "");
        var report = new ServiceKpiReport(DefinitionVersion, Published,
            rows.Select(r => new ServiceKpiRow(r.Month.ToString("yyyy-MM"), Name(r.Unit), r.Tier, r.Month < open,
                r.Revision, r.FrozenAt, Compute(r.Counters))).ToList());
        if (format != "csv") return TypedResults.Ok(report);

        var csv =
            new StringBuilder(Csv.Line(["月份", "区域", "层级", "指标编码", "指标", "数值", "分子", "分母", "目标",
                "达标", "已冻结", "修订版本"]));
        foreach (var row in report.Rows)
            foreach (var k in row.Kpis)
            {
                var d = Definitions.First(x => x.Code == k.Code);
                csv.Append(Csv.Line([row.Month, row.RegionName, row.Level, k.Code, d.Name,
                    k.Value?.ToString(CultureInfo.InvariantCulture), k.Numerator.ToString(),
                    k.Denominator.ToString(), d.Target?.ToString(CultureInfo.InvariantCulture),
                    k.Met switch { true => "是", false => "否", null => "" }, row.Frozen ? "是" : "否",
                    row.Revision.ToString()]));
            }
        return TypedResults.File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(csv.ToString()))
            .ToArray(), "text/csv; charset=utf-8", $"便民服务指标-{first:yyyyMM}-{last:yyyyMM}.csv");
    }

    /// <summary>
    /// 修订: for a closed month, records the next revision of every rollup in the caller's scope whose live figures
    /// differ from its latest frozen revision (a late completion, an appeal decided after the month closed …), with the
    /// required reason.
    /// </summary>
    public static async Task<Ok<RevisionResult>> Revise([TextLimit(TextLimits.Code)] string month,
        [TextLimit(KpiFigures.ReasonLimit)] string? reason, CurrentUser user, IKpiStore store,
        CancellationToken ct)
    {
        var m = Months.Required(month, "month");
        var outcome = await store.ReviseAsync(Module, m, reason ?? "", user.Scope, ct);
        return TypedResults.Ok(new RevisionResult(m.ToString("yyyy-MM"), outcome.RevisedLeaves));
    }

    /// <summary>
    /// Every frozen revision of a month in scope, for the units that were revised (revision history), with every
    /// counter.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<ServiceKpiRevision>>> Revisions(
        [TextLimit(TextLimits.Code)] string month, CurrentUser user, IRegionDirectory regions, IKpiStore store,
        CancellationToken ct)
    {
        var m = Months.Required(month, "month");
        var rows = await store.RevisionHistoryAsync(Module, m, user.Scope, ct);
        var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).Distinct().ToList(), ct);
        int N(KpiFigure f, string counter) => (int)f.Counters.GetValueOrDefault(counter);
        return TypedResults.Ok<IReadOnlyList<ServiceKpiRevision>>(rows.Select(r => new ServiceKpiRevision(
            r.Month.ToString("yyyy-MM"), names.GetValueOrDefault(r.RegionPath, ""), r.Dimension, r.Revision,
            r.FrozenAt, N(r, "received"), N(r, "completed"), N(r, "on_the_spot"), N(r, "on_time"), N(r, "visits"),
            N(r, "ratings"), N(r, "good_ratings"), N(r, "bad_ratings"), N(r, "bad_rectified_in_time"),
            N(r, "forwarded"), N(r, "bad_voided"), r.DefinitionVersion, r.Reason)).ToList());
    }

    /// <summary>
    /// 事项覆盖率, as of today: items the centres offer / items they should offer — every item in force of the centre's
    /// level (village points: village items; township centres and the county hall: township items).
    /// </summary>
    public static async Task<Ok<CoverageResponse>> Coverage([TextLimit(TextLimits.Code)] string? level,
        NpgsqlDataSource db, CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        if (level is not null && !Centres.TierNames.ContainsKey(level))
            throw new ValidationException("level", "层级只能是 county、township 或 village。");
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await c.QuerySingleAsync<(int Centres, long Offered, long Expected)>(new CommandDefinition($"""
            with centres as (
                select c.id, c.region_path, case c.tier when 'village' then 'village' else 'township' end as item_level
                from service_centre.centres c
                where {RegionScope.Sql("c.region_path")} and (@level::text is null or c.tier = @level)),
            expected as (
                select c.id as centre_id, i.id as item_id
                from centres c
                join service_centre.items i on c.region_path like i.county_path || '%'
                join service_centre.item_versions v on v.item_id = i.id and v.valid @> @today and v.level = c.item_level
                    and v.published_at is not null)
            select (select count(*)::int from centres),
                   (select count(*) from expected e
                     where exists (select 1 from service_centre.centre_items ci where ci.centre_id = e.centre_id
                         and ci.item_id = e.item_id)),
                   (select count(*) from expected)
            """, new { scope = user.Scope.Pattern, level, today = CountyClock.Today(clock) }, cancellationToken: ct));
        return TypedResults.Ok(new CoverageResponse(row.Centres, row.Offered, row.Expected,
            row.Expected == 0 ? null : Math.Round((decimal)row.Offered / row.Expected, 4), 0.90m));
    }
}
