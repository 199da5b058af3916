using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Governance.SharedKernel;

namespace Governance.Api;

/// <summary>
/// Writes each <see cref="TextLimitAttribute"/> into the OpenAPI document as <c>maxLength</c> (of the string, or of
/// each item of a list of strings), for body properties and for query, route and header parameters alike.
/// </summary>
internal static class TextLimitDocs
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var limit = context.JsonPropertyInfo switch
        {
            // a record's property, or the constructor parameter it comes from (TextLimits.Of looks at both)
            { AttributeProvider: PropertyInfo property } => TextLimits.Of(property),
            null => context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor p
                ? Declared(p.ParameterInfo) : null,
            _ => null,
        };
        if (limit is null) return Task.CompletedTask;
        if (schema.Type?.HasFlag(JsonSchemaType.String) == true) schema.MaxLength = limit;
        else if (schema.Items is OpenApiSchema items) items.MaxLength = limit;
        return Task.CompletedTask;
    }

    private static int? Declared(ICustomAttributeProvider element) =>
        element.GetCustomAttributes(typeof(TextLimitAttribute), true) is [TextLimitAttribute a, ..] ? a.Chars : null;
}
