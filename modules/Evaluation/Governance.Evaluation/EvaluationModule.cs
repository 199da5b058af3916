using Governance.Evaluation.Features;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Governance.Evaluation;

/// <summary>
/// 评估 module: the findings (评估意见) evaluators post on records of any module — each module registers the kinds of
/// its records a finding may name (<see cref="FindingRecordKind"/>) — or on KPI figures, and the agencies' answers.
/// The grants themselves belong to the Organization module, with the users and tokens they cover.
/// </summary>
public static class EvaluationModule
{
    /// <summary>The thread is append-only for the API's role: posted text is never changed.</summary>
    public static readonly ModuleMigrations Migrations =
        new("evaluation", typeof(EvaluationModule).Assembly) { AppendOnly = ["finding_events"] };

    public static IServiceCollection AddEvaluationModule(this IServiceCollection services) =>
        services.AddScoped<Demo.DemoFindingsGenerator>();

    /// <summary>The demo evaluator's findings in the first demo county (idempotent).</summary>
    public static Task<int> GenerateDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoFindingsGenerator>().GenerateAsync(ct);

    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/evaluation").WithTags("Evaluation 评估意见")
            .RequireAuthorization(EvaluationPermissions.FindingsRead)
            .ProducesProblem(Status401Unauthorized).ProducesProblem(Status403Forbidden);
        g.MapPost("/findings", Findings.Post).RequireAuthorization(EvaluationPermissions.FindingsPost)
            .WithName("PostFinding")
            .WithSummary("提出评估意见: on a record (module, recordType, recordId) or a KPI figure (code, region, "
                + "month, revision)")
            .ProducesValidationProblem();
        g.MapGet("/findings", FindingLists.List).WithName("ListFindings")
            .WithSummary("评估意见 in scope (an evaluator's: its grant's), newest first: by state (or waiting: open "
                + "and disputed), module, severity, township or title")
            .ProducesValidationProblem().ProducesProblem(Status404NotFound);
        g.MapGet("/findings/summary", FindingLists.Summary).WithName("SummariseFindings")
            .WithSummary("评估意见 by township and module: how many wait for an answer");
        g.MapGet("/findings/export", FindingLists.Export).WithName("ExportFindings")
            .WithSummary("评估意见 as CSV or XLSX, with the list's filters").ProducesTable()
            .ProducesProblem(Status404NotFound);
        g.MapGet("/record-kinds", FindingLists.RecordKinds).WithName("ListFindingRecordKinds")
            .WithSummary("The kinds of record a finding may name (an evaluator's: of its grant's modules)");
        g.MapGet("/findings/{id:guid}", Findings.Get).WithName("GetFinding")
            .WithSummary("One finding with its whole thread").ProducesProblem(Status404NotFound);
        g.MapWorkflowActions("/findings/{id:guid}", Findings.Workflow, Findings.Act);
        return app;
    }
}
