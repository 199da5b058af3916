using System.Reflection;
using Npgsql;
using Polly;
using Polly.Retry;
using Governance.Audit;
using Governance.Calendar;
using Governance.Kpis;
using Governance.Notifications;
using Governance.Organization;
using Governance.PowerLists;
using Governance.ServiceCentre;
using Governance.SharedKernel.Database;

namespace Governance.Api;

internal static class Startup
{
    /// <summary>Every module's migrations, in dependency order.</summary>
    public static readonly ModuleMigrations[] Migrations =
        [AuditModule.Migrations, OrganizationModule.Migrations, CalendarModule.Migrations, NotificationsModule.Migrations,
         PowerListsModule.Migrations, ServiceCentreModule.Migrations, KpisModule.Migrations];

    /// <summary>
    /// Migrations, reference data and (when asked) the demo county. Skipped when the OpenAPI build-time tool runs
    /// Main only to read the endpoints (entry assembly GetDocument.Insider).
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, int demoCounties)
    {
        if (Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider") return;
        if (app.Configuration.GetValue("Database:SkipStartup", false)) return;
        var ct = app.Lifetime.ApplicationStopping;
        // The database may still be starting (an external server, a container): retry the whole, idempotent run.
        var retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
            MaxRetryAttempts = 6, BackoffType = DelayBackoffType.Exponential, Delay = TimeSpan.FromMilliseconds(500),
        }).Build();
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        await retry.ExecuteAsync(async token => await runner.ApplyAsync(Migrations, token), ct);
        await CalendarModule.SeedOfficialCalendarAsync(app.Services, ct);
        if (demoCounties > 0)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await OrganizationModule.GenerateDemoAsync(scope.ServiceProvider, demoCounties, ct);
            await PowerListsModule.GenerateDemoAsync(scope.ServiceProvider, ct);
            await ServiceCentreModule.GenerateDemoAsync(scope.ServiceProvider, app.Configuration.GetValue("Demo:ApplicationMonths", 0),
                app.Configuration.GetValue("Demo:ApplicationsPerMonth", 15000), ct);
        }
    }
}
