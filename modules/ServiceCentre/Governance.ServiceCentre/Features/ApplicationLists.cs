using System.Globalization;
using Governance.Calendar.Contracts;
using Governance.SharedKernel.Database;

namespace Governance.ServiceCentre.Features;

/// <summary>
/// Filters of the application list and its export. <c>State</c>: one state, or <c>open</c> for every one still being
/// handled. <c>RegionId</c>: applications received in that region (a township
/// includes its village points); <c>Applicant</c>: the start of a name, a whole ID number or phone, or a 办件编号 or
/// its start (a term with a '-', e.g. 2026-0101-0001).
/// </summary>
public sealed record ApplicationFilter(
    [TextLimit(TextLimits.Code)] string? State, Guid? ItemId, Guid? RegionId, DateOnly? From, DateOnly? To,
    [TextLimit(50)] string? Applicant, bool? Overdue,
    bool? DueSoon);

public sealed record ApplicationListItem(
    Guid Id, string Number, string ItemCode, string ItemName, string CentreName, string Channel, string ApplicantKind,
    string ApplicantName, string ApplicantIdNumber, string State, string StateName, DateTimeOffset ReceivedAt,
    DateOnly DueOn, DateOnly? CompletedOn, string? Outcome, bool OnTheSpot, bool Forwarded, bool Overdue, bool DueSoon);

/// <summary>
/// What a centre must see at a glance (一屏掌握): open work, overdue, due soon, waiting for materials, today's figures.
/// </summary>
public sealed record ApplicationSummary(int Open, int Overdue, int DueSoon, int Suspended, int ReceivedToday,
    int CompletedToday);

/// <summary>
/// 办件查询: search, filters, keyset pages (newest first) and the streamed export. Scope is the receiving centre's path
/// (<c>origin_path</c>), so a village point keeps seeing what it forwarded; lists are ordered within one county by an
/// index. Personal data is always masked in lists and exports.
/// </summary>
internal static class ApplicationLists
{
    private sealed record Key(DateTime At, Guid Id);

    internal sealed record ListRow(
        Guid Id, string Number, string ItemCode, string ItemName, string RegionPath, string Channel,
        string ApplicantKind, string ApplicantName, string ApplicantIdNumber, string ApplicantPhone, string State,
        DateTime ReceivedAt, DateOnly DueOn, DateOnly? CompletedOn, string? Outcome, bool OnTheSpot, int Visits,
        bool Forwarded);

    internal const string Columns = """
        a.id, a.number, i.code as item_code, v.name as item_name, a.region_path, a.channel, a.applicant_kind,
        a.applicant_name, a.applicant_id_number, a.applicant_phone, a.state, a.received_at, a.due_on, a.completed_on,
        a.outcome, a.on_the_spot, a.visits, a.forwarded
        """;

    /// <summary>
    /// The county part of a scope path (<c>/province/county/</c>), or null for a province-wide caller.
    /// </summary>
    internal static string? CountyOf(string path) =>
        Applications.Tier(path) < 2 ? null : RegionScope.Ancestor(path, 2);

    private sealed record Sql(string Where, DynamicParameters Parameters);

    private static async Task<Sql> Where(
        ApplicationFilter f, CurrentUser user, IRegionDirectory regions, DateOnly today, WorkingDayCalendar calendar,
        CancellationToken ct)
    {
        new Validator()
            .Check(f.State is null or "open" || Applications.StateNames.ContainsKey(f.State), "state", "办件状态无效。")
            .Check(f.From is null || f.To is null || f.From <= f.To, "to", "结束日期不能早于开始日期。")
            .Check(f.Applicant is null || f.Applicant.Trim().Length > 0, "applicant", "申请人查询条件不能为空白。")
            .ThrowIfInvalid();
        string? regionPattern = null;
        if (f.RegionId is { } regionId)
        {
            var region = await regions.FindAsync(regionId, ct);
            // a region outside the caller's scope filters to nothing rather than revealing that it exists
            regionPattern = region is not null && user.Scope.Contains(region.Path) ? region.Path + "%" : "-";
        }
        var term = f.Applicant?.Trim();
        var number = term is not null && ApplicationNumbers.LooksLikeNumber(term) ? term : null;
        var p = new DynamicParameters(new
        {
            scope = user.Scope.Pattern, county = CountyOf(user.Scope.Path), state = f.State, itemId = f.ItemId,
            region = regionPattern, from = f.From, to = f.To, applicant = number is null ? term : null, number,
            overdue = f.Overdue == true, dueSoon = f.DueSoon == true, today,
            soon = calendar.AddWorkingDays(today, Applications.DueSoonWorkingDays),
        });
        return new Sql($"""
            {RegionScope.Sql("a.origin_path")} and {user.PeriodSql("a.received_on")}
              and (@county::text is null or a.county_path = @county)
              and (@state::text is null or a.state = @state
                  or (@state = 'open' and a.state in ('received', 'accepted', 'suspended')))
              and (@itemId::uuid is null or a.item_id = @itemId)
              and (@region::text is null or a.origin_path like @region)
              and (@from::date is null or a.received_on >= @from) and (@to::date is null or a.received_on <= @to)
              and (@applicant::text is null or a.applicant_name like @applicant || '%'
                   or a.applicant_id_number = upper(@applicant) or a.applicant_phone = @applicant)
              and (@number::text is null or a.number like @number || '%')
              and (not @overdue or (a.state in ('received', 'accepted') and a.due_on < @today))
              and (not @dueSoon or (a.state in ('received', 'accepted') and a.due_on between @today and @soon))
            """, p);
    }

    internal const string From = """
        from service_centre.applications a
        join service_centre.items i on i.id = a.item_id
        join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
        """;

    private static ApplicationListItem ToItem(ListRow r, IReadOnlyDictionary<string, string> names, DateOnly today,
        WorkingDayCalendar calendar)
    {
        var (overdue, dueSoon) = Applications.Deadline(r.State, r.DueOn, today, calendar);
        return new ApplicationListItem(r.Id, r.Number, r.ItemCode, r.ItemName,
            names.GetValueOrDefault(r.RegionPath, ""), r.Channel, r.ApplicantKind, r.ApplicantName,
            Masking.IdNumber(r.ApplicantIdNumber)!, r.State, Applications.StateNames[r.State],
            Applications.Utc(r.ReceivedAt), r.DueOn, r.CompletedOn, r.Outcome, r.OnTheSpot, r.Forwarded, overdue,
            dueSoon);
    }

    public static async Task<Ok<Page<ApplicationListItem>>> List(
        [AsParameters] ApplicationFilter filter, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions, IWorkingCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var today = CountyClock.Today(clock);
        var working = await calendar.CurrentAsync(ct);
        var sql = await Where(filter, user, regions, today, working, ct);
        sql.Parameters.AddDynamicParams(new { afterAt = after?.At, afterId = after?.Id, take = take + 1 });
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<ListRow>(new CommandDefinition($"""
            select {Columns} {From}
            where {sql.Where} and (@afterAt::timestamptz is null or (a.received_at, a.id) < (@afterAt, @afterId))
            order by a.received_at desc, a.id desc
            limit @take
            """, sql.Parameters, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).Distinct().ToList(), ct);
        var page = Cursor.ToPage(rows, take, r => new Key(r.ReceivedAt, r.Id));
        return TypedResults.Ok(new Page<ApplicationListItem>(page.Items.Select(r => ToItem(r, names, today, working))
            .ToList(), page.NextCursor));
    }

    /// <summary>
    /// 办件变更 for nightly scripts: the applications received or changed since the cursor, oldest change first, as the
    /// list shows them (personal data masked); see <see cref="ChangeFeed"/> for why none is ever missed.
    /// </summary>
    public static async Task<Ok<ChangePage<ApplicationListItem>>> Changes(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions,
        IWorkingCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var working = await calendar.CurrentAsync(ct);
        await using var c = await db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<ApplicationListItem>> Load(IReadOnlyList<Guid> ids)
        {
            var rows = (await c.QueryAsync<ListRow>(new CommandDefinition(
                $"select {Columns} {From} where a.id = any(@ids)", new { ids = ids.ToArray() },
                cancellationToken: ct))).ToList();
            var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).Distinct().ToList(), ct);
            return rows.Select(r => ToItem(r, names, today, working)).ToList();
        }
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c,
            new ChangeSource<ApplicationListItem>("service_centre.applications", "a",
                $"{RegionScope.Sql("a.origin_path")} and {user.PeriodSql("a.received_on")}",
                Load, a => a.Id),
            user.Scope, changedSince, limit, ct));
    }

    public static async Task<Ok<ApplicationSummary>> Summary(
        NpgsqlDataSource db, CurrentUser user, IWorkingCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var soon = (await calendar.CurrentAsync(ct)).AddWorkingDays(today, Applications.DueSoonWorkingDays);
        await using var c = await db.OpenConnectionAsync(ct);
        // open work comes from the partial index of open applications; today's figures from the county's ordered index
        var summary = await c.QuerySingleAsync<ApplicationSummary>(new CommandDefinition($"""
            select count(*) filter (where state in ('received', 'accepted', 'suspended'))::int as open,
                   count(*) filter (where state in ('received', 'accepted') and due_on < @today)::int as overdue,
                   count(*) filter (where state in ('received', 'accepted') and due_on between @today and @soon)::int
                       as due_soon,
                   count(*) filter (where state = 'suspended')::int as suspended,
                   (select count(*)::int from service_centre.applications t
                    where {RegionScope.Sql("t.origin_path")} and t.received_on = @today and t.received_at >= @since)
                        as received_today,
                   (select count(*)::int from service_centre.applications t
                    where {RegionScope.Sql("t.origin_path")} and t.completed_on = @today) as completed_today
            from service_centre.applications a
            where {RegionScope.Sql("a.origin_path")} and a.state in ('received', 'accepted', 'suspended')
            """, new { scope = user.Scope.Pattern, today, soon, since = clock.GetUtcNow().UtcDateTime.AddDays(-1) },
            cancellationToken: ct));
        return TypedResults.Ok(summary);
    }

    private static readonly string[] ExportColumns =
        ["办件编号", "事项编码", "事项名称", "当前办理地", "渠道", "申请人类型", "申请人", "证件号码", "联系电话",
         "状态", "接件时间", "承诺办结日期", "办结日期", "办结结果", "当场办结", "跑动次数", "转报", "超期", "办件ID"];

    /// <summary>
    /// Asia/Shanghai keeps UTC+8 all year (no daylight saving): a fixed offset, not a zone lookup per row.
    /// </summary>
    private static readonly TimeSpan CountyOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// Streams the filtered list (no page limit) as CSV or XLSX: rows are read unbuffered and written as they come, so
    /// a year of a county (or a province) never sits in memory. Region names come from one lookup of the caller's
    /// regions.
    /// </summary>
    public static async Task<IResult> Export(
        [AsParameters] ApplicationFilter filter, [TextLimit(TextLimits.Code)] string? format,
        ReportingDatabase reporting, CurrentUser user,
        IRegionDirectory regions, IWorkingCalendar calendar, IAuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var db = reporting.Db;
        TableExport.CheckFormat(format);
        var today = CountyClock.Today(clock);
        var working = await calendar.CurrentAsync(ct);
        var sql = await Where(filter, user, regions, today, working, ct);
        var names = await RegionNames(regions, user, ct);
        await audit.RecordAttemptAsync(new AuditRecord("applications.exported", "application", null, user.Scope.Path,
            After: filter), ct);

        // one row buffer, refilled per record (TableExport writes each row before asking for the next)
        async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
        {
            var row = new string?[ExportColumns.Length];
            await using var c = await db.OpenConnectionAsync(ct);
            var rows = c.QueryUnbufferedAsync<ListRow>($"""
                select {Columns} {From} where {sql.Where} order by a.received_at desc, a.id desc
                """, sql.Parameters);
            await foreach (var r in rows.WithCancellation(ct))
            {
                row[0] = r.Number; row[1] = r.ItemCode; row[2] = r.ItemName;
                row[3] = names.GetValueOrDefault(r.RegionPath, "");
                row[4] = ServiceItems.Channels.GetValueOrDefault(r.Channel, r.Channel);
                row[5] = r.ApplicantKind == "person" ? "个人" : "法人或其他组织";
                row[6] = r.ApplicantName; row[7] = Masking.IdNumber(r.ApplicantIdNumber);
                row[8] = Masking.Phone(r.ApplicantPhone);
                row[9] = Applications.StateNames[r.State];
                row[10] = r.ReceivedAt.Add(CountyOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                row[11] = r.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                row[12] = r.CompletedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                row[13] = r.Outcome switch { "approved" => "准予", "rejected" => "不予", _ => "" };
                row[14] = r.OnTheSpot ? "是" : "否"; row[15] = r.Visits.ToString(CultureInfo.InvariantCulture);
                row[16] = r.Forwarded ? "是" : "否";
                row[17] = r.State is "received" or "accepted" && r.DueOn < today ? "是" : "否";
                row[18] = r.Id.ToString();
                yield return row;
            }
        }

        return TableExport.Stream(format, $"办件清单-{today:yyyyMMdd}", "办件清单", ExportColumns, Rows, ct);
    }

    /// <summary>Names of the county, townships and villages within the caller's scope, by path.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> RegionNames(IRegionDirectory regions,
        CurrentUser user, CancellationToken ct)
    {
        var names = new Dictionary<string, string>();
        foreach (var level in new[] { RegionLevels.County, RegionLevels.Township, RegionLevels.Village })
            foreach (var r in await regions.ByLevelAsync(level, ct))
                // a forwarded one sits above
                if (user.Scope.Contains(r.Path) || user.Scope.Path.StartsWith(r.Path, StringComparison.Ordinal))
                    names[r.Path] = r.Name;
        return names;
    }
}
