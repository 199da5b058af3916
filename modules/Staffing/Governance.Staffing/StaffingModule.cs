using Governance.SharedKernel.Database;
using Governance.Staffing.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Governance.Staffing;

/// <summary>编制 module: the establishment ledger (机构编制实名制) — approved posts, the people holding them, requests to
/// fill vacancies, 超编 exceptions — where the numbers never disagree.</summary>
public static class StaffingModule
{
    public static readonly ModuleMigrations Migrations = new("staffing", typeof(StaffingModule).Assembly);

    public static IServiceCollection AddStaffingModule(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<StaffingOptions>(configuration.GetSection("Staffing"))
            .AddScoped<Governance.Kpis.Contracts.IKpiSource, StaffingKpis>().AddScoped<Demo.DemoStaffingGenerator>();

    /// <summary>The demo ledger for every county that has none yet (idempotent).</summary>
    public static Task<int> GenerateDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoStaffingGenerator>().GenerateAsync(ct);

    public static IEndpointRouteBuilder MapStaffingEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/staffing").WithTags("Staffing 编制").RequireAuthorization()
            .ProducesProblem(Status401Unauthorized);
        const string Manage = StaffingPermissions.Manage;

        g.MapGet("/ledger", Establishments.Ledger).WithName("GetStaffingLedger")
            .WithSummary("编制台账: approved, occupied, reserved and vacant posts per unit as of a date, with totals")
            .ProducesValidationProblem().ProducesProblem(Status404NotFound);
        g.MapGet("/establishments/{id:guid}/statement", Establishments.Statement).WithName("GetEstablishmentStatement")
            .WithSummary("对账单: a unit's movements of one kind and funding with running figures")
            .ProducesValidationProblem().ProducesProblem(Status404NotFound);

        g.MapPost("/approvals", Approvals.Create).RequireAuthorization(Manage).WithName("RecordStaffingApproval")
            .WithSummary("核定编制: record an approval document (期初, 核增 or 核减) with its lines")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status409Conflict);
        g.MapGet("/approvals", Approvals.List).WithName("ListStaffingApprovals")
            .WithSummary("核定编制 documents in scope, newest first").ProducesValidationProblem();
        g.MapGet("/approvals/{id:guid}", Approvals.Get).WithName("GetStaffingApproval")
            .WithSummary("One approval document with its lines in scope").ProducesProblem(Status404NotFound);

        g.MapPost("/transfers", Transfers.Create).RequireAuthorization(Manage).WithName("RecordStaffingTransfer")
            .WithSummary("编制划转 (减县补乡): move posts from county units to township units; all lines or none")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status409Conflict);
        g.MapGet("/transfers", Transfers.List).WithName("ListStaffingTransfers")
            .WithSummary("Transfer documents in scope, newest first").ProducesValidationProblem();
        g.MapGet("/transfers/summary", Transfers.Summary).WithName("GetStaffingTransferSummary")
            .WithSummary("下沉编制: posts moved to each township by year, against the 10–15 guidance")
            .ProducesProblem(Status404NotFound);
        g.MapGet("/transfers/{id:guid}", Transfers.Get).WithName("GetStaffingTransfer")
            .WithSummary("One transfer document with its lines in scope").ProducesProblem(Status404NotFound);

        g.MapPost("/plans", PostRequests.CreatePlan).RequireAuthorization(Manage).WithName("RecordStaffingPlan")
            .WithSummary("用编计划: a unit's planned hires of one kind and funding for a year")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status409Conflict);
        g.MapGet("/plans", PostRequests.Plans).WithName("ListStaffingPlans")
            .WithSummary("用编计划 of a year in scope, with the posts approved against each");

        g.MapPost("/post-requests", PostRequests.Submit).RequireAuthorization(StaffingPermissions.Request)
            .WithName("SubmitPostRequest").WithSummary("编制使用申请: a unit asks to fill vacancies")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden);
        g.MapGet("/post-requests", PostRequests.List).WithName("ListPostRequests")
            .WithSummary("编制使用申请 in scope, newest first").ProducesValidationProblem();
        g.MapGet("/post-requests/{id:guid}", PostRequests.Get).WithName("GetPostRequest")
            .WithSummary("One request with its timeline and the actions the caller may take")
            .ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/post-requests/{id:guid}", PostRequests.Workflow, PostRequests.Act);

        g.MapPost("/people", People.Hire).RequireAuthorization(Manage).WithName("RecordEntry")
            .WithSummary("入编: a person takes a post reserved by an approved request")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status409Conflict);
        g.MapGet("/people", People.List).WithName("ListStaffingPeople")
            .WithSummary("实名: people on the ledger in scope (ID numbers masked)").ProducesValidationProblem();
        g.MapGet("/people/{id:guid}", People.Get).WithName("GetStaffingPerson")
            .WithSummary("One person with the posts they held").ProducesProblem(Status404NotFound);
        g.MapPost("/people/{id:guid}/exit", People.Exit).RequireAuthorization(Manage).WithName("RecordExit")
            .WithSummary("出编: the person leaves their post (调出, 退休, 辞职, 辞退, 死亡)")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status409Conflict).ProducesProblem(Status412PreconditionFailed)
            .ProducesProblem(Status428PreconditionRequired);

        g.MapPost("/exceptions", Exceptions.Create).RequireAuthorization(Manage).WithName("RecordStaffingException")
            .WithSummary("超编例外: allow occupants above the posts for a time, with the approving document")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound);
        g.MapGet("/exceptions", Exceptions.List).WithName("ListStaffingExceptions")
            .WithSummary("超编例外 in scope: open (in force or overdue) or resolved").ProducesValidationProblem();
        g.MapPost("/exceptions/{id:guid}/resolve", Exceptions.Resolve).RequireAuthorization(Manage)
            .WithName("ResolveStaffingException").WithSummary("消化: end an exception once the unit is within its posts")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status409Conflict).ProducesProblem(Status412PreconditionFailed)
            .ProducesProblem(Status428PreconditionRequired);

        g.MapGet("/kpis", StaffingKpis.Get).WithName("GetStaffingKpis")
            .WithSummary("编制 KPIs by month: 编制匹配率, 专业技术人员占比, 下沉编制数, 空编数 (closed months frozen)")
            .ProducesValidationProblem().ProducesProblem(Status404NotFound);
        g.MapGet("/health", Health.Check).WithName("CheckStaffingHealth")
            .WithSummary("编制健康检查: the ledger reconciled with its sources, units over their posts, open exceptions")
            .ProducesProblem(Status404NotFound);
        return app;
    }
}
