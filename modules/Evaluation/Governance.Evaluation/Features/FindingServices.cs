using Governance.Kpis.Contracts;
using Governance.Organization.Contracts;

namespace Governance.Evaluation.Features;

/// <summary>What the findings routes need from the request, bound as one parameter.</summary>
internal sealed record FindingServices(
    NpgsqlDataSource Db, CurrentUser User, IAuditTrail Audit, ScopeGuard Guard, IRegionDirectory Regions,
    IKpiStore Kpis, IEnumerable<FindingRecordKind> Kinds, TimeProvider Clock, HttpContext Http,
    CancellationToken Cancellation)
{
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The same request as the workflow mechanism takes it.</summary>
    public WorkflowServices Workflow => new(Db, User, Guard, Audit, Clock, Http, Cancellation);
}
