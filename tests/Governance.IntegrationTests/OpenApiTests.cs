namespace Governance.IntegrationTests;

/// <summary>
/// The committed OpenAPI document (docs/openapi/v1.json, from which the SPA's types are generated) must equal what the
/// API serves. After an intended API change run: UPDATE_OPENAPI=1 ./test.sh (or dotnet test with it) and commit.
/// </summary>
public class OpenApiTests : IntegrationTest
{
    [Test]
    public async Task The_committed_document_is_current()
    {
        var served = await App.Anonymous().GetStringAsync("/openapi/v1.json");
        var options = new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var pretty = JsonSerializer.Serialize(JsonDocument.Parse(served).RootElement, options) + "\n";
        var file = Path.Combine(TestDatabase.RepoRoot, "docs/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, pretty);
        }
        Assert.That(File.Exists(file), Is.True, "docs/openapi/v1.json is missing: run with UPDATE_OPENAPI=1");
        Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo(pretty),
            "the API changed: run with UPDATE_OPENAPI=1, regenerate the client types (npm run gen:api) " +
            "and commit both");
    }

    [Test]
    public async Task Changes_guarded_by_ETags_document_their_If_Match_header()
    {
        var doc = JsonDocument.Parse(await App.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var act = doc.GetProperty("paths").GetProperty("/api/v1/service-centre/applications/{id}/accept")
            .GetProperty("post");
        var header = act.GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("in").GetString() == "header");
        Assert.That((header.GetProperty("name").GetString(), header.GetProperty("required").GetBoolean()),
            Is.EqualTo(("If-Match", true)));
        var register = doc.GetProperty("paths").GetProperty("/api/v1/service-centre/applications").GetProperty("post");
        Assert.That(register.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
            Does.Contain("Idempotency-Key"));
    }

    [Test]
    public async Task Every_operation_has_a_unique_name_and_a_summary()
    {
        var doc = JsonDocument.Parse(await App.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = (
            from path in doc.GetProperty("paths").EnumerateObject()
            from operation in path.Value.EnumerateObject()
            where operation.Name is "get" or "post" or "put" or "patch" or "delete"
            select (Route: $"{operation.Name.ToUpperInvariant()} {path.Name}",
                Id: operation.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                Summary: operation.Value.TryGetProperty("summary", out var s) ? s.GetString() : null)).ToList();

        Assert.That(operations, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(operations.Where(o => string.IsNullOrWhiteSpace(o.Id)).Select(o => o.Route),
                Is.Empty, "operations without an operationId (.WithName)");
            Assert.That(operations.Where(o => string.IsNullOrWhiteSpace(o.Summary)).Select(o => o.Route),
                Is.Empty, "operations without a summary (.WithSummary)");
            Assert.That(operations.Where(o => !string.IsNullOrWhiteSpace(o.Id)).GroupBy(o => o.Id)
                .Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Route))}"),
                Is.Empty, "operationIds used more than once");
        });
    }

    [Test]
    public async Task Swagger_UI_is_served()
    {
        var html = await App.Anonymous().GetStringAsync("/swagger/index.html");
        Assert.That(html, Does.Contain("swagger-ui"));
    }
}
