using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Governance.Organization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>The API through its real pipeline (WebApplicationFactory), on the test database.</summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private static readonly ConcurrentDictionary<string, TestApp> Apps = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private TestApp(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    /// <summary>The shared app (one per distinct configuration, built once per test run).</summary>
    public static TestApp Get(string name = "default", IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        Apps.GetOrAdd(name, _ => new TestApp(settings ?? new Dictionary<string, string?>(), services));

    /// <summary>
    /// The shared app on a real Kestrel listener on a free loopback port: for what only the server does (its limits,
    /// its answers to malformed requests), which TestServer — it hands requests to the pipeline directly — never shows.
    /// </summary>
    public static TestApp OnKestrel() => Apps.GetOrAdd("kestrel", _ =>
    {
        var app = new TestApp(new Dictionary<string, string?>(), null);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    });

    /// <summary>Where the Kestrel listener of <see cref="OnKestrel"/> answers.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>The test run's open-data signing key (a deployment configures its own).</summary>
    public static readonly string OpenDataKey =
        System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256)
            .ExportPkcs8PrivateKeyPem();

    /// <summary>The evidence file store of the test run (a temporary directory, removed at the end).</summary>
    public static readonly string EvidenceDirectory =
        Path.Combine(Path.GetTempPath(), $"gov-evidence-{Environment.ProcessId}");

    public static void DisposeAll()
    {
        foreach (var app in Apps.Values) app.Dispose();
        Apps.Clear();
        if (Directory.Exists(EvidenceDirectory)) Directory.Delete(EvidenceDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Governance", TestDatabase.ConnectionString);
        builder.UseSetting("ConnectionStrings:GovernanceOwner", TestDatabase.OwnerConnectionString);
        builder.UseSetting("Organization:TokenRequestsPerMinute", "10000");
        builder.UseSetting("Enforcement:EvidenceDirectory", EvidenceDirectory);
        builder.UseSetting("Kpis:ProvisionalSeconds", "0"); // figures read back at once; KpiValuesTests sets its own
        builder.UseSetting("OpenData:SigningKey", OpenDataKey);
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        if (_services is not null) builder.ConfigureServices(_services);
    }

    /// <summary>The tests' own access to the database (superuser: set-ups the API could never make, reads of any
    /// table). The API itself connects as <see cref="TestDatabase.AppRole"/>.</summary>
    public NpgsqlDataSource Db => TestDatabase.Superuser;

    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>
    /// Signs in through the real login endpoint; the client keeps the session cookie and sends the CSRF header.
    /// </summary>
    public async Task<HttpClient> LoginAsync(string username, string password = "Demo@2026")
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var csrf = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .First(c => c.StartsWith("gov_csrf=", StringComparison.Ordinal))["gov_csrf=".Length..];
        client.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
        return client;
    }

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<int> GenerateDemoAsync(int counties = 1)
    {
        using var scope = Services.CreateScope();
        return OrganizationModule.GenerateDemoAsync(scope.ServiceProvider, counties, CancellationToken.None);
    }

    /// <summary>Every module's demo records over the demo counties, as <c>./run.sh</c> loads them (applications:
    /// <paramref name="applicationMonths"/> months of <paramref name="applicationsPerMonth"/>).</summary>
    public async Task GenerateModuleDemosAsync(int applicationMonths, int applicationsPerMonth)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await Governance.PowerLists.PowerListsModule.GenerateDemoAsync(services, default);
        await Governance.Staffing.StaffingModule.GenerateDemoAsync(services, default);
        await Governance.Enforcement.EnforcementModule.GenerateDemoAsync(services, default);
        await Governance.ServiceCentre.ServiceCentreModule.GenerateDemoAsync(services, applicationMonths,
            applicationsPerMonth, default);
        await Governance.Evaluation.EvaluationModule.GenerateDemoAsync(services, default);
    }
}
