using Governance.SharedKernel.Errors;
using Governance.SharedKernel.Security;

namespace Governance.SharedKernel.Auditing;

/// <summary>
/// The answer to a record that is missing or outside the caller's region scope: 404 either way (never revealing
/// which), and the denied lookup goes into the audit trail under the caller's region.
/// </summary>
public sealed class ScopeGuard(IAuditTrail audit, CurrentUser user)
{
    public async Task DenyAsync(string recordType, Guid id, CancellationToken ct)
    {
        await audit.RecordAttemptAsync(new AuditRecord("access.denied", recordType, id.ToString(),
            user.IsAuthenticated ? user.Scope.Path : null, Outcome: AuditOutcome.Denied), ct);
        throw new NotFoundException();
    }

    public async Task<T> DenyAsync<T>(string recordType, Guid id, CancellationToken ct)
    {
        await DenyAsync(recordType, id, ct);
        return default!;
    }
}
