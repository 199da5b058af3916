using System.Threading.RateLimiting;
using Governance.Organization;
using Governance.SharedKernel.Http;
using Governance.SharedKernel.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api;

/// <summary>Cross-cutting HTTP plumbing of the host: problem details, rate limits, headers, health, the SPA.</summary>
internal static class Hosting
{
    public static IServiceCollection AddGovernanceProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<DeniedActionAudit>(); // runs first, answers nothing
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var p = ctx.ProblemDetails;
            // Problems the framework makes itself (404 route, 405, 415, 401 …) get our stable type, code and Chinese
            // text.
            if (!p.Extensions.ContainsKey("code") && p.Status is { } status)
            {
                var (code, title, detail) = Problems.Describe(status);
                p.Type = $"/problems/{code}";
                p.Title = title;
                p.Detail ??= detail;
                p.Extensions["code"] = code;
            }
            p.Extensions.Remove("exception"); // never leak exception details, even in Development
            p.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
    }

    /// <summary>
    /// Machine clients (bearer API tokens) get a fixed window per token; browser sessions are not limited here.
    /// </summary>
    public static IServiceCollection AddMachineRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var tokenId = http.User.FindFirst(GovClaims.TokenId)?.Value;
                if (tokenId is null) return RateLimitPartition.GetNoLimiter("interactive");
                var perMinute = http.RequestServices.GetRequiredService<IOptions<OrganizationOptions>>()
                    .Value.TokenRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(tokenId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                var (code, title, detail) = Problems.Describe(429);
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = http,
                    ProblemDetails = Problems.Create(429, code, title,
                        $"{detail}（每个令牌每分钟的请求数有上限，请在 {seconds} 秒后重试）"),
                });
            };
        });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var h = http.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        await next(http);
    });

    public sealed record HealthResponse(string Status, string? Database = null);

    /// <summary>
    /// <c>/health</c>: liveness, cheap — the process answers (a supervisor restarts it when not). <c>/health/ready</c>:
    /// readiness — the database answers too (a load balancer sends no traffic while not; the API recovers by itself
    /// when the database returns, so this is not a reason to restart it).
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("", () => TypedResults.Ok(new HealthResponse("healthy")))
            .WithName("GetHealth").WithSummary("存活检查：API 进程是否在响应（不访问数据库）");
        health.MapGet("/ready", async Task<IResult> (NpgsqlDataSource db, CancellationToken ct) =>
        {
            try
            {
                await using var c = await db.OpenConnectionAsync(ct);
                await using var cmd = new NpgsqlCommand("select 1", c);
                await cmd.ExecuteScalarAsync(ct);
                return TypedResults.Ok(new HealthResponse("ready", "up"));
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return TypedResults.Json(new HealthResponse("not_ready", "down"),
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithName("GetReadiness").WithSummary("就绪检查：API 与数据库是否都可用");
    }

    /// <summary>
    /// Serves the built SPA (client/dist) with index.html for client-side routes; /api/* never falls back.
    /// </summary>
    public static void MapSpa(this WebApplication app, string? root)
    {
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root)) return;
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // client-side routes get index.html; unknown /api/* paths stay 404 problems (and 405/415 keep working)
        var index = new StaticFileOptions { FileProvider = files };
        app.MapFallbackToFile("/", "index.html", index);
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/|openapi/|swagger).*$)}", "index.html", index);
    }
}
