using System.Text.Json;
using Governance.SharedKernel.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Governance.SharedKernel.Http;

/// <summary>
/// RFC 9457 problem details with a stable <c>type</c> (<c>/problems/{code}</c>) and a <c>code</c> extension.
/// </summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string code, string title, string? detail = null) => new()
    {
        Status = status,
        Type = $"/problems/{code}",
        Title = title,
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    public static ProblemDetails From(AppException e)
    {
        var p = Create(e.Status, e.Code, e.Title, e.Detail);
        if (e is ValidationException v) p.Extensions["errors"] = v.Errors;
        foreach (var (k, val) in e.Extensions) p.Extensions[k] = val;
        return p;
    }

    /// <summary>
    /// Default Chinese wording for statuses the framework produces itself (routing, body binding, auth).
    /// </summary>
    public static (string Code, string Title, string Detail) Describe(int status) => status switch
    {
        400 => ("bad_request", "请求无效", "请求格式有误，请检查请求体是否为有效的 JSON 以及参数类型。"),
        401 => ("unauthenticated", "未登录", "请先登录，或提供有效的访问令牌。"),
        403 => ("forbidden", "无权操作", "当前角色无权执行此操作。"),
        404 => ("not_found", "未找到", "记录不存在或无权访问。"),
        405 => ("method_not_allowed", "方法不被允许", "该地址不支持此 HTTP 方法。"),
        406 => ("not_acceptable", "无法提供所需格式", "服务器无法以请求的格式返回结果。"),
        408 => ("request_timeout", "请求超时", "请求体传输过慢，服务器已停止等待，请重试。"),
        413 => ("payload_too_large", "请求体过大", "请求体超过了允许的大小。"),
        414 => ("uri_too_long", "请求地址过长", "请求地址（路径和查询参数）超过了 8 KB 的上限，请缩短查询条件后重试。"),
        415 => ("unsupported_media_type", "不支持的内容类型", "请求体必须是 application/json。"),
        428 => ("precondition_required", "缺少 If-Match", "修改前请提供 If-Match 请求头（记录的 ETag）。"),
        412 => ("precondition_failed", "记录已被他人修改", "记录已被他人修改，请刷新后重试。"),
        431 => ("headers_too_large", "请求头过大",
            "请求头超过了上限（合计 32 KB、至多 100 个）；如使用浏览器，请清除本站的 Cookie 后重试。"),
        429 => ("rate_limited", "请求过于频繁", "请求过于频繁，请稍后再试。"),
        _ when status >= 500 => ("internal_error", "服务器内部错误", "服务器处理请求时出错，已记录，请稍后再试。"),
        _ => ("error", "请求失败", null!),
    };
}

/// <summary>
/// Turns every exception into a problem: expected ones with their code, the rest as a bare 500 (logged only).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case AppException app:
                problem = Problems.From(app);
                break;
            case BadHttpRequestException { InnerException: JsonException { Path: ['$', '.', ..] path } json }
                when json.InnerException is not JsonException:
                // a value of the body that does not read as its type (or a date out of bounds): the field, by its
                // path. (Malformed JSON wraps the reader's own JsonException: the whole body's fault, answered below.)
                problem = Problems.From(new ValidationException(path[2..],
                    json is DateBounds.OutOfBounds ? DateBounds.Message : "取值的类型或格式不正确。"));
                break;
            case BadHttpRequestException bad:
                var (code, title, detail) = Problems.Describe(bad.StatusCode);
                problem = Problems.Create(bad.StatusCode, code, title, detail);
                break;
            case var _ when UnstorableText(exception) is { } pg:
                // the safety net behind the host's NUL guard (e.g. text inside an uploaded file): bad input, not a
                // fault
                logger.LogWarning("Refused {Method} {Path}: PostgreSQL {SqlState} (text it cannot store)",
                    http.Request.Method, http.Request.Path, pg.SqlState);
                problem = Problems.Create(400, "invalid_text", "文本含有无法保存的字符",
                    "提交的内容含有无法保存的字符（如空字符 U+0000），请删除后重试。");
                break;
            case var _ when DatabaseUnavailable(exception) is { } down:
                // PostgreSQL unreachable, restarting or out of connections: nothing was done, so the client may retry
                logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}",
                    http.Request.Method, http.Request.Path, down.Message);
                GovernanceMetrics.DatabaseUnavailableAnswered();
                problem = Problems.Create(503, "database_unavailable", "数据库暂不可用",
                    $"系统暂时无法连接数据库，本次请求没有执行，请在 {RetryAfterSeconds} 秒后重试。");
                break;
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return true; // the client went away; nobody to answer
            default:
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method,
                    http.Request.Path);
                var d = Problems.Describe(500);
                problem = Problems.Create(500, d.Code, d.Title, d.Detail);
                break;
        }
        http.Response.StatusCode = problem.Status!.Value;
        // a problem that names its wait (e.g. a throttled login) says it in Retry-After too; a 503 waits for a restart
        if (problem.Extensions.TryGetValue("retryAfter", out var wait) && wait is int seconds)
            http.Response.Headers.RetryAfter = seconds.ToString();
        else if (problem.Status == 503) http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem,
            Exception = exception });
    }

    /// <summary>
    /// How long a client should wait after a 503 (<c>Retry-After</c>): the time PostgreSQL takes to restart.
    /// </summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The database cannot be reached or cannot take the request now — the network or socket failed (Npgsql marks
    /// these transient), a connection could not be had in time (pool exhausted), or PostgreSQL answered with a
    /// connection exception (class 08), is shutting down or starting (57P01–57P03) or has too many connections (53300).
    /// A bad query, a constraint or a deadlock is not an outage.
    /// </summary>
    public static Exception? DatabaseUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300":
                    return pg;
                case PostgresException:
                    return null;
                case NpgsqlException { IsTransient: true } npgsql:
                    return npgsql;
            }
        return null;
    }

    /// <summary>22021 character_not_in_repertoire (a NUL in text) or 22P05 untranslatable_character, however wrapped.
    /// </summary>
    private static PostgresException? UnstorableText(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: "22021" or "22P05" } pg) return pg;
        return null;
    }
}
