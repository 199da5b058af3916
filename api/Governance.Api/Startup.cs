using System.Reflection;
using Npgsql;
using Polly;
using Polly.Retry;
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
using Governance.SharedKernel.Database;

namespace Governance.Api;

internal static class Startup
{
    /// <summary>Every module's migrations, in dependency order.</summary>
    public static readonly ModuleMigrations[] Migrations =
        [AuditModule.Migrations, OrganizationModule.Migrations, CalendarModule.Migrations,
         NotificationsModule.Migrations, PowerListsModule.Migrations, ServiceCentreModule.Migrations,
         KpisModule.Migrations, StaffingModule.Migrations, EnforcementModule.Migrations, OpenDataModule.Migrations,
         EvaluationModule.Migrations];

    /// <summary>
    /// Migrations run as the owner role (<c>ConnectionStrings:GovernanceOwner</c>); the API's own role
    /// (<c>ConnectionStrings:Governance</c>) is then granted only what it needs (<see cref="DatabaseGrants"/>). Without
    /// an owner connection the API's role migrates its own schemas (a development shortcut, warned about in the log).
    /// </summary>
    private static async Task MigrateAsync(WebApplication app, CancellationToken ct)
    {
        var logger = app.Services.GetRequiredService<ILogger<MigrationRunner>>();
        var runtime = app.Services.GetRequiredService<NpgsqlDataSource>();
        var ownerConnection = app.Configuration.GetConnectionString("GovernanceOwner");
        if (string.IsNullOrEmpty(ownerConnection))
        {
            await new MigrationRunner(runtime, logger).ApplyAsync(Migrations, ct);
        }
        else
        {
            await using var owner =
                new NpgsqlDataSourceBuilder(ownerConnection) { Name = "governance-migrations" }.Build();
            await new MigrationRunner(owner, logger).ApplyAsync(Migrations, ct);
            var role = new NpgsqlConnectionStringBuilder(runtime.ConnectionString).Username
                ?? throw new InvalidOperationException("ConnectionStrings:Governance names no user.");
            await using var c = await owner.OpenConnectionAsync(ct);
            await DatabaseGrants.ApplyAsync(c, role, Migrations, logger, ct);
        }
        await using (var c = await runtime.OpenConnectionAsync(ct))
        {
            var (superuser, owned) = await DatabaseGrants.InspectAsync(c, ct);
            if (superuser || owned > 0)
                logger.LogWarning(
                    "The API connects as a role that {What}: give it a non-superuser login role that owns nothing " +
                    "and set ConnectionStrings:GovernanceOwner for migrations (see README, Database roles).",
                    superuser ? "is a superuser" : $"owns {owned} objects");
        }
    }

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
        await retry.ExecuteAsync(async token => await MigrateAsync(app, token), ct);
        await CalendarModule.SeedOfficialCalendarAsync(app.Services, ct);
        if (demoCounties > 0)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await OrganizationModule.GenerateDemoAsync(scope.ServiceProvider, demoCounties, ct);
            await PowerListsModule.GenerateDemoAsync(scope.ServiceProvider, ct);
            await StaffingModule.GenerateDemoAsync(scope.ServiceProvider, ct);
            await EnforcementModule.GenerateDemoAsync(scope.ServiceProvider, ct);
            await ServiceCentreModule.GenerateDemoAsync(scope.ServiceProvider,
                app.Configuration.GetValue("Demo:ApplicationMonths", 0),
                app.Configuration.GetValue("Demo:ApplicationsPerMonth", 15000), ct);
            await EvaluationModule.GenerateDemoAsync(scope.ServiceProvider, ct);
        }
    }
}
