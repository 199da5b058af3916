using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Kpis.Features;

/// <summary>A KPI of the catalogue, as the module that owns it registered it.</summary>
public sealed record KpiDefinitionResponse(
    string Code, string Name, string Module, string Numerator, string Denominator, string Unit, decimal? Target,
    string Direction, IReadOnlyList<string> Levels, string Version, IReadOnlyList<string> NumeratorCounters,
    IReadOnlyList<string> DenominatorCounters);

public sealed record KpiReviseRequest([TextLimit(KpiFigures.ReasonLimit)] string? Reason);

public sealed record KpiRevisionResponse(string Module, string Month, int RevisedLeaves, int RevisedTotals);

/// <summary>One frozen revision of one reported region (leaf), with every counter.</summary>
public sealed record KpiFigureRevision(
    string Month, string RegionPath, string Dimension, int Revision, string DefinitionVersion, DateTimeOffset FrozenAt,
    string? Reason, IReadOnlyDictionary<string, long> Counters, IReadOnlyList<KpiValue> Kpis);

internal static class KpiEndpoints
{
    /// <summary>The catalogue: every KPI every module registered.</summary>
    public static Ok<IReadOnlyList<KpiDefinitionResponse>> Definitions(
        [TextLimit(TextLimits.Code)] string? module, IKpiStore store, CurrentUser user) =>
        TypedResults.Ok<IReadOnlyList<KpiDefinitionResponse>>(
            Catalogue(store, user).Where(d => module is null || d.Module == module)
            .Select(d => new KpiDefinitionResponse(d.Code, d.Name, d.Module, d.Numerator, d.Denominator, d.Unit,
                d.Target, d.Direction, d.Levels, d.Version, d.NumeratorCounters, d.DenominatorCounters)).ToList());

    /// <summary>The KPIs the caller may read: all, or an evaluator's those of the modules its grant opens.</summary>
    internal static IReadOnlyList<KpiDefinition> Catalogue(IKpiStore store, CurrentUser user) =>
        user.Grant is { } grant ? store.Definitions.Where(d => grant.Opens(d.Module)).ToList() : store.Definitions;

    private static string Module(IKpiStore store, string? module) =>
        !string.IsNullOrWhiteSpace(module) && store.Definitions.Any(d => d.Module == module) ? module
        : throw new ValidationException("module", "请指定已登记指标的模块，例如 service_centre 或 power_lists。");

    private static DateOnly Month(string? month) =>
        Months.Parse(month, "month") ?? throw new ValidationException("month", "请指定月份（YYYY-MM）。");

    /// <summary>
    /// 修订: re-freezes a closed month of one module within the caller's scope; a new revision where counters changed.
    /// </summary>
    public static async Task<Ok<KpiRevisionResponse>> Revise(
        [TextLimit(TextLimits.Code)] string? module, [TextLimit(TextLimits.Code)] string? month,
        KpiReviseRequest request, IKpiStore store, CurrentUser user,
        CancellationToken ct)
    {
        var (m, name) = (Month(month), Module(store, module));
        var outcome = await store.ReviseAsync(name, m, request.Reason ?? "", user.Scope, ct);
        return TypedResults.Ok(new KpiRevisionResponse(name, m.ToString("yyyy-MM"), outcome.RevisedLeaves,
            outcome.RevisedTotals));
    }

    /// <summary>
    /// Every revision of the revised regions of a month, in scope, with every counter and the figures they give.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<KpiFigureRevision>>> Revisions(
        [TextLimit(TextLimits.Code)] string? module, [TextLimit(TextLimits.Code)] string? month, IKpiStore store,
        CurrentUser user, CancellationToken ct)
    {
        var (m, name) = (Month(month), Module(store, module));
        // an evaluator reads only the modules and months of its grant
        if (user.Grant is { } grant && (!grant.Opens(name) || !grant.Covers(m))) throw new NotFoundException();
        var definitions = store.Definitions.Where(d => d.Module == name).ToList();
        var history = await store.RevisionHistoryAsync(name, m, user.Scope, ct);
        return TypedResults.Ok<IReadOnlyList<KpiFigureRevision>>(
            history.Select(f => new KpiFigureRevision(f.Month.ToString("yyyy-MM"), f.RegionPath, f.Dimension,
                f.Revision, f.DefinitionVersion, f.FrozenAt, f.Reason, f.Counters,
            definitions.Select(d => KpiFormula.Evaluate(d, f.Counters)).ToList())).ToList());
    }
}
