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

    public static IServiceCollection AddPowerListsModule(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PowerListsOptions>(configuration.GetSection("PowerLists"))
            .AddScoped<IPowerLists, PowerListsService>().AddScoped<Demo.DemoPowerListsGenerator>();

    /// <summary>Demo power lists for every county that has none yet (idempotent).</summary>
    public static Task<int> GenerateDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoPowerListsGenerator>().GenerateAsync(ct);

    public static IEndpointRouteBuilder MapPowerListsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/power-lists").WithTags("PowerLists 权责清单").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        g.MapGet("/domains", Catalogue.Domains);
        g.MapGet("/items", Catalogue.List).ProducesValidationProblem();
        g.MapGet("/items/{id:guid}", Catalogue.Get).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/items", Catalogue.Create).RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/items/export", CatalogueTransfer.Export)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv", additionalContentTypes: [Xlsx.ContentType])
            .ProducesValidationProblem();
        g.MapPost("/items/import", CatalogueTransfer.Import).RequireAuthorization(PowerListsPermissions.PowersManage)
            .Accepts<string>("text/csv", Xlsx.ContentType).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        g.MapPost("/items/{id:guid}/versions", Catalogue.Revise).RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        g.MapPost("/items/{id:guid}/withdraw", Catalogue.Withdraw).RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        g.MapGet("/townships/{townshipId:guid}/entries", TownshipLists.Get).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/townships/{townshipId:guid}/publish", TownshipLists.Publish).RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/entries", TownshipLists.Assign).RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/entries/{id:guid}/end", TownshipLists.End).RequireAuthorization(PowerListsPermissions.PowersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/can-exercise", TownshipLists.CanExercise).ProducesProblem(StatusCodes.Status404NotFound);

        g.MapGet("/agreements", Agreements.List);
        g.MapGet("/agreements/{id:guid}", Agreements.Get).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/agreements", Agreements.Create).RequireAuthorization(PowerListsPermissions.AgreementsManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/agreements/{id:guid}/revoke", Agreements.Revoke).RequireAuthorization(PowerListsPermissions.AgreementsManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        g.MapGet("/health", Health.Check).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/health/export", Health.Export).Produces(StatusCodes.Status200OK, contentType: "text/csv");

        g.MapGet("/kpis", Kpis.Get).Produces<PowerListsKpis>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();

        g.MapGet("/admissions", Admissions.List);
        g.MapGet("/admissions/{id:guid}", Admissions.Get).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/admissions", Admissions.Submit).RequireAuthorization(PowerListsPermissions.AdmissionsSubmit)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapPost("/admissions/{id:guid}/comments", Admissions.Comment).RequireAuthorization(PowerListsPermissions.AdmissionsComment)
            .WithName("CommentOnAdmission").WithSummary("意见: comment on a request without changing its state")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapWorkflowActions("/admissions/{id:guid}", Admissions.Workflow, Admissions.Act);

        var pub = app.MapGroup("/api/v1/public/power-lists").WithTags("Public 公开").AllowAnonymous();
        pub.MapGet("/townships", TownshipLists.PublicTownships);
        pub.MapGet("/townships/{townshipId:guid}", TownshipLists.Public).ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapGet("/townships/{townshipId:guid}/history", TownshipLists.PublicHistory).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
