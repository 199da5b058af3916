using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Governance.SharedKernel;

/// <summary>
/// The dates this system takes as input: the years 1900–2999. No government date lies outside them, and beyond them
/// date arithmetic (working-day deadlines, month windows, "N months before") passes the first or last date .NET can
/// hold — which was a 500 (<c>asOf=0001-01-01</c>, <c>from=9999-12-30</c>). Enforced once for every endpoint: on
/// query and route parameters by <see cref="Filter"/>, in JSON bodies by <see cref="DateOnlyConverter"/>.
/// </summary>
public static class DateBounds
{
    public const int FirstYear = 1900;
    public const int LastYear = 2999;

    public static readonly string Message = $"日期应在 {FirstYear}–{LastYear} 年之间。";

    public static void Check(DateOnly? date, string field)
    {
        if (date is { Year: < FirstYear or > LastYear }) throw new ValidationException(field, Message);
    }

    /// <summary>
    /// An endpoint filter factory: checks the handler's date parameters (and those of its <c>[AsParameters]</c>
    /// records) before the handler runs; a handler without any gets no filter.
    /// </summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters()
            .Select((p, i) => (p, i))
            .SelectMany(x => IsDate(x.p.ParameterType)
                ? [(x.i, (Func<object?, object?>)(v => v), x.p.Name!)]
                : x.p.GetCustomAttribute<AsParametersAttribute>() is null ? []
                : x.p.ParameterType.GetProperties().Where(q => IsDate(q.PropertyType))
                    .Select(q => (x.i, (Func<object?, object?>)q.GetValue,
                        JsonNamingPolicy.CamelCase.ConvertName(q.Name))))
            .ToList();
        if (checks.Count == 0) return next;
        return invocation =>
        {
            foreach (var (index, read, field) in checks)
                if (invocation.Arguments[index] is { } argument)
                    Check(read(argument) as DateOnly?, field);
            return next(invocation);
        };
    }

    private static bool IsDate(Type t) => t == typeof(DateOnly) || t == typeof(DateOnly?);

    /// <summary>DateOnly in JSON bodies, ISO yyyy-MM-dd as the default converter reads it, within the bounds.</summary>
    public sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var date = reader.TokenType == JsonTokenType.String && DateOnly.TryParseExact(reader.GetString(),
                "yyyy-MM-dd", out var d) ? d : throw new JsonException();
            return date.Year is < FirstYear or > LastYear ? throw new OutOfBounds() : date;
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd"));
    }

    /// <summary>A body date outside the bounds; the problem handler names the field (the exception's JSON path).
    /// </summary>
    public sealed class OutOfBounds() : JsonException(DateBounds.Message);
}
