using System.Security.Claims;
using Governance.SharedKernel.Auditing;
using Governance.SharedKernel.Errors;
using Governance.SharedKernel.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Api;

/// <summary>
/// Records every 403 a handler decides (a role acting outside its part of a workflow) in the audit trail, then lets
/// <see cref="Governance.SharedKernel.Http.ProblemExceptionHandler"/> write the problem. Policy denials are audited by
/// the authentication handler; this covers the rest, so every denial leaves a line.
/// </summary>
internal sealed class DeniedActionAudit : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is ForbiddenException forbidden)
        {
            var on = forbidden.Audit;
            await http.RequestServices.GetRequiredService<IAuditTrail>().RecordAttemptAsync(new AuditRecord(
                on?.Action ?? "access.denied", on?.RecordType ?? "endpoint",
                on?.RecordId ?? $"{http.Request.Method} {http.Request.Path}",
                on?.RegionPath ?? http.User.FindFirstValue(GovClaims.RegionPath),
                After: new { reason = forbidden.Detail }, Outcome: AuditOutcome.Denied), ct);
        }
        return false;
    }
}
