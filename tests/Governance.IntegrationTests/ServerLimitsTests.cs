using System.Text;
using Governance.IntegrationTests.Fixtures.Network;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.IntegrationTests;

/// <summary>
/// The server's own limits and its answers to malformed requests, over a real socket to Kestrel (TestServer skips
/// Kestrel). Every limit the API enforces answers a problem with a stable code; what Kestrel refuses while it is
/// still parsing the request line and headers — before any application code runs — it answers with an empty body, and
/// the last test pins exactly which answers those are.
/// </summary>
public class ServerLimitsTests
{
    private static TestApp App => TestApp.OnKestrel();

    private static Task<RawResponse> Get(string target, params string[] headers) =>
        RawHttp.SendAsync(App.ServerAddress, $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
            + string.Concat(headers.Select(h => "\r\n" + h)));

    private static JsonElement AssertProblem(RawResponse response, int status, string code)
    {
        Assert.That(response.Status, Is.EqualTo(status), response.Body);
        Assert.That(response.Header("Content-Type"), Does.StartWith("application/problem+json"), response.Body);
        var problem = JsonDocument.Parse(response.Body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo($"/problems/{code}"));
        Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
        Assert.That(response.Body, Does.Not.Contain("Exception").And.Not.Contain("Kestrel"), "no internals leak");
        return problem;
    }

    [Test]
    public async Task A_url_over_8_KB_is_414_uri_too_long_one_under_it_is_served()
    {
        AssertProblem(await Get("/api/v1/organization/units?q=" + new string('a', 9_000)), 414, "uri_too_long");
        // the same request a little shorter reaches the endpoint (anonymous, so 401)
        AssertProblem(await Get("/api/v1/organization/units?q=" + new string('a', 8_000)), 401, "unauthenticated");
    }

    [Test]
    public async Task Headers_over_32_KB_in_all_or_over_100_of_them_are_431_headers_too_large()
    {
        AssertProblem(await Get("/health", "X-Filler: " + new string('a', 33_000)), 431, "headers_too_large");
        AssertProblem(await Get("/health", [.. Enumerable.Range(0, 40).Select(i => $"X-F{i}: {new string('a', 900)}")]),
            431, "headers_too_large");
        AssertProblem(await Get("/health", [.. Enumerable.Range(0, 110).Select(i => $"X-H{i}: 1")]), 431,
            "headers_too_large");
        var fine = await Get("/health", "X-Filler: " + new string('a', 30_000));
        Assert.That(fine.Status, Is.EqualTo(200), "30 KB of headers is within the limit");
    }

    private static long BodyLimit => App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits
        .MaxRequestBodySize!.Value;

    [Test]
    public async Task A_body_declared_over_the_limit_is_413_before_any_of_it_is_sent()
    {
        var response = await RawHttp.SendAsync(App.ServerAddress,
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {BodyLimit + 1}");
        AssertProblem(response, 413, "payload_too_large");
    }

    [Test]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        var response = await RawHttp.SendAsync(App.ServerAddress,
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            "Transfer-Encoding: chunked", async body =>
            {
                for (long sent = 0; sent <= BodyLimit; sent += chunk.Length)
                {
                    await body.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
                    await body.WriteAsync(chunk);
                    await body.WriteAsync("\r\n"u8.ToArray());
                }
                await body.WriteAsync("0\r\n\r\n"u8.ToArray());
            });
        AssertProblem(response, 413, "payload_too_large");
    }

    [Test]
    public async Task Unknown_routes_wrong_methods_and_a_nul_in_the_query_are_problems_over_the_wire_too()
    {
        AssertProblem(await Get("/api/v1/no-such-thing"), 404, "not_found");
        AssertProblem(await RawHttp.SendAsync(App.ServerAddress,
            "DELETE /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"), 405, "method_not_allowed");
        var nul = AssertProblem(await Get("/api/v1/public/power-lists/townships?q=a%00b"), 400, "validation_failed");
        Assert.That(nul.GetProperty("errors").GetProperty("q")[0].GetString(), Does.Contain("U+0000"));
    }

    /// <summary>
    /// Kestrel rejects these while parsing the request line and headers: the request never becomes an HttpContext,
    /// no middleware or exception handler runs, and Kestrel writes the status with <c>Content-Length: 0</c> itself
    /// (HttpProtocol.SetErrorResponseHeaders; no option or hook adds a body — the maintainers' answer in
    /// aspnet/KestrelHttpServer#2947). The API keeps its own limits below Kestrel's (8 KB URL, 32 KB headers) so that
    /// every ordinary overflow gets a problem; only grossly malformed or oversized requests end here.
    /// </summary>
    [TestCase("GET /api/v1/a%00b HTTP/1.1\r\nHost: 127.0.0.1", 400, TestName = "a NUL (%00) in the path")]
    [TestCase("GET /a b HTTP/1.1\r\nHost: 127.0.0.1", 400, TestName = "a malformed request line")]
    [TestCase("GET /health HTTP/1.1\r\nHost: a b", 400, TestName = "an invalid Host header")]
    [TestCase("GET /health HTTP/1.1", 400, TestName = "no Host header")]
    [TestCase("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x", 400, TestName = "an invalid header name")]
    [TestCase("GET /health HTTP/1.7\r\nHost: 127.0.0.1", 505, TestName = "an unknown HTTP version")]
    public async Task What_Kestrel_refuses_while_parsing_it_answers_without_a_body(string head, int status)
    {
        var response = await RawHttp.SendAsync(App.ServerAddress, head);
        AssertBodiless(response, status);
    }

    [Test]
    public async Task Beyond_Kestrels_own_limits_the_answer_has_no_body()
    {
        AssertBodiless(await Get("/health?q=" + new string('a', 70_000)), 414);
        AssertBodiless(await Get("/health", "X-Filler: " + new string('a', 70_000)), 431);
        AssertBodiless(await Get("/health", [.. Enumerable.Range(0, 210).Select(i => $"X-H{i}: 1")]), 431);
    }

    private static void AssertBodiless(RawResponse response, int status)
    {
        Assert.That(response.Status, Is.EqualTo(status), response.Body);
        Assert.That(response.Header("Content-Length"), Is.EqualTo("0"));
        Assert.That(response.Header("Content-Type"), Is.Null);
        Assert.That(response.Header("Connection"), Is.EqualTo("close"));
        Assert.That(response.Body, Is.Empty);
    }
}
