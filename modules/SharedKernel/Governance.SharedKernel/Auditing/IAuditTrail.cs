using Npgsql;

namespace Governance.SharedKernel.Auditing;

public static class AuditOutcome
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string Failed = "failed";
}

/// <summary>
/// One audited fact: what happened to which record, in which region (its scope path), with before/after snapshots.
/// Who and from where are taken from the current request unless <see cref="ActorId"/>/<see cref="ActorName"/> are given
/// (e.g. a failed login, where nobody is signed in yet).
/// </summary>
public sealed record AuditRecord(
    string Action,
    string RecordType,
    string? RecordId,
    string? RegionPath,
    object? Before = null,
    object? After = null,
    string Outcome = AuditOutcome.Success)
{
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
}

/// <summary>The append-only audit trail (审计日志). Other modules write to it through this interface only.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Records a change inside the caller's transaction, so the change and its audit row commit or fail together.
    /// </summary>
    Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditRecord record,
        CancellationToken ct);

    /// <summary>
    /// Records a denied or failed attempt in its own transaction (the attempt itself changes nothing). A failure to
    /// record is logged, not thrown: the denial must still be answered.
    /// </summary>
    Task RecordAttemptAsync(AuditRecord record, CancellationToken ct);

    /// <summary>
    /// Records, in its own transaction, an action that must not happen unaudited although it changes nothing (showing
    /// unmasked personal data): call it before acting; it throws <see cref="AuditUnavailableException"/> (503) when
    /// the row cannot be written, so the action is not taken.
    /// </summary>
    Task RecordOrFailAsync(AuditRecord record, CancellationToken ct);
}

/// <summary>503: the audit row an action requires could not be written, so the action was not taken.</summary>
public sealed class AuditUnavailableException()
    : Governance.SharedKernel.Errors.AppException(503, "audit_unavailable", "审计日志暂不可用",
        "无法记录审计日志，本次操作未执行，请稍后再试。");
