using Governance.IntegrationTests.Fuzzing;
using Governance.Organization.Contracts;
using Governance.SharedKernel;

namespace Governance.IntegrationTests;

/// <summary>
/// Every text a request carries has a documented maximum length (<c>maxLength</c> in the OpenAPI document), and the
/// API holds it: one character over answers 400 naming the field, before any lookup; at the limit, counted in
/// Unicode code points (a CJK extension-B character is one), the field is accepted.
/// </summary>
public class TextLimitTests : IntegrationTest
{
    /// <summary>A text input: where it goes (<c>body</c>, <c>query</c>, <c>path</c>, <c>header</c>), its name, its
    /// limit and whether it is a list of texts.</summary>
    private sealed record TextInput(ApiOperation Operation, string In, string Name, int? MaxLength, bool IsList)
    {
        public override string ToString() => $"{Operation} {In} {Name}";
    }

    private static bool IsText(JsonElement schema) =>
        ApiDocument.TypesOf(schema).Contains("string") && ApiDocument.FormatOf(schema) is not
            ("uuid" or "date" or "date-time" or "binary" or "int32" or "int64" or "double")
        && !schema.TryGetProperty("enum", out _);

    private static int? MaxLength(JsonElement schema) =>
        schema.TryGetProperty("maxLength", out var m) ? m.GetInt32() : null;

    /// <summary>The text inputs of every operation: parameters, and the JSON body's properties (nested ones too,
    /// with a dotted name; only top-level ones are sent by the enforcement test).</summary>
    private static List<TextInput> Inputs(ApiDocument doc)
    {
        var inputs = new List<TextInput>();
        foreach (var op in doc.Operations)
        {
            foreach (var p in op.Parameters.Where(p => p.Schema.ValueKind == JsonValueKind.Object && IsText(p.Schema)))
                // If-Match is compared with the record's ETag, never stored: a long one is simply stale (412)
                if (p.Name != "If-Match") inputs.Add(new TextInput(op, p.In, p.Name, MaxLength(p.Schema), false));
            if (op.Body is { Schema: { } body } && op.Body.MediaType == "application/json")
                Walk(doc, op, doc.Resolve(body), "", inputs, []);
        }
        return inputs;
    }

    private static void Walk(ApiDocument doc, ApiOperation op, JsonElement schema, string prefix, List<TextInput> into,
        HashSet<string> seen)
    {
        if (!schema.TryGetProperty("properties", out var properties)) return;
        foreach (var property in properties.EnumerateObject())
        {
            var name = prefix + property.Name;
            var value = doc.Resolve(property.Value);
            if (IsText(value)) into.Add(new TextInput(op, "body", name, MaxLength(value), false));
            else if (ApiDocument.TypesOf(value).Contains("array") && value.TryGetProperty("items", out var items))
            {
                var item = doc.Resolve(items);
                if (IsText(item)) into.Add(new TextInput(op, "body", name, MaxLength(item), true));
                else if (items.TryGetProperty("$ref", out var r) && seen.Add(r.GetString()!))
                    Walk(doc, op, item, name + "[0].", into, seen);
            }
            else if (property.Value.TryGetProperty("$ref", out var r) && seen.Add(r.GetString()!))
                Walk(doc, op, value, name + ".", into, seen);
        }
    }

    [Test]
    public void Every_text_input_documents_its_maximum_length()
    {
        var inputs = Inputs(ApiDocument.Load());
        TestContext.Out.WriteLine($"{inputs.Count} text inputs in {inputs.Select(i => i.Operation).Distinct().Count()}"
            + " operations");
        Assert.That(inputs, Has.Count.GreaterThan(400));
        Assert.That(inputs.Where(i => i.MaxLength is null).Select(i => i.ToString()), Is.Empty,
            "put [TextLimit(n)] on the request field or handler parameter");
    }

    [Test]
    public async Task Every_text_input_refuses_one_character_over_its_limit_and_takes_its_limit()
    {
        var inputs = Inputs(ApiDocument.Load())
            .Where(i => i.MaxLength is not null && !i.Name.Contains('.'))
            .Where(i => !ReadByTheHandler.Contains($"{i.Operation}"))
            .ToList();
        var admin = await App.LoginAsync("admin");
        var callers = new Dictionary<string, HttpClient>();
        async Task<HttpClient> CallerOf(ApiOperation op)
        {
            // a role holding the operation's permission (authorisation answers before any input is read)
            var role = op.Permission is null ? Roles.All[0]
                : Roles.All.First(r => r.Permissions.Contains(op.Permission));
            if (!callers.TryGetValue(role.Code, out var caller))
                callers[role.Code] = caller = await CallerFor(role, admin);
            return caller;
        }

        var failures = new List<string>();
        foreach (var input in inputs)
        {
            var limit = input.MaxLength!.Value;
            var caller = await CallerOf(input.Operation);
            // CJK in bodies; in a URL, ASCII where CJK's percent-encoding would pass Kestrel's 8 KB line (414)
            var inUrl = input.In is "query" or "path";
            var over = new string(inUrl && limit > 500 ? 'a' : '长', limit + 1);
            using (var response = await caller.SendAsync(Request(input, over)))
            {
                var errors = await FieldErrors(response);
                if (errors.GetValueOrDefault(input.Name) != TextLimits.Message(limit, limit + 1))
                    failures.Add($"{input}: {limit + 1} characters answered {(int)response.StatusCode} " +
                        $"[{string.Join(", ", errors.Keys)}]");
            }
            // at the limit, in characters that take two UTF-16 units each: no length complaint (another may come)
            var at = inUrl && limit > 500 ? new string('a', limit) : string.Concat(Enumerable.Repeat("𠀀", limit));
            using (var response = await caller.SendAsync(Request(input, at)))
                if ((int)response.StatusCode >= 500
                    || (await FieldErrors(response)).GetValueOrDefault(input.Name)?.StartsWith("最多") == true)
                    failures.Add($"{input}: {limit} characters answered {(int)response.StatusCode}");
        }
        TestContext.Out.WriteLine($"{inputs.Count} text inputs × 2 requests");
        Assert.That(failures, Is.Empty);
    }

    /// <summary>Uploads whose file the handler reads and checks row by row, reporting each issue with its row
    /// (YearArrangement reports a 名称 over 50 characters that way).</summary>
    private static readonly HashSet<string> ReadByTheHandler = ["POST /api/v1/calendar/years/{year}"];

    private static HttpRequestMessage Request(TextInput input, string text)
    {
        var op = input.Operation;
        var path = input.In == "path"
            ? ConcretePath(op.Path.Replace($"{{{input.Name}}}", Uri.EscapeDataString(text))) : ConcretePath(op.Path);
        // the other required query parameters present, so that binding does not refuse the request first
        var query = op.Parameters.Where(p => p.In == "query" && p.Required && p.Name != input.Name)
            .Select(p => $"{p.Name}={Sample(p.Schema)}").ToList();
        if (input.In == "query") query.Add($"{input.Name}={Uri.EscapeDataString(text)}");
        if (query.Count > 0) path += "?" + string.Join('&', query);
        var request = new HttpRequestMessage(new HttpMethod(op.Method), path);
        if (input.In == "header") request.Headers.TryAddWithoutValidation(input.Name, text);
        request.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");
        if (op.Body is { MediaType: "application/json" })
            request.Content = JsonContent.Create(input.In != "body" ? new Dictionary<string, object>()
                : new Dictionary<string, object> { [input.Name] = input.IsList ? new[] { text } : text });
        return request;
    }

    private static string Sample(JsonElement schema) => ApiDocument.FormatOf(schema) switch
    {
        "uuid" => Guid.NewGuid().ToString(),
        "date" => "2026-01-01",
        _ => ApiDocument.TypesOf(schema).Contains("integer") ? "1" : "x",
    };

    /// <summary>The first message for each field a 400 names (a list's item, <c>domains[0]</c>, counts as
    /// <c>domains</c>).</summary>
    private static async Task<Dictionary<string, string>> FieldErrors(HttpResponseMessage response)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (response.StatusCode != HttpStatusCode.BadRequest) return fields;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (problem.TryGetProperty("errors", out var errors))
            foreach (var e in errors.EnumerateObject())
                fields.TryAdd(e.Name.Split('[')[0], e.Value[0].GetString()!);
        return fields;
    }
}
