using Dapper;
using Governance.Notifications.Contracts;
using Governance.SharedKernel.Database;
using Governance.SharedKernel;
using Governance.SharedKernel.Errors;
using Governance.SharedKernel.Http;
using Governance.SharedKernel.Mapping;
using Governance.SharedKernel.Paging;
using Governance.SharedKernel.Security;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Notifications;

public sealed record NoticeResponse(
    Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

public sealed record UnreadCount(int Count);

/// <summary>The caller's 待办, every module's lines in a fixed order (see <see cref="ITodoSource"/>).</summary>
public sealed record TodoResponse(IReadOnlyList<TodoCount> Items);

/// <summary>站内通知: notices addressed to regions, read by the users of that region.</summary>
public static class NotificationsModule
{
    public static readonly ModuleMigrations Migrations = new("notifications", typeof(NotificationsModule).Assembly);

    /// <summary>
    /// The module's row → response mapping (<see cref="ModuleMapping"/>), compiled on first use (not by this class's
    /// initialiser, so a broken mapping fails its own test and requests, not the module's registration).
    /// </summary>
    internal static TypeAdapterConfig MappingConfig => ModuleMapping.For(typeof(NotificationsModule).Assembly);

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services) =>
        services.AddSingleton<INotifications, Notifier>();

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/notifications").WithTags("Notifications 站内通知").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        g.MapGet("", List)
            .WithName("ListNotifications").WithSummary("本人所在区划的站内通知");
        g.MapGet("/unread-count", Unread)
            .WithName("CountUnreadNotifications").WithSummary("未读通知数");
        g.MapGet("/todo", Todo)
            .WithName("ListTodo").WithSummary("待办: what waits for the caller in each module, with counts and links");
        g.MapPost("/{id:guid}/read", MarkRead)
            .WithName("MarkNotificationRead").WithSummary("标记通知为已读")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private sealed class Notifier(TimeProvider clock) : INotifications
    {
        public Task NotifyAsync(
            NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string> regionPaths,
            string title, string body, string? link, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition("""
                insert into notifications.notices (id, region_path, title, body, link, created_at)
                select unnest(@ids), unnest(@paths), @title, @body, @link, @now
                """, new
                {
                    ids = regionPaths.Select(_ => Guid.CreateVersion7()).ToArray(), paths = regionPaths.ToArray(),
                    title, body, link,
                    now = clock.GetUtcNow().UtcDateTime,
                },
                transaction, cancellationToken: ct));
    }

    /// <summary>One connection for every module's counts; a module's lines only where the caller acts.</summary>
    private static async Task<Ok<TodoResponse>> Todo(IEnumerable<ITodoSource> sources, NpgsqlDataSource db,
        CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        await using var c = await db.OpenConnectionAsync(ct);
        var items = new List<TodoCount>();
        foreach (var source in sources) items.AddRange(await source.CountAsync(user, c, today, ct));
        return TypedResults.Ok(new TodoResponse(items));
    }

    private sealed record Row(Guid Id, string Title, string Body, string? Link, DateTime CreatedAt, bool Read);
    private sealed record Key(DateTime CreatedAt, Guid Id);

    /// <summary>Every member by name; CreatedAt becomes a UTC offset (<see cref="ModuleMapping"/>).</summary>
    private sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Row, NoticeResponse>();
    }

    private static async Task<Ok<Page<NoticeResponse>>> List(
        bool? unreadOnly, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db,
        CurrentUser user, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition("""
            select n.id, n.title, n.body, n.link, n.created_at, r.notice_id is not null as read
            from notifications.notices n
            left join notifications.reads r on r.notice_id = n.id and r.user_id = @userId
            where n.region_path = @path
              and (not @unreadOnly or r.notice_id is null)
              and (@afterId::uuid is null or (n.created_at, n.id) < (@afterAt, @afterId))
            order by n.created_at desc, n.id desc
            limit @take
            """, new
            {
                userId = user.Id, path = user.Scope.Path, unreadOnly = unreadOnly ?? false,
                afterAt = after?.CreatedAt ?? DateTime.MinValue, afterId = after?.Id,
                take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.CreatedAt, r.Id));
        return TypedResults.Ok(new Page<NoticeResponse>(
            page.Items.Select(r => r.Adapt<Row, NoticeResponse>(MappingConfig)).ToList(), page.NextCursor));
    }

    private static async Task<Ok<UnreadCount>> Unread(NpgsqlDataSource db, CurrentUser user, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var count = await c.ExecuteScalarAsync<int>(new CommandDefinition("""
            select count(*) from notifications.notices n
            where n.region_path = @path
              and not exists (select 1 from notifications.reads r where r.notice_id = n.id and r.user_id = @userId)
            """, new { path = user.Scope.Path, userId = user.Id }, cancellationToken: ct));
        return TypedResults.Ok(new UnreadCount(count));
    }

    private static async Task<NoContent> MarkRead(
        Guid id, NpgsqlDataSource db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into notifications.reads (notice_id, user_id, read_at)
            select id, @userId, @now from notifications.notices where id = @id and region_path = @path
            on conflict do nothing
            """, new { id, userId = user.Id, path = user.Scope.Path, now = clock.GetUtcNow().UtcDateTime },
            cancellationToken: ct));
        if (inserted == 0 && !await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from notifications.notices where id = @id and region_path = @path)",
                new { id, path = user.Scope.Path }, cancellationToken: ct)))
            throw new NotFoundException();
        return TypedResults.NoContent();
    }
}
