using Governance.ServiceCentre.Features;
using Governance.Calendar.Contracts;
using Governance.SharedKernel.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Governance.ServiceCentre;

/// <summary>
/// 便民服务中心 module: the service catalogue (事项目录, 办事指南), the network of centres and windows, applications (办件),
/// the queue (排队叫号), ratings and rectifications (好差评, 差评整改) and KPIs from rollups.
/// </summary>
public static class ServiceCentreModule
{
    public static readonly ModuleMigrations Migrations = new("service_centre", typeof(ServiceCentreModule).Assembly);

    public static IServiceCollection AddServiceCentreModule(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ServiceCentreOptions>(configuration.GetSection("ServiceCentre"))
            .AddScoped<ICalendarChangedHandler, RedateOnCalendarChange>()
            .AddScoped<IServiceUsage, ServiceUsage>()
            .AddScoped<Demo.DemoServiceGenerator>();

    /// <summary>The demo counties' service catalogue and network, and <paramref name="months"/> months of applications.</summary>
    public static Task GenerateDemoAsync(IServiceProvider services, int months, int perMonth, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoServiceGenerator>().GenerateAsync(months, perMonth, ct);

    public static IEndpointRouteBuilder MapServiceCentreEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/service-centre").WithTags("ServiceCentre 便民服务").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        g.MapGet("/items", ServiceItems.List).ProducesValidationProblem();
        g.MapGet("/items/export", ServiceCatalogueTransfer.Export)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv", additionalContentTypes: [Xlsx.ContentType])
            .ProducesValidationProblem();
        g.MapPost("/items/import", ServiceCatalogueTransfer.Import).RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .Accepts<string>("text/csv", Xlsx.ContentType).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/items/{id:guid}", ServiceItems.Get).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/items", ServiceItems.Create).RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/items/{id:guid}/versions", ServiceItems.Revise).RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        g.MapPost("/items/{id:guid}/publish", ServiceItems.Publish).RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        g.MapPost("/applications", Applications.Register).RequireAuthorization(ServiceCentrePermissions.ApplicationsRegister)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        g.MapGet("/applications", ApplicationLists.List).ProducesValidationProblem();
        g.MapGet("/applications/summary", ApplicationLists.Summary);
        g.MapGet("/applications/export", ApplicationLists.Export).ProducesValidationProblem()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status200OK, contentType: Xlsx.ContentType);
        g.MapGet("/applications/{id:guid}", Applications.Get).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapWorkflowActions("/applications/{id:guid}", Applications.Workflow, Applications.Act);

        g.MapPost("/applications/{id:guid}/ratings", Ratings.RateAtWindow).RequireAuthorization(ServiceCentrePermissions.ApplicationsHandle)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/ratings", Ratings.ListRatings).ProducesValidationProblem();
        g.MapGet("/rectifications", Ratings.ListRectifications).ProducesValidationProblem();
        g.MapGet("/rectifications/{id:guid}", Ratings.GetRectification).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapWorkflowActions("/rectifications/{id:guid}", Ratings.Rectifications, Ratings.Act);

        g.MapGet("/centres", Centres.List).ProducesValidationProblem();
        g.MapGet("/centres/{id:guid}", Centres.Get).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/centres", Centres.Create).RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPut("/centres/{id:guid}/items", Centres.SetItems).RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/centres/{id:guid}/windows", Centres.AddWindow).RequireAuthorization(ServiceCentrePermissions.ServicesManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/centres/{id:guid}/tickets", Queue.Today).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/centres/{id:guid}/windows/{windowId:guid}/call", Queue.CallNext).RequireAuthorization(ServiceCentrePermissions.QueueCall)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapWorkflowActions("/tickets/{ticketId:guid}", Queue.Tickets, Queue.Act);

        g.MapGet("/kpis", Kpis.Get).Produces<ServiceKpiReport>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        g.MapGet("/kpis/coverage", Kpis.Coverage).ProducesValidationProblem();
        g.MapGet("/kpis/revisions", Kpis.Revisions).ProducesValidationProblem();
        g.MapPost("/kpis/revisions", Kpis.Revise).RequireAuthorization(ServiceCentrePermissions.ServicesManage).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var pub = app.MapGroup("/api/v1/public/service-centre").WithTags("Public 公开").AllowAnonymous();
        pub.MapGet("/counties/{countyId:guid}/items", ServiceItems.PublicList).ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/items/{id:guid}", ServiceItems.PublicGet).ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/counties/{countyId:guid}/centres", Queue.PublicCentres).ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapPost("/centres/{id:guid}/tickets", Queue.Take).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/centres/{id:guid}/queue", Queue.PublicQueue).ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapPost("/ratings", Ratings.RateFromOutside).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
