using Governance.Evaluation.Contracts;
using Governance.SharedKernel.Database;
using Governance.Staffing.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Governance.Staffing;

/// <summary>
/// 编制 module: the establishment ledger (机构编制实名制) — approved posts, the people holding them, requests to fill
/// vacancies, 超编 exceptions — where the numbers never disagree.
/// </summary>
public static class StaffingModule
{
    /// <summary>The ledger's lines are never changed: a correction is a new line (and the change feed relies on it).
    /// </summary>
    public static readonly ModuleMigrations Migrations =
        new("staffing", typeof(StaffingModule).Assembly) { AppendOnly = ["ledger_lines"] };

    public static IServiceCollection AddStaffingModule(
        this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<StaffingOptions>(configuration.GetSection("Staffing"))
            .AddScoped<IStaffing, StaffingService>().AddSingleton<ITodoSource, Features.StaffingTodo>()
            .AddScoped<Governance.Kpis.Contracts.IKpiSource, StaffingKpis>().AddScoped<Demo.DemoStaffingGenerator>()
            .AddScoped<Governance.OpenData.Contracts.IOpenDataSource, OpenData.StaffingOpenData>()
            .AddSingleton(new FindingRecordKind("staffing", "post_request", "编制使用申请",
                "staffing.post_requests", "region_path"))
            .AddSingleton(new FindingRecordKind("staffing", "transfer", "编制划转",
                "staffing.transfers", "region_path"));

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
        g.MapGet("/ledger/changes", LedgerMovements.Changes).WithName("ListStaffingLedgerChanges")
            .WithSummary("编制变动 (incremental pull: the ledger's movements recorded after changedSince, none missed)")
            .ProducesValidationProblem();
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
            .WithName("ResolveStaffingException")
            .WithSummary("消化: end an exception once the unit is within its posts")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status409Conflict).ProducesProblem(Status412PreconditionFailed)
            .ProducesProblem(Status428PreconditionRequired);

        MapSecondment(g);

        g.MapGet("/kpis", StaffingKpis.Get).WithName("GetStaffingKpis")
            .WithSummary("编制 KPIs by month: 编制匹配率, 专业技术人员占比, 下沉编制数, 空编数 (closed months frozen)")
            .ProducesValidationProblem().ProducesProblem(Status404NotFound);
        g.MapGet("/health", Health.Check).WithName("CheckStaffingHealth")
            .WithSummary("编制健康检查: the ledger reconciled with its sources, units over their posts, " +
                "open exceptions")
            .ProducesProblem(Status404NotFound);

        var pub = app.MapGroup("/api/v1/public/staffing").WithTags("Public 公开").AllowAnonymous();
        pub.MapGet("/campaigns/{id:guid}/notice", PublicNotices.Campaign).WithName("GetCampaignNotice")
            .WithSummary("选派公示: a campaign's proposed secondees, names masked").ProducesProblem(Status404NotFound);
        pub.MapGet("/assessments/{id:guid}/notice", PublicNotices.Excellent).WithName("GetExcellentGradesNotice")
            .WithSummary("优秀等次公示: a year's proposed 优秀 secondees, names masked")
            .ProducesProblem(Status404NotFound);
        return app;
    }

    /// <summary>选派: campaigns and their stages, registrations, scores, 选岗, objections; secondees;
    /// assessments.</summary>
    private static void MapSecondment(RouteGroupBuilder g)
    {
        const string Manage = StaffingPermissions.Manage;
        RouteHandlerBuilder Change(RouteHandlerBuilder b) => b.RequireAuthorization(Manage).ProducesValidationProblem()
            .ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound).ProducesProblem(Status409Conflict);

        Change(g.MapPost("/campaigns", Campaigns.Create)).WithName("AnnounceCampaign")
            .WithSummary("选派批次公告: the year's posts by township and work area");
        g.MapGet("/campaigns", Campaigns.List).WithName("ListCampaigns").WithSummary("选派批次 in scope, newest first")
            .ProducesValidationProblem();
        g.MapGet("/campaigns/{id:guid}", Campaigns.Get).WithName("GetCampaign")
            .WithSummary("One campaign with its posts, timeline and next stages").ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/campaigns/{id:guid}", Campaigns.Workflow, Campaigns.Act);
        g.MapGet("/campaigns/{id:guid}/ranking", Campaigns.Ranking).WithName("GetCampaignRanking")
            .WithSummary("成绩排名 by the published tie rule").ProducesProblem(Status404NotFound);
        g.MapGet("/campaigns/{id:guid}/registrations", Registrations.List).WithName("ListRegistrations")
            .WithSummary("报名 of a campaign (ID numbers masked)").ProducesProblem(Status404NotFound);
        Change(g.MapPost("/campaigns/{id:guid}/registrations", Registrations.Register)).WithName("RegisterForCampaign")
            .WithSummary("报名: refused with the reason when not eligible or barred");
        Change(g.MapPost("/campaigns/{id:guid}/registrations/{registrationId:guid}/qualify", Registrations.Qualify))
            .WithName("QualifyRegistration").WithSummary("资格审核: qualified, or not with the reason");
        Change(g.MapPost("/campaigns/{id:guid}/scores", Registrations.Scores)).WithName("RecordScores")
            .WithSummary("成绩录入: written scores in the 笔试 stage, interview scores in the 面试 stage");
        Change(g.MapPost("/campaigns/{id:guid}/scores/import", Registrations.ImportScores)).WithName("ImportScores")
            .WithSummary("成绩导入 from XLSX or CSV (身份证号 + 笔试成绩/面试成绩), " +
                "all rows or none, with a row report")
            .Accepts<string>("text/csv", Xlsx.ContentType).ProducesProblem(Status415UnsupportedMediaType);
        Change(g.MapPost("/campaigns/{id:guid}/choices", Registrations.Choose)).WithName("ChoosePost")
            .WithSummary("选岗 in rank order among the posts left");
        g.MapGet("/campaigns/{id:guid}/objections", Registrations.Objections).WithName("ListObjections")
            .WithSummary("公示期间的异议 of a campaign, decided or not").ProducesProblem(Status404NotFound);
        Change(g.MapPost("/campaigns/{id:guid}/objections", Registrations.Object)).WithName("RecordObjection")
            .WithSummary("公示期间的异议: record one");
        Change(g.MapPost("/campaigns/{id:guid}/objections/{objectionId:guid}/decide", Registrations.Decide))
            .WithName("DecideObjection").WithSummary("异议处理: upheld removes the candidate");

        g.MapGet("/secondees", Secondees.List).WithName("ListSecondees")
            .WithSummary("选派人员 in scope by state and work area").ProducesValidationProblem();
        g.MapGet("/secondees/{id:guid}", Secondees.Get).WithName("GetSecondee")
            .WithSummary("One secondee with their history").ProducesProblem(Status404NotFound);

        Change(g.MapPost("/assessments", Assessments.Create)).WithName("CreateAssessment")
            .WithSummary("年度考核: the year's secondees to grade");
        g.MapGet("/assessments", Assessments.List).WithName("ListAssessments").WithSummary("年度考核 in scope")
            .ProducesValidationProblem();
        g.MapGet("/assessments/{id:guid}", Assessments.Get).WithName("GetAssessment")
            .WithSummary("One assessment with its grades, the 优秀 quota and its use")
            .ProducesProblem(Status404NotFound);
        Change(g.MapPost("/assessments/{id:guid}/grades", Assessments.Grade)).WithName("GradeSecondees")
            .WithSummary("评定等次 (优秀 within the quota)")
            .ProducesProblem(Status412PreconditionFailed).ProducesProblem(Status428PreconditionRequired);
        g.MapGet("/assessments/{id:guid}/preview", Assessments.Preview).WithName("PreviewAssessmentOutcomes")
            .WithSummary("结果预览: who converts into which vacancy, who returns, who is flagged")
            .ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/assessments/{id:guid}", Assessments.Workflow, Assessments.Act);
        Change(g.MapPost("/assessments/{id:guid}/grades/{secondeeId:guid}/correction", GradeCorrections.Correct))
            .WithName("CorrectAssessmentOutcome")
            .WithSummary("更正: reverse a final grade's outcome (conversion, or return and bar), with its document");
    }
}
