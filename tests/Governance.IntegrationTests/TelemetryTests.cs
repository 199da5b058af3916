using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Governance.IntegrationTests;

/// <summary>
/// <c>/metrics</c> answers only the scrape job's bearer token (anyone else gets the 404 of an unknown path), and shows
/// request durations by route, database time and rate-limit rejections; a problem's <c>traceId</c> is the W3C trace
/// id — the caller's own from <c>traceparent</c> — and the log lines of that request carry it too.
/// </summary>
public class TelemetryTests : IntegrationTest
{
    private const string ScrapeToken = "test-scrape-token";
    private static readonly CapturedLogs Logs = new();

    protected override TestApp CreateApp() => TestApp.Get("telemetry", new Dictionary<string, string?>
    {
        ["Metrics:ScrapeToken"] = ScrapeToken,
        ["Organization:TokenRequestsPerMinute"] = "2",
    }, services: s => s.AddSingleton<ILoggerProvider>(Logs));

    [Test]
    public async Task Metrics_are_not_found_without_the_scrape_token_even_for_a_signed_in_user()
    {
        await Problem(await App.Anonymous().GetAsync("/metrics"), HttpStatusCode.NotFound);
        await Problem(await (await App.LoginAsync("admin")).GetAsync("/metrics"), HttpStatusCode.NotFound);
        await Problem(await App.WithToken("wrong-token").GetAsync("/metrics"), HttpStatusCode.NotFound);
        var unconfigured = TestApp.Get().Anonymous();
        unconfigured.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        await Problem(await unconfigured.GetAsync("/metrics"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task With_the_scrape_token_metrics_show_request_time_by_route_and_database_time()
    {
        const string route = "http_route=\"/api/v1/calendar/years/{year:int}\"";
        var before = Sum(await ScrapeAsync(), "http_server_request_duration_seconds_count", route);
        var admin = await App.LoginAsync("admin");
        Assert.That((await admin.GetAsync("/api/v1/calendar/years/2026")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // the duration is recorded as the request ends, a moment after the client has its answer
        var text = await ScrapeUntilAsync(t =>
            Sum(t, "http_server_request_duration_seconds_count", route) > before);
        Assert.That(text, Does.Contain("http_server_request_duration_seconds_bucket{"));
        Assert.That(text, Does.Not.Contain("/api/v1/calendar/years/2026"), "routes by template, never by raw path");
        const string apiPool = "db_client_connection_pool_name=\"governance\"";
        Assert.That(Sum(text, "db_client_operation_duration_seconds_count", apiPool), Is.GreaterThan(0),
            "Npgsql's command time, by the API's pool");
    }

    [Test]
    public async Task A_rate_limited_token_is_counted_by_its_policy()
    {
        const string policy = "policy=\"api_token\"";
        var before = Sum(await ScrapeAsync(), "governance_rate_limit_rejections_total", policy);
        var admin = await App.LoginAsync("admin");
        var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "脚本", role = "kpi_reader", regionId = await RegionId(County),
            expiresAt = DateTimeOffset.UtcNow.AddDays(1),
        }), HttpStatusCode.Created);
        var machine = App.WithToken(issued.GetProperty("token").GetString()!);
        for (var i = 0; i < 2; i++) await machine.GetAsync("/api/v1/calendar/years/2026");
        await Problem(await machine.GetAsync("/api/v1/calendar/years/2026"), HttpStatusCode.TooManyRequests);

        var text = await ScrapeUntilAsync(t => Sum(t, "governance_rate_limit_rejections_total", policy) > before);
        Assert.That(Sum(text, "aspnetcore_rate_limiting_requests_total",
            "aspnetcore_rate_limiting_result=\"global_limiter\""), Is.GreaterThan(0), "the framework's own count");
    }

    [Test]
    public async Task A_problem_and_the_log_lines_of_its_request_carry_the_callers_trace_id()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/power-lists/townships?q=a%00b");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var problem = await Problem(await App.Anonymous().SendAsync(request), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("traceId").GetString(), Is.EqualTo(traceId));
        var logged = Logs.Records.Where(r => r.Message.Contains("NUL character", StringComparison.Ordinal)).ToList();
        Assert.That(logged.Select(r => r.TraceId), Does.Contain(traceId),
            "the guard's log line of the refused request");
    }

    [Test]
    public async Task Without_a_traceparent_the_problem_still_has_a_fresh_w3c_trace_id()
    {
        var problem = await Problem(await App.Anonymous().GetAsync("/api/v1/nowhere"), HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("traceId").GetString(), Does.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public void Traces_are_recorded_for_export_only_when_an_otlp_endpoint_is_configured()
    {
        Assert.That(App.Services.GetService<TracerProvider>(), Is.Null, "nothing is sent anywhere by default");
        var exporting = TestApp.Get("otlp", new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
        });
        Assert.That(exporting.Services.GetService<TracerProvider>(), Is.Not.Null);
    }

    private async Task<string> ScrapeAsync()
    {
        var scraper = App.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        var response = await scraper.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        return text;
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> shows)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = await ScrapeAsync();
            if (shows(text)) return text;
            if (attempt == 50) Assert.Fail($"the expected series did not appear:\n{text}");
            await Task.Delay(100);
        }
    }

    /// <summary>The sum of a metric's samples whose labels contain every one given (0 when none is there).</summary>
    private static double Sum(string exposition, string metric, params string[] labels) =>
        Regex.Matches(exposition, $@"^{Regex.Escape(metric)}(\{{.*\}})? (\S+)$", RegexOptions.Multiline)
            .Where(m => labels.All(m.Groups[1].Value.Contains))
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    /// <summary>Every log record of the test run's "telemetry" app, with the trace id its scopes carried.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Message, string? TraceId)> Records { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(CapturedLogs provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
                provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                string? traceId = null;
                provider._scopes.ForEachScope((scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs)
                            if (key == "TraceId") traceId = value?.ToString();
                }, (object?)null);
                provider.Records.Enqueue((formatter(state, exception), traceId));
            }
        }
    }
}
