using System.Globalization;

namespace Governance.IntegrationTests.Fuzzing;

/// <summary>
/// Checks a JSON value against a schema of the document, for the keywords the document uses: <c>$ref</c>,
/// <c>oneOf</c>, <c>type</c> (one or a list), <c>format</c> (uuid, date, date-time, int32, int64), <c>properties</c>,
/// <c>required</c> and <c>items</c>. Returns where the value departs from the schema, or null when it conforms.
/// </summary>
public static class SchemaCheck
{
    public static string? Mismatch(ApiDocument doc, JsonElement schema, JsonElement value, string at = "$")
    {
        schema = doc.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return null;
        if (schema.TryGetProperty("oneOf", out var oneOf))
            return oneOf.EnumerateArray().Any(s => Mismatch(doc, s, value, at) is null) ? null
                : $"{at}: matches none of the schema's oneOf";
        var types = ApiDocument.TypesOf(schema);
        if (types.Count > 0 && !types.Any(t => Is(t, value)))
            return $"{at}: {value.ValueKind} where the schema says {string.Join("|", types)}";
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (FormatMismatch(ApiDocument.FormatOf(schema), value) is { } bad) return $"{at}: {bad}";

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (!value.TryGetProperty(name, out _)) return $"{at}.{name}: required, missing";
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var p in value.EnumerateObject())
                    if (properties.TryGetProperty(p.Name, out var ps)
                        && Mismatch(doc, ps, p.Value, $"{at}.{p.Name}") is { } m) return m;
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
                if (Mismatch(doc, items, item, $"{at}[{i++}]") is { } m) return m;
        }
        return null;
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static string? FormatMismatch(string? format, JsonElement value) => format switch
    {
        "uuid" when value.ValueKind == JsonValueKind.String && !Guid.TryParse(value.GetString(), out _)
            => $"'{value.GetString()}' is no uuid",
        "date" when value.ValueKind == JsonValueKind.String && !DateOnly.TryParseExact(value.GetString(),
            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"'{value}' is no date",
        "date-time" when value.ValueKind == JsonValueKind.String && !DateTimeOffset.TryParse(value.GetString(),
            CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"'{value}' is no date-time",
        "int32" when value.ValueKind == JsonValueKind.Number && !value.TryGetInt32(out _) => $"{value} is no int32",
        _ => null,
    };
}
