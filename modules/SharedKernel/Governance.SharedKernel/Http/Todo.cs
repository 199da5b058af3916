using Governance.SharedKernel.Security;
using Npgsql;

namespace Governance.SharedKernel.Http;

/// <summary>
/// One line of a user's 待办 (what waits for them): a stable code the SPA names (<c>applications.overdue</c>), its
/// module, how many, how many of those are urgent (past their date, or an agreement ending within a week, a
/// certificate already expired), and the page that lists them.
/// </summary>
public sealed record TodoCount(string Code, string Module, int Count, int Urgent, string Link);

/// <summary>
/// A module's 待办 lines for a user: only the work its permissions let the user act on, counted in SQL within the
/// user's scope. The home page shows every module's lines (<c>GET /api/v1/notifications/todo</c>).
/// </summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoCount>> CountAsync(
        CurrentUser user, NpgsqlConnection connection, DateOnly today, CancellationToken ct);
}
