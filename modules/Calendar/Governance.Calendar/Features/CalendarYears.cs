using System.Text;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Calendar.Features;

/// <param name="Source"><c>seed</c> (shipped with the product) or <c>upload</c> (loaded by a county admin).</param>
public sealed record LoadedYearResponse(int Year, string Source, DateTimeOffset LoadedAt, string LoadedBy);

/// <summary>A year whose official arrangement is missing although deadlines already reach into it.</summary>
public sealed record CalendarWarningResponse(int Year, string Message);

/// <param name="Today">The county's today (Asia/Shanghai).</param>
/// <param name="Warning">Set when this year is not loaded, or from 1 November when next year is not loaded.</param>
public sealed record LoadedYearsResponse(DateOnly Today, IReadOnlyList<LoadedYearResponse> Years,
    CalendarWarningResponse? Warning);

/// <summary>
/// What an upload did: the year's new counts, how many exceptions it replaced, and whether the year was loaded before.
/// </summary>
public sealed record CalendarYearUploadResult(int Year, int Holidays, int Workdays, int Replaced, bool WasLoaded);

/// <summary>
/// The shape of an uploaded year as JSON (one year of the shipped seed file) — for the OpenAPI document.
/// </summary>
public sealed record CalendarYearDocument(int? Year, [TextLimit(TextLimits.Name)] IReadOnlyList<string>? Papers,
    IReadOnlyList<CalendarYearDocumentDay> Days);

/// <param name="Kind"><c>off</c> (法定节假日) or <c>work</c> (调休上班); <c>holiday</c> / <c>workday</c> are accepted
/// too.</param>
public sealed record CalendarYearDocumentDay([TextLimit(TextLimits.Code)] string Date,
    [TextLimit(TextLimits.Code)] string Kind, [TextLimit(YearArrangement.NameMaxLength)] string Name);

/// <summary>Which years have their official arrangement, the admin's warning, and the upload of a year.</summary>
internal static class CalendarYears
{
    /// <summary>
    /// The year an admin must load now, if any: this year when it is not loaded; from 1 November (the State Council
    /// usually publishes the next year's arrangement in late autumn) next year when it is not loaded.
    /// </summary>
    public static int? MissingYear(DateOnly today, Func<int, bool> isLoaded) =>
        !isLoaded(today.Year) ? today.Year
        : today >= new DateOnly(today.Year, 11, 1) && !isLoaded(today.Year + 1) ? today.Year + 1
        : null;

    public static CalendarWarningResponse? Warning(DateOnly today, Func<int, bool> isLoaded) =>
        MissingYear(today, isLoaded) is not { } year ? null
        : new CalendarWarningResponse(year, year == today.Year
            ? $"{year} 年的节假日安排尚未加载：今年的期限暂按周一至周五计算（临时），请尽快上传国务院办公厅通知中的 " +
                $"{year} 年安排。"
            : $"{year} 年的节假日安排尚未加载：跨入 {year} 年的期限暂按周一至周五计算（临时）。国务院办公厅公布 " +
                $"{year} 年安排后，请及时上传。");

    private sealed record Row(int Year, string Source, DateTime LoadedAt, string LoadedBy);

    /// <summary>Every member by name; LoadedAt becomes a UTC offset (<see cref="ModuleMapping"/>).</summary>
    private sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Row, LoadedYearResponse>();
    }

    public static async Task<Ok<LoadedYearsResponse>> List(NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition(
            "select year, source, loaded_at, loaded_by from calendar.loaded_years order by year",
            cancellationToken: ct))).ToList();
        var years = rows.Select(r => r.Adapt<Row, LoadedYearResponse>(CalendarModule.MappingConfig)).ToList();
        var today = CountyClock.Today(clock);
        var loaded = years.Select(y => y.Year).ToHashSet();
        return TypedResults.Ok(new LoadedYearsResponse(today, years, Warning(today, loaded.Contains)));
    }

    public static async Task<Ok<CalendarYearUploadResult>> Upload(int year, HttpRequest request,
        CalendarChanges changes, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) throw new ValidationException("year", "年份应在 2000–2100 之间。");
        if (request.ContentLength > YearArrangement.MaxBytes)
            throw new AppException(413, "payload_too_large", "文件过大",
                $"一年的安排文件不能超过 {YearArrangement.MaxBytes / 1024} KB。");
        var type = request.ContentType ?? "";
        var json = type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        if (!json && !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            throw new AppException(415, "unsupported_media_type", "不支持的内容类型",
                "请上传 JSON（application/json）或 CSV（text/csv，UTF-8）文件。");
        var text = await ReadBoundedAsync(request.Body, ct);
        var days = json ? YearArrangement.FromJson(year, text) : YearArrangement.FromCsv(year, text);
        return TypedResults.Ok(await changes.LoadYearAsync(year, days, ct));
    }

    private static async Task<string> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > YearArrangement.MaxBytes)
                throw new AppException(413, "payload_too_large", "文件过大",
                    $"一年的安排文件不能超过 {YearArrangement.MaxBytes / 1024} KB。");
        }
        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
