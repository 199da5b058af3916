using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Governance.Api;
using Governance.Audit;
using Governance.Calendar;
using Governance.Enforcement;
using Governance.Evaluation;
using Governance.Kpis;
using Governance.Notifications;
using Governance.OpenData;
using Governance.Organization;
using Governance.PowerLists;
using Governance.ServiceCentre;
using Governance.Staffing;
using Governance.SharedKernel;
using Governance.SharedKernel.Database;
using Governance.SharedKernel.Http;
using Governance.SharedKernel.Security;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;
builder.WebHost.ConfigureKestrel(RequestLimits.ConfigureKestrel);
builder.AddGovernanceTelemetry();

builder.Services.AddGovernanceDataSource(config.GetConnectionString("Governance")
    ?? throw new InvalidOperationException(
        "Set ConnectionStrings__Governance (run.sh does it for the local cluster)."));
builder.Services.AddGovernanceReadReplica(config.GetConnectionString("GovernanceReplica"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddGovernanceProblemDetails();
// numbers are numbers: no "12" for 12 (also keeps the OpenAPI types of integers exact)
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    o.SerializerOptions.Converters.Add(new DateBounds.DateOnlyConverter());
});
builder.Services.AddMachineRateLimiting();
builder.Services.AddSingleton<Governance.SharedKernel.Http.ExportGate>();
builder.Services.AddReverseProxySupport(config);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Governance API · 县乡治理平台";
    doc.Info.Version = "v1";
    doc.Servers?.Clear(); // same origin; keeps the committed document independent of the host it was read from
    PipelineResponses.DocumentShared(doc);
    return Task.CompletedTask;
}).AddSchemaTransformer((schema, context, _) =>
{
    // DateBounds' converter reads DateOnly in bodies; the schema stays what the default converter's was: a string,
    // null too where a body's property may be (a parameter is plain: absence, not null, is how a query
    // omits it)
    var type = context.JsonPropertyInfo?.PropertyType ?? context.JsonTypeInfo.Type;
    if (type == typeof(DateOnly) || type == typeof(DateOnly?))
        schema.Type = type == typeof(DateOnly?) && context.JsonPropertyInfo is not null
            ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
    return Task.CompletedTask;
}).AddSchemaTransformer(TextLimitDocs.Apply).AddOperationTransformer((operation, context, _) =>
{
    // the permission a route requires, for readers and for the authorisation matrix test (one policy per permission)
    var permission = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
        .Select(a => a.Policy).LastOrDefault(p => p is not null);
    if (permission is not null)
    {
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-permission"] = new JsonNodeExtension(JsonValue.Create(permission));
    }

    PipelineResponses.Document(operation, context);

    // optimistic concurrency: every change that answers 428 without it takes the record's ETag in If-Match
    if (operation.Responses?.ContainsKey("428") == true)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match", In = ParameterLocation.Header, Required = true,
            Description = "记录的 ETag（如 \"v3\"），取自上次 GET 响应的 ETag 头；记录已被他人修改时返回 412。",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
    return Task.CompletedTask;
}));

// The modules, composed explicitly (no discovery).
builder.Services.AddAuditModule();
builder.Services.AddOrganizationModule(config);
builder.Services.AddCalendarModule();
builder.Services.AddNotificationsModule();
builder.Services.AddPowerListsModule(config);
builder.Services.AddServiceCentreModule(config);
builder.Services.AddKpisModule();
builder.Services.AddStaffingModule(config);
builder.Services.AddEnforcementModule(config);
builder.Services.AddOpenDataModule();
builder.Services.AddEvaluationModule();

var app = builder.Build();

app.UseReverseProxySupport();
app.UseExceptionHandler();
app.UseRequestLimits();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseNulCharacterGuard();
app.UseMetricsEndpoint(config);
app.UseAuthentication();
app.UseReadYourWrites();
app.UseRateLimiter();
app.UseEvaluationGrants();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Governance API v1");
    o.RoutePrefix = "swagger";
});
app.MapHealth();
// every module's endpoints, their date and text inputs held to DateBounds and TextLimits before any handler runs
var modules = app.MapGroup("")
    .AddEndpointFilterFactory(DateBounds.Filter)
    .AddEndpointFilterFactory(TextLimits.Filter);
modules.MapAuditEndpoints();
modules.MapOrganizationEndpoints();
modules.MapCalendarEndpoints();
modules.MapNotificationsEndpoints();
modules.MapPowerListsEndpoints();
modules.MapServiceCentreEndpoints();
modules.MapKpisEndpoints();
modules.MapStaffingEndpoints();
modules.MapEnforcementEndpoints();
modules.MapOpenDataEndpoints();
modules.MapEvaluationEndpoints();
app.MapSpa(config["Spa:Root"]);

await Startup.PrepareDatabaseAsync(app, config.GetValue<int?>("Demo:Counties") ?? 0);
app.Run();

public partial class Program;
