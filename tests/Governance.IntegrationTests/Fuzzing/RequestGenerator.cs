using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Governance.IntegrationTests.Fuzzing;

/// <summary>One generated request and the kind of input it tries.</summary>
public sealed record FuzzCase(string Kind, HttpRequestMessage Request)
{
    public override string ToString() => $"{Kind}: {Request.Method} {Request.RequestUri}";
}

/// <summary>
/// Requests generated from an operation's documented parameters and body schema: a valid-looking one (ids seen in
/// earlier responses, plausible dates and numbers, <c>"v1"</c> for If-Match, which fresh records carry), then one kind
/// of bad input at a time — wrong types, missing and extra properties, oversized strings, deep nesting, out-of-range
/// numbers, malformed JSON, wrong content types, NUL, CJK extension-B, emoji, RTL marks, SQL-ish and path-traversal
/// strings, forged ids and cursors, impossible dates, an overlong URL, broken uploads. Deterministic for a seed.
/// </summary>
public sealed class RequestGenerator(ApiDocument doc, IdPool pool, Random rng)
{
    /// <summary>Strings that have broken parsers, drivers or renderers somewhere.</summary>
    public static readonly string[] Nasty =
    [
        "a\0b", "\0", "𠀀𪚥𫝀𬺰", "😀👍🏽‍🔥", "\u202Eabc\u200F", "'; drop table audit.entries; --", "1' or '1'='1",
        "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "<script>alert(1)</script>", "${jndi:ldap://x}",
        "\uFEFF", " ", "", "null", "-1", "9999999999999999999999", "NaN", "2026-02-30", "9999-12-31", "0001-01-01",
        "\t\r\n", new string('长', 5000),
    ];

    private static readonly string[] Kinds =
    [
        "path-forged", "path-malformed", "query-nasty", "query-wrong-type", "query-forged-cursor", "body-wrong-type",
        "body-missing", "body-extra", "body-oversized", "body-deep", "body-malformed", "body-content-type",
        "body-empty", "body-nasty", "body-numbers", "header-if-match", "header-nasty", "query-unknown",
        "url-overlong",
    ];

    /// <summary>Variant 0 is the valid-looking request, 1 the same with every optional input, the rest bad input
    /// of a kind the operation can take.</summary>
    public FuzzCase Build(ApiOperation op, int variant)
    {
        var kind = variant switch
        {
            0 => "valid",
            1 => "valid-full",
            _ => Kinds.Where(k => Applies(op, k)).ToList() is { Count: > 0 } ks ? ks[rng.Next(ks.Count)] : "valid-full",
        };
        return new FuzzCase(kind, Request(op, kind));
    }

    private static bool Applies(ApiOperation op, string kind) => kind switch
    {
        "query-forged-cursor" => op.Parameters.Any(p => p.Name == "cursor"),
        "header-if-match" => op.Parameters.Any(p => p.Name == "If-Match"),
        "query-unknown" or "header-nasty" or "url-overlong" => true,
        _ => kind.Split('-')[0] switch
        {
            "path" => op.Parameters.Any(p => p.In == "path"),
            "query" => op.Parameters.Any(p => p.In == "query"),
            "body" => op.Body is not null,
            _ => true,
        },
    };

    private HttpRequestMessage Request(ApiOperation op, string kind)
    {
        var full = kind != "valid";
        var path = op.Path;
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
            path = path.Replace($"{{{p.Name}}}", Uri.EscapeDataString(PathValue(op, p, kind)));

        var query = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.In == "query" && (p.Required || full && rng.Next(3) > 0)))
            if (QueryValue(p, kind) is { } v) query.Add($"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(v)}");
        if (kind == "query-forged-cursor")
            query.Add("cursor=" + Uri.EscapeDataString(Pick("eyJpZCI6Ij8ifQ", "AAAA", "!!!", "e30", "bnVsbA",
                Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"at\":\"9999-12-31\",\"id\":\"x\"}")))));
        if (kind == "url-overlong") query.Add("q=" + new string('a', 9000));
        if (kind == "query-unknown")
            query.Add($"{Uri.EscapeDataString(Pick(Nasty))}={Uri.EscapeDataString(Pick(Nasty))}");

        var request = new HttpRequestMessage(new HttpMethod(op.Method),
            path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        foreach (var p in op.Parameters.Where(p => p.In == "header"))
            request.Headers.TryAddWithoutValidation(p.Name, p.Name switch
            {
                "If-Match" when kind == "header-if-match" => Pick("\"v999999\"", "v1", "*", "\"\"", "W/\"v1\"",
                    "\"v-1\"", "\"v1\", \"v2\""),
                "If-Match" => "\"v1\"",
                _ => Guid.NewGuid().ToString(),
            });
        if (kind == "header-nasty")
            foreach (var name in new[] { "Accept-Language", "If-None-Match", "Idempotency-Key", "X-Forwarded-For" })
                request.Headers.TryAddWithoutValidation(name, Pick(Nasty.Where(s => !s.Contains('\n')).ToArray()));
        if (op.Body is { } body) request.Content = Content(op, body, kind);
        return request;
    }

    private string PathValue(ApiOperation op, ApiParameter p, string kind)
    {
        // a NUL in the path never reaches the app: the server refuses the request line (ServerLimitsTests), and the
        // test host cannot even carry it; an empty segment is another route's address (the list's, not the record's)
        if (kind == "path-malformed")
            return Pick(Nasty.Where(s => s.Length is > 0 and < 100 && !s.Contains('\0')).ToArray());
        if (kind == "path-forged" || ApiDocument.FormatOf(p.Schema) == "uuid")
            return kind == "path-forged" ? Guid.NewGuid().ToString()
                : pool.For(op.Path, p.Name, rng) ?? Guid.NewGuid().ToString();
        return Valid(p.Schema, p.Name, depth: 0)?.ToString() ?? "x";
    }

    private string? QueryValue(ApiParameter p, string kind) => kind switch
    {
        "query-nasty" => Pick(Nasty),
        "query-wrong-type" => Pick("abc", "1.5", "-1", "2147483648", "true", "[]", "2026-13-45", ""),
        _ when p.Name == "cursor" => null, // a valid cursor only comes from a previous page
        _ => Valid(p.Schema, p.Name, depth: 0)?.ToString(),
    };

    private HttpContent Content(ApiOperation op, ApiBody body, string kind)
    {
        if (body.Schema is not { } schema) return Upload(body.MediaType, kind);
        var json = kind switch
        {
            "body-malformed" => Pick("{", "{\"a\":", "[1,2", "{'a':1}", "\u0000", "{\"a\":1}}", "{\"a\" 1}"),
            "body-empty" => "",
            "body-deep" => new string('[', 500) + new string(']', 500),
            _ => Mutate(Valid(schema, "", depth: 0), schema, kind)?.ToJsonString() ?? "null",
        };
        var media = kind == "body-content-type" ? Pick("text/plain", "application/xml", "multipart/form-data")
            : "application/json";
        return new StringContent(json, Encoding.UTF8, media);
    }

    /// <summary>An upload: a small well-formed CSV, or bytes that only look like an XLSX, an image or a PDF.</summary>
    private ByteArrayContent Upload(string media, string kind)
    {
        byte[] bytes = kind == "body-empty" ? []
            : media == "text/csv" ? Encoding.UTF8.GetBytes(kind == "valid" ? "名称,编码\n测试,T01\n" : Pick(Nasty))
            : media.Contains("spreadsheetml") ? BrokenWorkbook()
            : RandomBytes(rng.Next(1, 2048));
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type",
            kind == "body-content-type" ? "application/octet-stream" : media);
        return content;
    }

    /// <summary>A zip that declares itself a workbook and breaks it one way or another.</summary>
    private byte[] BrokenWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
            Entry("[Content_Types].xml", """
                <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Override PartName="/xl/workbook.xml"
                 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
                """);
            Entry("xl/workbook.xml", Pick(
                "<workbook>", // cut off
                """<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""", // a DTD
                """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="a" r:id="rId9"/></sheets></workbook>
                """)); // a sheet whose relation is missing
        }
        return stream.ToArray();
    }

    /// <summary>A valid-looking value for a schema, guided by the property's name.</summary>
    private JsonNode? Valid(JsonElement schema, string name, int depth)
    {
        schema = doc.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return "x";
        if (schema.TryGetProperty("oneOf", out var oneOf))
            return Valid(oneOf.EnumerateArray().Select(doc.Resolve)
                .FirstOrDefault(s => !ApiDocument.TypesOf(s).SequenceEqual(["null"])), name, depth);
        var types = ApiDocument.TypesOf(schema).Where(t => t != "null").ToList();
        var lower = name.ToLowerInvariant();
        return (types.FirstOrDefault() ?? "string") switch
        {
            "object" when depth > 6 => new JsonObject(),
            "object" => Object(schema, depth),
            "array" when depth > 6 => new JsonArray(),
            "array" => new JsonArray([.. Enumerable.Range(0, rng.Next(1, 3)).Select(_ => schema.TryGetProperty(
                "items", out var items) ? Valid(items, name.TrimEnd('s'), depth + 1) : "x")]),
            "integer" => lower.Contains("year") ? 2026 : lower.Contains("month") ? rng.Next(1, 13)
                : lower is "limit" ? 20 : rng.Next(0, 30),
            "number" => Math.Round(rng.NextDouble() * 100, 2),
            "boolean" => rng.Next(2) == 0,
            _ => ApiDocument.FormatOf(schema) switch
            {
                "uuid" => pool.For("", name, rng) ?? pool.For("", name.Replace("Ids", "Id"), rng)
                    ?? Guid.NewGuid().ToString(),
                "date" => new DateOnly(2024, 1, 1).AddDays(rng.Next(0, 1095)).ToString("yyyy-MM-dd"),
                "date-time" => new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(8))
                    .AddDays(rng.Next(-30, 30)).ToString("O"),
                _ => Text(lower),
            },
        };
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var o = new JsonObject();
        var required = schema.TryGetProperty("required", out var r)
            ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        if (schema.TryGetProperty("properties", out var props))
            foreach (var p in props.EnumerateObject())
                if (required.Contains(p.Name) || rng.Next(3) > 0) o[p.Name] = Valid(p.Value, p.Name, depth + 1);
        return o;
    }

    private string Text(string name) =>
        name.Contains("phone") ? "13812345678"
        : name.Contains("month") ? $"2026-{rng.Next(1, 13):00}"
        : name.Contains("password") ? "Fuzz@2026pw"
        : name.Contains("username") ? "fuzz_user"
        : name.Contains("email") ? "fuzz@example.cn"
        : name.Contains("code") ? $"F{rng.Next(1000, 9999)}"
        : Pick("测试", "城关镇", "事项说明", "T01", "草稿");

    /// <summary>The valid-looking body with one kind of fault put into it.</summary>
    private JsonNode? Mutate(JsonNode? body, JsonElement schema, string kind)
    {
        if (body is not JsonObject o || o.Count == 0)
            return kind is "body-wrong-type" ? "not an object" : body;
        var key = o.Select(p => p.Key).ElementAt(rng.Next(o.Count));
        switch (kind)
        {
            case "body-wrong-type":
                o[key] = o[key] switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String
                        => rng.Next(2) == 0 ? 42 : new JsonArray(),
                    JsonObject or JsonArray => "text",
                    _ => Pick<JsonNode>("text", new JsonObject(), true),
                };
                break;
            case "body-missing":
                foreach (var k in o.Select(p => p.Key).ToList()) if (rng.Next(2) == 0) o.Remove(k);
                break;
            case "body-extra":
                o["unexpected" + rng.Next(100)] = "extra";
                o["__proto__"] = new JsonObject { ["admin"] = true };
                break;
            case "body-oversized":
                o[key] = new string('长', rng.Next(2) == 0 ? 70_000 : 10_001);
                break;
            case "body-nasty":
                o[key] = Pick(Nasty);
                break;
            case "body-numbers":
                o[key] = Pick<JsonNode>(-1, 0, 2147483648L, -9223372036854775807L, 1e308, 0.000001, 99999);
                break;
        }
        return o;
    }

    private byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        rng.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(params T[] options) => options[rng.Next(options.Length)];
}
