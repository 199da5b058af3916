using Governance.SharedKernel.Auditing;
using Governance.SharedKernel.Errors;
using Governance.SharedKernel.Http;
using Governance.SharedKernel.Security;

namespace Governance.SharedKernel.Workflows;

/// <summary>One action of a workflow: its name (the last URL segment), the permission it needs and its label.</summary>
public sealed record WorkflowAction(string Name, string Permission, string Label);

/// <summary>
/// From a state an action leads to a state. <see cref="When"/> is a condition on the record and the caller that
/// returns why the action cannot be taken now (a 409), or null. Several transitions may share a state and an action
/// when the handler chooses between their targets (a rater's answer reopens a rectification or closes it).
/// </summary>
public sealed record Transition<TRecord>(
    string From, string Action, string To, Func<TRecord, CurrentUser, string?>? When = null);

/// <summary>What the mechanism needs of a workflow's record: its id, state, version (the ETag) and the scope path its
/// audit rows are filed under.</summary>
public interface IWorkflowRecord
{
    Guid Id { get; }
    string State { get; }
    int Version { get; }
    string AuditPath { get; }
}

/// <summary>What a workflow step needs from the request, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record WorkflowServices(
    NpgsqlDataSource Db, CurrentUser User, ScopeGuard Guard, IAuditTrail Audit, TimeProvider Clock, HttpContext Http,
    CancellationToken Cancellation)
{
    /// <summary>The action of the route being served (<see cref="WorkflowEndpoints.MapWorkflowActions{T}"/> tags each
    /// route).</summary>
    public string ActionName => Http.GetEndpoint()?.Metadata.GetMetadata<WorkflowAction>()?.Name
        ?? throw new InvalidOperationException("Not a workflow action route.");
}

/// <summary>
/// A state machine as data: the states, the actions with their permissions, and the transitions. Every
/// state-changing call of every workflow runs the same checks in the same order (<see cref="StartAsync"/>):
/// <list type="number">
/// <item>the caller's role lacks the action's permission → 403 (audited once);</item>
/// <item>the record is missing or outside the caller's scope → 404 (audited, the same answer for both);</item>
/// <item>the caller may not act on this record (<see cref="Guard"/>: not the holding centre, not the submitting
/// department) → 403 (audited once);</item>
/// <item>If-Match missing → 428, stale → 412;</item>
/// <item>the action is not possible in the record's state → 409 with <c>state</c> and <c>allowedActions</c>;</item>
/// <item>the request's fields are invalid → 400 with field errors (the handler's validator, after the step
/// starts).</item>
/// </list>
/// A route answers 401 before all of these, and 400 for a request that is malformed whatever the record: a body that
/// is not JSON, a NUL, a date out of bounds, a text over its <see cref="TextLimitAttribute"/>. The state change, the
/// version bump, the timeline event and the audit row commit in one transaction
/// (<see cref="WorkflowStep{TRecord}"/>).
/// </summary>
public sealed class Workflow<TRecord> where TRecord : class, IWorkflowRecord
{
    /// <summary>The plural used in problem codes: <c>applications</c> →
    /// <c>applications.invalid_transition</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The record type of audit rows and denials: <c>application</c>.</summary>
    public required string RecordType { get; init; }

    /// <summary>The prefix of the audit actions (<c>admission.approve</c>), when it differs from <see
    /// cref="RecordType"/>.</summary>
    public string? AuditPrefix { get; init; }

    /// <summary>The audit action of a step: <c>application.accept</c>.</summary>
    public string AuditAction(string action) => $"{AuditPrefix ?? RecordType}.{action}";

    /// <summary>The table holding the records (<c>id</c>, <c>state</c>, <c>version</c> columns).</summary>
    public required string Table { get; init; }

    /// <summary>The timeline table, of the one shape <see cref="WorkflowEvents"/> writes.</summary>
    public required string EventsTable { get; init; }

    public required IReadOnlyDictionary<string, string> StateNames { get; init; }
    public required IReadOnlyList<WorkflowAction> Actions { get; init; }
    public required IReadOnlyList<Transition<TRecord>> Transitions { get; init; }

    /// <summary>Who may act on this record beyond holding the action's permission: why not (403), or null.</summary>
    public Func<TRecord, CurrentUser, string?>? Guard { get; init; }

    public WorkflowAction Action(string name) =>
        Actions.FirstOrDefault(a => a.Name == name) ?? throw new NotFoundException("没有这个操作。");

    /// <summary>What the caller may do next with the record: shown on screen, and listed in a 409.</summary>
    public IReadOnlyList<string> AllowedActions(TRecord record, CurrentUser user)
    {
        if (Guard?.Invoke(record, user) is not null) return [];
        return Transitions
            .Where(t => t.From == record.State && user.Has(Action(t.Action).Permission))
            .Where(t => t.When?.Invoke(record, user) is null)
            .Select(t => t.Action).Distinct().ToList();
    }

    /// <summary>
    /// Starts one step: opens a transaction, loads the record with <paramref name="load"/> (filtered by the caller's
    /// scope,
    /// locked <c>for update</c>; null when missing or out of scope) and runs the checks in their fixed order. The
    /// caller
    /// then validates its input, makes its changes on the step's transaction and calls <see
    /// cref="WorkflowStep{T}.MoveAsync"/>
    /// and <see cref="WorkflowStep{T}.CommitAsync"/>.
    /// </summary>
    public async Task<WorkflowStep<TRecord>> StartAsync(
        WorkflowServices s, Guid id, Func<NpgsqlConnection, NpgsqlTransaction, Task<TRecord?>> load)
    {
        var ct = s.Cancellation;
        var action = s.ActionName;
        var act = Action(action);
        if (!s.User.Has(act.Permission)) throw Denied(id, null, action, "当前角色无权执行该操作。");
        var c = await s.Db.OpenConnectionAsync(ct);
        NpgsqlTransaction? tx = null;
        try
        {
            tx = await c.BeginTransactionAsync(ct);
            var record = await load(c, tx);
            if (record is null)
            {
                await tx.RollbackAsync(ct);
                await s.Guard.DenyAsync(RecordType, id, ct); // throws 404
                throw new NotFoundException();
            }
            if (Guard?.Invoke(record, s.User) is { } reason) throw Denied(id, record.AuditPath, action, reason);
            ETags.Require(s.Http, record.Version);
            var from = Transitions.Where(t => t.From == record.State && t.Action == action).ToList();
            var blocked = from.Select(t => t.When?.Invoke(record, s.User)).FirstOrDefault(r => r is not null);
            if (from.Count == 0 || blocked is not null)
                throw new ConflictException(
                    $"{Name}.invalid_transition", blocked ?? $"当前状态“{StateNames[record.State]}”下不能执行该操作。")
                {
                    Extensions =
                    {
                        ["state"] = record.State, ["allowedActions"] = AllowedActions(record, s.User).ToArray(),
                    },
                };
            return new WorkflowStep<TRecord>(this, s, c, tx, record, action, from.Select(t => t.To).ToList());
        }
        catch
        {
            if (tx is not null) await tx.DisposeAsync();
            await c.DisposeAsync();
            throw;
        }
    }

    private ForbiddenException Denied(Guid id, string? path, string action, string reason) =>
        new(reason) { Audit = new DeniedAction(AuditAction(action), RecordType, id.ToString(), path) };
}
