using System.Globalization;
using Governance.Organization.Contracts;
using Governance.SharedKernel.Database;
using Governance.SharedKernel.Http;
using Governance.SharedKernel;

namespace Governance.Audit.Features;

/// <summary>The filtered trail as CSV or XLSX (审计日志导出): the list's filters and scope, newest first, labelled in
/// Chinese; the export itself goes into the trail.</summary>
internal static class ExportEntries
{
    private static readonly string[] Columns =
    [
        "时间", "操作人", "账户", "所属单位", "操作", "对象类型", "对象编号", "所属区划", "结果", "IP 地址",
        "变更前", "变更后", "操作代码", "对象类型代码",
    ];

    private static readonly Dictionary<string, string> Outcomes = new()
    {
        [AuditOutcome.Success] = "成功", [AuditOutcome.Denied] = "拒绝", [AuditOutcome.Failed] = "失败",
    };

    public static async Task<IResult> Handle(
        ReportingDatabase reporting, CurrentUser user, IRegionDirectory regions, IUserDirectory users,
        IAuditTrail audit, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, [TextLimit(50)] string? actor,
        [TextLimit(TextLimits.Code)] string? recordType, [TextLimit(TextLimits.Name)] string? recordId,
        [TextLimit(TextLimits.Code)] string? action, [TextLimit(TextLimits.Code)] string? outcome,
        [TextLimit(TextLimits.Code)] string? format, CancellationToken ct)
    {
        var db = reporting.Db;
        TableExport.CheckFormat(format);
        var f = AuditFilter.Check(from, to, actor, recordType, recordId, action, outcome, user);
        var args = await f.ParametersAsync(user, users, ct);
        // the actors and regions of the whole export, named once (the query also fails here, before any byte)
        (Guid[] Actors, string[] Paths) seen;
        await using (var c = await db.OpenConnectionAsync(ct))
            seen = await c.QuerySingleAsync<(Guid[], string[])>(new CommandDefinition($"""
                select coalesce(array_agg(distinct actor_id) filter (where actor_id is not null), array[]::uuid[]),
                       coalesce(array_agg(distinct region_path) filter (where region_path is not null), array[]::text[])
                from audit.entries where {AuditFilter.Where}
                """, args, cancellationToken: ct));
        var cards = await users.CardsAsync(seen.Actors, ct);
        var names = await regions.NamesByPathAsync(seen.Paths, ct);
        await audit.RecordAttemptAsync(new AuditRecord("audit.exported", "audit_entry", null, user.Scope.Path,
            After: f), ct);

        // one row buffer, refilled per entry (TableExport writes each row before asking for the next)
        async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
        {
            var row = new string?[Columns.Length];
            await using var c = await db.OpenConnectionAsync(ct);
            var rows = c.QueryUnbufferedAsync<ListEntries.Row>(
                $"select {ListEntries.Columns} from audit.entries where {AuditFilter.Where} order by seq desc", args);
            await foreach (var r in rows.WithCancellation(ct))
            {
                var card = r.ActorId is { } id ? cards.GetValueOrDefault(id) : null;
                row[0] = TimeZoneInfo.ConvertTimeFromUtc(r.OccurredAt, CountyClock.Zone)
                    .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                row[1] = card?.DisplayName ?? r.ActorName; row[2] = r.ActorName; row[3] = card?.Unit;
                row[4] = AuditCatalogue.ActionName(r.Action); row[5] = AuditCatalogue.RecordTypeName(r.RecordType);
                row[6] = r.RecordId;
                row[7] = r.RegionPath is null ? null : names.GetValueOrDefault(r.RegionPath);
                row[8] = Outcomes.GetValueOrDefault(r.Outcome, r.Outcome); row[9] = r.Ip;
                row[10] = r.Before; row[11] = r.After; row[12] = r.Action; row[13] = r.RecordType;
                yield return row;
            }
        }

        return TableExport.Stream(format, $"审计日志-{CountyClock.Today(clock):yyyyMMdd}", "审计日志", Columns, Rows,
            ct);
    }
}
