using System.Globalization;
using System.Text;

namespace Governance.ServiceCentre.Features;

public sealed record ServiceKpiDefinition(string Code, string Name, string Numerator, string Denominator, string Unit, decimal? Target, string Direction);

public sealed record ServiceKpiValue(string Code, decimal? Value, long Numerator, long Denominator, bool? Met);

/// <summary>One month of one region (the caller's scope, or one township / the county hall when grouped) at one tier.</summary>
public sealed record ServiceKpiRow(
    string Month, string RegionName, string Level, bool Frozen, int Revision, DateTimeOffset? FrozenAt, IReadOnlyList<ServiceKpiValue> Kpis);

public sealed record ServiceKpiReport(string DefinitionVersion, IReadOnlyList<ServiceKpiDefinition> Definitions, IReadOnlyList<ServiceKpiRow> Rows);

public sealed record ServiceKpiRevision(string Month, string RegionName, string Level, int Revision, DateTimeOffset FrozenAt, int Received, int Completed,
    int OnTheSpot, int OnTime, int Visits, int Ratings, int GoodRatings, int BadRatings, int BadRectifiedInTime);

public sealed record RevisionResult(string Month, int Revised);

public sealed record CoverageResponse(int Centres, long Offered, long Expected, decimal? Rate, decimal Target);

/// <summary>
/// 便民服务 KPIs per month and tier (county hall, township centres, village points), read from the rollups that triggers
/// keep current. A month is frozen when it closes (revision 1, with the definition version); a later correction becomes
/// the next revision when the month is revised (nightly, or on demand) — a published figure is never silently changed.
/// Applications count towards the centre that first received them.
/// </summary>
internal static class Kpis
{
    public const string DefinitionVersion = "SC-2026.1";

    public static readonly ServiceKpiDefinition[] Definitions =
    [
        new("SC_RECEIVED", "办件量", "当月接件数", "—", "件", null, "none"),
        new("SC_ON_THE_SPOT", "当场办结率", "当月办结中当场办结（受理当日、一次到场办结）的件数", "当月办结件数", "%", 0.95m, "higher"),
        new("SC_ON_TIME", "按时办结率", "当月办结中在承诺期限内办结的件数", "当月办结件数", "%", 0.99m, "higher"),
        new("SC_VISITS", "平均跑动次数", "当月办结件的跑动次数合计", "当月办结件数", "次", 0.5m, "lower"),
        new("SC_SATISFACTION", "满意率", "当月评价中“满意”及以上的条数", "当月评价条数", "%", 0.90m, "higher"),
        new("SC_RECTIFICATION", "差评整改率", "当月差评中在整改期限内整改完成的条数", "当月差评条数（申诉成立的除外）", "%", 1.0m, "higher"),
        new("SC_FORWARDED", "转报率", "当月接件中转报上级的件数", "当月接件数", "%", null, "lower"),
    ];

    internal sealed record Figures
    {
        public DateOnly Month { get; init; }
        public string Unit { get; init; } = "";
        public string Tier { get; init; } = "";
        public int Revision { get; init; }
        public DateTime? FrozenAt { get; init; }
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
    }

    private static ServiceKpiValue Ratio(string code, long numerator, long denominator)
    {
        var d = Definitions.First(k => k.Code == code);
        decimal? value = denominator == 0 ? null : Math.Round((decimal)numerator / denominator, 4);
        bool? met = value is null || d.Target is null ? null : d.Direction == "lower" ? value <= d.Target : value >= d.Target;
        return new ServiceKpiValue(code, value, numerator, denominator, met);
    }

    internal static IReadOnlyList<ServiceKpiValue> Compute(Figures f) =>
    [
        new("SC_RECEIVED", f.Received, f.Received, 0, null),
        Ratio("SC_ON_THE_SPOT", f.OnTheSpot, f.Completed),
        Ratio("SC_ON_TIME", f.OnTime, f.Completed),
        Ratio("SC_VISITS", f.Visits, f.Completed),
        Ratio("SC_SATISFACTION", f.GoodRatings, f.Ratings),
        Ratio("SC_RECTIFICATION", f.BadRectifiedInTime, f.BadRatings - f.BadVoided),
        Ratio("SC_FORWARDED", f.Forwarded, f.Received),
    ];

    private const string Counters = "received, forwarded, completed, on_the_spot, on_time, visits, ratings, good_ratings, bad_ratings, bad_voided, bad_rectified_in_time";
    private static string Prefixed(string alias) => string.Join(", ", Counters.Split(", ").Select(column => $"{alias}.{column}"));

    private const string Sums = """
        sum(received) as received, sum(forwarded) as forwarded, sum(completed) as completed, sum(on_the_spot) as on_the_spot,
        sum(on_time) as on_time, sum(visits) as visits, sum(ratings) as ratings, sum(good_ratings) as good_ratings,
        sum(bad_ratings) as bad_ratings, sum(bad_voided) as bad_voided, sum(bad_rectified_in_time) as bad_rectified_in_time
        """;

    /// <summary>Freezes every closed month of the range that is not frozen yet (revision 1 of each of its rollups).</summary>
    internal static async Task FreezeClosedMonths(NpgsqlConnection c, DateOnly first, DateOnly last, DateOnly open, DateTime now, CancellationToken ct)
    {
        if (first >= open) return;
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition($"""
            with closed as (
                insert into service_centre.kpi_closed_months (month, closed_at)
                select m::date, @now from generate_series(@first::date, least(@last::date, @open::date - 1), interval '1 month') m
                on conflict do nothing
                returning month)
            insert into service_centre.kpi_snapshots (month, unit_path, tier, revision, latest, definition_version, frozen_at, {Counters})
            select r.month, r.unit_path, r.tier, 1, true, @version, @now, {Prefixed("r")}
            from service_centre.kpi_rollups r join closed using (month)
            """, new { first, last, open, now, version = DefinitionVersion }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public static async Task<IResult> Get(
        string? from, string? to, string? level, Guid? regionId, string? groupBy, string? format, NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var open = new DateOnly(today.Year, today.Month, 1);
        var (first, last) = (Months.Parse(from, "from") ?? new DateOnly(today.Year, 1, 1), Months.Parse(to, "to") ?? open);
        new Validator()
            .Check(last >= first, "to", "结束月份不能早于开始月份。")
            .Check(last.Year * 12 + last.Month - (first.Year * 12 + first.Month) < 60, "from", "一次最多查询 60 个月。")
            .Check(level is null or "all" || Centres.TierNames.ContainsKey(level), "level", "层级只能是 county、township、village 或 all。")
            .Check(groupBy is null or "none" or "township", "groupBy", "分组只能是 none 或 township。")
            .Check(format is null or "json" or "csv", "format", "格式只能是 json 或 csv。")
            .ThrowIfInvalid();
        var scope = user.Scope.Path;
        if (regionId is { } id)
        {
            var region = await regions.FindAsync(id, ct);
            if (region is null || !user.Scope.Contains(region.Path)) throw new ValidationException("regionId", "区划不存在或不在管辖范围内。");
            scope = region.Path;
        }
        var tier = level is null or "all" ? null : level;
        var byTownship = groupBy == "township";

        await using var c = await db.OpenConnectionAsync(ct);
        await FreezeClosedMonths(c, first, last, open, clock.GetUtcNow().UtcDateTime, ct);
        // closed months from their latest frozen revision, the open month from the live rollups
        var rows = (await c.QueryAsync<Figures>(new CommandDefinition($"""
            with figures as (
                select month, unit_path, tier, revision, frozen_at, {Counters} from service_centre.kpi_snapshots
                where latest and month between @first and @last and month < @open and unit_path like @scope and (@tier::text is null or tier = @tier)
                union all
                select month, unit_path, tier, 0, null, {Counters} from service_centre.kpi_rollups
                where month between greatest(@first, @open) and @last and unit_path like @scope and (@tier::text is null or tier = @tier))
            select month, case when @byTownship then unit_path else @scopePath end as unit, coalesce(@tier, 'all') as tier,
                   max(revision) as revision, max(frozen_at) as frozen_at, {Sums}
            from figures group by 1, 2 order by 1, 2
            """, new { first, last, open, scope = scope + "%", scopePath = scope, tier, byTownship }, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(rows.Select(r => r.Unit).Distinct().ToList(), ct);
        string Name(string unit) => names.GetValueOrDefault(unit, "") + (byTownship && Applications.Tier(unit) == 2 ? "（县行政服务中心）" : "");
        var report = new ServiceKpiReport(DefinitionVersion, Definitions, rows.Select(r => new ServiceKpiRow(r.Month.ToString("yyyy-MM"), Name(r.Unit), r.Tier,
            r.Month < open, r.Revision, r.FrozenAt is { } at ? Applications.Utc(at) : null, Compute(r))).ToList());
        if (format != "csv") return TypedResults.Ok(report);

        var csv = new StringBuilder(Csv.Line(["月份", "区域", "层级", "指标编码", "指标", "数值", "分子", "分母", "目标", "达标", "已冻结", "修订版本"]));
        foreach (var row in report.Rows)
            foreach (var k in row.Kpis)
            {
                var d = Definitions.First(x => x.Code == k.Code);
                csv.Append(Csv.Line([row.Month, row.RegionName, row.Level, k.Code, d.Name, k.Value?.ToString(CultureInfo.InvariantCulture), k.Numerator.ToString(),
                    k.Denominator.ToString(), d.Target?.ToString(CultureInfo.InvariantCulture), k.Met switch { true => "是", false => "否", null => "" },
                    row.Frozen ? "是" : "否", row.Revision.ToString()]));
            }
        return TypedResults.File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"便民服务指标-{first:yyyyMM}-{last:yyyyMM}.csv");
    }

    /// <summary>
    /// 修订: for a closed month, records the next revision of every rollup in the caller's scope whose live figures differ
    /// from its latest frozen revision (a late completion, an appeal decided after the month closed …).
    /// </summary>
    public static async Task<Ok<RevisionResult>> Revise(
        string month, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var m = Months.Parse(month, "month")!.Value;
        var today = CountyClock.Today(clock);
        var open = new DateOnly(today.Year, today.Month, 1);
        if (m >= open) throw new ValidationException("month", "只能修订已结束的月份；当月数据实时更新。");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        await FreezeClosedMonths(c, m, m, open, now, ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtextextended('kpi_revise', 0))", transaction: tx, cancellationToken: ct));
        // the new revisions go in first, then the latest flag moves to them (its unique index admits one latest per rollup)
        var revised = await c.ExecuteAsync(new CommandDefinition($"""
            insert into service_centre.kpi_snapshots (month, unit_path, tier, revision, latest, definition_version, frozen_at, {Counters})
            select r.month, r.unit_path, r.tier, coalesce(s.revision, 0) + 1, false, @version, @now, {Prefixed("r")}
            from service_centre.kpi_rollups r
            left join service_centre.kpi_snapshots s on s.month = r.month and s.unit_path = r.unit_path and s.tier = r.tier and s.latest
            where r.month = @m and r.unit_path like @scope and (s.revision is null or ({Prefixed("r")}) is distinct from ({Prefixed("s")}))
            """, new { m, scope = user.Scope.Pattern, version = DefinitionVersion, now }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("""
            update service_centre.kpi_snapshots s set latest = false
            where s.month = @m and s.latest and exists (select 1 from service_centre.kpi_snapshots n
                where n.month = s.month and n.unit_path = s.unit_path and n.tier = s.tier and n.revision > s.revision);
            update service_centre.kpi_snapshots s set latest = true
            where s.month = @m and not s.latest and not exists (select 1 from service_centre.kpi_snapshots n
                where n.month = s.month and n.unit_path = s.unit_path and n.tier = s.tier and n.revision > s.revision);
            """, new { m }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("kpis.revised", "kpi_month", m.ToString("yyyy-MM"), user.Scope.Path, After: new { revised }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new RevisionResult(m.ToString("yyyy-MM"), revised));
    }

    /// <summary>Every frozen revision of a month in scope, for the units that were revised (revision history).</summary>
    public static async Task<Ok<IReadOnlyList<ServiceKpiRevision>>> Revisions(
        string month, NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, CancellationToken ct)
    {
        var m = Months.Parse(month, "month")!.Value;
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Figures>(new CommandDefinition($"""
            select month, unit_path as unit, tier, revision, frozen_at, {Counters} from service_centre.kpi_snapshots s
            where month = @m and unit_path like @scope
              and exists (select 1 from service_centre.kpi_snapshots l where l.month = s.month and l.unit_path = s.unit_path and l.tier = s.tier and l.revision > 1)
            order by unit_path, tier, revision
            """, new { m, scope = user.Scope.Pattern }, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(rows.Select(r => r.Unit).Distinct().ToList(), ct);
        return TypedResults.Ok<IReadOnlyList<ServiceKpiRevision>>(rows.Select(r => new ServiceKpiRevision(r.Month.ToString("yyyy-MM"),
            names.GetValueOrDefault(r.Unit, ""), r.Tier, r.Revision, Applications.Utc(r.FrozenAt!.Value), (int)r.Received, (int)r.Completed, (int)r.OnTheSpot,
            (int)r.OnTime, (int)r.Visits, (int)r.Ratings, (int)r.GoodRatings, (int)r.BadRatings, (int)r.BadRectifiedInTime)).ToList());
    }

    /// <summary>
    /// 事项覆盖率, as of today: items the centres offer / items they should offer — every item in force of the centre's
    /// level (village points: village items; township centres and the county hall: township items).
    /// </summary>
    public static async Task<Ok<CoverageResponse>> Coverage(string? level, NpgsqlDataSource db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (level is not null && !Centres.TierNames.ContainsKey(level)) throw new ValidationException("level", "层级只能是 county、township 或 village。");
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
                join service_centre.item_versions v on v.item_id = i.id and v.valid @> @today and v.level = c.item_level and v.published_at is not null)
            select (select count(*)::int from centres),
                   (select count(*) from expected e where exists (select 1 from service_centre.centre_items ci where ci.centre_id = e.centre_id and ci.item_id = e.item_id)),
                   (select count(*) from expected)
            """, new { scope = user.Scope.Pattern, level, today = CountyClock.Today(clock) }, cancellationToken: ct));
        return TypedResults.Ok(new CoverageResponse(row.Centres, row.Offered, row.Expected,
            row.Expected == 0 ? null : Math.Round((decimal)row.Offered / row.Expected, 4), 0.90m));
    }
}
