using System.Net.Http.Headers;

namespace Governance.IntegrationTests;

/// <summary>
/// The built SPA as the API serves it (Spa:Root): hashed files under /assets precompressed (Brotli, gzip) as the
/// browser accepts and cached for a year as immutable; index.html (and every client-side route) never cached stale.
/// </summary>
public sealed class SpaHostingTests
{
    private string _root = null!;
    private HttpClient _client = null!;
    private static readonly byte[] Script = "console.log('政务');\n"u8.ToArray();
    private static readonly byte[] Brotli = [0x1b, 0x01, 0x02];
    private static readonly byte[] Gzip = [0x1f, 0x8b, 0x08];

    [OneTimeSetUp]
    public void BuildSpa()
    {
        _root = Path.Combine(Path.GetTempPath(), $"gov-spa-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        File.WriteAllText(Path.Combine(_root, "index.html"), "<!doctype html><div id=\"root\"></div>");
        File.WriteAllBytes(Path.Combine(_root, "assets", "index-AbC123.js"), Script);
        File.WriteAllBytes(Path.Combine(_root, "assets", "index-AbC123.js.br"), Brotli);
        File.WriteAllBytes(Path.Combine(_root, "assets", "index-AbC123.js.gz"), Gzip);
        File.WriteAllText(Path.Combine(_root, "assets", "small-Xy9.css"), "a{color:red}"); // too small to compress
        _client = TestApp.Get("spa", new Dictionary<string, string?> { ["Spa:Root"] = _root }).Anonymous();
    }

    [OneTimeTearDown]
    public void RemoveSpa() => Directory.Delete(_root, recursive: true);

    private async Task<HttpResponseMessage> Get(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await _client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return response;
    }

    private static void AssertImmutable(HttpResponseMessage response)
    {
        var cache = response.Headers.CacheControl;
        Assert.That(cache?.Public, Is.True, cache?.ToString());
        Assert.That(cache?.MaxAge, Is.EqualTo(TimeSpan.FromDays(365)), cache?.ToString());
        Assert.That(cache?.Extensions.Select(e => e.Name), Does.Contain("immutable"), cache?.ToString());
        Assert.That(response.Headers.Vary, Does.Contain("Accept-Encoding"));
    }

    [TestCase("br, gzip, deflate", "br")]
    [TestCase("gzip, deflate, br;q=0", "gzip")]
    [TestCase("gzip", "gzip")]
    [TestCase("identity", null)]
    [TestCase(null, null)]
    public async Task A_hashed_script_is_sent_precompressed_as_accepted_and_cached_as_immutable(
        string? acceptEncoding, string? expected)
    {
        var response = await Get("/assets/index-AbC123.js", acceptEncoding);
        Assert.That(response.Content.Headers.ContentEncoding.ToArray(),
            expected is null ? Is.Empty : Is.EqualTo(new[] { expected }));
        Assert.That(await response.Content.ReadAsByteArrayAsync(),
            Is.EqualTo(expected switch { "br" => Brotli, "gzip" => Gzip, _ => Script }));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        AssertImmutable(response);
    }

    [Test]
    public async Task A_file_without_a_compressed_copy_is_sent_as_it_is_and_still_cached_as_immutable()
    {
        var response = await Get("/assets/small-Xy9.css", "br, gzip");
        Assert.That(response.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("a{color:red}"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        AssertImmutable(response);
    }

    [TestCase("/")]
    [TestCase("/index.html")]
    [TestCase("/public/power-lists")]
    [TestCase("/services/applications/0193a6f2-7c1e-7d2a-9b3c-1234567890ab")]
    public async Task The_page_itself_is_revalidated_on_every_visit(string path)
    {
        var response = await Get(path, "br, gzip");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<div id=\"root\">"));
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True, response.Headers.CacheControl?.ToString());
        Assert.That(response.Content.Headers.ContentEncoding, Is.Empty);
    }

    [Test]
    public async Task A_missing_asset_is_a_404_not_the_page()
    {
        var response = await _client.GetAsync("/assets/gone-123.js");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Headers.CacheControl?.Extensions.Select(e => e.Name) ?? [], Does.Not.Contain("immutable"));
    }
}
