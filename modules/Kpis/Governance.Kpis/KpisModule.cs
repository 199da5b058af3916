using Governance.Kpis.Features;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Kpis;

/// <summary>
/// 指标 module: one KPI model for every module. Modules register their definitions and counters as an
/// <see cref="IKpiSource"/>; this module freezes closed months (pre-aggregated per region), records corrections as
/// numbered revisions with their reason, and serves the catalogue.
/// </summary>
public static class KpisModule
{
    public static readonly ModuleMigrations Migrations = new("kpis", typeof(KpisModule).Assembly);

    public static IServiceCollection AddKpisModule(this IServiceCollection services)
    {
        services.AddOptions<KpiOptions>().BindConfiguration("Kpis");
        return services.AddSingleton<IProvisionalKpis, ProvisionalKpis>().AddScoped<IKpiStore, KpiStore>()
            .AddScoped<Governance.OpenData.Contracts.IOpenDataSource, KpiOpenData>();
    }

    public static IEndpointRouteBuilder MapKpisEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/kpis").WithTags("Kpis 指标").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        g.MapGet("/definitions", KpiEndpoints.Definitions)
            .WithName("ListKpiDefinitions").WithSummary("指标目录：各模块登记的全部指标")
            .WithDescription("The KPI catalogue: every KPI each module registered, with its counters, target, "
                + "direction, levels and version.");
        g.MapGet("/values", KpiValues.Get)
            .WithName("GetKpiValues").WithSummary("指标数值：各模块指标按区划、月份查询（JSON 或 CSV）")
            .WithDescription("The figures of chosen KPIs (codes, comma-separated; or a module's; or all) for a region "
                + "in scope (default: the caller's) or each county/township under it (level), for a month range "
                + "(yyyy-MM; default this year). Closed months are frozen figures — the latest revision, the "
                + "original, or as they stood at a revision number (revision); the open month is provisional "
                + "(revision 0, omitted when a revision is asked), computed at most Kpis:ProvisionalSeconds "
                + "(default 60) before (computedAt). format=csv: text/csv, UTF-8 with BOM, Chinese headers. "
                + $"At most {KpiValues.MaxRegionMonths} region-months per call.")
            .Produces<IReadOnlyList<KpiValueRow>>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/revisions", KpiEndpoints.Revisions)
            .WithName("ListKpiRevisions").WithSummary("某月指标的修订记录（含各计数与修订原因）")
            .WithDescription("Every frozen revision of a month's revised regions in scope, with every counter and the "
                + "reason of each correction.")
            .ProducesValidationProblem();
        g.MapPost("/revisions", KpiEndpoints.Revise).RequireAuthorization(KpiPermissions.Revise)
            .WithName("ReviseKpiMonth").WithSummary("修订已结月份的指标（须说明原因）")
            .WithDescription("Re-freeze a closed month of one module in scope: a new revision, with the reason, "
                + "wherever counters changed.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
