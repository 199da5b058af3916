using Governance.Calendar.Features;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Calendar;

/// <summary>
/// 工作日历 module: the official working-day calendar, editable by the county admin, and deadline arithmetic.
/// </summary>
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
        group.MapGet("/years", CalendarYears.List)
            .WithName("ListCalendarYears").WithSummary("已载入官方安排的年份（缺今年或明年的安排时提醒）")
            .WithDescription(
                "Years whose official arrangement is loaded, with a warning when this or next year is missing.");
        group.MapGet("/years/{year:int}", CalendarEndpoints.GetYear)
            .WithName("GetCalendarYear").WithSummary("某年的工作日历：节假日与调休工作日");
        group.MapPost("/years/{year:int}", CalendarYears.Upload)
            .RequireAuthorization(CalendarPermissions.CalendarManage)
            .WithName("UploadCalendarYear").WithSummary("载入某年的官方安排（JSON 或 CSV），替换该年并重算未结办件期限")
            .WithDescription("Load a year's official arrangement (JSON or CSV date,kind,name): replaces the "
                + "year's days, re-dates open deadlines.")
            .Accepts<CalendarYearDocument>("application/json", "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/days/{date}", CalendarEndpoints.Mark)
            .WithName("MarkCalendarDay").WithSummary("标记某日为节假日或调休工作日（同时重算未结办件期限）")
            .RequireAuthorization(CalendarPermissions.CalendarManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/days/{date}", CalendarEndpoints.Unmark)
            .WithName("UnmarkCalendarDay").WithSummary("取消某日的标记，恢复周一至周五的规则（同时重算未结办件期限）")
            .RequireAuthorization(CalendarPermissions.CalendarManage)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/working-days", CalendarEndpoints.Add)
            .WithName("AddWorkingDays").WithSummary("期限计算：某日起 N 个工作日后的日期");
        group.MapGet("/working-days/count", CalendarEndpoints.Count)
            .WithName("CountWorkingDays").WithSummary("两个日期之间的工作日数");
        return app;
    }
}
