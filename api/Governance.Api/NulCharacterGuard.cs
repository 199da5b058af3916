using System.Text.Json;
using Governance.SharedKernel.Errors;

namespace Governance.Api;

/// <summary>
/// PostgreSQL cannot store U+0000 in text (22021), so the host refuses it once, for every endpoint, before a handler
/// runs: query values (decoded, so <c>%00</c> counts), route values, headers and the string fields of a JSON body
/// answer 400 <c>validation_failed</c> with the parameter, header or JSON field named. The body is scanned here rather
/// than by a JSON converter because a custom string converter blanks every string schema in the OpenAPI document.
/// </summary>
internal static class NulCharacterGuard
{
    public const string Message = "不能包含空字符（U+0000）。";

    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) => app.Use(GuardAsync);

    private static async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        if ((Find(http.Request) ?? await FindInJsonBodyAsync(http.Request, http.RequestAborted)) is { } field)
        {
            // a validation error, not a change or a denial: logged, not audited
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NulCharacterGuard))
                .LogInformation("Refused {Method} {Path}: NUL character in {Field}",
                    http.Request.Method, http.Request.Path, field);
            throw new ValidationException(field, Message);
        }
        await next(http);
    }

    private static bool HasNul(string? value) => value is not null && value.Contains('\0');

    private static string? Find(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
            if (HasNul(name) || values.Any(HasNul)) return Printable(name);
        foreach (var (name, value) in request.RouteValues)
            if (value is string s && HasNul(s)) return name;
        foreach (var (name, values) in request.Headers)
            if (values.Any(HasNul)) return name;
        return null;
    }

    private static async Task<string?> FindInJsonBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0 || !request.HasJsonContentType()) return null;
        request.EnableBuffering(); // the endpoint reads the body again
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, ct);
        request.Body.Position = 0;
        return FindInJson(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    /// <summary>
    /// The path (<c>documentNo</c>, <c>items[0].name</c>) of the first string or property name holding a NUL.
    /// </summary>
    internal static string? FindInJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }
                if (token == JsonTokenType.PropertyName)
                {
                    frames[^1].Property = reader.GetString();
                    if (reader.ValueIsEscaped && HasNul(frames[^1].Property)) return PathOf(frames, printable: true);
                    continue;
                }
                if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    frames.Add(new Frame(token == JsonTokenType.StartArray));
                // raw control characters are invalid JSON; a NUL can only arrive escaped (\u0000)
                else if (token == JsonTokenType.String && reader.ValueIsEscaped && HasNul(reader.GetString()))
                    return PathOf(frames, printable: false);
            }
        }
        catch (JsonException)
        {
            // malformed JSON: body binding answers its own 400
        }
        return null;
    }

    private static string PathOf(List<Frame> frames, bool printable)
    {
        var path = new System.Text.StringBuilder();
        foreach (var f in frames)
        {
            if (f.IsArray) path.Append('[').Append(f.Index).Append(']');
            else if (f.Property is { } p) path.Append(path.Length > 0 ? "." : "").Append(printable ? Printable(p) : p);
        }
        return path.Length > 0 ? path.ToString() : "body";
    }

    private static string Printable(string name) => name.Replace("\0", "\\0", StringComparison.Ordinal);
}
