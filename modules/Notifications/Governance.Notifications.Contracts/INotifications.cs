using Npgsql;

namespace Governance.Notifications.Contracts;

/// <summary>
/// In-app notifications (站内通知) addressed to regions: every user whose region is the addressed one sees it.
/// Written in the caller's transaction, so a notice exists exactly when the change it announces committed.
/// </summary>
public interface INotifications
{
    Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyCollection<string> regionPaths, string title, string body, string? link, CancellationToken ct);
}
