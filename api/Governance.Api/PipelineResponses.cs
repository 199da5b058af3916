using Governance.Organization.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Governance.Api;

/// <summary>
/// The answers the pipeline gives before or around any endpoint, documented on every operation they apply to, so that
/// the document lists every status a caller can meet (the schema-driven fuzzer holds the API to it):
/// 400 (a NUL in any input, a parameter that does not bind), 414 / 431 (<see cref="RequestLimits"/>),
/// 503 (database unavailable, with Retry-After); for signed-in routes 401 and 429 (an API token's rate);
/// 403 where a permission is required; 404 where the path names a record or an evaluation grant may close the module;
/// 413 / 415 where there is a body. Problems carry the stable <c>code</c> the document's problem schemas now name.
/// </summary>
internal static class PipelineResponses
{
    public static void Document(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var permission = metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null);
        var path = "/" + context.Description.RelativePath;
        var namesRecord = context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);

        Add(operation, context, StatusCodes.Status400BadRequest);
        Add(operation, context, StatusCodes.Status414UriTooLong);
        Add(operation, context, StatusCodes.Status431RequestHeaderFieldsTooLarge);
        Add(operation, context, StatusCodes.Status503ServiceUnavailable);
        if (signedIn)
        {
            Add(operation, context, StatusCodes.Status401Unauthorized);
            Add(operation, context, StatusCodes.Status429TooManyRequests);
        }
        if (permission) Add(operation, context, StatusCodes.Status403Forbidden);
        if (namesRecord || signedIn && EvaluationModules.OfPath(path) is not null)
            Add(operation, context, StatusCodes.Status404NotFound);
        if (operation.RequestBody is not null)
        {
            Add(operation, context, StatusCodes.Status413PayloadTooLarge);
            Add(operation, context, StatusCodes.Status415UnsupportedMediaType);
        }
    }

    /// <summary>The pipeline's answers, each described once under <c>components/responses</c>.</summary>
    private static readonly Dictionary<int, (string Name, string Schema, string Description)> Shared = new()
    {
        [400] = ("BadRequest", "HttpValidationProblemDetails",
            "输入有误（含 NUL 字符、参数无法解析等），errors 按字段说明"),
        [401] = ("Unauthorized", "ProblemDetails", "未登录或会话、令牌已失效"),
        [403] = ("Forbidden", "ProblemDetails", "没有该操作的权限（拒绝已记入审计日志）"),
        [404] = ("NotFound", "ProblemDetails", "记录不存在、不在管辖范围内，或评估任务未开放该模块"),
        [413] = ("PayloadTooLarge", "ProblemDetails", "请求体超过上限"),
        [414] = ("UriTooLong", "ProblemDetails", "请求地址（路径和查询参数）超过 8 KB"),
        [415] = ("UnsupportedMediaType", "ProblemDetails", "请求体的类型不被接受"),
        [429] = ("TooManyRequests", "ProblemDetails", "请求过于频繁，按 Retry-After 的秒数后重试"),
        [431] = ("HeaderFieldsTooLarge", "ProblemDetails", "请求头过大或过多"),
        [503] = ("ServiceUnavailable", "ProblemDetails",
            "数据库暂不可用，按 Retry-After 的秒数后重试；请求未产生任何变更"),
    };

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd(status.ToString(),
            new OpenApiResponseReference(Shared[status].Name, context.Document));
    }

    /// <summary>
    /// The shared responses under <c>components/responses</c>; and the stable <c>code</c> every problem of this API
    /// carries, in the problem schemas.
    /// </summary>
    public static void DocumentShared(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var (status, (name, schema, description)) in Shared.OrderBy(s => s.Key))
            document.Components.Responses[name] = new OpenApiResponse
            {
                Description = $"{ReasonPhrases.GetReasonPhrase(status)}: {description}",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
                },
            };
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
            if (document.Components?.Schemas?.TryGetValue(name, out var s) == true && s is OpenApiSchema schema)
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "稳定的错误代码（如 validation_failed、not_found、database_unavailable），"
                        + "供程序判断。",
                };
            }
    }
}
