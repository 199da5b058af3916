using Governance.SharedKernel.Workflows;
using Microsoft.AspNetCore.Builder;

namespace Governance.UnitTests;

/// <summary>Mapping a workflow's actions to handlers: every action of the table exactly once, or the host does not
/// start.</summary>
public class WorkflowEndpointsTests
{
    private sealed record Record(Guid Id, string State, int Version, string AuditPath) : IWorkflowRecord;

    private static readonly Workflow<Record> Flow = new()
    {
        Name = "things", RecordType = "thing", Table = "t", EventsTable = "te",
        StateNames = new Dictionary<string, string> { ["open"] = "开", ["shut"] = "关" },
        Actions = [new("shut", "p", "关"), new("open", "p", "开")],
        Transitions = [new("open", "shut", "shut"), new("shut", "open", "open")],
    };

    private static readonly Delegate Handler = () => "ok";

    private static void Map(params (string[] Actions, Delegate Handler)[] handlers) =>
        WebApplication.CreateBuilder().Build().MapGroup("/x").MapWorkflowActions("/{id}", Flow, handlers);

    [Test]
    public void An_action_left_unmapped_or_mapped_twice_fails_at_start_up()
    {
        Assert.That(() => Map((["shut"], Handler)),
            Throws.InvalidOperationException.With.Message.Contains("open"));
        Assert.That(() => Map((["shut", "open"], Handler), (["open"], Handler)),
            Throws.InvalidOperationException.With.Message.Contains("open"));
        Assert.That(() => Map((["shut", "open", "lock"], Handler)),
            Throws.InvalidOperationException.With.Message.Contains("lock"));
        Assert.That(() => Map((["shut"], Handler), (["open"], Handler)), Throws.Nothing);
    }
}
