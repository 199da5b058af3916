using Governance.Calendar.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.ServiceCentre.Features;

public sealed record RateRequest(int? Level, [TextLimit(500)] string? Comment);

/// <summary>
/// An applicant rating from outside (网上, 掌上, 短信, 二维码): the application — by its 办件编号 (as printed on the
/// receipt) or its id — and the phone it was registered with.
/// </summary>
public sealed record PublicRateRequest(Guid? ApplicationId, [TextLimit(TextLimits.Phone)] string? Phone,
    [TextLimit(TextLimits.Code)] string? Channel, int? Level,
    [TextLimit(500)] string? Comment, [TextLimit(40)] string? ApplicationNumber = null);

public sealed record RatingResponse(
    Guid Id, Guid ApplicationId, string ApplicationNumber, string ItemName, string CentreName, string Channel,
    int Level, string LevelName, bool Bad, string? Comment, DateTimeOffset RatedAt, Guid? RectificationId);

public sealed record RectificationActionRequest([TextLimit(1000)] string? Note,
    [TextLimit(TextLimits.Note)] string? Response, [TextLimit(TextLimits.Note)] string? Decision);

public sealed record RectificationResponse(
    Guid Id, Guid RatingId, Guid ApplicationId, string ApplicationNumber, string ItemName, string CentreName, int Level,
    string LevelName, string? RatingComment, DateOnly RatedOn, DateOnly DueOn, string State, string StateName,
    bool Overdue, string? CallbackNote, string? RectificationNote, DateOnly? RectifiedOn, bool RectifiedInTime,
    string? RaterResponse, string? RaterComment, string? AppealReason, string? AppealDecision, string? AppealNote,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<WorkflowEvent> Events, int Version,
    ApplicantContact? Contact = null);

/// <summary>
/// The applicant to call back (回访), on a rectification's detail only: name and phone masked unless
/// <c>Revealed</c> (asked for with <c>reveal=true</c>, audited); <c>MayReveal</c>: the caller's role may ask.
/// </summary>
public sealed record ApplicantContact(string Name, string Phone, bool Revealed, bool MayReveal);

/// <summary>
/// 好差评 and 差评整改. A completed application can be rated once per channel; a bad rating (不满意, 非常不满意) opens
/// a rectification due in N working days (default 15): call-back → rectification → the rater's response, or an appeal
/// that the county decides (upheld: the bad rating no longer counts).
/// </summary>
internal static class Ratings
{
    internal static readonly IReadOnlyDictionary<int, string> LevelNames = new Dictionary<int, string>
    {
        [5] = "非常满意", [4] = "满意", [3] = "基本满意", [2] = "不满意", [1] = "非常不满意",
    };

    private static readonly string[] PublicChannels = ["online", "mobile", "sms", "qr"];

    internal static bool IsBad(int level) => level <= 2;

    private sealed record Target(Guid Id, string State, string OriginPath, string RegionPath, string ApplicantPhone);

    /// <summary>The window's rating pad (评价器): the applicant rates at the counter, on the clerk's session.</summary>
    public static async Task<Created<RatingResponse>> RateAtWindow(Guid id, RateRequest r,
        [AsParameters] ServiceCentreServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var target = await c.QuerySingleOrDefaultAsync<Target>(new CommandDefinition($"""
            select id, state, origin_path, region_path, applicant_phone from service_centre.applications
            where id = @id and {RegionScope.Sql("origin_path")}
            """, new { id, scope = s.User.Scope.Pattern }, cancellationToken: ct));
        if (target is null) return await s.Guard.DenyAsync<Created<RatingResponse>>("application", id, ct);
        return await Rate(c, target, "window", r.Level, r.Comment, s.Audit, s.Calendar, s.Regions, s.Options.Value,
            s.Clock, ct);
    }

    /// <summary>
    /// Rating from outside: no login, but the phone registered on the application must match (a wrong one is a plain
    /// 404).
    /// </summary>
    public static async Task<Created<RatingResponse>> RateFromOutside(
        PublicRateRequest r, NpgsqlDataSource db, IAuditTrail audit, IWorkingCalendar calendar,
        IRegionDirectory regions, IOptions<ServiceCentreOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var number = TextInput.Blank(r.ApplicationNumber);
        new Validator()
            .Check(r.ApplicationId is not null || number is not null, "applicationId", "请填写办件编号。")
            .Check(!string.IsNullOrWhiteSpace(r.Phone), "phone", "请填写办件登记的联系电话。")
            .Check(r.Channel is not null && PublicChannels.Contains(r.Channel), "channel",
                "评价渠道只能是 online、mobile、sms 或 qr。")
            .ThrowIfInvalid();
        await using var c = await db.OpenConnectionAsync(ct);
        // a number is unique within a county only: of the applications carrying it, the one registered with this phone
        var phone = r.Phone!.Trim();
        var targets = (await c.QueryAsync<Target>(new CommandDefinition($"""
            select id, state, origin_path, region_path, applicant_phone from service_centre.applications
            where {(number is null ? "id = @id" : "number = @number")}
            """, new { id = r.ApplicationId, number }, cancellationToken: ct))).ToList();
        var target = targets.FirstOrDefault(t => t.ApplicantPhone == phone) ?? targets.FirstOrDefault();
        if (target is null || target.ApplicantPhone != phone)
        {
            await audit.RecordAttemptAsync(new AuditRecord("rating.refused", "application",
                target?.Id.ToString() ?? number ?? r.ApplicationId.ToString(), target?.OriginPath,
                Outcome: AuditOutcome.Denied) { ActorName = "公众" }, ct);
            throw new NotFoundException("办件编号或联系电话不正确。");
        }
        return await Rate(c, target, r.Channel!, r.Level, r.Comment, audit, calendar, regions, options.Value,
            clock, ct);
    }

    private static async Task<Created<RatingResponse>> Rate(
        NpgsqlConnection c, Target a, string channel, int? level, string? comment, IAuditTrail audit,
        IWorkingCalendar calendar, IRegionDirectory regions, ServiceCentreOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        new Validator()
            .Check(level is >= 1 and <= 5, "level", "评价等级为 1（非常不满意）到 5（非常满意）。")
            .Check(!IsBad(level ?? 5) || !string.IsNullOrWhiteSpace(comment), "comment",
                "差评请写明不满意的原因，便于整改。")
            .ThrowIfInvalid();
        if (a.State is not ("completed" or "delivered"))
            throw new ConflictException("ratings.not_completed",
                "办结后才能评价。") { Extensions = { ["state"] = a.State } };

        var now = clock.GetUtcNow().UtcDateTime;
        var today = CountyClock.Today(clock);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.ratings (id, application_id, origin_path, channel, level, comment, rated_at,
                rated_on)
            values (@id, @applicationId, @originPath, @channel, @level, @comment, @now, @today)
            on conflict (application_id, channel) do nothing
            """, new { id, applicationId = a.Id, originPath = a.OriginPath, channel, level, comment = comment?.Trim(),
                now, today },
            tx, cancellationToken: ct));
        if (inserted == 0)
            throw new ConflictException("ratings.already_rated",
                "该办件在此渠道已评价过，每个渠道只能评价一次。") { Extensions = { ["channel"] = channel } };

        Guid? rectificationId = null;
        if (IsBad(level!.Value))
        {
            rectificationId = Guid.CreateVersion7();
            var due = (await calendar.CurrentAsync(ct)).AddWorkingDays(today, options.RectificationWorkingDays);
            await c.ExecuteAsync(new CommandDefinition("""
                insert into service_centre.rectifications (id, rating_id, application_id, origin_path, region_path,
                    rated_on, opened_on, due_on, state)
                values (@rid, @id, @applicationId, @originPath, @regionPath, @today, @today, @due, 'open')
                """, new { rid = rectificationId, id, applicationId = a.Id, originPath = a.OriginPath,
                    regionPath = a.RegionPath, today, due },
                tx, cancellationToken: ct));
            await WorkflowEvents.AppendAsync(c, tx, Rectifications.EventsTable,
                new WorkflowEventRow(rectificationId.Value, now, null, "系统", "open", null, "open",
                    $"差评（{LevelNames[level.Value]}）自动生成整改，期限 {due:yyyy-MM-dd}"), ct);
        }
        await audit.RecordAsync(c, tx, new AuditRecord("rating.created", "application", a.Id.ToString(), a.OriginPath,
            After: new { channel, level, rectificationId }) { ActorName = channel == "window" ? null : "公众" }, ct);
        await tx.CommitAsync(ct);
        var response = (await List(c, "r.id = @id", new { id }, regions, ct)).Single();
        return TypedResults.Created($"/api/v1/service-centre/ratings/{id}", response);
    }

    internal sealed record RatingRow(
        Guid Id, Guid ApplicationId, string ApplicationNumber, string ItemName, string RegionPath, string Channel,
        int Level, string? Comment, DateTime RatedAt, Guid? RectificationId);

    private static async Task<List<RatingResponse>> List(
        NpgsqlConnection c, string where, object args, IRegionDirectory regions, CancellationToken ct, string tail = "")
    {
        var rows = (await c.QueryAsync<RatingRow>(new CommandDefinition($"""
            select r.id, r.application_id, a.number as application_number, v.name as item_name, a.region_path,
                r.channel, r.level, r.comment, r.rated_at, x.id as rectification_id
            from service_centre.ratings r
            join service_centre.applications a on a.id = r.application_id
            join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
            left join service_centre.rectifications x on x.rating_id = r.id
            where {where} {tail}
            """, args, cancellationToken: ct))).ToList();
        var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).Distinct().ToList(), ct);
        return rows.Select(r => new RatingResponse(r.Id, r.ApplicationId, r.ApplicationNumber, r.ItemName,
            names.GetValueOrDefault(r.RegionPath, ""), r.Channel, r.Level, LevelNames[r.Level], IsBad(r.Level),
            r.Comment, Applications.Utc(r.RatedAt), r.RectificationId)).ToList();
    }

    private sealed record Key(DateTime At, Guid Id);

    public static async Task<Ok<Page<RatingResponse>>> ListRatings(
        bool? bad, DateOnly? from, DateOnly? to, Guid? applicationId, [TextLimit(TextLimits.Cursor)] string? cursor,
        int? limit, NpgsqlDataSource db,
        CurrentUser user, IRegionDirectory regions, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await List(c, $"""
            {RegionScope.Sql("r.origin_path")} and {user.PeriodSql("r.rated_on")}
              and (@bad::boolean is null or (r.level <= 2) = @bad)
              and (@from::date is null or r.rated_on >= @from) and (@to::date is null or r.rated_on <= @to)
              and (@applicationId::uuid is null or r.application_id = @applicationId)
              and (@afterAt::timestamptz is null or (r.rated_at, r.id) < (@afterAt, @afterId))
            """, new { scope = user.Scope.Pattern, bad, from, to, applicationId, afterAt = after?.At,
                afterId = after?.Id, take = take + 1 },
            regions, ct, "order by r.rated_at desc, r.id desc limit @take");
        return TypedResults.Ok(Cursor.ToPage(rows, take, r => new Key(r.RatedAt.UtcDateTime, r.Id)));
    }

    /// <summary>好差评变更 for nightly scripts: the ratings in scope given since the cursor (see
    /// <see cref="ChangeFeed"/>). A rating is never changed; an upheld appeal voids it in the rectifications' feed.
    /// </summary>
    public static async Task<Ok<ChangePage<RatingResponse>>> RatingChanges(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c, new ChangeSource<RatingResponse>(
            "service_centre.ratings", "r", $"{RegionScope.Sql("r.origin_path")} and {user.PeriodSql("r.rated_on")}",
            async ids => await List(c, "r.id = any(@ids)", new { ids = ids.ToArray() }, regions, ct), r => r.Id),
            user.Scope, changedSince, limit, ct));
    }

    // ---- 差评整改 ----

    internal static readonly Dictionary<string, string> StateNames = new()
    {
        ["open"] = "待整改", ["called_back"] = "已回访", ["rectified"] = "已整改", ["closed"] = "已办结",
        ["appealed"] = "申诉中", ["voided"] = "申诉成立",
    };

    internal static readonly string[] OpenStates = ["open", "called_back", "appealed"];

    private const string Rectify = ServiceCentrePermissions.RatingsRectify;

    /// <summary>
    /// 差评整改: the centre answering for the rating calls back, rectifies or appeals; the rater answers (unsatisfied
    /// sends it back to be rectified again); only the county (事项管理) decides an appeal (rejected puts the centre
    /// back to work).
    /// </summary>
    internal static readonly Workflow<RectificationRow> Rectifications = new()
    {
        Name = "rectifications", RecordType = "rectification", Table = "service_centre.rectifications",
        EventsTable = "service_centre.rectification_events", StateNames = StateNames,
        Actions =
        [
            new("callback", Rectify, "差评回访"), new("rectify", Rectify, "整改完成"),
            new("respond", Rectify, "记录评价人反馈"), new("appeal", Rectify, "提出申诉"),
            new("decide", ServiceCentrePermissions.ServicesManage, "裁定申诉"),
        ],
        Transitions =
        [
            new("open", "callback", "called_back"), new("open", "rectify", "rectified"),
            new("open", "appeal", "appealed"), new("called_back", "rectify", "rectified"),
            new("called_back", "appeal", "appealed"), new("rectified", "respond", "closed"),
            new("rectified", "respond", "open"), new("appealed", "decide", "voided"), new("appealed", "decide", "open"),
        ],
        // a centre above sees the rectifications of the points below, but only the centre holding the application
        // answers for it
        Guard = (x, user) => user.Scope.Contains(x.RegionPath) ? null : "整改由被评价的服务中心负责。",
    };

    internal sealed record RectificationRow(
        Guid Id, Guid RatingId, Guid ApplicationId, string ApplicationNumber, string ItemName, string RegionPath,
        string OriginPath, int Level, string? RatingComment, DateOnly RatedOn, DateOnly DueOn, string State,
        string? CallbackNote, string? RectificationNote, DateOnly? RectifiedOn, string? RaterResponse,
        string? RaterComment, string? AppealReason, string? AppealDecision, string? AppealNote,
        string ApplicantName, string ApplicantPhone, int Version) : IWorkflowRecord
    {
        public string AuditPath => OriginPath;
    }

    internal const string RectificationSelect = """
        select x.id, x.rating_id, x.application_id, a.number as application_number, v.name as item_name,
               x.region_path, x.origin_path, r.level, r.comment as rating_comment, x.rated_on, x.due_on, x.state,
               x.callback_note, x.rectification_note, x.rectified_on, x.rater_response, x.rater_comment,
               x.appeal_reason, x.appeal_decision, x.appeal_note, a.applicant_name, a.applicant_phone, x.version
        from service_centre.rectifications x
        join service_centre.ratings r on r.id = x.rating_id
        join service_centre.applications a on a.id = x.application_id
        join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
        """;

    internal static RectificationResponse ToResponse(
        RectificationRow x, IReadOnlyDictionary<string, string> names, DateOnly today, CurrentUser user,
        IReadOnlyList<WorkflowEvent> events, ApplicantContact? contact = null) =>
        new(x.Id, x.RatingId, x.ApplicationId, x.ApplicationNumber, x.ItemName,
            names.GetValueOrDefault(x.RegionPath, ""), x.Level, LevelNames[x.Level], x.RatingComment, x.RatedOn,
            x.DueOn, x.State, StateNames[x.State], OpenStates.Contains(x.State) && x.DueOn < today, x.CallbackNote,
            x.RectificationNote, x.RectifiedOn, x.RectifiedOn is { } on && on <= x.DueOn, x.RaterResponse,
            x.RaterComment, x.AppealReason, x.AppealDecision, x.AppealNote, Rectifications.AllowedActions(x, user),
            events, x.Version, contact);

    /// <summary>差评整改变更 for nightly scripts: the rectifications opened or moved on since the cursor, in
    /// their state now (<c>voided</c>: the appeal was upheld and the bad rating no longer counts); see
    /// <see cref="ChangeFeed"/>.</summary>
    public static async Task<Ok<ChangePage<RectificationResponse>>> RectificationChanges(
        [TextLimit(TextLimits.Cursor)] string? changedSince, int? limit, NpgsqlDataSource db, CurrentUser user,
        IRegionDirectory regions,
        TimeProvider clock, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        await using var c = await db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<RectificationResponse>> Load(IReadOnlyList<Guid> ids)
        {
            var rows = (await c.QueryAsync<RectificationRow>(new CommandDefinition(
                $"{RectificationSelect} where x.id = any(@ids)", new { ids = ids.ToArray() },
                cancellationToken: ct))).ToList();
            var names = await regions.NamesByPathAsync(rows.Select(r => r.RegionPath).Distinct().ToList(), ct);
            return rows.Select(x => ToResponse(x, names, today, user, [])).ToList();
        }
        return TypedResults.Ok(await ChangeFeed.ReadAsync(c, new ChangeSource<RectificationResponse>(
            "service_centre.rectifications", "x",
            $"{RegionScope.Sql("x.origin_path")} and {user.PeriodSql("x.opened_on")}", Load, x => x.Id),
            user.Scope, changedSince, limit, ct));
    }

    /// <summary>
    /// One rectification with its timeline and the applicant to call back; <paramref name="reveal"/> unmasks the
    /// contact by the applications' rule (<see cref="ApplicantData"/>): 404 before 403, and audited or refused.
    /// </summary>
    public static async Task<Ok<RectificationResponse>> GetRectification(Guid id, bool? reveal,
        [AsParameters] ServiceCentreServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var x = await c.QuerySingleOrDefaultAsync<RectificationRow>(new CommandDefinition(
            $"{RectificationSelect} where x.id = @id and {RegionScope.Sql("x.origin_path")} "
            + $"and {s.User.PeriodSql("x.opened_on")}",
            new { id, scope = s.User.Scope.Pattern }, cancellationToken: ct));
        if (x is null) return await s.Guard.DenyAsync<Ok<RectificationResponse>>("rectification", id, ct);
        if (reveal == true)
            await ApplicantData.RevealAsync(s.User, s.Audit, x.ApplicationId, x.OriginPath,
                new { rectificationId = id }, ct);
        ETags.Set(s.Http, x.Version);
        return TypedResults.Ok(
            await Detail(c, null, x, s.User, s.Regions, CountyClock.Today(s.Clock), ct, reveal == true));
    }

    private static async Task<RectificationResponse> Detail(
        NpgsqlConnection c, NpgsqlTransaction? tx, RectificationRow x, CurrentUser user, IRegionDirectory regions,
        DateOnly today, CancellationToken ct, bool reveal = false)
    {
        var events = await WorkflowEvents.ReadAsync(c, tx, Rectifications.EventsTable, x.Id, ct);
        var contact = reveal
            ? new ApplicantContact(x.ApplicantName, x.ApplicantPhone, true, true)
            : new ApplicantContact(Masking.Name(x.ApplicantName), Masking.Phone(x.ApplicantPhone)!, false,
                ApplicantData.MayReveal(user));
        return ToResponse(x, await regions.NamesByPathAsync([x.RegionPath], ct), today, user, events, contact);
    }

    public static async Task<Ok<RectificationResponse>> Act(
        Guid id, RectificationActionRequest r, [AsParameters] WorkflowServices s, IRegionDirectory regions)
    {
        var (user, ct) = (s.User, s.Cancellation);
        var today = CountyClock.Today(s.Clock);
        await using var step = await Rectifications.StartAsync(s, id, (c, tx) =>
            c.QuerySingleOrDefaultAsync<RectificationRow>(new CommandDefinition(
                $"{RectificationSelect} where x.id = @id and {RegionScope.Sql("x.origin_path")} for update of x",
                new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct)));
        var (action, x) = (step.Action, step.Before);
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        new Validator()
            .Check(action == "respond" || note is not null, "note", action switch
            {
                "callback" => "请填写回访情况。", "rectify" => "请填写整改措施和结果。", "appeal" => "请填写申诉理由。",
                _ => "请填写裁定意见。",
            })
            .Check(action != "respond" || r.Response is "satisfied" or "unsatisfied", "response",
                "请选择评价人的反馈：满意（satisfied）或不满意（unsatisfied）。")
            .Check(action != "decide" || r.Decision is "upheld" or "rejected", "decision",
                "请选择裁定结果：申诉成立（upheld）或不成立（rejected）。")
            .ThrowIfInvalid();

        var (c, tx) = (step.Connection, step.Transaction);
        await c.ExecuteAsync(new CommandDefinition(action switch
        {
            "callback" => """
                update service_centre.rectifications set callback_note = @note, called_back_at = @now where id = @id
                """,
            "rectify" => """
                update service_centre.rectifications set rectification_note = @note, rectified_on = @today
                    where id = @id
                """,
            "respond" => """
                update service_centre.rectifications set rater_response = @response, rater_comment = @note,
                    rectified_on = case when @response = 'unsatisfied' then null else rectified_on end
                where id = @id
                """,
            "appeal" => "update service_centre.rectifications set appeal_reason = @note where id = @id",
            _ => """
                update service_centre.rectifications set appeal_decision = @decision, appeal_note = @note where id = @id
                """,
        }, new { id, note, now = step.Now, today, response = r.Response, decision = r.Decision }, tx,
        cancellationToken: ct));
        // an unsatisfied rater sends it back to be rectified again; a rejected appeal puts the centre back to work
        var to = (action, r.Response, r.Decision) is ("respond", "unsatisfied", _) or ("decide", _, "rejected")
            ? "open" : null;
        await step.MoveAsync(note ?? r.Response ?? r.Decision, to);
        var after = await c.QuerySingleAsync<RectificationRow>(
            new CommandDefinition($"{RectificationSelect} where x.id = @id", new { id }, tx, cancellationToken: ct));
        var response = await Detail(c, tx, after, user, regions, today, ct);
        await step.CommitAsync(new { x.State }, new { after.State, note, r.Response, r.Decision });
        return TypedResults.Ok(response);
    }
}
