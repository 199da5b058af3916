using Governance.SharedKernel.Http;
using Governance.SharedKernel.Database;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Audit;

/// <summary>审计日志 module: the append-only, hash-chained trail every other module writes to.</summary>
public static class AuditModule
{
    public static readonly ModuleMigrations Migrations =
        new("audit", typeof(AuditModule).Assembly) { AppendOnly = ["entries"] };

    public static IServiceCollection AddAuditModule(this IServiceCollection services) =>
        services.AddScoped<IAuditTrail, AuditTrail>().AddScoped<ScopeGuard>();

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit 审计日志")
            .RequireAuthorization(AuditPermissions.AuditRead);
        group.MapGet("/entries", Features.ListEntries.Handle)
            .WithName("ListAuditEntries").WithSummary("审计日志查询")
            .ProducesValidationProblem();
        group.MapGet("/entries/export", Features.ExportEntries.Handle)
            .WithName("ExportAuditEntries").WithSummary("导出审计日志（CSV 或 XLSX，流式输出，条件同查询）")
            .ProducesTable();
        group.MapGet("/codes", Features.ListCodes.Handle)
            .WithName("ListAuditCodes").WithSummary("审计日志的模块、操作和对象类型及其中英文名称");
        group.MapGet("/verify", Features.VerifyChain.Handle)
            .WithName("VerifyAuditChain").WithSummary("校验审计日志的哈希链");
        return app;
    }
}

