using System.Security.Cryptography;
using System.Text;
using Governance.SharedKernel.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Governance.Api;

/// <summary>
/// Metrics (Prometheus, scraped at <c>/metrics</c> with a bearer token), traces (OTLP, only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) and logs that carry the trace id of their request (README, Metrics and
/// traces).
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddGovernanceTelemetry(this WebApplicationBuilder builder)
    {
        // every log line written inside a request carries its trace id, the one its problem answer shows (the host's
        // default, stated here because the operations guide and the tests rely on it)
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // a deployment's log collector reads one JSON object per line, the trace id among its scopes (the console
        // logger is the host's own: this only switches its formatter)
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("governance-api"))
            .WithMetrics(m => m
                // http.server.request.duration by route template, Kestrel and aspnetcore.rate_limiting.* meters
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql") // db.client.operation.duration and the pool's gauges, emitted by Npgsql itself
                .AddMeter(GovernanceMetrics.MeterName)
                // each scrape sees the latest figures (the scrape endpoint is for our own collector only, so there
                // is no crowd of scrapers for the exporter's cache to shield)
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        // traces leave the process only when a collector is named (the standard variable the OTLP exporter reads)
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddSource("Npgsql")
                .AddOtlpExporter());
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> for the Prometheus scrape job only: it sends <c>Authorization: Bearer</c> with
    /// <c>Metrics:ScrapeToken</c> (compared in constant time). For anyone else — anonymous, a signed-in user, a wrong
    /// token, or every caller while no token is configured — the path goes on through the pipeline as a path the API
    /// does not have (a 404 problem; the SPA's page when it is served), so the endpoint is not revealed. A branch
    /// placed before authentication: the scrape token is not an API token and must not be looked up (or audited as
    /// refused) as one.
    /// </summary>
    public static IApplicationBuilder UseMetricsEndpoint(this IApplicationBuilder app, IConfiguration config)
    {
        var token = config["Metrics:ScrapeToken"];
        var expected = string.IsNullOrEmpty(token) ? null : Digest(token);
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: http => http.Request.Path == MetricsPath && Authorised(http, expected),
            path: null,
            configureBranchedPipeline: null,
            optionsName: null);
    }

    private static bool Authorised(HttpContext http, byte[]? expected)
    {
        string? header = http.Request.Headers.Authorization;
        if (expected is null || header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        return CryptographicOperations.FixedTimeEquals(Digest(header["Bearer ".Length..].Trim()), expected);
    }

    /// <summary>Compared as digests: equal lengths, so the time taken says nothing about the token's length either.
    /// </summary>
    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
