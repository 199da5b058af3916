using Governance.Evaluation.Contracts;
using Governance.Enforcement.Features;
using Governance.SharedKernel.Database;
using Governance.SharedKernel.Workflows;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Governance.Enforcement;

/// <summary>综合行政执法 module: township teams and their certified officers (first slice); cases, disclosure and
/// two-way assessment build on them.</summary>
public static class EnforcementModule
{
    /// <summary>The evidence tables, fault records and satisfaction surveys are append-only for the API's role: never
    /// changed, only added to.</summary>
    public static readonly ModuleMigrations Migrations = new("enforcement", typeof(EnforcementModule).Assembly)
    {
        AppendOnly =
            ["evidence_files", "case_evidence", "preservation_decisions", "fault_records", "satisfaction_surveys"],
    };

    public static IServiceCollection AddEnforcementModule(
        this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<EnforcementOptions>(configuration.GetSection("Enforcement"))
            .AddScoped<IEnforcement, EnforcementService>().AddScoped<CaseServices>()
            .AddSingleton<EvidenceStore>().AddSingleton<ITodoSource, EnforcementTodo>()
            .AddScoped<Governance.Kpis.Contracts.IKpiSource, EnforcementKpis>()
            .AddScoped<Demo.DemoEnforcementGenerator>()
            .AddScoped<Governance.OpenData.Contracts.IOpenDataSource, OpenData.EnforcementOpenData>()
            .AddSingleton(new FindingRecordKind("enforcement", "case", "执法案件",
                "enforcement.cases", "region_path", "(received_at at time zone 'Asia/Shanghai')::date"))
            .AddSingleton(new FindingRecordKind("enforcement", "disclosure", "执法公示",
                "enforcement.disclosures", "region_path", "decided_on"));

    /// <summary>The demo teams and officers for every county that has none yet (idempotent).</summary>
    public static Task<int> GenerateDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoEnforcementGenerator>().GenerateAsync(ct);

    public static IEndpointRouteBuilder MapEnforcementEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/enforcement").WithTags("Enforcement 综合行政执法").RequireAuthorization()
            .ProducesProblem(Status401Unauthorized);
        RouteHandlerBuilder Change(RouteHandlerBuilder b) => b.RequireAuthorization(EnforcementPermissions.TeamsManage)
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status409Conflict).ProducesProblem(Status412PreconditionFailed)
            .ProducesProblem(Status428PreconditionRequired);

        g.MapGet("/domains", Domains.List).WithName("ListEnforcementDomains")
            .WithSummary("执法领域: the domains officers are assigned to (the catalogue's)");

        Change(g.MapPost("/teams", Teams.Create)).WithName("CreateEnforcementTeam")
            .WithSummary("组建综合行政执法大队: one team per township");
        g.MapGet("/teams", Teams.List).WithName("ListEnforcementTeams")
            .WithSummary("执法大队 in scope with today's strength against the minimum for the population")
            .ProducesValidationProblem();
        g.MapGet("/teams/{id:guid}", Teams.Get).WithName("GetEnforcementTeam")
            .WithSummary("One team with its strength").ProducesProblem(Status404NotFound);
        Change(g.MapPut("/teams/{id:guid}", Teams.Update)).WithName("UpdateEnforcementTeam")
            .WithSummary("Change a team's name, leader, contacts or population");

        Change(g.MapPost("/teams/{id:guid}/officers", Officers.Add)).WithName("AddEnforcementOfficer")
            .WithSummary("执法人员: add an officer to a team with the 执法领域 and the certificate (执法证)");
        g.MapGet("/officers", OfficerLists.List).WithName("ListEnforcementOfficers")
            .WithSummary("执法人员 in scope: by team, domain, status (e.g. certificates expiring) or name/number")
            .ProducesValidationProblem();
        g.MapGet("/officers/export", OfficerLists.Export).WithName("ExportEnforcementOfficers")
            .WithSummary("执法人员 as CSV or XLSX, with the list's filters").ProducesTable();
        g.MapGet("/officers/{id:guid}", Officers.Get).WithName("GetEnforcementOfficer")
            .WithSummary("One officer with every certificate held").ProducesProblem(Status404NotFound);
        Change(g.MapPut("/officers/{id:guid}", Officers.Update)).WithName("UpdateEnforcementOfficer")
            .WithSummary("Change an officer's name, phone or 执法领域");
        Change(g.MapPost("/officers/{id:guid}/certificates", Officers.Renew)).WithName("RenewEnforcementCertificate")
            .WithSummary("换证: record a new certificate (the old ones stay on record)");
        Change(g.MapPost("/officers/{id:guid}/leave", Officers.Leave)).WithName("RecordOfficerLeaving")
            .WithSummary("调离/退休: the officer may not act from that day");

        g.MapPost("/cases", Leads.Register).RequireAuthorization(EnforcementPermissions.LeadsRegister)
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden)
            .ProducesProblem(Status422UnprocessableEntity)
            .WithName("RegisterEnforcementLead")
            .WithSummary("线索登记: a lead for a township's team (machine clients send an Idempotency-Key)");
        g.MapGet("/cases", Cases.List).WithName("ListEnforcementCases")
            .WithSummary("案件 in scope, newest first: by state, domain, source, text or deadline (overdue, due soon)")
            .ProducesValidationProblem();
        g.MapGet("/cases/changes", Cases.Changes).WithName("ListEnforcementCaseChanges")
            .WithSummary("案件变更 (incremental pull: cases created or changed after changedSince, none ever missed)")
            .ProducesValidationProblem();
        g.MapGet("/cases/{id:guid}", Cases.Get).WithName("GetEnforcementCase")
            .WithSummary("One case with its officers, timeline and the actions the caller may take")
            .ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/cases/{id:guid}", Cases.Workflow,
            (["file", "decline", "transfer"], Filing.Act),
            (["add_co_owner"], JointCases.Add),
            (["notify"], Procedure.Notify),
            (["request_hearing", "schedule_hearing", "hold_hearing"], Procedure.Hearing),
            (["extend", "reassign"], Procedure.Change),
            (["review", "discuss"], Review.Act),
            (["collect"], Evidence.Act), (["decide_preservation"], Evidence.Decide),
            (["decide", "simple"], Decisions.Act),
            (["deliver", "execute", "close", "archive"], Closing.Act));

        g.MapPost("/files", EvidenceFiles.Upload).RequireAuthorization(EnforcementPermissions.CasesInvestigate)
            .Accepts<byte[]>("image/jpeg", [.. EvidenceStore.Types.Keys.Skip(1)])
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden)
            .ProducesProblem(Status413PayloadTooLarge).ProducesProblem(Status415UnsupportedMediaType)
            .WithName("UploadEvidenceFile")
            .WithSummary("上传证据文件（请求体即文件，Content-Type 为其类型）：存入证据文件库，答复其 SHA-256，"
                + "再以 collect 登记为证据");
        g.MapGet("/cases/{id:guid}/evidence/{evidenceId:guid}/file", EvidenceFiles.Download)
            .WithName("DownloadEvidenceFile")
            .WithSummary("下载证据文件（办案、审核人员；先核对 SHA-256，每次下载记入审计日志）")
            .Produces(Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status409Conflict);
        g.MapGet("/evidence/integrity", EvidenceFiles.Check).RequireAuthorization(EnforcementPermissions.TeamsManage)
            .WithName("CheckEvidenceIntegrity")
            .WithSummary("证据完整性检查：逐页重新计算文件库中证据文件的 SHA-256，列出缺失或被改动的")
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden);

        g.MapGet("/disclosures", Disclosures.List).WithName("ListEnforcementDisclosures")
            .WithSummary("行政执法公示 in scope: by state, or late (published after the due day or still pending "
                + "past it)")
            .ProducesValidationProblem();
        g.MapGet("/disclosures/changes", Disclosures.Changes).WithName("ListEnforcementDisclosureChanges")
            .WithSummary("公示变更 (incremental pull; a retracted disclosure comes as a tombstone with its reason)")
            .ProducesValidationProblem();
        g.MapGet("/disclosures/{id:guid}", Disclosures.Get).WithName("GetEnforcementDisclosure")
            .WithSummary("One decision's disclosure with its due days").ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/disclosures/{id:guid}", Disclosures.Workflow, Disclosures.Act);

        RouteHandlerBuilder Supervise(RouteHandlerBuilder b) =>
            b.RequireAuthorization(EnforcementPermissions.Supervise).ProducesValidationProblem()
                .ProducesProblem(Status403Forbidden);
        Supervise(g.MapPost("/complaints", Complaints.Create)).WithName("RecordEnforcementComplaint")
            .WithSummary("执法监督：登记对案件或执法人员的投诉举报");
        g.MapGet("/complaints", Complaints.List).WithName("ListEnforcementComplaints")
            .WithSummary("投诉举报 in scope, newest first: by state, case or officer (the phone masked except for "
                + "supervisors)")
            .ProducesValidationProblem();
        g.MapGet("/complaints/{id:guid}", Complaints.Get).WithName("GetEnforcementComplaint")
            .WithSummary("One complaint").ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/complaints/{id:guid}", Complaints.Workflow, Complaints.Handle);
        Supervise(g.MapPost("/fault-records", FaultRecords.Create)).WithName("RecordEnforcementFault")
            .WithSummary("过错责任追究：记录执法人员的过错与追责方式（不可更改）");
        g.MapGet("/fault-records", FaultRecords.List).WithName("ListEnforcementFaultRecords")
            .WithSummary("过错责任追究 records in scope, newest first, of one officer or all")
            .ProducesValidationProblem();
        Supervise(g.MapPost("/surveys", Surveys.Create)).WithName("RecordEnforcementSurvey")
            .WithSummary("执法满意度：登记对乡镇执法大队的满意度调查结果（不可更改；更正为新记录）");
        g.MapGet("/surveys", Surveys.List).WithName("ListEnforcementSurveys")
            .WithSummary("满意度调查 in scope, newest first: of one team, within dates (corrected ones marked)")
            .ProducesValidationProblem();

        g.MapGet("/benchmarks", Benchmarks.List).WithName("ListDiscretionBenchmarks")
            .WithSummary("裁量基准 of the caller's county: per power item, the degrees with their kinds and fine range")
            .ProducesValidationProblem();
        g.MapPut("/benchmarks/{itemCode}", Benchmarks.Put).RequireAuthorization(EnforcementPermissions.BenchmarksManage)
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden)
            .ProducesProblem(Status412PreconditionFailed)
            .ProducesProblem(Status428PreconditionRequired).WithName("PutDiscretionBenchmarks")
            .WithSummary("Set a power item's 裁量基准 for the county (county users; If-Match once set)");

        g.MapGet("/health", Health.Check).WithName("CheckEnforcementTeams")
            .WithSummary("执法队伍体检: townships without a team, teams short of certified officers, certificates "
                + "lapsed or expiring");
        MapAssessments(g);
        var pub = app.MapGroup("/api/v1/public/enforcement").WithTags("Public 公开").AllowAnonymous();
        pub.MapGet("/teams/{townshipId:guid}", PublicTeams.Get).WithName("GetPublicEnforcementTeam")
            .WithSummary("公开：乡镇综合行政执法大队（持证执法人员、执法事项、投诉渠道）")
            .ProducesProblem(Status404NotFound);
        pub.MapGet("/disclosures", PublicDisclosures.List).WithName("ListPublicEnforcementDisclosures")
            .WithSummary("公开：行政处罚决定公示 of a county or township (parties who are persons masked; ETag, 304)")
            .Produces(Status304NotModified).ProducesValidationProblem().ProducesProblem(Status404NotFound);
        return app;
    }

    /// <summary>双向考核: rounds, their workflow, the scorers' sheets and the results.</summary>
    private static void MapAssessments(RouteGroupBuilder g)
    {
        g.MapPost("/assessments", AssessmentRounds.Create).RequireAuthorization(EnforcementPermissions.AssessManage)
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status409Conflict)
            .WithName("CreateEnforcementAssessment")
            .WithSummary("创建双向考核: period, scoring window, departments and indicators (county users)");
        g.MapGet("/assessments", AssessmentRounds.List).WithName("ListEnforcementAssessments")
            .WithSummary("双向考核 the caller sees (townships: their county's, once opened), latest period first")
            .ProducesValidationProblem();
        g.MapGet("/assessments/{id:guid}", AssessmentRounds.Get).WithName("GetEnforcementAssessment")
            .WithSummary("One round with its indicators, scorers, scored units and timeline")
            .ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/assessments/{id:guid}", AssessmentRounds.Workflow, AssessmentRounds.Act);
        g.MapGet("/assessments/{id:guid}/sheets/{scorerId:guid}", AssessmentSheets.Get)
            .WithName("GetEnforcementAssessmentSheet")
            .WithSummary("A scorer's sheet (评分表): its own, or any for the county's managers")
            .ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound);
        g.MapPut("/assessments/{id:guid}/sheets/{scorerId:guid}", AssessmentSheets.Put)
            .RequireAuthorization(EnforcementPermissions.AssessScore)
            .ProducesValidationProblem().ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status409Conflict).ProducesProblem(Status412PreconditionFailed)
            .ProducesProblem(Status428PreconditionRequired).WithName("PutEnforcementAssessmentSheet")
            .WithSummary("评分: submit the scorer's own sheet inside the window (If-Match once submitted)");
        g.MapGet("/assessments/{id:guid}/rankings", AssessmentResults.Get).WithName("GetEnforcementAssessmentRankings")
            .WithSummary("考核结果: weighted totals, ranks and each indicator (published, or a preview for managers)")
            .ProducesProblem(Status403Forbidden).ProducesProblem(Status404NotFound);
    }
}
