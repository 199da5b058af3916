using Governance.Evaluation.Contracts;
using Governance.ServiceCentre.Features;
using Governance.Calendar.Contracts;
using Governance.SharedKernel.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Governance.ServiceCentre;

/// <summary>
/// 便民服务中心 module: the service catalogue (事项目录, 办事指南), the network of centres and windows, applications
/// (办件), the queue (排队叫号), ratings and rectifications (好差评, 差评整改) and KPIs from rollups.
/// </summary>
public static class ServiceCentreModule
{
    public static readonly ModuleMigrations Migrations = new("service_centre", typeof(ServiceCentreModule).Assembly);

    public static IServiceCollection AddServiceCentreModule(
        this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IValidateOptions<ServiceCentreOptions>, ServiceCentreOptionsValidator>()
            .AddOptions<ServiceCentreOptions>().Bind(configuration.GetSection("ServiceCentre")).ValidateOnStart()
            .Services
            .AddScoped<ICalendarChangedHandler, RedateOnCalendarChange>()
            .AddScoped<IServiceUsage, ServiceUsage>()
            .AddSingleton<ITodoSource, Features.ServiceCentreTodo>()
            .AddScoped<IKpiSource, ServiceKpiSource>()
            .AddScoped<Governance.OpenData.Contracts.IOpenDataSource, OpenData.ServiceCentreOpenData>()
            .AddSingleton(new FindingRecordKind("service_centre", "application", "办件",
                "service_centre.applications", "region_path", "received_on"))
            .AddSingleton(new FindingRecordKind("service_centre", "rectification", "差评整改",
                "service_centre.rectifications", "region_path", "opened_on"))
            .AddScoped<Demo.DemoServiceGenerator>();

    /// <summary>
    /// The demo counties' service catalogue and network, and <paramref name="months"/> months of applications.
    /// </summary>
    public static Task GenerateDemoAsync(IServiceProvider services, int months, int perMonth, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoServiceGenerator>().GenerateAsync(months, perMonth, ct);

    public static IEndpointRouteBuilder MapServiceCentreEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/service-centre").WithTags("ServiceCentre 便民服务").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        g.MapGet("/items", ServiceItems.List)
            .WithName("ListServiceItems").WithSummary("政务服务事项目录（按日期查询、可检索）")
            .ProducesValidationProblem();
        g.MapGet("/items/export", ServiceCatalogueTransfer.Export)
            .WithName("ExportServiceItems").WithSummary("导出政务服务事项目录（CSV 或 XLSX）").ProducesTable();
        g.MapPost("/items/import", ServiceCatalogueTransfer.Import)
            .WithName("ImportServiceItems")
            .WithSummary("导入政务服务事项目录（CSV 或 XLSX，全部成功或全部不导入，可试运行）")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .Accepts<string>("text/csv", Xlsx.ContentType).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/items/{id:guid}", ServiceItems.Get)
            .WithName("GetServiceItem").WithSummary("政务服务事项详情及办事指南")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/items", ServiceItems.Create)
            .WithName("CreateServiceItem").WithSummary("新增政务服务事项")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/items/{id:guid}/versions", ServiceItems.Revise)
            .WithName("ReviseServiceItem").WithSummary("政务服务事项新版本（自更晚的生效日起）")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        g.MapPost("/items/{id:guid}/publish", ServiceItems.Publish)
            .WithName("PublishServiceItem").WithSummary("公布办事指南（最新版本）")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        g.MapPost("/applications", Applications.Register)
            .WithName("RegisterApplication").WithSummary("登记办件（Idempotency-Key 防止重复登记）")
            .RequireAuthorization(ServiceCentrePermissions.ApplicationsRegister)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        g.MapGet("/applications", ApplicationLists.List)
            .WithName("ListApplications").WithSummary("办件列表（筛选、分页）")
            .ProducesValidationProblem();
        g.MapGet("/applications/changes", ApplicationLists.Changes)
            .WithName("ListApplicationChanges")
            .WithSummary("办件变更（增量拉取：changedSince 之后新建或变更的办件，不漏行）")
            .ProducesValidationProblem();
        g.MapGet("/applications/summary", ApplicationLists.Summary)
            .WithName("GetApplicationSummary").WithSummary("办件一屏概览：在办、超期、临近期限、补正中、今日数字");
        g.MapGet("/applications/export", ApplicationLists.Export)
            .WithName("ExportApplications").WithSummary("导出办件（CSV 或 XLSX，流式输出）").ProducesTable();
        g.MapGet("/applications/{id:guid}", Applications.Get)
            .WithName("GetApplication").WithSummary("办件详情（经办人员可查看完整证件号和电话，留痕）")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapWorkflowActions("/applications/{id:guid}", Applications.Workflow, Applications.Act);

        g.MapPost("/applications/{id:guid}/ratings", Ratings.RateAtWindow)
            .WithName("RateApplicationAtWindow").WithSummary("窗口评价器：申请人当场评价办件")
            .RequireAuthorization(ServiceCentrePermissions.ApplicationsHandle)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/ratings", Ratings.ListRatings)
            .WithName("ListRatings").WithSummary("好差评列表")
            .ProducesValidationProblem();
        g.MapGet("/ratings/changes", Ratings.RatingChanges)
            .WithName("ListRatingChanges").WithSummary("好差评变更（增量拉取：changedSince 之后的评价，不漏行）")
            .ProducesValidationProblem();
        g.MapGet("/rectifications/changes", Ratings.RectificationChanges)
            .WithName("ListRectificationChanges")
            .WithSummary("差评整改变更（增量拉取：changedSince 之后新开或推进的整改，不漏行）")
            .ProducesValidationProblem();
        g.MapGet("/rectifications", RectificationLists.List)
            .WithName("ListRectifications").WithSummary("差评整改列表（按状态、服务中心筛选）")
            .WithDescription("Waiting rectifications first (open, called back, appealed), the one due soonest on top; "
                + "then the finished ones, newest first.")
            .ProducesValidationProblem();
        g.MapGet("/rectifications/export", RectificationLists.Export)
            .WithName("ExportRectifications").WithSummary("导出差评整改（CSV 或 XLSX，流式输出，个人信息脱敏）")
            .ProducesTable();
        g.MapGet("/rectifications/{id:guid}", Ratings.GetRectification)
            .WithName("GetRectification").WithSummary("差评整改详情（经办人员可查看申请人完整的联系方式，留痕）")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapWorkflowActions("/rectifications/{id:guid}", Ratings.Rectifications, Ratings.Act);

        g.MapGet("/centres", Centres.List)
            .WithName("ListCentres").WithSummary("便民服务中心（站、点）列表")
            .ProducesValidationProblem();
        g.MapGet("/centres/{id:guid}", Centres.Get)
            .WithName("GetCentre").WithSummary("服务中心详情：窗口与进驻事项")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/centres", Centres.Create)
            .WithName("CreateCentre").WithSummary("新建服务中心（站、点）")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPut("/centres/{id:guid}/items", Centres.SetItems)
            .WithName("SetCentreItems").WithSummary("设置服务中心的进驻事项")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/centres/{id:guid}/windows", Centres.AddWindow)
            .WithName("AddCentreWindow").WithSummary("为服务中心新增窗口")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/centres/{id:guid}/tickets", Queue.Today)
            .WithName("ListCentreTickets").WithSummary("服务中心今日的排队号")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/centres/{id:guid}/windows/{windowId:guid}/call", Queue.CallNext)
            .WithName("CallNextTicket").WithSummary("叫号：本窗口的下一个排队号")
            .RequireAuthorization(ServiceCentrePermissions.QueueCall)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapWorkflowActions("/tickets/{ticketId:guid}", Queue.Tickets, Queue.Act);
        g.MapGet("/my-window", ClerkWindows.Get)
            .WithName("GetMyWindow").WithSummary("我的窗口：本人选定的叫号窗口及其正在办理的排队号");
        g.MapPut("/my-window", ClerkWindows.Choose)
            .WithName("ChooseMyWindow").WithSummary("选择本人的叫号窗口（按用户记住，换电脑也一样）")
            .RequireAuthorization(ServiceCentrePermissions.QueueCall).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/kpis", Features.Kpis.Get)
            .WithName("GetServiceKpis").WithSummary("便民服务月度指标（JSON 或 CSV）")
            .Produces<ServiceKpiReport>().Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        g.MapGet("/kpis/coverage", Features.Kpis.Coverage)
            .WithName("GetServiceItemCoverage").WithSummary("事项覆盖率：服务中心已进驻事项占应进驻事项的比例")
            .ProducesValidationProblem();
        g.MapGet("/kpis/revisions", Features.Kpis.Revisions)
            .WithName("ListServiceKpiRevisions").WithSummary("便民服务指标某月的修订记录")
            .ProducesValidationProblem();
        g.MapPost("/kpis/revisions", Features.Kpis.Revise)
            .WithName("ReviseServiceKpiMonth").WithSummary("修订已结月份的便民服务指标（须说明原因）")
            .RequireAuthorization(ServiceCentrePermissions.ServicesManage).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var pub = app.MapGroup("/api/v1/public/service-centre").WithTags("Public 公开").AllowAnonymous();
        pub.MapGet("/counties/{countyId:guid}/items", ServiceItems.PublicList)
            .WithName("ListPublicServiceItems").WithSummary("公开：本县已公布的办事指南")
            .ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/items/{id:guid}", ServiceItems.PublicGet)
            .WithName("GetPublicServiceItem").WithSummary("公开：办事指南")
            .ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/items/{id:guid}/places", ServiceItems.PublicPlaces)
            .WithName("ListPublicServiceItemPlaces")
            .WithSummary("公开：办事指南的办理地点与办公时间（进驻该事项的服务中心，可按乡镇或村筛选）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/counties/{countyId:guid}/centres", Queue.PublicCentres)
            .WithName("ListPublicCentres").WithSummary("公开：本县的服务中心")
            .ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapPost("/centres/{id:guid}/tickets", Queue.Take)
            .WithName("TakeTicket").WithSummary("取号（大厅取号机）")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/centres/{id:guid}/queue", Queue.PublicQueue)
            .WithName("GetPublicQueue").WithSummary("公开：叫号屏")
            .ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapPost("/ratings", Ratings.RateFromOutside)
            .WithName("RateApplication").WithSummary("申请人评价办件（网上、掌上、短信、二维码，凭登记的手机号）")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
