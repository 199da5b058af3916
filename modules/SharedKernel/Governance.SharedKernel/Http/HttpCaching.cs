using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Governance.SharedKernel.Http;

/// <summary>
/// Conditional GET for public, anonymous reads (the public's pages are read far more often than they change): the
/// answer carries a weak ETag derived from what it shows and a short shared max-age; a request whose
/// <c>If-None-Match</c> names the same ETag gets 304 with no body.
/// </summary>
public static class HttpCaching
{
    /// <summary>Sets the ETag of <paramref name="content"/> (the ids and versions the answer shows, in order) and
    /// the cache lifetime; answers true when the client already holds it (then answer 304). What only a signed-in
    /// caller may read is cached by that caller's client alone (<paramref name="shared"/> false: private).</summary>
    public static bool NotModified(HttpContext http, IEnumerable<string> content, int maxAgeSeconds = 60,
        bool shared = true)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', content)));
        var tag = $"W/\"{Convert.ToBase64String(hash, 0, 16).TrimEnd('=')}\"";
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = $"{(shared ? "public" : "private")}, max-age={maxAgeSeconds}";
        return http.Request.Headers.IfNoneMatch.Any(v => v is not null
            && v.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*"));
    }
}
