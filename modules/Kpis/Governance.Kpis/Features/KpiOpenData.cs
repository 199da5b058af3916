using Governance.OpenData.Contracts;
using Governance.Organization.Contracts;

namespace Governance.Kpis.Features;

/// <summary>
/// kpis.csv of the open-data package: every KPI of every module for the county and each of its townships in the
/// month — the original figure and every correction (revision), each with its counters, target and reason.
/// </summary>
internal sealed class KpiOpenData(IKpiStore store, IRegionDirectory regions) : IOpenDataSource
{
    public string Module => "kpis";

    private static readonly OpenDataColumn[] Columns =
    [
        new("month", "数据月份（yyyy-MM）", "Month (yyyy-MM)"),
        new("region_code", "区划代码", "Region code"),
        new("region_name", "区划名称", "Region name"),
        new("region_level", "层级：county 县、township 乡镇（街道）", "Level: county or township"),
        new("module", "所属模块", "Module"),
        new("kpi_code", "指标编码", "KPI code"),
        new("kpi_name", "指标名称", "KPI name"),
        new("unit", "单位", "Unit"),
        new("revision", "修订版本：1 为原始数据，更大的为更正",
            "Revision: 1 is the original figure, higher ones corrections"),
        new("latest", "是否为最新版本", "Whether this is the latest revision"),
        new("revision_reason", "更正原因（原始数据为空）", "Reason of the correction (empty for the original)"),
        new("frozen_at", "冻结时间（UTC）", "When the revision was frozen (UTC)"),
        new("definition_version", "口径版本", "Version of the KPI's definition"),
        new("value", "数值", "Value"),
        new("numerator", "分子", "Numerator"),
        new("denominator", "分母（计数类指标为 0）", "Denominator (0 for a count)"),
        new("target", "目标值", "Target"),
        new("met", "是否达标", "Whether the target is met"),
    ];

    public async Task<IReadOnlyList<OpenDataFile>> FilesAsync(OpenDataScope scope, CancellationToken ct)
    {
        var county = await regions.FindAsync(scope.CountyId, ct) ?? throw new NotFoundException();
        var targets = new[] { county }.Concat((await regions.ByLevelAsync(RegionLevels.Township, ct))
            .Where(r => r.Path.StartsWith(scope.CountyPath, StringComparison.Ordinal))
            .OrderBy(r => r.Code, StringComparer.Ordinal)).ToList();
        var paths = targets.Select(r => r.Path).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var byModule in store.Definitions.GroupBy(d => d.Module))
        {
            await store.FreezeClosedMonthsAsync(byModule.Key, scope.Month, scope.Month, ct);
            var revisions = (await store.TotalRevisionsAsync(byModule.Key, scope.Month, paths, ct))
                .ToLookup(f => f.RegionPath);
            foreach (var region in targets)
            {
                var figures = revisions[region.Path].ToList();
                foreach (var f in figures)
                    rows.AddRange(byModule.Select(d => Row(scope, region, d, f, f == figures[^1])));
            }
        }
        return [new OpenDataFile("kpis.csv", "指标（含历次更正）", "KPIs, with every revision", Columns, rows)];
    }

    private static string?[] Row(OpenDataScope scope, RegionInfo region, KpiDefinition d, KpiFigure f, bool latest)
    {
        var v = KpiFormula.Evaluate(d, f.Counters);
        return
        [
            OpenDataValues.Month(scope.Month), region.Code, region.Name, region.Level, d.Module, d.Code, d.Name, d.Unit,
            OpenDataValues.Count(f.Revision), OpenDataValues.Flag(latest), f.Reason, OpenDataValues.Instant(f.FrozenAt),
            f.DefinitionVersion, OpenDataValues.Number(v.Value), OpenDataValues.Count(v.Numerator),
            OpenDataValues.Count(v.Denominator), OpenDataValues.Number(d.Target), OpenDataValues.Flag(v.Met),
        ];
    }
}
