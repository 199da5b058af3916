using Governance.Calendar.Contracts;
using Governance.PowerLists.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Features;

/// <summary>What a case step needs besides the workflow's services (one scoped service, so every step handler takes
/// the same two parameters).</summary>
internal sealed class CaseServices(
    IPowerLists powers, IUnitDirectory units, IWorkingCalendar calendar, IOptions<EnforcementOptions> options)
{
    public IPowerLists Powers => powers;

    public IUnitDirectory Units => units;

    public IWorkingCalendar Calendar => calendar;

    public EnforcementOptions Options => options.Value;
}

/// <summary>
/// One step of a case on the shared workflow mechanism, with what every case step needs: the locked record, the
/// calendar and thresholds, today, and the common ending (move, read the case back, audit, commit).
/// </summary>
internal sealed class CaseStep : IAsyncDisposable
{
    private readonly WorkflowStep<Cases.Row> _step;

    private CaseStep(WorkflowStep<Cases.Row> step, CaseContext context) => (_step, X) = (step, context);

    public static async Task<CaseStep> StartAsync(Guid id, WorkflowServices s, CaseServices cs)
    {
        var x = await CaseContext.LoadAsync(cs.Powers, cs.Calendar, s.User, cs.Options, CountyClock.Today(s.Clock),
            s.Cancellation);
        var step = await Cases.Workflow.StartAsync(s, id,
            (c, tx) => Cases.FindAsync(c, tx, id, s.User, s.Cancellation, forUpdate: true));
        return new CaseStep(step, x);
    }

    public CaseContext X { get; }

    public Cases.Row K => _step.Before;

    public string Action => _step.Action;

    public NpgsqlConnection C => _step.Connection;

    public NpgsqlTransaction Tx => _step.Transaction;

    public DateOnly Today => X.Today;

    public EnforcementOptions Options => X.Options;

    public WorkingDayCalendar Calendar => X.Calendar;

    public CancellationToken Ct => _step.Cancellation;

    /// <summary>The step's time (the application's clock).</summary>
    public DateTime Now => _step.Now;

    /// <summary>The case's current officers, checked for <paramref name="date"/> (default today): a 409 unless two
    /// or more are certified that day for the case's domain.</summary>
    public Task<List<OfficerCheck>> RequireOfficersAsync(DateOnly? date = null) =>
        CaseOfficers.RequireCurrentAsync(C, Tx, K, date ?? Today, Ct);

    /// <summary>Runs an update of the case's own columns on the step's transaction.</summary>
    public Task UpdateAsync(string set, object param) =>
        C.ExecuteAsync(new CommandDefinition($"update enforcement.cases set {set} where id = @id", param, Tx,
            cancellationToken: Ct));

    /// <summary>Moves the case (the timeline line with <paramref name="note"/>), audits the step with the given
    /// snapshots and commits; answers the case as it now is.</summary>
    public async Task<Ok<CaseResponse>> FinishAsync(string? note, object after, string? to = null)
    {
        await _step.MoveAsync(TextInput.Blank(note), to);
        var now = (await Cases.FindAsync(C, Tx, K.Id, X.User, Ct))!;
        var response = await Cases.ResponseAsync(C, Tx, now, X, Ct);
        await _step.CommitAsync(new { K.State }, after);
        return TypedResults.Ok(response);
    }

    public ValueTask DisposeAsync() => _step.DisposeAsync();
}
