using System.Globalization;
using System.Text;
using Governance.Organization.Contracts;

namespace Governance.Kpis.Features;

/// <summary>
/// One KPI figure: a region's value for a month with its numerator, denominator and target. <see cref="Frozen"/>
/// figures are a closed month's <see cref="Revision"/> (quote code/region/month/revision and the same figure answers
/// forever); the open month is provisional (revision 0), computed at <see cref="ComputedAt"/>.
/// </summary>
public sealed record KpiValueRow(
    string Code, string Name, string Module, string Unit, string Month, Guid RegionId, string RegionCode,
    string RegionName, decimal? Value, long Numerator, long Denominator, decimal? Target, bool? Met, bool Frozen,
    int Revision, string DefinitionVersion, DateTimeOffset? FrozenAt, DateTimeOffset? ComputedAt);

/// <param name="ProvisionalSeconds">How long the open month's live figures of a region are reused (0: computed on
/// every request). A dashboard polled by many users, or a province-wide pull, then costs one computation a
/// minute, not one per request.</param>
public sealed class KpiOptions
{
    public int ProvisionalSeconds { get; set; } = 60;
}

/// <summary>
/// The one KPI query across modules: the chosen KPIs of a region (or of each county or township under it) for a range
/// of months, from the figures the Kpis module froze (latest, original or a numbered revision) and, for the open
/// month, the sources' live counters. JSON, or CSV that Excel opens (UTF-8 with BOM, Chinese headers).
/// </summary>
internal static class KpiValues
{
    /// <summary>Region-months per call: a province's townships for a year fit.</summary>
    public const int MaxRegionMonths = 20_000;

    private static readonly string[] Levels = ["self", RegionLevels.County, RegionLevels.Township];

    public static async Task<IResult> Get(
        [TextLimit(TextLimits.CodeList)] string? codes, [TextLimit(TextLimits.Code)] string? module, Guid? regionId,
        [TextLimit(TextLimits.Code)] string? level, [TextLimit(TextLimits.Code)] string? from,
        [TextLimit(TextLimits.Code)] string? to, [TextLimit(TextLimits.Code)] string? revision,
        [TextLimit(TextLimits.Code)] string? format, IKpiStore store, IEnumerable<IKpiSource> sources,
        IRegionDirectory regions, CurrentUser user,
        IProvisionalKpis provisional, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var open = new DateOnly(today.Year, today.Month, 1);
        var first = Months.Parse(from, "from") ?? new DateOnly(today.Year, 1, 1);
        var last = Months.Parse(to, "to") ?? open;
        var pinned = Revision(revision);
        var definitions = Choose(KpiEndpoints.Catalogue(store, user), codes, module);
        static int Span(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        var months = Span(first, last);
        new Validator()
            .Check(last >= first, "to", "结束月份不能早于开始月份。")
            .Check(last <= open, "to", "不能查询未来的月份。")
            .Check(months <= 60, "from", "一次最多查询 60 个月。")
            .Check(level is null || Levels.Contains(level), "level", "层级只能是 self、county 或 township。")
            .Check(format is null or "json" or "csv", "format", "格式只能是 json 或 csv。")
            .ThrowIfInvalid();
        if (user.Grant is { } grant)
        {
            // an evaluator sees the months its grant's period touches; none of them asked for: 404, as out of scope
            (first, last) = (first < grant.FirstMonth ? grant.FirstMonth : first,
                last > grant.LastMonth ? grant.LastMonth : last);
            if (first > last) throw new NotFoundException("所查月份不在评估任务的期间内。");
            months = Span(first, last);
        }

        var root = await regions.FindAsync(regionId ?? user.RegionId, ct);
        if (root is null || !user.Scope.Contains(root.Path)) throw new NotFoundException();
        var targets = level is null or "self" ? [root]
            : (await regions.ByLevelAsync(level, ct)).Where(r => r.Path.StartsWith(root.Path, StringComparison.Ordinal))
                .ToList();
        if ((long)targets.Count * months > MaxRegionMonths)
            throw new ValidationException("from",
                $"一次最多查询 {MaxRegionMonths} 个“区划×月份”：请缩短月份范围或缩小区划。");

        var paths = targets.Select(r => r.Path).ToList();
        var figures = new List<(KpiDefinition Definition, DateOnly Month, string Path, KpiFigure? Frozen,
            IReadOnlyDictionary<string, long> Counters, DateTimeOffset? ComputedAt)>();
        foreach (var byModule in definitions.GroupBy(d => d.Module))
        {
            var name = byModule.Key;
            if (first < open)
            {
                var lastClosed = last < open ? last : open.AddMonths(-1);
                await store.FreezeClosedMonthsAsync(name, first, lastClosed, ct);
                var frozen = await store.TotalsAsync(name, first, lastClosed, paths, [KpiFigures.AllDimensions], ct,
                    pinned);
                foreach (var f in frozen)
                    figures.AddRange(byModule.Select(d =>
                        (d, f.Month, f.RegionPath, (KpiFigure?)f, f.Counters, (DateTimeOffset?)null)));
            }
            // a pinned revision exists only for closed months; the open month is provisional
            if (last >= open && pinned is null)
            {
                var source = sources.Single(s => s.Module == name);
                var live = await provisional.GetAsync($"{name}/totals", open, root.Path,
                    async () => KpiStore.Totals(KpiStore.Leaves(
                        await source.CountersAsync(open, new RegionScope(root.Path), ct))));
                foreach (var path in paths)
                    if (live.Figures.TryGetValue((path, KpiFigures.AllDimensions), out var counters))
                        figures.AddRange(byModule.Select(d =>
                            (d, open, path, (KpiFigure?)null, counters, (DateTimeOffset?)live.ComputedAt)));
            }
        }

        var byPath = targets.ToDictionary(r => r.Path);
        var order = definitions.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var rows = figures
            .OrderBy(f => f.Month).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => order[f.Definition.Code])
            .Select(f =>
            {
                var (d, region) = (f.Definition, byPath[f.Path]);
                var v = KpiFormula.Evaluate(d, f.Counters);
                return new KpiValueRow(d.Code, d.Name, d.Module, d.Unit, f.Month.ToString("yyyy-MM"), region.Id,
                    region.Code, region.Name, v.Value, v.Numerator, v.Denominator, d.Target, v.Met,
                    f.Frozen is not null, f.Frozen?.Revision ?? 0, f.Frozen?.DefinitionVersion ?? d.Version,
                    f.Frozen?.FrozenAt, f.ComputedAt);
            }).ToList();
        return format == "csv" ? ToCsv(rows, first, last) : TypedResults.Ok<IReadOnlyList<KpiValueRow>>(rows);
    }

    /// <summary><c>latest</c> (default: null), <c>original</c> (1) or a revision number.</summary>
    private static int? Revision(string? revision) => revision switch
    {
        null or "" or "latest" => null,
        "original" => 1,
        _ when int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 => n,
        _ => throw new ValidationException("revision", "修订版本只能是 latest、original 或正整数。"),
    };

    /// <summary>The KPIs asked for, in catalogue order: the codes (comma-separated), or every KPI of the module, or
    /// every KPI.</summary>
    private static List<KpiDefinition> Choose(IReadOnlyList<KpiDefinition> catalogue, string? codes, string? module)
    {
        if (module is not null && catalogue.All(d => d.Module != module))
            throw new ValidationException("module", $"没有名为 {module} 的指标模块。");
        var inModule = catalogue.Where(d => module is null || d.Module == module).ToList();
        if (string.IsNullOrWhiteSpace(codes)) return inModule;
        var asked = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = asked.Where(c => inModule.All(d => d.Code != c)).ToList();
        if (unknown.Count > 0)
            throw new ValidationException("codes", $"未登记的指标编码：{string.Join("、", unknown.Take(5))}。");
        return inModule.Where(d => asked.Contains(d.Code)).ToList();
    }

    private static IResult ToCsv(IReadOnlyList<KpiValueRow> rows, DateOnly first, DateOnly last)
    {
        var csv = new StringBuilder(Csv.Line(["月份", "区划代码", "区划", "指标编码", "指标", "模块", "单位", "数值",
            "分子", "分母", "目标", "达标", "状态", "修订版本", "口径版本"]));
        static string? Number(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);
        foreach (var r in rows)
            csv.Append(Csv.Line([r.Month, r.RegionCode, r.RegionName, r.Code, r.Name, r.Module, r.Unit,
                Number(r.Value), r.Numerator.ToString(CultureInfo.InvariantCulture),
                r.Denominator.ToString(CultureInfo.InvariantCulture), Number(r.Target),
                r.Met switch { true => "是", false => "否", null => "" }, r.Frozen ? "已冻结" : "临时",
                r.Revision.ToString(CultureInfo.InvariantCulture), r.DefinitionVersion]));
        return TypedResults.File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(csv.ToString()))
            .ToArray(), "text/csv; charset=utf-8", $"指标-{first:yyyyMM}-{last:yyyyMM}.csv");
    }
}
