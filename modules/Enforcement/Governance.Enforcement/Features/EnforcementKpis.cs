using Governance.Calendar.Contracts;
using Governance.Kpis.Contracts;

namespace Governance.Enforcement.Features;

/// <summary>
/// 综合行政执法 KPIs on the shared model: 执法案件数, 结案率, 平均办案天数 (立案 → 结案, working days), 超期案件数
/// (decided after the 90-day deadline and its extensions), 执法公示及时率 and 移送率. Every counter is a flow of its
/// month, per township (the case's region), so any region's figure is a sum of its townships'. 执法满意度 is the
/// satisfied share of the month's survey respondents (the surveys that count: not corrected by a later record).
/// </summary>
internal sealed class EnforcementKpis(NpgsqlDataSource db, IWorkingCalendar calendar) : IKpiSource
{
    public const string ModuleName = "enforcement";
    private const string Version = "EN-2026.2";
    private static readonly KpiDefiner Definer = new(ModuleName, Version, [KpiLevels.County, KpiLevels.Township]);

    public static readonly KpiDefinition[] All =
    [
        Definer.Define("EN_CASES", "执法案件数", "当月立案的案件数（含简易程序）", "—", "件", null, KpiDirections.None,
            ["filed"], []),
        Definer.Define("EN_CLOSURE", "结案率", "当月结案数", "当月立案数", "%", null, KpiDirections.Higher, ["closed"],
            ["filed"]),
        Definer.Define("EN_AVG_DAYS", "平均办案天数", "当月结案案件自立案至结案的工作日之和", "当月结案数", "天", null,
            KpiDirections.Lower, ["closed_days"], ["closed"]),
        Definer.Define("EN_OVERDUE", "超期案件数", "当月作出决定时已超过办案期限（含延期）的案件数", "—", "件", null,
            KpiDirections.None, ["decided_late"], []),
        Definer.Define("EN_DISCLOSURE_ONTIME", "执法公示及时率", "当月按期公示的决定数", "当月公示的决定数", "%", 1.0m,
            KpiDirections.Higher, ["disclosed_on_time"], ["disclosed"]),
        Definer.Define("EN_TRANSFER", "移送率", "当月移送县级部门的线索数", "当月处理（立案、不予立案、移送）的线索数",
            "%", null, KpiDirections.None, ["transferred"], ["handled"]),
        Definer.Define("EN_SATISFACTION", "执法满意度", "当月满意度调查中满意（含基本满意）的人数",
            "当月满意度调查的参与人数", "%", 0.90m, KpiDirections.Higher, ["satisfied"], ["respondents"]),
    ];

    public string Module => ModuleName;

    public string DefinitionVersion => Version;

    public IReadOnlyList<KpiDefinition> Definitions => All;

    public async Task<IReadOnlyList<KpiCounters>> CountersAsync(DateOnly month, RegionScope scope,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return await CountersAsync(c, await calendar.CurrentAsync(ct), scope.Pattern, month, ct);
    }

    /// <summary>The month's counters per township within <paramref name="scope"/> (a <c>like</c> pattern).</summary>
    public static async Task<IReadOnlyList<KpiCounters>> CountersAsync(
        NpgsqlConnection c, WorkingDayCalendar calendar, string scope, DateOnly month, CancellationToken ct)
    {
        var (start, end) = (month, month.AddMonths(1).AddDays(-1));
        // the month's events by their instant, from its first midnight in the county to the next month's (an index
        // range)
        var (from, until) = (CountyClock.StartOfDayUtc(start), CountyClock.StartOfDayUtc(end.AddDays(1)));
        var args = new { scope, start, end, from, until };
        var counts = await c.QueryAsync<(string RegionPath, string Counter, long Value)>(new CommandDefinition($"""
            select region_path, 'filed', count(*) from enforcement.cases
              where region_path like @scope and filed_on between @start and @end group by 1
            union all
            select region_path, 'decided_late', count(*) from enforcement.cases
              where region_path like @scope and decided_on between @start and @end and decided_on > decision_due_on
              group by 1
            union all
            select region_path, 'disclosed', count(*) from enforcement.disclosures
              where region_path like @scope and published_on between @start and @end group by 1
            union all
            select region_path, 'disclosed_on_time', count(*) from enforcement.disclosures
              where region_path like @scope and published_on between @start and @end and published_on <= due_on
              group by 1
            union all
            select k.region_path, case when e.action = 'transfer' then 'transferred' else 'handled' end, count(*)
              from enforcement.case_events e join enforcement.cases k on k.id = e.record_id
              where k.region_path like @scope and e.action in ('file', 'simple', 'decline', 'transfer')
                and e.at >= @from and e.at < @until
              group by 1, 2
            union all
            select region_path, 'respondents', sum(respondents) from enforcement.satisfaction_surveys s
              where region_path like @scope and surveyed_on between @start and @end and {Surveys.Counting} group by 1
            union all
            select region_path, 'satisfied', sum(satisfied) from enforcement.satisfaction_surveys s
              where region_path like @scope and surveyed_on between @start and @end and {Surveys.Counting} group by 1
            """, args, cancellationToken: ct));
        var closed = await c.QueryAsync<(string RegionPath, DateOnly FiledOn, DateOnly ClosedOn)>(new CommandDefinition(
            """
            select region_path, filed_on, closed_on from enforcement.cases
            where region_path like @scope and closed_on between @start and @end and filed_on is not null
            """, args, cancellationToken: ct));
        var leaves = new Dictionary<string, Dictionary<string, long>>();
        Dictionary<string, long> Leaf(string path) =>
            leaves.TryGetValue(path, out var leaf) ? leaf : leaves[path] = new Dictionary<string, long>();
        foreach (var (path, counter, value) in counts)
        {
            var leaf = Leaf(path);
            leaf[counter] = leaf.GetValueOrDefault(counter) + value;
        }
        // a transfer is also a handled lead
        foreach (var leaf in leaves.Values.Where(l => l.ContainsKey("transferred")))
            leaf["handled"] = leaf.GetValueOrDefault("handled") + leaf["transferred"];
        foreach (var k in closed)
        {
            var leaf = Leaf(k.RegionPath);
            leaf["closed"] = leaf.GetValueOrDefault("closed") + 1;
            leaf["closed_days"] = leaf.GetValueOrDefault("closed_days")
                + calendar.CountWorkingDays(k.FiledOn, k.ClosedOn);
        }
        return leaves.Select(x => new KpiCounters(x.Key, KpiFigures.AllDimensions, x.Value)).ToList();
    }
}
