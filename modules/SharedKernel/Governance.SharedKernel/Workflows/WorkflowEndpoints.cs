using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Governance.SharedKernel.Workflows;

/// <summary>
/// Maps a workflow's actions as one POST route each (<c>{prefix}/{action}</c>), named and summarised in the OpenAPI
/// document,
/// each requiring its action's permission — so the route table, the document and the authorisation matrix test all read
/// the permissions from the workflow's table. The handler learns its action from <see
/// cref="WorkflowServices.ActionName"/>.
/// </summary>
public static class WorkflowEndpoints
{
    public static void MapWorkflowActions<TRecord>(
        this IEndpointRouteBuilder group, string prefix, Workflow<TRecord> workflow, Delegate handler)
        where TRecord : class, IWorkflowRecord =>
        group.MapWorkflowActions(prefix, workflow, (workflow.Actions.Select(a => a.Name).ToArray(), handler));

    /// <summary>Maps each action to the handler of its group (each with its own request body); every action of the
    /// table must be mapped exactly once — a mistake fails at start-up, not at the first call.</summary>
    public static void MapWorkflowActions<TRecord>(
        this IEndpointRouteBuilder group, string prefix, Workflow<TRecord> workflow,
        params (string[] Actions, Delegate Handler)[] handlers)
        where TRecord : class, IWorkflowRecord
    {
        var mapped = handlers.SelectMany(h => h.Actions).ToList();
        var table = workflow.Actions.Select(a => a.Name).ToList();
        var wrong = mapped.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key)
            .Concat(mapped.Except(table)).Concat(table.Except(mapped)).Distinct().ToList();
        if (wrong.Count > 0)
            throw new InvalidOperationException(
                $"Workflow '{workflow.Name}': actions not mapped exactly once: {string.Join(", ", wrong)}");
        foreach (var (actions, handler) in handlers)
        foreach (var action in workflow.Actions.Where(a => actions.Contains(a.Name)))
            group.MapPost($"{prefix}/{action.Name}", handler)
                .WithMetadata(action)
                .RequireAuthorization(action.Permission)
                .WithName(Pascal(workflow.Name) + Pascal(action.Name))
                .WithSummary(action.Label)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static string Pascal(string name) =>
        string.Concat(name.Split('-', '_')
            .Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
