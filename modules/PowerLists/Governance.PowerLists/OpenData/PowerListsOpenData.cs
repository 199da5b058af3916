using Governance.OpenData.Contracts;
using Governance.PowerLists.Features;
using Governance.SharedKernel.Database;

namespace Governance.PowerLists.OpenData;

/// <summary>
/// 权责清单 in the county's monthly open-data package (数据开放包): the published township lists in force on the
/// month's last day, and the published entries taken in (调入) or out (调出) during the month — what the public pages
/// show. An entry counts only if it was published (公布) before the month ended, so a closed month's files never
/// change.
/// </summary>
internal sealed class PowerListsOpenData(ReportingDatabase reporting, IRegionDirectory regions) : IOpenDataSource
{
    public string Module => "power_lists";

    private static readonly OpenDataColumn[] EntryColumns =
    [
        new("township_code", "乡镇（街道）行政区划代码", "Township (or street) administrative code"),
        new("township_name", "乡镇（街道）名称", "Township (or street) name"),
        new("item_code", "职权事项基本编码", "Power item code"),
        new("item_name", "职权事项名称（月末有效版本）", "Power item name (the version in force at the month's end)"),
        new("power_type", "职权类型（行政许可、行政处罚等）", "Kind of administrative power (licence, penalty, ...)"),
        new("domain", "执法领域 / 业务领域", "Enforcement or business domain"),
        new("mode", "行使方式：法定、赋权或委托", "How the township holds it: by law, granted or entrusted"),
        new("list_kind", "清单类别：基本履职事项、配合履职事项或上级部门收回事项",
            "List kind: basic duty, duty in support of a county department, or taken back by the county"),
        new("department", "实施主体（县直部门），无则为空", "Competent county department, empty if none"),
        new("decision_no", "赋权决定文号（赋权事项）", "Number of the granting decision (granted entries)"),
        new("agreement_no", "行政执法委托协议编号（委托事项）",
            "Number of the entrustment agreement (entrusted entries)"),
        new("exercisable", "月末当日能否行使（事项有效、未取消、委托协议有效）",
            "Whether it could be exercised on the month's last day (item in force, not withdrawn, agreement valid)"),
        new("in_force_from", "生效日期", "First day in force"),
        new("ends_on", "终止日期（自该日起不再有效），空为长期有效",
            "First day no longer in force; empty if open-ended"),
    ];

    private static readonly OpenDataColumn[] ChangeColumns =
    [
        new("changed_on", "变更日期", "Day of the change"),
        new("change", "变更类型：added（调入）或 ended（调出）", "Kind of change: added or ended"),
        new("township_code", "乡镇（街道）行政区划代码", "Township (or street) administrative code"),
        new("township_name", "乡镇（街道）名称", "Township (or street) name"),
        new("item_code", "职权事项基本编码", "Power item code"),
        new("item_name", "职权事项名称（变更当日有效版本）", "Power item name (the version in force that day)"),
        new("mode", "行使方式：法定、赋权或委托", "How the township holds it: by law, granted or entrusted"),
        new("list_kind", "清单类别", "List kind: basic, supporting or taken back"),
    ];

    public async Task<IReadOnlyList<OpenDataFile>> FilesAsync(OpenDataScope scope, CancellationToken ct)
    {
        var townships = (await regions.ChildrenAsync(scope.CountyId, ct))
            .Where(t => t.Level == RegionLevels.Township).OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        // published before the county's next day began: later publications belong to later packages
        var publishedBefore = new DateTimeOffset(CountyClock.StartOfDayUtc(scope.LastDay.AddDays(1)));
        return
        [
            new OpenDataFile("power_list_entries.csv", "乡镇权责清单（月末有效条目）",
                "Township power lists (entries in force on the month's last day)", EntryColumns,
                await EntriesAsync(townships, scope.CountyPath, scope.LastDay, publishedBefore, ct)),
            new OpenDataFile("power_list_changes.csv", "乡镇权责清单变更（当月调入、调出）",
                "Township power list changes (entries added or ended during the month)", ChangeColumns,
                await ChangesAsync(townships, scope, publishedBefore, ct)),
        ];
    }

    /// <summary>Each township's public list as of the last day (the public page's rows, the county's in one query),
    /// by township and code.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<string?>>> EntriesAsync(IReadOnlyList<RegionInfo> townships,
        string countyPath, DateOnly lastDay, DateTimeOffset publishedBefore, CancellationToken ct)
    {
        var rows = new List<IReadOnlyList<string?>>();
        var byTownship = (await TownshipLists.LoadPublished(reporting.Db, countyPath, lastDay, ct))
            .ToLookup(e => e.TownshipId);
        foreach (var t in townships)
        {
            rows.AddRange(byTownship[t.Id].Where(e => e.PublishedAt < publishedBefore)
                .OrderBy(e => e.Code, StringComparer.Ordinal)
                .Select(e => (IReadOnlyList<string?>)
                [
                    t.Code, t.Name, e.Code, e.Name, e.TypeName, e.DomainName, e.ModeName, e.ListKindName,
                    e.DepartmentName, e.DecisionNo, e.AgreementNo, OpenDataValues.Flag(e.Exercisable),
                    OpenDataValues.Date(e.EffectiveFrom), OpenDataValues.Date(e.EffectiveTo),
                ]));
        }
        return rows;
    }

    private sealed record ChangeRow(DateOnly ChangedOn, string Change, Guid TownshipId, string ItemCode,
        string ItemName, string Mode, string ListKind);

    /// <summary>
    /// The public change history (变更记录) of the county's published lists, restricted to the month: an entry's start
    /// is 调入 and its end (the first day out) 调出, with the item's name as it was that day.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<string?>>> ChangesAsync(
        IReadOnlyList<RegionInfo> townships, OpenDataScope scope, DateTimeOffset publishedBefore, CancellationToken ct)
    {
        await using var c = await reporting.Db.OpenConnectionAsync(ct);
        var changes = await c.QueryAsync<ChangeRow>(new CommandDefinition("""
            select x.changed_on, x.change, e.township_id, i.code as item_code,
                   coalesce(v.name, '') as item_name, e.mode, e.list_kind
            from power_lists.entries e
            join power_lists.items i on i.id = e.item_id
            cross join lateral (values (lower(e.valid), 'added'), (upper(e.valid), 'ended')) as x(changed_on, change)
            left join power_lists.item_versions v on v.item_id = e.item_id
                 and v.valid @> (case x.change when 'ended' then x.changed_on - 1 else x.changed_on end)
            where e.township_path like @path || '%' and e.published_at < @publishedBefore
              and x.changed_on between @month and @lastDay
            order by x.changed_on, e.township_path, i.code, x.change
            """, new
            {
                path = scope.CountyPath, publishedBefore = publishedBefore.UtcDateTime, month = scope.Month,
                lastDay = scope.LastDay,
            }, cancellationToken: ct));
        var byId = townships.ToDictionary(t => t.Id);
        return changes.Select(x => (IReadOnlyList<string?>)
            [
                OpenDataValues.Date(x.ChangedOn), x.Change, byId.GetValueOrDefault(x.TownshipId)?.Code,
                byId.GetValueOrDefault(x.TownshipId)?.Name, x.ItemCode, x.ItemName, PowerTypes.ModeNames[x.Mode],
                PowerTypes.ListKindNames[x.ListKind],
            ]).ToList();
    }
}
