using Governance.Evaluation.Contracts;
using Governance.PowerLists.Features;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.PowerLists;

/// <summary>权责清单 module: the county's power catalogue, township lists, entrustment agreements.</summary>
public static class PowerListsModule
{
    public static readonly ModuleMigrations Migrations = new("power_lists", typeof(PowerListsModule).Assembly);

    public static IServiceCollection AddPowerListsModule(
        this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PowerListsOptions>(configuration.GetSection("PowerLists"))
            .AddScoped<IPowerLists, PowerListsService>().AddScoped<Demo.DemoPowerListsGenerator>()
            .AddSingleton<ITodoSource, Features.PowerListsTodo>()
            .AddScoped<Governance.Kpis.Contracts.IKpiSource, Features.PowerListsKpiSource>()
            .AddScoped<Governance.OpenData.Contracts.IOpenDataSource, OpenData.PowerListsOpenData>()
            .AddSingleton(new FindingRecordKind("power_lists", "entry", "乡镇权责清单事项",
                "power_lists.entries", "township_path"))
            .AddSingleton(new FindingRecordKind("power_lists", "agreement", "委托协议",
                "power_lists.agreements", "township_path"));

    /// <summary>Demo power lists for every county that has none yet (idempotent).</summary>
    public static Task<int> GenerateDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoPowerListsGenerator>().GenerateAsync(ct);

    public static IEndpointRouteBuilder MapPowerListsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/power-lists").WithTags("PowerLists 权责清单").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        g.MapGet("/domains", Catalogue.Domains)
            .WithName("ListPowerDomains").WithSummary("职权事项的领域分类");
        g.MapGet("/items", Catalogue.List)
            .WithName("ListPowerItems").WithSummary("职权事项目录（按日期查询、可检索）")
            .ProducesValidationProblem();
        g.MapGet("/items/{id:guid}", Catalogue.Get)
            .WithName("GetPowerItem").WithSummary("职权事项详情及其各版本")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/items", Catalogue.Create)
            .WithName("CreatePowerItem").WithSummary("新增职权事项")
            .RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/items/export", CatalogueTransfer.Export)
            .WithName("ExportPowerItems").WithSummary("导出职权事项目录（CSV 或 XLSX）").ProducesTable();
        g.MapPost("/items/import", CatalogueTransfer.Import)
            .WithName("ImportPowerItems").WithSummary("导入职权事项目录（CSV 或 XLSX，全部成功或全部不导入，可试运行）")
            .RequireAuthorization(PowerListsPermissions.PowersManage)
            .Accepts<string>("text/csv", Xlsx.ContentType).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        g.MapPost("/items/{id:guid}/versions", Catalogue.Revise)
            .WithName("RevisePowerItem").WithSummary("职权事项新版本（自生效日起，上一版本于前一日结束）")
            .RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        g.MapPost("/items/{id:guid}/withdraw", Catalogue.Withdraw)
            .WithName("WithdrawPowerItem").WithSummary("取消职权事项（自指定日期起）")
            .RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        g.MapGet("/townships/{townshipId:guid}/entries", TownshipLists.Get)
            .WithName("ListTownshipEntries").WithSummary("乡镇权责清单：某日有效的条目")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/townships/{townshipId:guid}/publish", TownshipLists.Publish)
            .WithName("PublishTownshipList").WithSummary("公布乡镇权责清单")
            .RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/entries", TownshipLists.Assign)
            .WithName("AssignTownshipEntries")
            .WithSummary("向乡镇下放或委托事项（多个乡镇一次完成，全部成功或全部不做）")
            .RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/entries/{id:guid}/end", TownshipLists.End)
            .WithName("EndTownshipEntry").WithSummary("终止乡镇清单条目")
            .RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/can-exercise", TownshipLists.CanExercise)
            .WithName("CheckCanExercise").WithSummary("某乡镇某日能否行使某事项")
            .ProducesProblem(StatusCodes.Status404NotFound);

        g.MapGet("/agreements", Agreements.List)
            .WithName("ListAgreements").WithSummary("行政执法委托协议列表");
        g.MapGet("/agreements/changes", Agreements.Changes)
            .WithName("ListAgreementChanges")
            .WithSummary("委托协议变更（增量拉取：changedSince 之后签订或撤销的协议，不漏行）")
            .ProducesValidationProblem();
        g.MapGet("/entries/changes", TownshipLists.Changes)
            .WithName("ListTownshipEntryChanges")
            .WithSummary("乡镇清单条目变更（增量拉取：changedSince 之后下放、终止或公布的条目，不漏行）")
            .ProducesValidationProblem();
        g.MapGet("/agreements/{id:guid}", Agreements.Get)
            .WithName("GetAgreement").WithSummary("委托协议详情")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/agreements", Agreements.Create)
            .WithName("CreateAgreement").WithSummary("新建委托协议")
            .RequireAuthorization(PowerListsPermissions.AgreementsManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/agreements/{id:guid}/revoke", Agreements.Revoke)
            .WithName("RevokeAgreement").WithSummary("撤销委托协议（自撤销日起委托条目不可行使）")
            .RequireAuthorization(PowerListsPermissions.AgreementsManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        g.MapGet("/health", Health.Check)
            .WithName("CheckPowerListsHealth").WithSummary("清单体检：职能真空、无有效委托协议、接不住等问题")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/health/export", Health.Export)
            .WithName("ExportPowerListsHealth").WithSummary("导出清单体检结果（CSV）")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        g.MapGet("/kpis", Features.Kpis.Get)
            .WithName("GetPowerListsKpis").WithSummary("权责清单月度指标（JSON 或 CSV）")
            .WithDescription("The caller's scope, month by month (from, to: yyyy-MM); the open month is reused for "
                + "Kpis:ProvisionalSeconds. entriesByTownship is given for a county or township scope, empty for the "
                + "province (every township of every county).")
            .Produces<PowerListsKpis>().Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

        g.MapGet("/admissions", Admissions.List)
            .WithName("ListAdmissions").WithSummary("事项承接与退出申请列表");
        g.MapGet("/admissions/{id:guid}", Admissions.Get)
            .WithName("GetAdmission").WithSummary("承接或退出申请详情及其流程记录")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/admissions", Admissions.Submit)
            .WithName("SubmitAdmission").WithSummary("提交事项承接或退出申请")
            .RequireAuthorization(PowerListsPermissions.AdmissionsSubmit)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/admissions/{id:guid}/comments", Admissions.Comment)
            .WithName("CommentOnAdmission").WithSummary("意见：对申请发表意见，不改变申请状态")
            .RequireAuthorization(PowerListsPermissions.AdmissionsComment)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapWorkflowActions("/admissions/{id:guid}", Admissions.Workflow, Admissions.Act);

        var pub = app.MapGroup("/api/v1/public/power-lists").WithTags("Public 公开").AllowAnonymous();
        pub.MapGet("/townships", TownshipLists.PublicTownships)
            .WithName("ListPublicTownships").WithSummary("公开：已公布权责清单的乡镇");
        pub.MapGet("/townships/{townshipId:guid}", TownshipLists.Public)
            .WithName("GetPublicTownshipList").WithSummary("公开：乡镇权责清单")
            .ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/townships/{townshipId:guid}/history", TownshipLists.PublicHistory)
            .WithName("GetPublicTownshipListHistory").WithSummary("公开：乡镇权责清单的变更记录")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
