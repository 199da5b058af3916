using Governance.PowerLists.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Features;

/// <summary>What the Enforcement handlers need, bound as one parameter (<c>[AsParameters]</c>).</summary>
internal sealed record EnforcementServices(
    NpgsqlDataSource Db, CurrentUser User, IAuditTrail Audit, ScopeGuard Guard, IRegionDirectory Regions,
    IUnitDirectory Units, IPowerLists Powers, IOptions<EnforcementOptions> Options, TimeProvider Clock,
    HttpContext Http, CancellationToken Cancellation)
{
    public EnforcementOptions Settings => Options.Value;

    public DateOnly Today => CountyClock.Today(Clock);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
}
