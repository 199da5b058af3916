using System.Globalization;
using Governance.SharedKernel.Database;

namespace Governance.ServiceCentre.Features;

/// <summary>
/// Filters of 差评整改 and its export. <c>State</c>: one state; <c>CentreId</c>: the centre answering for the
/// rectifications (one outside the caller's scope answers for none of the caller's: an empty list); <c>Overdue</c>:
/// only the waiting ones past their due date.
/// </summary>
public sealed record RectificationFilter([TextLimit(TextLimits.Code)] string? State, Guid? CentreId, bool? Overdue);

/// <summary>
/// 差评整改 list and its streamed export: the rectifications whose application was received in the caller's scope (the
/// centre above sees those of the points below), filtered in SQL, in one order. Personal data is masked in the export.
/// </summary>
internal static class RectificationLists
{
    private static (string Where, DynamicParameters Args) Where(RectificationFilter f, CurrentUser user, DateOnly today)
    {
        if (f.State is not null && !Ratings.StateNames.ContainsKey(f.State))
            throw new ValidationException("state", "整改状态无效。");
        var args = new DynamicParameters(new
        {
            scope = user.Scope.Pattern, state = f.State, centreId = f.CentreId, overdue = f.Overdue == true, today,
        });
        return ($"""
            {RegionScope.Sql("x.origin_path")} and {user.PeriodSql("x.opened_on")}
              and (@state::text is null or x.state = @state)
              and (@centreId::uuid is null or x.region_path =
                  (select c.region_path from service_centre.centres c where c.id = @centreId))
              and (not @overdue or (x.state in ('open', 'called_back', 'appealed') and x.due_on < @today))
            """, args);
    }

    public static async Task<Ok<Page<RectificationResponse>>> List(
        [AsParameters] RectificationFilter filter, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db, CurrentUser user, IRegionDirectory regions, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var (where, args) = Where(filter, user, today);
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<RectKey>(cursor);
        args.AddDynamicParams(new
        {
            afterDone = after?.Done ?? 0, afterDay = after?.Day ?? 0, afterId = after?.Id, take = take + 1,
        });
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Ratings.RectificationRow>(new CommandDefinition($"""
            {Ratings.RectificationSelect}
            where {where}
              and (@afterId::uuid is null or ({SortDone}, {SortDay}, x.id) > (@afterDone, @afterDay, @afterId))
            order by {SortDone}, {SortDay}, x.id
            limit @take
            """, args, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).Distinct().ToList(), ct);
        var page = Cursor.ToPage(rows, take, RectKey.Of);
        return TypedResults.Ok(new Page<RectificationResponse>(
            page.Items.Select(x => Ratings.ToResponse(x, names, today, user, [])).ToList(), page.NextCursor));
    }

    private static readonly string[] ExportColumns =
        ["办件编号", "事项名称", "服务中心", "申请人", "联系电话", "评价等级", "评价内容", "评价日期", "整改期限",
         "状态", "超期", "回访情况", "整改措施", "整改日期", "按期整改", "评价人反馈", "申诉理由", "申诉裁定",
         "整改ID"];

    /// <summary>
    /// Streams the filtered list (no page limit, the list's order) as CSV or XLSX through <see cref="TableExport"/>,
    /// read from <see cref="ReportingDatabase"/>; the applicant's name and phone masked.
    /// </summary>
    public static async Task<IResult> Export(
        [AsParameters] RectificationFilter filter, [TextLimit(TextLimits.Code)] string? format,
        ReportingDatabase reporting, CurrentUser user, IRegionDirectory regions, IAuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var db = reporting.Db;
        TableExport.CheckFormat(format);
        var today = CountyClock.Today(clock);
        var (where, args) = Where(filter, user, today);
        var names = await ApplicationLists.RegionNames(regions, user, ct);
        await audit.RecordAttemptAsync(new AuditRecord("rectifications.exported", "rectification", null,
            user.Scope.Path, After: filter), ct);

        // one row buffer, refilled per record (TableExport writes each row before asking for the next)
        async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
        {
            var row = new string?[ExportColumns.Length];
            await using var c = await db.OpenConnectionAsync(ct);
            var rows = c.QueryUnbufferedAsync<Ratings.RectificationRow>($"""
                {Ratings.RectificationSelect} where {where} order by {SortDone}, {SortDay}, x.id
                """, args);
            await foreach (var x in rows.WithCancellation(ct))
                yield return Fill(row, x, names, today);
        }

        return TableExport.Stream(format, $"差评整改-{today:yyyyMMdd}", "差评整改", ExportColumns, Rows, ct);
    }

    private static string?[] Fill(string?[] row, Ratings.RectificationRow x, IReadOnlyDictionary<string, string> names,
        DateOnly today)
    {
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row[0] = x.ApplicationNumber; row[1] = x.ItemName; row[2] = names.GetValueOrDefault(x.RegionPath, "");
        row[3] = Masking.Name(x.ApplicantName); row[4] = Masking.Phone(x.ApplicantPhone);
        row[5] = Ratings.LevelNames[x.Level]; row[6] = x.RatingComment; row[7] = Day(x.RatedOn);
        row[8] = Day(x.DueOn); row[9] = Ratings.StateNames[x.State];
        row[10] = Ratings.OpenStates.Contains(x.State) && x.DueOn < today ? "是" : "否";
        row[11] = x.CallbackNote; row[12] = x.RectificationNote; row[13] = Day(x.RectifiedOn);
        row[14] = x.RectifiedOn is null ? "" : x.RectifiedOn <= x.DueOn ? "是" : "否";
        row[15] = x.RaterResponse switch { "satisfied" => "满意", "unsatisfied" => "不满意", _ => "" };
        row[16] = x.AppealReason;
        row[17] = x.AppealDecision switch { "upheld" => "申诉成立", "rejected" => "申诉不成立", _ => "" };
        row[18] = x.Id.ToString();
        return row;
    }

    /// <summary>
    /// 差评整改's order: what still waits for the township first, the one due soonest at the top (the most urgent);
    /// then the finished ones, newest first — so today's complaint is never pages down under last year's.
    /// <see cref="SortDone"/> and <see cref="SortDay"/> in SQL, <see cref="RectKey.Of"/> the same for a cursor.
    /// </summary>
    private sealed record RectKey(int Done, int Day, Guid Id)
    {
        private static readonly DateOnly Epoch = new(2000, 1, 1);

        public static RectKey Of(Ratings.RectificationRow x) => Ratings.OpenStates.Contains(x.State)
            ? new RectKey(0, x.DueOn.DayNumber - Epoch.DayNumber, x.Id)
            : new RectKey(1, Epoch.DayNumber - x.DueOn.DayNumber, x.Id);
    }

    private const string SortDone = "(case when x.state in ('open', 'called_back', 'appealed') then 0 else 1 end)";
    private const string SortDay = "(case when x.state in ('open', 'called_back', 'appealed') "
        + "then x.due_on - date '2000-01-01' else date '2000-01-01' - x.due_on end)";
}
