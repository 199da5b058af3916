using Governance.Enforcement.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.PowerLists.Features;

public sealed record HealthFlag(
    string Kind, string KindName, string Severity, Guid? TownshipId, string? TownshipName, Guid? ItemId,
    string? ItemCode, string? ItemName, Guid? AgreementId, string? AgreementNo, string Message);

public sealed record HealthKindCount(string Kind, string KindName, string Severity, int Count);

public sealed record HealthTownshipCount(Guid TownshipId, string TownshipName, int Count);

public sealed record HealthReport(
    DateOnly AsOf, int Total, IReadOnlyList<HealthKindCount> ByKind, IReadOnlyList<HealthTownshipCount> ByTownship,
    IReadOnlyList<HealthFlag> Flags);

/// <summary>
/// 清单体检: what a county reviewer expects flagged, computed for any date from the lists themselves (overlaps cannot
/// exist — the exclusion constraints refuse them — so they are not flagged here). 接不住 uses ServiceCentre's
/// applications and Enforcement's certified officers through their contracts; 小马拉大车 uses Staffing's transfers
/// through its contract.
/// </summary>
internal static class Health
{
    private static readonly Dictionary<string, (string Name, string Severity)> Kinds = new()
    {
        ["no_competent_department"] = ("无实施主体（职能真空）", "error"),
        ["item_not_in_force"] = ("清单事项已取消或未生效", "error"),
        ["entrusted_without_agreement"] = ("委托事项无有效委托协议", "error"),
        ["approval_without_enforcement"] = ("审批与执法脱节（未同步下放检查/处罚权）", "warning"),
        ["approval_without_supervisor"] = ("审批事项未明确监管单位", "warning"),
        ["agreement_expiring"] = ("委托协议即将到期", "warning"),
        ["unused"] = ("下放事项接不住（连续无办件）", "warning"),
        ["no_certified_officer"] = ("下放处罚事项接不住（该领域无持证执法人员）", "error"),
        ["overloaded"] = ("小马拉大车（事项下放、编制未随下）", "warning"),
    };

    private sealed record Row(string Kind, Guid? TownshipId, string? TownshipPath, Guid? ItemId, string? ItemCode,
        string? ItemName, Guid? AgreementId, string? AgreementNo, DateOnly? EndsOn);

    /// <summary>One query: every check, filtered by the caller's scope in SQL.</summary>
    internal static readonly string Sql = $"""
        with e as (
            select e.township_id, e.township_path, e.item_id, e.mode, e.agreement_id, i.code, v.name, v.type,
                v.domain_code, v.supervisor_id, v.withdrawn
            from power_lists.entries e
            join power_lists.items i on i.id = e.item_id
            left join power_lists.item_versions v on v.item_id = e.item_id and v.valid @> @date
            where e.township_path like @scope and e.valid @> @date and e.list_kind <> 'withdrawn')
        select 'item_not_in_force' as kind, township_id, township_path, item_id, code as item_code, name as item_name,
               null::uuid as agreement_id, null as agreement_no, null::date as ends_on
        from e where e.name is null or e.withdrawn
        union all
        select 'entrusted_without_agreement', e.township_id, e.township_path, e.item_id, e.code, e.name, a.id,
            a.document_no, a.ends_on
        from e left join power_lists.agreements a on a.id = e.agreement_id
        where e.mode = 'entrusted'
          and not {Agreements.BacksEntry}
        union all
        select 'approval_without_enforcement', e.township_id, e.township_path, e.item_id, e.code, e.name, null, null,
            null
        from e where e.type = 'XK' and not e.withdrawn
          and not exists (select 1 from e m where m.township_id = e.township_id and m.domain_code = e.domain_code
                                              and m.type in ('JC', 'CF') and not m.withdrawn)
        union all
        select 'approval_without_supervisor', e.township_id, e.township_path, e.item_id, e.code, e.name, null, null,
            null
        from e where e.type = 'XK' and not e.withdrawn and e.supervisor_id is null
        union all
        select 'agreement_expiring', a.township_id, a.township_path, null, null, null, a.id, a.document_no, a.ends_on
        from power_lists.agreements a
        where a.township_path like @scope and {Agreements.InForce} and {Agreements.EndsSoon}
        union all
        select 'no_competent_department', null, null, i.id, i.code, v.name, null, null, null
        from power_lists.items i join power_lists.item_versions v on v.item_id = i.id and v.valid @> @date
        where i.county_path like @scope and not v.withdrawn and v.department_id is null
        """;

    public static async Task<Ok<HealthReport>> Check(
        Guid? townshipId, DateOnly? asOf, [AsParameters] PowerListsServices s, IServiceUsage usage, IStaffing staffing,
        IEnforcement enforcement)
    {
        var ct = s.Cancellation;
        var date = asOf ?? CountyClock.Today(s.Clock);
        var flags = await FlagsAsync(s.Db, s.User, s.Regions, usage, staffing, enforcement, s.Options.Value,
            townshipId, date, ct);
        return TypedResults.Ok(new HealthReport(date, flags.Count,
            flags.GroupBy(f => f.Kind).Select(g => new HealthKindCount(g.Key, g.First().KindName, g.First().Severity,
                g.Count())).OrderBy(k => k.Kind).ToList(),
            flags.Where(f => f.TownshipId is not null).GroupBy(f => (f.TownshipId!.Value, f.TownshipName!))
                .Select(g => new HealthTownshipCount(g.Key.Value, g.Key.Item2, g.Count()))
                .OrderByDescending(t => t.Count).ToList(),
            flags));
    }

    public static async Task<IResult> Export(
        Guid? townshipId, DateOnly? asOf, [AsParameters] PowerListsServices s, IServiceUsage usage, IStaffing staffing,
        IEnforcement enforcement)
    {
        var ct = s.Cancellation;
        var date = asOf ?? CountyClock.Today(s.Clock);
        var flags = await FlagsAsync(s.Db, s.User, s.Regions, usage, staffing, enforcement, s.Options.Value,
            townshipId, date, ct);
        var csv = new System.Text.StringBuilder(
            Csv.Line(["问题类别", "严重程度", "乡镇（街道）", "事项编码", "事项名称", "委托协议", "说明"]));
        foreach (var f in flags)
            csv.Append(Csv.Line([f.KindName, f.Severity == "error" ? "错误" : "提醒", f.TownshipName, f.ItemCode,
                f.ItemName, f.AgreementNo, f.Message]));
        return TypedResults.File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(csv.ToString()))
            .ToArray(), "text/csv; charset=utf-8", $"权责清单体检-{date:yyyyMMdd}.csv");
    }

    private sealed record EntryRow(Guid TownshipId, string TownshipPath, Guid ItemId, string Code, string Name);

    /// <summary>
    /// 接不住 (连续 N 个月无办件): entries whose item a service item implements (so use would show as applications), in
    /// force since before the window began, with no application at their township in the window — the
    /// <paramref name="months"/> whole months before the as-of month and the as-of month itself (usage is counted per
    /// month).
    /// </summary>
    private static async Task<List<Row>> UnusedAsync(
        NpgsqlConnection c, IServiceUsage usage, RegionScope scope, DateOnly date, int months, CancellationToken ct)
    {
        var serviced = await usage.ServicedPowerItemsAsync(scope.Path, date, ct);
        if (serviced.Count == 0) return [];
        var since = UnusedSince(date, months);
        var entries = await c.QueryAsync<EntryRow>(new CommandDefinition("""
            select e.township_id, e.township_path, e.item_id, i.code, v.name
            from power_lists.entries e
            join power_lists.items i on i.id = e.item_id
            join power_lists.item_versions v on v.item_id = e.item_id and v.valid @> @date and not v.withdrawn
            where e.township_path like @scope and e.valid @> @date and lower(e.valid) <= @since
                and e.list_kind <> 'withdrawn'
              and e.item_id = any(@serviced)
            """, new { scope = scope.Pattern, date, since, serviced = serviced.ToArray() }, cancellationToken: ct));
        var used = (await usage.UsageAsync(scope.Path, since, date, ct)).Select(u => (u.TownshipPath, u.PowerItemId))
            .ToHashSet();
        return entries.Where(e => !used.Contains((e.TownshipPath, e.ItemId)))
            .Select(e => new Row("unused", e.TownshipId, e.TownshipPath, e.ItemId, e.Code, e.Name, null, null, null))
            .ToList();
    }

    /// <summary>
    /// 接不住 (无持证执法人员): delegated (赋权 or 委托) 行政处罚 entries in force on the date whose 执法领域 has no
    /// officer of that township holding a certificate valid on the date — nobody could lawfully exercise them.
    /// </summary>
    private static async Task<List<Row>> UncertifiedAsync(
        NpgsqlConnection c, IEnforcement enforcement, RegionScope scope, DateOnly date, CancellationToken ct)
    {
        var certified = (await enforcement.CertifiedDomainsAsync(scope.Path, date, ct))
            .Select(d => (d.TownshipPath, d.Domain)).ToHashSet();
        var entries = await c.QueryAsync<(Guid TownshipId, string TownshipPath, Guid ItemId, string Code, string Name,
            string Domain)>(new CommandDefinition("""
            select e.township_id, e.township_path, e.item_id, i.code, v.name, v.domain_code
            from power_lists.entries e
            join power_lists.items i on i.id = e.item_id
            join power_lists.item_versions v on v.item_id = e.item_id and v.valid @> @date and not v.withdrawn
            where e.township_path like @scope and e.valid @> @date and e.list_kind <> 'withdrawn'
              and e.mode in ('granted', 'entrusted') and v.type = 'CF'
            """, new { scope = scope.Pattern, date }, cancellationToken: ct));
        return entries.Where(e => !certified.Contains((e.TownshipPath, e.Domain)))
            .Select(e => new Row("no_certified_officer", e.TownshipId, e.TownshipPath, e.ItemId, e.Code, e.Name,
                null, null, null)).ToList();
    }

    private sealed record GainRow(Guid TownshipId, string TownshipPath, int Items);

    /// <summary>
    /// 小马拉大车: townships that gained at least <see cref="PowerListsOptions.OverloadItems"/> items (entries starting
    /// in the window, withdrawn ones aside) in the <see cref="PowerListsOptions.OverloadMonths"/> months up to the
    /// date, while no post moved down to them in the same window (Staffing's transfers).
    /// </summary>
    private static async Task<List<GainRow>> OverloadedAsync(
        NpgsqlConnection c, IStaffing staffing, RegionScope scope, DateOnly date, PowerListsOptions options,
        CancellationToken ct)
    {
        var since = date.AddMonths(-options.OverloadMonths);
        var gains = await c.QueryAsync<GainRow>(new CommandDefinition("""
            select township_id, township_path, count(*)::int as items from power_lists.entries
            where township_path like @scope and lower(valid) > @since and lower(valid) <= @date
              and list_kind <> 'withdrawn'
            group by township_id, township_path having count(*) >= @threshold
            """, new { scope = scope.Pattern, since, date, threshold = options.OverloadItems }, cancellationToken: ct));
        var posts = await staffing.PostsMovedDownAsync(scope.Path, since.AddDays(1), date, ct);
        return gains.Where(g => posts.Where(p => p.Key.StartsWith(g.TownshipPath, StringComparison.Ordinal))
            .Sum(p => p.Value) == 0).ToList();
    }

    /// <summary>
    /// The first day of the 接不住 window: <paramref name="months"/> whole months before the as-of month.
    /// </summary>
    internal static DateOnly UnusedSince(DateOnly date, int months) => new DateOnly(date.Year, date.Month, 1)
        .AddMonths(-months);

    private static async Task<List<HealthFlag>> FlagsAsync(
        NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, IServiceUsage usage, IStaffing staffing,
        IEnforcement enforcement, PowerListsOptions options, Guid? townshipId, DateOnly date, CancellationToken ct)
    {
        var scope = user.Scope;
        if (townshipId is { } tid)
        {
            var township = await regions.FindAsync(tid, ct);
            if (township is null || !scope.Contains(township.Path)) throw new NotFoundException();
            scope = new RegionScope(township.Path);
        }
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition(Sql,
            new { scope = scope.Pattern, date, expiryDays = options.AgreementExpiryWarningDays },
            cancellationToken: ct))).ToList();
        rows.AddRange(await UnusedAsync(c, usage, scope, date, options.UnusedMonths, ct));
        rows.AddRange(await UncertifiedAsync(c, enforcement, scope, date, ct));
        var overloaded = (await OverloadedAsync(c, staffing, scope, date, options, ct))
            .ToDictionary(g => g.TownshipPath);
        rows.AddRange(overloaded.Values.Select(g =>
            new Row("overloaded", g.TownshipId, g.TownshipPath, null, null, null, null, null, null)));
        var names = await regions.NamesByPathAsync(rows.Select(r => r.TownshipPath).OfType<string>().Distinct()
            .ToList(), ct);
        return rows.Select(r =>
        {
            var (name, severity) = Kinds[r.Kind];
            var message = r.Kind switch
            {
                "item_not_in_force" => "该事项在当日已取消或尚未生效，但仍在乡镇清单中，应调整清单。",
                "entrusted_without_agreement" =>
                    r.AgreementNo is null
                        ? "委托事项未关联委托协议。"
                        : $"委托协议 {r.AgreementNo} 当日不在有效期内（或未覆盖该事项），乡镇不得以委托方式行使。",
                "approval_without_enforcement" => "下放了审批（许可）权，但该领域的检查、处罚权未同步下放，审管脱节。",
                "approval_without_supervisor" => "下放的审批事项未明确监管单位（审管一体）。",
                "agreement_expiring" => $"委托协议将于 {r.EndsOn:yyyy-MM-dd} 到期，请及时续签或调整清单。",
                "unused" => $"{UnusedSince(date, options.UnusedMonths):yyyy年M月}至{date:yyyy年M月}"
                    + $"（连续 {options.UnusedMonths} 个整月以上）该乡镇（含村代办点）没有一件相关办件，"
                    + "可能“接不住”，建议评估是否收回或加强培训。",
                "no_certified_officer" => "该乡镇（街道）综合行政执法大队在该事项所属执法领域没有持有效执法证的人员，"
                    + "不能依法行使该处罚权，应配备持证人员或评估收回。",
                "overloaded" => $"近 {options.OverloadMonths} 个月新下放 {overloaded[r.TownshipPath!].Items} 项事项，"
                    + "同期没有编制划入该乡镇（街道），"
                    + "可能“小马拉大车”，建议评估人员力量或随事划转编制。",
                _ => "该事项没有实施主体（县直部门），存在职能真空。",
            };
            var township = r.TownshipPath is null ? null : names.GetValueOrDefault(r.TownshipPath);
            return new HealthFlag(r.Kind, name, severity, r.TownshipId, township, r.ItemId, r.ItemCode,
                r.ItemName, r.AgreementId, r.AgreementNo, message);
        }).OrderBy(f => f.Severity == "error" ? 0 : 1).ThenBy(f => f.TownshipName).ThenBy(f => f.ItemCode).ToList();
    }
}
