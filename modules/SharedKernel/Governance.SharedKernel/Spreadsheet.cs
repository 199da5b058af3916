using System.Globalization;
using System.Text;
using Governance.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Governance.SharedKernel;

/// <summary>
/// Reading an uploaded table (CSV or XLSX) for the catalogue imports, and the cells counties type into them.
/// </summary>
public static class Spreadsheet
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The request body as rows: CSV (UTF-8, <c>text/csv</c>) or XLSX; anything else is a 415.</summary>
    public static async Task<List<string[]>> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
            throw new AppException(413, "payload_too_large", "文件过大", "导入文件不能超过 10 MB。");
        var type = request.ContentType ?? "";
        if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return Csv.Parse(await reader.ReadToEndAsync(ct));
        }
        if (type.StartsWith(Xlsx.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct); // the ZIP reader needs to seek; the size is bounded above
            buffer.Position = 0;
            try { return Xlsx.Read(buffer); }
            catch (Exception e) when (e is InvalidDataException or FormatException or IOException
                or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
            {
                throw new ValidationException("file", "无法读取该 Excel 文件，请确认是 .xlsx 格式。");
            }
        }
        throw new AppException(415, "unsupported_media_type", "不支持的内容类型",
            "请上传 CSV（text/csv，UTF-8）或 Excel（.xlsx）文件。");
    }

    /// <summary>yyyy-MM-dd as text, or an Excel date serial (a date typed into a spreadsheet cell).</summary>
    public static DateOnly? ParseDate(string cell) =>
        DateOnly.TryParseExact(cell, ["yyyy-MM-dd", "yyyy/M/d", "yyyy/MM/dd"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var d) ? d
        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is > 20000 and < 80000
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;

    private static readonly char[] ListSeparators = ['；', ';', '\n'];

    /// <summary>A cell holding a list: entries separated by ； ; or line breaks (or the given separators).</summary>
    public static string[] Split(string cell, char[]? separators = null) =>
        cell.Split(separators ?? ListSeparators,
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
