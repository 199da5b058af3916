using Governance.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Governance.SharedKernel.Http;

/// <summary>
/// Optimistic concurrency over HTTP: responses carry <c>ETag: "v{version}"</c>; a change must send it back in
/// <c>If-Match</c> — missing ⇒ 428, stale ⇒ 412 — so one edit can never silently overwrite another.
/// </summary>
public static class ETags
{
    public static string For(int version) => $"\"v{version}\"";

    public static void Set(HttpContext http, int version) => http.Response.Headers.ETag = For(version);

    public static void Require(HttpContext http, int currentVersion)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            var d = Problems.Describe(428);
            throw new AppException(428, d.Code, d.Title, d.Detail);
        }
        if (ifMatch.Trim() != For(currentVersion) && ifMatch.Trim() != "*")
        {
            var d = Problems.Describe(412);
            throw new AppException(412, d.Code, d.Title, d.Detail);
        }
    }
}
