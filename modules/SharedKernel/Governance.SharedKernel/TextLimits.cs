using System.Collections;
using System.Reflection;
using System.Text.Json;
using Governance.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Governance.SharedKernel;

/// <summary>
/// The most characters (Unicode code points, as JSON Schema's <c>maxLength</c> counts them) a text input may hold.
/// Put it on a request record's parameter, on a handler's query or header parameter, or on a list of strings (then
/// each item is limited). The OpenAPI document shows it as <c>maxLength</c> and <see cref="TextLimits.Filter"/>
/// enforces it before the handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class TextLimitAttribute(int chars) : Attribute
{
    public int Chars { get; } = chars;
}

/// <summary>
/// The text limits of the API, in one place: every string a request carries has one (an architecture test reads
/// the OpenAPI document to keep it so). An overlong value answers 400 naming the field before any lookup, like
/// malformed JSON or a NUL: it says nothing about the record it names.
/// </summary>
public static class TextLimits
{
    /// <summary>Choices and codes: states, kinds, formats, domain and item codes.</summary>
    public const int Code = 64;
    /// <summary>A comma-separated list of codes (<c>codes=a,b,c</c>).</summary>
    public const int CodeList = 1000;
    /// <summary>A search box.</summary>
    public const int Search = 100;
    /// <summary>Document numbers (文号), certificate and tracking numbers, ID numbers.</summary>
    public const int Number = 100;
    public const int Phone = 32;
    /// <summary>Names and titles of people, units, items and documents; addresses and opening hours.</summary>
    public const int Name = 200;
    /// <summary>A link (公告网址) or a file name.</summary>
    public const int Link = 500;
    /// <summary>Notes, reasons and opinions (意见、理由、说明).</summary>
    public const int Note = 2000;
    /// <summary>Long texts: statements, records, content of complaints and findings, responsibilities.</summary>
    public const int Text = 4000;
    /// <summary>An opaque paging cursor or change-feed position (a key encoded by
    /// <see cref="Paging.Cursor"/>).</summary>
    public const int Cursor = 4096;

    public static string Message(int limit, int actual) => $"最多 {limit} 个字符（现有 {actual} 个）。";

    /// <summary>The limit declared on a property, or on the record constructor parameter it comes from.</summary>
    public static int? Of(PropertyInfo property) =>
        property.GetCustomAttribute<TextLimitAttribute>()?.Chars
        ?? property.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => p.Name == property.Name && p.ParameterType == property.PropertyType)
            ?.GetCustomAttribute<TextLimitAttribute>()?.Chars;

    /// <summary>Code points, counted only when the UTF-16 length could exceed the limit.</summary>
    private static int Chars(string s, int limit) => s.Length <= limit ? s.Length : s.EnumerateRunes().Count();

    /// <summary>
    /// An endpoint filter factory: checks the handler's text parameters, the properties of its
    /// <c>[AsParameters]</c> records and its JSON body (nested records and lists too) before the handler runs.
    /// A handler without any limited text gets no filter.
    /// </summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters()
            .Select((p, i) => (Index: i, Check: ForParameter(p)))
            .Where(x => x.Check is not null)
            .ToList();
        if (checks.Count == 0) return next;
        return invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (index, check) in checks)
                if (invocation.Arguments[index] is { } argument)
                    check!(argument, "", errors);
            if (errors.Count > 0) throw new ValidationException(errors);
            return next(invocation);
        };
    }

    /// <summary>Checks one value; <c>path</c> is the JSON path of its parent ("" at the top).</summary>
    private delegate void Check(object value, string path, Dictionary<string, string[]> errors);

    private static Check? ForParameter(ParameterInfo p)
    {
        if (p.GetCustomAttribute<TextLimitAttribute>() is { } limit)
            return ForText(p.ParameterType, BoundName(p), limit.Chars);
        return IsRecord(p.ParameterType) ? ForRecord(p.ParameterType, []) : null;
    }

    private static Check? ForText(Type type, string field, int limit)
    {
        if (type == typeof(string))
            return (value, path, errors) => CheckOne((string)value, Join(path, field), limit, errors);
        if (IsListOf(type, typeof(string)))
            return (value, path, errors) =>
            {
                var i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is string s) CheckOne(s, $"{Join(path, field)}[{i}]", limit, errors);
                    i++;
                }
            };
        throw new InvalidOperationException($"[TextLimit] on {field}, which is neither text nor a list of text.");
    }

    private static void CheckOne(string s, string field, int limit, Dictionary<string, string[]> errors)
    {
        var chars = Chars(s, limit);
        if (chars > limit) errors.TryAdd(field, [Message(limit, chars)]);
    }

    /// <summary>The checks of a request record's properties (null when it has no limited text anywhere).</summary>
    private static Check? ForRecord(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type)) return null;
        var checks = new List<(Func<object, object?> Read, Check Check)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var field = JsonName(property.Name);
            var check = Of(property) is { } limit ? ForText(property.PropertyType, field, limit)
                : IsRecord(property.PropertyType) ? Nested(ForRecord(property.PropertyType, seen), field)
                : ElementOf(property.PropertyType) is { } element && IsRecord(element)
                    ? Items(ForRecord(element, seen), field)
                    : null;
            if (check is not null) checks.Add((property.GetValue, check));
        }
        seen.Remove(type);
        if (checks.Count == 0) return null;
        return (value, path, errors) =>
        {
            foreach (var (read, check) in checks)
                if (read(value) is { } v) check(v, path, errors);
        };
    }

    private static Check? Nested(Check? inner, string field) =>
        inner is null ? null : (value, path, errors) => inner(value, Join(path, field), errors);

    private static Check? Items(Check? inner, string field) =>
        inner is null ? null : (value, path, errors) =>
        {
            var i = 0;
            foreach (var item in (IEnumerable)value)
            {
                if (item is not null) inner(item, $"{Join(path, field)}[{i}]", errors);
                i++;
            }
        };

    /// <summary>Our own request types (bodies, <c>[AsParameters]</c> groups); services and framework types are not
    /// walked.</summary>
    private static bool IsRecord(Type t) =>
        t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) == true
        && t.GetMethod("<Clone>$") is not null;

    private static Type? ElementOf(Type t) =>
        t == typeof(string) ? null
        : t.IsArray ? t.GetElementType()
        : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0]
        : null;

    private static bool IsListOf(Type t, Type element) => ElementOf(t) == element;

    /// <summary>The name the client sends: a header's or query key's own name, else the camelCase parameter.</summary>
    private static string BoundName(ParameterInfo p) =>
        p.GetCustomAttributes().OfType<IFromHeaderMetadata>().FirstOrDefault()?.Name
        ?? p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
        ?? JsonName(p.Name!);

    private static string JsonName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
