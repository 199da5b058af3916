namespace Governance.IntegrationTests.Fuzzing;

/// <summary>An operation of the committed OpenAPI document, as much of it as the fuzzer needs.</summary>
public sealed record ApiOperation(
    string Method,
    string Path,
    string OperationId,
    IReadOnlyList<ApiParameter> Parameters,
    ApiBody? Body,
    IReadOnlyDictionary<string, JsonElement> Responses,
    string? Permission)
{
    public bool IsSafe => Method is "GET" or "HEAD";

    public override string ToString() => $"{Method} {Path}";
}

public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>The request body: its first documented media type, and the JSON schema when it is JSON.</summary>
public sealed record ApiBody(string MediaType, JsonElement? Schema, bool Required);

/// <summary>
/// The committed OpenAPI document (docs/openapi/v1.json, which <see cref="OpenApiTests"/> keeps equal to what the API
/// serves): its operations and the schemas they refer to.
/// </summary>
public sealed class ApiDocument
{
    private readonly JsonElement _schemas;

    private ApiDocument(JsonElement root, IReadOnlyList<ApiOperation> operations)
    {
        _schemas = root.GetProperty("components").GetProperty("schemas");
        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static ApiDocument Load()
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestDatabase.RepoRoot, "docs/openapi/v1.json")))
            .RootElement;
        var operations = new List<ApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(),
                        p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                    : [];
                ApiBody? body = null;
                if (op.Value.TryGetProperty("requestBody", out var rb))
                {
                    var media = rb.GetProperty("content").EnumerateObject().First();
                    body = new ApiBody(media.Name,
                        media.Value.TryGetProperty("schema", out var bs) ? bs : null,
                        rb.TryGetProperty("required", out var req) && req.GetBoolean());
                }
                var responses = op.Value.GetProperty("responses").EnumerateObject()
                    .ToDictionary(r => r.Name, r => r.Value);
                operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name,
                    op.Value.GetProperty("operationId").GetString()!, parameters, body, responses,
                    op.Value.TryGetProperty("x-permission", out var x) ? x.GetString() : null));
            }
        return new ApiDocument(root, operations);
    }

    /// <summary>A schema with its <c>$ref</c> followed.</summary>
    public JsonElement Resolve(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r)
            ? Resolve(_schemas.GetProperty(r.GetString()!["#/components/schemas/".Length..]))
            : schema;

    /// <summary>The JSON types a schema allows (<c>"string"</c> or <c>["null", "string"]</c>); none when untyped.
    /// </summary>
    public static IReadOnlyList<string> TypesOf(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var t) ? []
        : t.ValueKind == JsonValueKind.Array ? [.. t.EnumerateArray().Select(x => x.GetString()!)]
        : [t.GetString()!];

    public static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
}
