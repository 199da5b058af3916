using Governance.Calendar.Contracts;
using Governance.PowerLists.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Features;

/// <summary>What the Enforcement handlers need, bound as one parameter (<c>[AsParameters]</c>).</summary>
internal sealed record EnforcementServices(
    NpgsqlDataSource Db, CurrentUser User, IAuditTrail Audit, ScopeGuard Guard, IRegionDirectory Regions,
    IUnitDirectory Units, IPowerLists Powers, IWorkingCalendar Calendar, IOptions<EnforcementOptions> Options,
    TimeProvider Clock, HttpContext Http, CancellationToken Cancellation)
{
    public Task<CaseContext> CaseContextAsync(CancellationToken ct) =>
        CaseContext.LoadAsync(Powers, Calendar, User, Settings, Today, ct);

    public EnforcementOptions Settings => Options.Value;

    public DateOnly Today => CountyClock.Today(Clock);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
}
