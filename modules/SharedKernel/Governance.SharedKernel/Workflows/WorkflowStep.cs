using Governance.SharedKernel.Auditing;
using Governance.SharedKernel.Http;

namespace Governance.SharedKernel.Workflows;

/// <summary>
/// One started step of a workflow, holding its transaction: the handler makes its own changes on
/// <see cref="Connection"/>/<see cref="Transaction"/>, then <see cref="MoveAsync"/> (state, version, timeline) and
/// <see cref="CommitAsync"/> (audit row, commit, ETag). Disposed without a commit, everything rolls back.
/// </summary>
public sealed class WorkflowStep<TRecord> : IAsyncDisposable where TRecord : class, IWorkflowRecord
{
    private readonly Workflow<TRecord> _workflow;
    private readonly WorkflowServices _s;
    private readonly IReadOnlyList<string> _targets;
    private string? _to;

    internal WorkflowStep(
        Workflow<TRecord> workflow, WorkflowServices s, NpgsqlConnection c, NpgsqlTransaction tx, TRecord before,
        string action,
        IReadOnlyList<string> targets)
    {
        (_workflow, _s, Connection, Transaction) = (workflow, s, c, tx);
        (Before, Action, _targets) = (before, action, targets);
        Now = s.Clock.GetUtcNow().UtcDateTime;
    }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    /// <summary>The record as it was when the step started (locked since).</summary>
    public TRecord Before { get; }

    public string Action { get; }

    /// <summary>The step's time, from the application's clock (one value for the change, its event and its audit
    /// row).</summary>
    public DateTime Now { get; }

    public CancellationToken Cancellation => _s.Cancellation;

    /// <summary>The state the step leads to: the transition's target, or — where several share this state and action —
    /// the one the handler names.</summary>
    public async Task MoveAsync(string? note, string? to = null)
    {
        if (_to is not null) throw new InvalidOperationException("A step moves once.");
        to ??= _targets[0];
        if (!_targets.Contains(to))
            throw new InvalidOperationException(
                $"{_workflow.Name}: {Before.State} --{Action}--> {to} is not in the table.");
        await Connection.ExecuteAsync(new CommandDefinition(
            $"update {_workflow.Table} set state = @to, version = version + 1 where id = @id",
            new { id = Before.Id, to }, Transaction, cancellationToken: Cancellation));
        await WorkflowEvents.AppendAsync(Connection, Transaction, _workflow.EventsTable,
            new WorkflowEventRow(Before.Id, Now, _s.User.Id, _s.User.Name, Action, Before.State, to, note),
            Cancellation);
        _to = to;
    }

    /// <summary>Audits the step (before/after snapshots, in the same transaction), commits and sets the new
    /// ETag.</summary>
    public async Task CommitAsync(object? before, object? after)
    {
        if (_to is null) throw new InvalidOperationException("Move the record before committing the step.");
        var record = new AuditRecord(_workflow.AuditAction(Action), _workflow.RecordType, Before.Id.ToString(),
            Before.AuditPath, before, after);
        await _s.Audit.RecordAsync(Connection, Transaction, record, Cancellation);
        await Transaction.CommitAsync(Cancellation);
        ETags.Set(_s.Http, Before.Version + 1);
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
