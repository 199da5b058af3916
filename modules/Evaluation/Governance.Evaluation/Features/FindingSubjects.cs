using Governance.Kpis.Contracts;
using Governance.Organization.Contracts;

namespace Governance.Evaluation.Features;

/// <summary>A finding's subject, checked: the record or figure exists, in the evaluator's scope, module and period.
/// </summary>
internal sealed record ResolvedSubject(
    string Module, string RegionPath, string? RecordType, Guid? RecordId, string? KpiCode, DateOnly? KpiMonth,
    int? KpiRevision);

internal static class FindingSubjects
{
    public static async Task<ResolvedSubject> ResolveAsync(
        NpgsqlConnection c, FindingSubject r, EvaluationGrant grant, FindingServices s, CancellationToken ct) =>
        r.KpiCode is null ? await RecordAsync(c, r, grant, s, ct) : await FigureAsync(r, grant, s, ct);

    /// <summary>A record of a kind its module registered, inside the scope and, if it has a date, the period.
    /// </summary>
    private static async Task<ResolvedSubject> RecordAsync(
        NpgsqlConnection c, FindingSubject r, EvaluationGrant grant, FindingServices s, CancellationToken ct)
    {
        var kind = s.Kinds.FirstOrDefault(k => k.Module == r.Module && k.RecordType == r.RecordType);
        new Validator()
            .Check(kind is not null && grant.Opens(kind.Module), "subject.recordType",
                "请选择评估任务所含模块中可评估的记录类型：" + string.Join("、", s.Kinds
                    .Where(k => grant.Opens(k.Module)).Select(k => $"{k.Module}/{k.RecordType}（{k.Name}）")) + "。")
            .Check(r.RecordId is not null, "subject.recordId", "请指明记录编号。")
            .ThrowIfInvalid();
        var period = kind!.PeriodDate is null ? "true" : grant.Sql(kind.PeriodDate);
        var path = await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"select {kind.RegionColumn} from {kind.Table} where id = @id and {period}", new { id = r.RecordId },
            cancellationToken: ct));
        if (path is null || !s.User.Scope.Contains(path))
            throw new ValidationException("subject.recordId", "找不到该记录，或它不在评估范围或评估期间内。");
        return new ResolvedSubject(kind.Module, path, kind.RecordType, r.RecordId, null, null, null);
    }

    /// <summary>A frozen KPI figure at exactly the quoted revision, of a region in scope and a month of the
    /// period.</summary>
    private static async Task<ResolvedSubject> FigureAsync(
        FindingSubject r, EvaluationGrant grant, FindingServices s, CancellationToken ct)
    {
        var definition = s.Kpis.Definitions.FirstOrDefault(d => d.Code == r.KpiCode && grant.Opens(d.Module));
        var month = Months.Parse(r.Month, "subject.month");
        new Validator()
            .Check(definition is not null, "subject.kpiCode", "评估任务所含模块中没有这个指标编码。")
            .Check(month is not null && grant.Covers(month.Value), "subject.month",
                "请填写评估期间内的月份（yyyy-MM）。")
            .Check(r.Revision is >= 1, "subject.revision", "请填写所引用数值的修订版本号（从 1 开始）。")
            .Check(r.RegionId is not null, "subject.regionId", "请指明区划。")
            .ThrowIfInvalid();
        var region = await s.Regions.FindAsync(r.RegionId!.Value, ct);
        if (region is null || !s.User.Scope.Contains(region.Path))
            throw new ValidationException("subject.regionId", "该区划不在评估范围内。");
        var figure = (await s.Kpis.TotalsAsync(definition!.Module, month!.Value, month.Value, [region.Path],
            [KpiFigures.AllDimensions], ct, r.Revision)).FirstOrDefault();
        if (figure is null || figure.Revision != r.Revision)
            throw new ValidationException("subject.revision",
                "没有这一修订版本的冻结数值（月份未结束、未冻结或版本号有误）。");
        return new ResolvedSubject(definition.Module, region.Path, null, null, definition.Code, month, r.Revision);
    }
}
