using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Threading.RateLimiting;
using Governance.Organization;
using Governance.SharedKernel.Http;
using Governance.SharedKernel.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
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
            // the W3C trace id (the caller's own when it sent a traceparent): the one in the logs and in the traces
            p.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? ctx.HttpContext.TraceIdentifier;
        });
    }

    /// <summary>
    /// Machine clients (bearer API tokens) get a fixed window per token (<see cref="TokenWindowLimiter"/>: its 429 says
    /// in Retry-After when the window reopens); browser sessions are not limited here.
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
                var clock = http.RequestServices.GetRequiredService<TimeProvider>();
                return RateLimitPartition.Get(tokenId,
                    _ => new TokenWindowLimiter(perMinute, TimeSpan.FromMinutes(1), clock));
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                GovernanceMetrics.RateLimited(GovernanceMetrics.Policies.ApiToken);
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
    /// Serves the built SPA (client/dist) with index.html for client-side routes; /api/* never falls back. The hashed
    /// files under /assets go out precompressed (the build writes .br and .gz copies) as the browser accepts, cached
    /// for a year as immutable; index.html is revalidated on every visit, so a new release is picked up at once.
    /// </summary>
    public static void MapSpa(this WebApplication app, string? root)
    {
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root)) return;
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.Use((context, next) =>
        {
            SpaAssets.ChoosePrecompressed(context, files);
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = SpaAssets.ContentTypes,
            OnPrepareResponse = SpaAssets.PrepareResponse,
        });
        // client-side routes get index.html; unknown /api/* paths stay 404 problems (and 405/415 keep working)
        var index = new StaticFileOptions { FileProvider = files, OnPrepareResponse = SpaAssets.PrepareResponse };
        app.MapFallbackToFile("/", "index.html", index);
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/|openapi/|swagger).*$)}", "index.html", index);
    }
}

/// <summary>The SPA's static files: precompressed copies, their content types, how long browsers keep them.</summary>
internal static class SpaAssets
{
    private static readonly PathString Assets = "/assets";

    /// <summary>Best first: Brotli is ~15 % smaller than gzip on our bundles.</summary>
    private static readonly (string Encoding, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>A file's type from its name without the .br/.gz of its compressed copy.</summary>
    public static readonly IContentTypeProvider ContentTypes = new PrecompressedContentTypes();

    /// <summary>
    /// For a file under /assets with a compressed copy the browser accepts, serve the copy instead (the request's
    /// path is rewritten; <see cref="PrepareResponse"/> then names its encoding).
    /// </summary>
    public static void ChoosePrecompressed(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))) return;
        if (!request.Path.StartsWithSegments(Assets)) return;
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, extension) in Encodings)
        {
            var accepts = accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase)
                && (a.Quality ?? 1) > 0);
            if (!accepts) continue;
            var copy = new PathString(request.Path.Value + extension);
            if (!files.GetFileInfo(copy.Value!).Exists) continue;
            request.Path = copy;
            return;
        }
    }

    public static void PrepareResponse(StaticFileResponseContext ctx)
    {
        var response = ctx.Context.Response;
        var name = ctx.File.Name;
        foreach (var (encoding, extension) in Encodings)
            if (name.EndsWith(extension, StringComparison.Ordinal)) response.Headers.ContentEncoding = encoding;
        // hashed names change with their content: keep them; anything else (index.html, favicon) is revalidated
        response.Headers.CacheControl = ctx.Context.Request.Path.StartsWithSegments(Assets)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }

    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, [MaybeNullWhen(false)] out string contentType)
        {
            foreach (var (_, extension) in Encodings)
                if (subpath.EndsWith(extension, StringComparison.Ordinal)) subpath = subpath[..^extension.Length];
            return _types.TryGetContentType(subpath, out contentType);
        }
    }
}
