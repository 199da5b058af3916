using System.Text;
using System.Threading.RateLimiting;
using Governance.SharedKernel.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.SharedKernel.Http;

/// <summary>
/// Downloads of a table as CSV or XLSX, streamed: rows are written as they come from the database, never all in memory.
/// CSV goes out in 32 KB asynchronous batches (the response allows no synchronous writes); XLSX is written to a
/// temp file first, because the ZIP format needs to seek.
/// </summary>
public static class TableExport
{
    /// <summary>Refuses anything but csv (the default) or xlsx, before any work is done.</summary>
    public static void CheckFormat(string? format)
    {
        if (format is not (null or "" or "csv" or "xlsx"))
            throw new ValidationException("format", "格式只能是 csv 或 xlsx。");
    }

    /// <summary>
    /// <paramref name="rows"/> may reuse one row array: each row is written before the next is asked for. The caller
    /// holds one of its export slots (<see cref="ExportGate"/>) while the file is written.
    /// </summary>
    public static IResult Stream(
        [TextLimit(TextLimits.Code)] string? format, string fileName, string sheetName, IReadOnlyList<string> header,
        Func<IAsyncEnumerable<IReadOnlyList<string?>>> rows, CancellationToken ct) =>
        new Gated(File(format, fileName, sheetName, header, rows, ct));

    private static IResult File(
        string? format, string fileName, string sheetName, IReadOnlyList<string> header,
        Func<IAsyncEnumerable<IReadOnlyList<string?>>> rows, CancellationToken ct)
    {
        CheckFormat(format);
        if (format == "xlsx")
            return TypedResults.Stream(async stream =>
            {
                await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
                    FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await Xlsx.WriteAsync(file, sheetName, header, rows(), ct);
                file.Position = 0;
                await file.CopyToAsync(stream, ct);
            }, Xlsx.ContentType, fileName + ".xlsx");
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, Csv.Utf8WithBom, 64 * 1024);
            var batch = new StringWriter(new StringBuilder(64 * 1024));
            Csv.WriteLine(batch, header);
            await foreach (var row in rows().WithCancellation(ct))
            {
                Csv.WriteLine(batch, row);
                if (batch.GetStringBuilder().Length < 32 * 1024) continue;
                await writer.WriteAsync(batch.GetStringBuilder(), ct);
                batch.GetStringBuilder().Clear();
            }
            await writer.WriteAsync(batch.GetStringBuilder(), ct);
        }, "text/csv; charset=utf-8", fileName + ".csv");
    }

    /// <summary>The download, written while the caller holds an export slot: the one the route's filter took before
    /// the handler ran (<see cref="TableExportRoutes.ProducesTable"/>), else one taken now.</summary>
    private sealed class Gated(IResult file) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var taken = http.Items.ContainsKey(TableExportRoutes.SlotKey);
            using var lease = taken ? null : TableExportRoutes.TakeSlot(http);
            using var running = GovernanceMetrics.ExportRunning();
            await file.ExecuteAsync(http);
        }
    }
}

/// <summary>How a route that answers with <see cref="TableExport.Stream"/> is documented and gated, the same on every
/// one.</summary>
public static class TableExportRoutes
{
    internal const string SlotKey = "export.slot";

    /// <summary>200 as CSV or XLSX; 400 for a format other than those (or a bad filter); 429 past the caller's
    /// export slots (<see cref="ExportGate"/>) — refused before the handler runs, so a refused export costs no query
    /// and leaves no "exported" audit row.</summary>
    public static RouteHandlerBuilder ProducesTable(this RouteHandlerBuilder route) => route
        .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv",
            additionalContentTypes: [Xlsx.ContentType])
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests)
        .AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            // held until the response is written (the file streams after the handler returns)
            http.Response.RegisterForDispose(TakeSlot(http));
            http.Items[SlotKey] = true;
            return await next(invocation);
        });

    /// <summary>One of the caller's export slots, or a 429 problem with Retry-After.</summary>
    internal static RateLimitLease TakeSlot(HttpContext http)
    {
        var lease = http.RequestServices.GetRequiredService<ExportGate>().Enter(ExportGate.Caller(http));
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        GovernanceMetrics.RateLimited(GovernanceMetrics.Policies.Export);
        throw new AppException(429, "export.too_many", "同时进行的导出过多",
            "您已有导出正在进行，请等它完成后再导出（每个账户可同时导出的数量有上限）。")
        {
            Extensions = { ["retryAfter"] = (int)ExportGate.RetryAfter.TotalSeconds },
        };
    }
}
