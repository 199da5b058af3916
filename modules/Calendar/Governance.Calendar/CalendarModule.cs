using Governance.Calendar.Features;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Calendar;

/// <summary>工作日历 module: the official working-day calendar, editable by the county admin, and deadline arithmetic.</summary>
public static class CalendarModule
{
    public static readonly ModuleMigrations Migrations = new("calendar", typeof(CalendarModule).Assembly);

    /// <summary>
    /// The module's row → response mapping (<see cref="ModuleMapping"/>), compiled on first use (not by this class's
    /// initialiser, so a broken mapping fails its own test and requests, not the module's registration).
    /// </summary>
    internal static TypeAdapterConfig MappingConfig => ModuleMapping.For(typeof(CalendarModule).Assembly);

    public static IServiceCollection AddCalendarModule(this IServiceCollection services)
    {
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<IWorkingCalendar>(sp => sp.GetRequiredService<WorkingCalendar>());
        services.AddSingleton<OfficialCalendarSeeder>();
        services.AddScoped<CalendarChanges>();
        return services;
    }

    /// <summary>Reference data: the official arrangements for the years shipped with the module (idempotent).</summary>
    public static Task<int> SeedOfficialCalendarAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OfficialCalendarSeeder>().SeedAsync(ct);

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar 工作日历").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/years", CalendarYears.List).WithName("ListCalendarYears")
            .WithSummary("Years whose official arrangement is loaded, with a warning when this or next year is missing");
        group.MapGet("/years/{year:int}", CalendarEndpoints.GetYear);
        group.MapPost("/years/{year:int}", CalendarYears.Upload).RequireAuthorization(CalendarPermissions.CalendarManage)
            .WithName("UploadCalendarYear")
            .WithSummary("Load a year's official arrangement (JSON or CSV date,kind,name): replaces the year's days, re-dates open deadlines")
            .Accepts<CalendarYearDocument>("application/json", "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/days/{date}", CalendarEndpoints.Mark).RequireAuthorization(CalendarPermissions.CalendarManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/days/{date}", CalendarEndpoints.Unmark).RequireAuthorization(CalendarPermissions.CalendarManage)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/working-days", CalendarEndpoints.Add);
        group.MapGet("/working-days/count", CalendarEndpoints.Count);
        return app;
    }
}
