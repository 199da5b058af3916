using Governance.OpenData.Contracts;
using Governance.PowerLists.Contracts;
using Governance.ServiceCentre.Features;
using Governance.SharedKernel.Database;

namespace Governance.ServiceCentre.OpenData;

/// <summary>
/// 便民服务 in the county's monthly open-data package (数据开放包): the published service guides (办事指南) in force
/// on the month's last day, and per unit and item the month's counts of applications (办件) — counts only, never an
/// applicant. A guide counts only if it was published before the month ended, so a closed month's files never change.
/// </summary>
internal sealed class ServiceCentreOpenData(ReportingDatabase reporting, IRegionDirectory regions, IPowerLists powers)
    : IOpenDataSource
{
    public string Module => "service_centre";

    private static readonly OpenDataColumn[] ItemColumns =
    [
        new("item_code", "事项编码", "Service item code"),
        new("item_name", "事项名称（月末有效版本）",
            "Service item name (the guide version in force at the month's end)"),
        new("level", "事项层级：乡镇或村级", "Level: township or village"),
        new("kind", "办件类型：即办件（当场办结）或承诺件", "Kind: immediate (done on the spot) or promised"),
        new("department", "实施主体（关联职权事项的县直部门），无则为空",
            "Competent county department (of the linked power item), empty if none"),
        new("power_item_code", "关联的职权事项编码，无则为空", "Code of the linked power item, empty if none"),
        new("statutory_days", "法定时限（工作日）", "Statutory time limit (working days)"),
        new("promised_days", "承诺时限（工作日），即办件为空",
            "Promised time limit (working days), empty if immediate"),
        new("fee", "收费金额（元），空为不收费", "Fee in yuan, empty if free"),
        new("online", "可网上办理", "Whether it can be applied for online"),
        new("channels", "办理渠道（以 ; 分隔）", "Channels offered, separated by ;"),
        new("in_force_from", "现行办事指南版本的生效日期", "First day of the guide version in force"),
    ];

    private static readonly OpenDataColumn[] CountColumns =
    [
        new("region_code", "行政区划代码（县行政服务中心为县的代码）",
            "Administrative code (the county's for the county service hall)"),
        new("region_name", "乡镇（街道）名称，或县行政服务中心",
            "Township (or street) name, or the county service hall"),
        new("region_level", "county：县行政服务中心；township：乡镇便民服务中心及其村代办点",
            "county: the county hall; township: a township centre and its village points"),
        new("item_code", "事项编码", "Service item code"),
        new("item_name", "事项名称（月末有效版本）", "Service item name (the version in force at the month's end)"),
        new("received", "当月接件数", "Applications received in the month"),
        new("completed", "当月办结数", "Applications completed (办结) in the month"),
        new("completed_on_time", "当月办结中在承诺期限内办结的件数", "Of those, completed by the due date"),
        new("completed_on_the_spot", "当月办结中当场办结的件数", "Of those, completed on the spot"),
    ];

    public async Task<IReadOnlyList<OpenDataFile>> FilesAsync(OpenDataScope scope, CancellationToken ct) =>
    [
        new OpenDataFile("service_items.csv", "政务服务事项目录（月末有效的已公布办事指南）",
            "Service catalogue (published guides in force on the month's last day)", ItemColumns,
            await ItemsAsync(scope, ct)),
        new OpenDataFile("applications_by_item.csv", "分事项办件量（当月）",
            "Applications by unit and service item (the month)", CountColumns, await CountsAsync(scope, ct)),
    ];

    // properties, not a positional record: Dapper matches constructors by the reader's types (text[] is Array)
    private sealed record ItemRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Level { get; init; } = "";
        public string Kind { get; init; } = "";
        public int StatutoryDays { get; init; }
        public int? PromisedDays { get; init; }
        public decimal? FeeAmount { get; init; }
        public string[] Channels { get; init; } = [];
        public Guid? PowerItemId { get; init; }
        public DateOnly EffectiveFrom { get; init; }
    }

    /// <summary>The public guide list's rules (the county's items, the version in force, published), as of the last
    /// day and published before the month ended.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<string?>>> ItemsAsync(OpenDataScope scope, CancellationToken ct)
    {
        List<ItemRow> items;
        await using (var c = await reporting.Db.OpenConnectionAsync(ct))
            items = (await c.QueryAsync<ItemRow>(new CommandDefinition("""
                select i.code, v.name, v.level, v.kind, v.statutory_days, v.promised_days, v.fee_amount, v.channels,
                       v.power_item_id,
                       lower(v.valid) as effective_from
                from service_centre.items i
                join service_centre.item_versions v on v.item_id = i.id and v.valid @> @lastDay
                where i.county_path = @path and v.published_at < @publishedBefore
                order by i.code
                """, new
                {
                    path = scope.CountyPath, lastDay = scope.LastDay,
                    publishedBefore = CountyClock.StartOfDayUtc(scope.LastDay.AddDays(1)),
                }, cancellationToken: ct))).ToList();
        // 实施主体 is the linked power item's department (PowerLists' contract, one question for all)
        var linked = await powers.FindItemsAsync(items.Select(i => i.PowerItemId).OfType<Guid>().Distinct().ToList(),
            scope.CountyPath, scope.LastDay, ct);
        return items.Select(i =>
        {
            var power = i.PowerItemId is { } p ? linked.GetValueOrDefault(p) : null;
            return (IReadOnlyList<string?>)
            [
                i.Code, i.Name, i.Level == "village" ? "村级" : "乡镇",
                i.Kind == ServiceKinds.Immediate ? "即办件" : "承诺件",
                power?.DepartmentName, power?.Code, OpenDataValues.Count(i.StatutoryDays),
                i.PromisedDays is { } d ? OpenDataValues.Count(d) : null, OpenDataValues.Number(i.FeeAmount),
                OpenDataValues.Flag(i.Channels.Contains("online")),
                // in the catalogue's channel order, whatever order they were entered in
                string.Join(';', ServiceItems.Channels.Where(ch => i.Channels.Contains(ch.Key)).Select(ch => ch.Value)),
                OpenDataValues.Date(i.EffectiveFrom),
            ];
        }).ToList();
    }

    private sealed record CountRow(string UnitPath, string Code, string Name, long Received, long Completed,
        long OnTime, long OnTheSpot);

    /// <summary>
    /// The KPI rollups' counters per unit and item, from the applications themselves: an application counts for the
    /// unit that first received it (a village point's for its township) in its receipt month, and once completed in
    /// its completion month. Overdue-at-month-end is left out: later 补正 pauses and calendar edits re-date open
    /// applications, so it could not be reproduced for a closed month.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<string?>>> CountsAsync(OpenDataScope scope, CancellationToken ct)
    {
        List<CountRow> counts;
        await using (var c = await reporting.Db.OpenConnectionAsync(ct))
            counts = (await c.QueryAsync<CountRow>(new CommandDefinition("""
                with month_apps as (
                    select service_centre.unit_of(a.origin_path) as unit_path, a.item_id,
                           a.received_on between @month and @lastDay as received,
                           a.completed_on between @month and @lastDay as completed,
                           a.completed_on <= a.due_on as on_time, a.on_the_spot
                    from service_centre.applications a
                    where a.county_path = @path
                      and (a.received_on between @month and @lastDay or a.completed_on between @month and @lastDay))
                select m.unit_path, i.code,
                       coalesce((select v.name from service_centre.item_versions v
                                 where v.item_id = i.id and lower(v.valid) <= @lastDay
                                 order by v.version desc limit 1), '') as name,
                       count(*) filter (where m.received) as received,
                       count(*) filter (where m.completed) as completed,
                       count(*) filter (where m.completed and m.on_time) as on_time,
                       count(*) filter (where m.completed and m.on_the_spot) as on_the_spot
                from month_apps m join service_centre.items i on i.id = m.item_id
                group by m.unit_path, i.id, i.code
                order by m.unit_path, i.code
                """, new { path = scope.CountyPath, month = scope.Month, lastDay = scope.LastDay },
                cancellationToken: ct))).ToList();
        var townships = (await regions.ChildrenAsync(scope.CountyId, ct)).ToDictionary(t => t.Path);
        var missing = counts.Select(r => r.UnitPath)
            .Where(p => p != scope.CountyPath && !townships.ContainsKey(p)).Distinct().ToList();
        var names = missing.Count == 0 ? new Dictionary<string, string>()
            : await regions.NamesByPathAsync(missing, ct);
        return counts.Select(r =>
        {
            var county = r.UnitPath == scope.CountyPath;
            var t = townships.GetValueOrDefault(r.UnitPath);
            return (IReadOnlyList<string?>)
            [
                county ? scope.CountyCode : t?.Code ?? r.UnitPath.TrimEnd('/').Split('/')[^1],
                county ? $"{scope.CountyName}行政服务中心" : t?.Name ?? names.GetValueOrDefault(r.UnitPath),
                county ? "county" : "township", r.Code, r.Name, OpenDataValues.Count(r.Received),
                OpenDataValues.Count(r.Completed), OpenDataValues.Count(r.OnTime), OpenDataValues.Count(r.OnTheSpot),
            ];
        }).ToList();
    }
}
