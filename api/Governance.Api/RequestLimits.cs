using Governance.SharedKernel.Errors;
using Governance.SharedKernel.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Governance.Api;

/// <summary>
/// The size limits of a request's URL and headers, answered as problems. Kestrel enforces such limits itself while it
/// parses the request line and headers — before there is an HttpContext — and then answers with an empty body (no
/// option or hook adds one). So the API enforces the usual limits here, in the pipeline, with a problem and a stable
/// code (414 <c>uri_too_long</c>, 431 <c>headers_too_large</c>), and Kestrel's own limits are raised above them as a
/// backstop that only grossly oversized requests reach. The request body's limit (413 <c>payload_too_large</c>) needs
/// no such split: Kestrel checks it when the body is read, inside the pipeline, and its BadHttpRequestException becomes
/// a problem in <see cref="ProblemExceptionHandler"/>.
/// </summary>
internal static class RequestLimits
{
    /// <summary>The request target (path and query, as sent): Kestrel's default request line limit.</summary>
    public const int MaxUrlBytes = 8 * 1024;

    /// <summary>All header lines together (name, value, separators): Kestrel's default.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Header lines: Kestrel's default.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>Kestrel's own limits, a backstop above the API's; beyond them Kestrel answers, bodiless.</summary>
    public static void ConfigureKestrel(KestrelServerOptions o)
    {
        o.Limits.MaxRequestLineSize = 8 * MaxUrlBytes;
        o.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeaderBytes;
        o.Limits.MaxRequestHeaderCount = 2 * MaxHeaderCount;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (UrlBytes(http) > MaxUrlBytes) throw Refuse(StatusCodes.Status414UriTooLong);
        var (count, bytes) = (0, 0L);
        foreach (var (name, values) in http.Request.Headers)
            foreach (var value in values)
            {
                count++;
                bytes += name.Length + 2 + (value?.Length ?? 0) + 2; // "name: value\r\n"
            }
        if (count > MaxHeaderCount || bytes > MaxHeaderBytes)
            throw Refuse(StatusCodes.Status431RequestHeaderFieldsTooLarge);
        return next(http);
    });

    private static int UrlBytes(HttpContext http) =>
        http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw.Length
            : http.Request.GetEncodedPathAndQuery().Length;

    private static AppException Refuse(int status)
    {
        var (code, title, detail) = Problems.Describe(status);
        return new AppException(status, code, title, detail);
    }
}
