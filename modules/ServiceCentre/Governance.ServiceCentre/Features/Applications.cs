using System.Security.Cryptography;
using System.Text.Json;
using Governance.Calendar.Contracts;
using Governance.Notifications.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Governance.ServiceCentre.Features;

public sealed record RegisterApplicationRequest(
    Guid? ItemId, string? Channel, string? ApplicantKind, string? ApplicantName, string? ApplicantIdNumber, string? ApplicantPhone, string? Note);

/// <summary>
/// One step on an application. <c>Note</c>: the reason (不予受理), the missing materials (补正) or a remark; <c>Outcome</c>:
/// approved or rejected (办结); <c>DeliveryMethod</c>/<c>TrackingNumber</c>: pickup or post (送达); <c>Visit</c>: the applicant
/// came to the counter for this step (counts towards 跑动次数).
/// </summary>
public sealed record ApplicationActionRequest(string? Note, string? Outcome, string? DeliveryMethod, string? TrackingNumber, bool? Visit);

public sealed record ApplicationEvent(DateTimeOffset At, string Actor, string Action, string? FromState, string ToState, string? Note);

public sealed record ApplicationResponse(
    Guid Id, Guid ItemId, string ItemCode, string ItemName, int ItemVersion, string ItemLevel, string ItemKind, string CentreName, string OriginName,
    string Channel, string ApplicantKind, string ApplicantName, string ApplicantIdNumber, string ApplicantPhone, bool PersonalDataRevealed,
    string State, string StateName, DateTimeOffset ReceivedAt, DateOnly ReceivedOn, int PromisedDays, DateOnly DueOn, DateOnly? SuspendedOn,
    string? Outcome, DateOnly? CompletedOn, bool OnTheSpot, int Visits, bool Forwarded, string? DeliveryMethod, string? TrackingNumber,
    DateTimeOffset? DeliveredAt, bool Overdue, bool DueSoon, IReadOnlyList<string> AllowedActions, IReadOnlyList<ApplicationEvent> Events, int Version);

/// <summary>
/// 办件: received → 受理 or 不予受理 → (补正 pauses the clock, 补齐 restarts it) → 办结 (approved or rejected) → 送达 (pickup or
/// post). 转报 moves it up one tier (village point → township centre → county hall) under the same id; the upper tier
/// receives it anew, and the deadline still runs from the first receipt.
/// The due date is the receipt day plus the promised working days plus every pause's working days, on the calendar.
/// </summary>
internal static class Applications
{
    private static readonly Dictionary<string, (string Action, string To)[]> Transitions = new()
    {
        ["received"] = [("accept", "accepted"), ("refuse", "refused"), ("complete", "completed"), ("forward", "received")],
        ["accepted"] = [("suspend", "suspended"), ("complete", "completed"), ("forward", "received")],
        ["suspended"] = [("resume", "accepted")],
        ["completed"] = [("deliver", "delivered")],
    };

    internal static readonly Dictionary<string, string> StateNames = new()
    {
        ["received"] = "已接件", ["accepted"] = "已受理", ["refused"] = "不予受理", ["suspended"] = "补正中", ["completed"] = "已办结",
        ["delivered"] = "已送达",
    };

    /// <summary>Roles that handle applications may reveal applicants' ID numbers and phones (audited); everyone else never sees them.</summary>
    private static bool MayReveal(CurrentUser user) => user.Role is Roles.WindowClerk or Roles.VillageAgent;

    /// <summary>Depth of a region path: 2 = county hall, 3 = township centre, 4 = village point.</summary>
    internal static int Tier(string path) => path.Count(ch => ch == '/') - 1;

    internal static string ParentPath(string path) => path[..(path.TrimEnd('/').LastIndexOf('/') + 1)];

    /// <summary>What the caller may do next: only the centre holding the application acts on it. A village point handles its own
    /// village-level items; a township-level item registered there can only be forwarded (转报). The county hall is the top.</summary>
    internal static IReadOnlyList<string> AllowedActions(Row a, CurrentUser user)
    {
        if (!MayReveal(user) || user.Scope.Path != a.RegionPath) return [];
        var tier = Tier(a.RegionPath);
        return Transitions.GetValueOrDefault(a.State, [])
            .Select(t => t.Action)
            .Where(action => action != "forward" || tier > 2)
            .Where(action => !(tier == 4 && a.ItemLevel == "township") || action == "forward")
            .ToList();
    }

    internal sealed record Row(
        Guid Id, Guid ItemId, string ItemCode, string ItemName, int ItemVersion, string ItemLevel, string ItemKind, Guid RegionId, string RegionPath,
        string OriginPath, string Channel, string ApplicantKind, string ApplicantName, string ApplicantIdNumber, string ApplicantPhone, string State,
        DateTime ReceivedAt, DateOnly ReceivedOn, int PromisedDays, DateOnly DueOn, DateOnly? SuspendedOn, string? Outcome, DateOnly? CompletedOn,
        bool OnTheSpot, int Visits, bool Forwarded, string? DeliveryMethod, string? TrackingNumber, DateTime? DeliveredAt, string? RequestHash,
        int Version);

    internal const string Select = """
        select a.id, a.item_id, i.code as item_code, v.name as item_name, a.item_version, v.level as item_level, v.kind as item_kind, a.region_id,
               a.region_path, a.origin_path, a.channel, a.applicant_kind, a.applicant_name, a.applicant_id_number, a.applicant_phone, a.state,
               a.received_at, a.received_on, a.promised_days, a.due_on, a.suspended_on, a.outcome, a.completed_on, a.on_the_spot, a.visits,
               a.forwarded, a.delivery_method, a.tracking_number, a.delivered_at, a.request_hash, a.version
        from service_centre.applications a
        join service_centre.items i on i.id = a.item_id
        join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
        """;

    internal const string EventsSql =
        "select at, actor, action, from_state, to_state, note from service_centre.application_events where application_id = @id order by at, id";

    private sealed record EventRow(DateTime At, string Actor, string Action, string? FromState, string ToState, string? Note);

    internal static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static async Task<ApplicationResponse> Response(
        NpgsqlConnection c, Row a, CurrentUser user, IRegionDirectory regions, WorkingDayCalendar calendar, DateOnly today, bool reveal,
        CancellationToken ct)
    {
        var events = await c.QueryAsync<EventRow>(new CommandDefinition(EventsSql, new { id = a.Id }, cancellationToken: ct));
        var names = await regions.NamesByPathAsync([a.RegionPath, a.OriginPath], ct);
        var (overdue, dueSoon) = Deadline(a.State, a.DueOn, today, calendar);
        return new ApplicationResponse(a.Id, a.ItemId, a.ItemCode, a.ItemName, a.ItemVersion, a.ItemLevel, a.ItemKind,
            names.GetValueOrDefault(a.RegionPath, ""), names.GetValueOrDefault(a.OriginPath, ""), a.Channel, a.ApplicantKind, a.ApplicantName,
            reveal ? a.ApplicantIdNumber : Masking.IdNumber(a.ApplicantIdNumber)!, reveal ? a.ApplicantPhone : Masking.Phone(a.ApplicantPhone)!, reveal,
            a.State, StateNames[a.State], Utc(a.ReceivedAt), a.ReceivedOn, a.PromisedDays, a.DueOn, a.SuspendedOn, a.Outcome, a.CompletedOn,
            a.OnTheSpot, a.Visits, a.Forwarded, a.DeliveryMethod, a.TrackingNumber, a.DeliveredAt is { } d ? Utc(d) : null, overdue, dueSoon,
            AllowedActions(a, user), events.Select(e => new ApplicationEvent(Utc(e.At), e.Actor, e.Action, e.FromState, e.ToState, e.Note)).ToList(),
            a.Version);
    }

    /// <summary>Days of warning before a deadline (临近期限): due today or within the next two working days.</summary>
    internal const int DueSoonWorkingDays = 2;

    /// <summary>Overdue: still being handled (clock running) past its due date. Due soon: running and due within two working days.</summary>
    internal static (bool Overdue, bool DueSoon) Deadline(string state, DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar)
    {
        if (state is not ("received" or "accepted")) return (false, false);
        return (dueOn < today, dueOn >= today && dueOn <= calendar.AddWorkingDays(today, DueSoonWorkingDays));
    }

    private sealed record ItemTerms(int Version, string Kind, int? PromisedDays);

    /// <summary>Counter visits a channel implies at registration: the applicant at a window or kiosk came once; online, by phone
    /// or through the village agent (代办) they did not come to the centre at all.</summary>
    private static int VisitsAtRegistration(string channel) => channel is "window" or "kiosk" ? 1 : 0;

    public static async Task<Created<ApplicationResponse>> Register(
        RegisterApplicationRequest r, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, NpgsqlDataSource db, CurrentUser user,
        IAuditTrail audit, IWorkingCalendar calendar, IRegionDirectory regions, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (user.Role is not (Roles.WindowClerk or Roles.VillageAgent or Roles.OnlinePortal))
            throw new ForbiddenException("办件由窗口工作人员、村级代办员或网上办事平台登记。");
        new Validator()
            .Check(idempotencyKey is null || idempotencyKey.Length is > 0 and <= 100, "Idempotency-Key", "Idempotency-Key 须为 1–100 个字符。")
            .Check(user.Role != Roles.OnlinePortal || r.Channel is "online" or "mobile", "channel", "网上办事平台只能登记网上或掌上渠道的办件。")
            .Check(r.ItemId is not null, "itemId", "请选择事项。")
            .Check(r.Channel is not null && ServiceItems.Channels.ContainsKey(r.Channel), "channel", "请选择办理渠道。")
            .Check(r.ApplicantKind is "person" or "organisation", "applicantKind", "申请人类型只能是个人或组织。")
            .Required(r.ApplicantName, "applicantName", "申请人名称", 100)
            .Check(r.ApplicantKind != "person" || Identity.IsIdNumber(r.ApplicantIdNumber), "applicantIdNumber", "身份证号码格式不正确（18 位）。")
            .Check(r.ApplicantKind != "organisation" || Identity.IsCreditCode(r.ApplicantIdNumber), "applicantIdNumber", "统一社会信用代码格式不正确（18 位）。")
            .Check(r.ApplicantPhone is not null && Identity.IsPhone(r.ApplicantPhone), "applicantPhone", "联系电话格式不正确。")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var today = CountyClock.Today(clock);
        var working = await calendar.CurrentAsync(ct);
        var hash = idempotencyKey is null ? null : Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(r)));
        await using var c = await db.OpenConnectionAsync(ct);
        if (idempotencyKey is not null && await Replay(c, user, idempotencyKey, hash!, ct) is { } earlier)
            return await Replayed(c, earlier, user, regions, working, today, http, ct);

        var version = await c.QuerySingleOrDefaultAsync<ItemTerms>(new CommandDefinition($"""
            select v.version, v.kind, v.promised_days from service_centre.items i
            join service_centre.item_versions v on v.item_id = i.id and v.valid @> @today
            where i.id = @itemId and {RegionScope.SqlSharedDown("i.county_path")}
            """, new { itemId = r.ItemId, today, scope = user.Scope.Pattern, scopePath = user.Scope.Path }, cancellationToken: ct))
            ?? throw new ValidationException("itemId", "该事项不存在或今天没有生效的版本。");
        var promised = version.PromisedDays ?? 0;
        var due = working.AddWorkingDays(today, promised);

        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        try
        {
            await c.ExecuteAsync(new CommandDefinition("""
                insert into service_centre.applications (id, item_id, item_version, region_id, region_path, origin_path, county_path, channel,
                    applicant_kind, applicant_name, applicant_id_number, applicant_phone, state, received_at, received_on, promised_days, due_on, visits,
                    note, registered_by, idempotency_key, request_hash)
                values (@id, @itemId, @version, @regionId, @regionPath, @regionPath, substring(@regionPath from '^/[0-9]+/[0-9]+/'), @channel,
                    @applicantKind, @applicantName, @idNumber, @phone, 'received', @now, @today, @promised, @due, @visits, @note, @userId, @key, @hash);
                insert into service_centre.application_events (id, application_id, at, actor, action, from_state, to_state, note)
                values (@eventId, @id, @now, @by, 'register', null, 'received', @note);
                """, new
                {
                    id, itemId = r.ItemId, version = version.Version, regionId = user.RegionId, regionPath = user.Scope.Path, channel = r.Channel,
                    applicantKind = r.ApplicantKind, applicantName = r.ApplicantName!.Trim(), idNumber = r.ApplicantIdNumber!.Trim().ToUpperInvariant(),
                    phone = r.ApplicantPhone!.Trim(), now = now.UtcDateTime, today, promised, due, visits = VisitsAtRegistration(r.Channel!),
                    note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), eventId = Guid.CreateVersion7(), by = user.Name, userId = user.Id,
                    key = idempotencyKey, hash,
                }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "applications_idempotency")
        {
            // the same key raced in on another connection and won: answer with what it created
            await tx.RollbackAsync(ct);
            var winner = await Replay(c, user, idempotencyKey!, hash!, ct);
            if (winner is null) throw;
            return await Replayed(c, winner, user, regions, working, today, http, ct);
        }
        var row = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where a.id = @id", new { id }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("application.registered", "application", id.ToString(), user.Scope.Path,
            After: new { row.ItemCode, row.ItemVersion, row.Channel, row.ApplicantKind, ApplicantIdNumber = Masking.IdNumber(row.ApplicantIdNumber), row.DueOn }), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, row.Version);
        return TypedResults.Created($"/api/v1/service-centre/applications/{id}", await Response(c, row, user, regions, working, today, false, ct));
    }

    /// <summary>The application an earlier request with this Idempotency-Key created; the key may not be reused for a different request.</summary>
    private static async Task<Row?> Replay(NpgsqlConnection c, CurrentUser user, string key, string hash, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where a.registered_by = @userId and a.idempotency_key = @key", new { userId = user.Id, key }, cancellationToken: ct));
        if (row is not null && row.RequestHash != hash)
            throw new AppException(422, "idempotency_key_reused", "幂等键已被使用", "该 Idempotency-Key 已用于另一个不同的请求，请换一个键。");
        return row;
    }

    private static async Task<Created<ApplicationResponse>> Replayed(
        NpgsqlConnection c, Row row, CurrentUser user, IRegionDirectory regions, WorkingDayCalendar working, DateOnly today, HttpContext http,
        CancellationToken ct)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        ETags.Set(http, row.Version);
        return TypedResults.Created($"/api/v1/service-centre/applications/{row.Id}", await Response(c, row, user, regions, working, today, false, ct));
    }

    public static async Task<Ok<ApplicationResponse>> Get(
        Guid id, bool? reveal, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IAuditTrail audit, IWorkingCalendar calendar,
        IRegionDirectory regions, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where a.id = @id and {RegionScope.Sql("a.origin_path")}", new { id, scope = user.Scope.Pattern }, cancellationToken: ct));
        if (row is null) return await guard.DenyAsync<Ok<ApplicationResponse>>("application", id, ct);
        if (reveal == true)
        {
            if (!MayReveal(user)) throw new ForbiddenException("当前角色不能查看申请人完整的证件号码和电话。");
            // 个人信息查看留痕: every unmasking is a line in the audit trail; no line, no unmasking (503)
            await audit.RecordOrFailAsync(new AuditRecord("application.personal_data_revealed", "application", id.ToString(), row.OriginPath), ct);
        }
        ETags.Set(http, row.Version);
        return TypedResults.Ok(await Response(c, row, user, regions, await calendar.CurrentAsync(ct), CountyClock.Today(clock), reveal == true, ct));
    }

    public static async Task<Ok<ApplicationResponse>> Act(
        Guid id, string action, ApplicationActionRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IWorkingCalendar calendar,
        IRegionDirectory regions, INotifications notifications, ScopeGuard guard, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!MayReveal(user)) throw new ForbiddenException("办件由窗口工作人员或村级代办员办理。");
        var today = CountyClock.Today(clock);
        var working = await calendar.CurrentAsync(ct);
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var a = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where a.id = @id and {RegionScope.Sql("a.origin_path")} for update of a", new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (a is null) return await guard.DenyAsync<Ok<ApplicationResponse>>("application", id, ct);
        if (a.RegionPath != user.Scope.Path)
            throw new ForbiddenException(a.Forwarded && Tier(a.RegionPath) < Tier(user.Scope.Path) ? "该办件已转报上级，由上级窗口办理。" : "该办件不在本中心（代办点），不能办理。");
        ETags.Require(http, a.Version);
        var allowed = AllowedActions(a, user);
        if (!allowed.Contains(action))
            throw new ConflictException("applications.invalid_transition",
                    Transitions.GetValueOrDefault(a.State, []).Any(t => t.Action == action)
                        ? "村级代办点只能转报乡镇级事项，由乡镇便民服务中心受理和办结。"
                        : $"当前状态“{StateNames[a.State]}”下不能执行该操作。")
                { Extensions = { ["state"] = a.State, ["allowedActions"] = allowed.ToArray() } };
        var to = Transitions[a.State].First(t => t.Action == action).To;
        new Validator()
            .Check(action is not ("refuse" or "suspend") || !string.IsNullOrWhiteSpace(r.Note), "note",
                action == "refuse" ? "不予受理须说明理由。" : "请写明需要补正的材料。")
            .Check(action != "complete" || r.Outcome is "approved" or "rejected", "outcome", "办结须选择结果：准予（approved）或不予（rejected）。")
            .Check(action != "deliver" || r.DeliveryMethod is "pickup" or "post", "deliveryMethod", "请选择送达方式：窗口领取（pickup）或邮寄（post）。")
            .Check(action != "deliver" || r.DeliveryMethod != "post" || !string.IsNullOrWhiteSpace(r.TrackingNumber), "trackingNumber", "邮寄须填写快递单号。")
            .Check(r.TrackingNumber is null || r.TrackingNumber.Trim().Length <= 40, "trackingNumber", "快递单号不能超过 40 个字符。")
            .Check(r.Note is null || r.Note.Length <= 500, "note", "说明不能超过 500 个字符。")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (r.Visit == true)
            await c.ExecuteAsync(new CommandDefinition("update service_centre.applications set visits = visits + 1 where id = @id",
                new { id }, tx, cancellationToken: ct));
        switch (action)
        {
            case "suspend":
                await c.ExecuteAsync(new CommandDefinition("update service_centre.applications set suspended_on = @today where id = @id",
                    new { id, today }, tx, cancellationToken: ct));
                break;
            case "resume":
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into service_centre.application_pauses (application_id, from_on, to_on) values (@id, @from, @today)
                    on conflict (application_id, from_on) do update set to_on = excluded.to_on;
                    update service_centre.applications set suspended_on = null where id = @id;
                    """, new { id, from = a.SuspendedOn, today }, tx, cancellationToken: ct));
                await Redate(c, tx, [id], working, ct);
                break;
            case "complete":
                // 当场办结: completed on the working day of receipt, in at most one visit
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications
                    set outcome = @outcome, completed_at = @now, completed_on = @today, on_the_spot = (received_on = @today and visits <= 1)
                    where id = @id
                    """, new { id, outcome = r.Outcome, now, today }, tx, cancellationToken: ct));
                note ??= r.Outcome == "approved" ? "准予" : "不予";
                break;
            case "deliver":
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications set delivery_method = @method, tracking_number = @tracking, delivered_at = @now where id = @id
                    """, new { id, method = r.DeliveryMethod, tracking = r.DeliveryMethod == "post" ? r.TrackingNumber!.Trim() : null, now },
                    tx, cancellationToken: ct));
                note ??= r.DeliveryMethod == "post" ? $"邮寄 {r.TrackingNumber!.Trim()}" : "窗口领取";
                break;
            case "forward":
                var parent = (await regions.FindAsync(a.RegionId, ct))?.ParentId is { } parentId ? await regions.FindAsync(parentId, ct) : null;
                if (parent is null || parent.Path != ParentPath(a.RegionPath)) throw new InvalidOperationException($"No parent region for {a.RegionPath}");
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications set region_id = @parentId, region_path = @parentPath, forwarded = true where id = @id
                    """, new { id, parentId = parent.Id, parentPath = parent.Path }, tx, cancellationToken: ct));
                note = $"转报至{parent.Name}" + (note is null ? "" : $"：{note}");
                await notifications.NotifyAsync(c, tx, [parent.Path], $"转报办件：{a.ItemName}",
                    $"{(await regions.NamesByPathAsync([a.RegionPath], ct)).GetValueOrDefault(a.RegionPath)}转报了一件“{a.ItemName}”，请及时受理。",
                    $"/services/applications/{id}", ct);
                break;
        }
        await c.ExecuteAsync(new CommandDefinition("""
            update service_centre.applications set state = @to, version = version + 1 where id = @id;
            insert into service_centre.application_events (id, application_id, at, actor, action, from_state, to_state, note)
            values (@eventId, @id, @now, @by, @action, @from, @to, @note);
            """, new { id, to, eventId = Guid.CreateVersion7(), now, by = user.Name, action, from = a.State, note }, tx, cancellationToken: ct));
        var after = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where a.id = @id", new { id }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord($"application.{action}", "application", id.ToString(), a.OriginPath,
            new { a.State, a.DueOn, a.RegionPath }, new { after.State, after.DueOn, after.Outcome, after.RegionPath, note }), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, after.Version);
        return TypedResults.Ok(await Response(c, after, user, regions, working, today, false, ct));
    }

    private sealed record DueInput(Guid Id, DateOnly ReceivedOn, int PromisedDays, DateOnly DueOn);
    private sealed record Pause(Guid ApplicationId, DateOnly FromOn, DateOnly ToOn);

    /// <summary>
    /// Recomputes the due date of the given applications (null: every open one) on <paramref name="calendar"/>:
    /// receipt + promised working days + the working days of every finished 补正 pause.
    /// </summary>
    internal static async Task<int> Redate(NpgsqlConnection c, NpgsqlTransaction tx, Guid[]? ids, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var inputs = (await c.QueryAsync<DueInput>(new CommandDefinition("""
            select id, received_on, promised_days, due_on from service_centre.applications
            where state in ('received', 'accepted', 'suspended') and (@ids::uuid[] is null or id = any(@ids))
            """, new { ids }, tx, cancellationToken: ct))).ToList();
        if (inputs.Count == 0) return 0;
        var pauses = (await c.QueryAsync<Pause>(new CommandDefinition(
            "select application_id, from_on, to_on from service_centre.application_pauses where application_id = any(@ids)",
            new { ids = inputs.Select(i => i.Id).ToArray() }, tx, cancellationToken: ct))).ToLookup(p => p.ApplicationId);
        var changed = inputs
            .Select(i => (i.Id, Old: i.DueOn, New: calendar.AddWorkingDays(i.ReceivedOn,
                i.PromisedDays + pauses[i.Id].Sum(p => calendar.CountWorkingDays(p.FromOn, p.ToOn)))))
            .Where(x => x.Old != x.New).ToList();
        if (changed.Count > 0)
            await c.ExecuteAsync(new CommandDefinition("""
                update service_centre.applications a set due_on = d.due
                from unnest(@ids, @dues) as d(id, due) where a.id = d.id
                """, new { ids = changed.Select(x => x.Id).ToArray(), dues = changed.Select(x => x.New).ToArray() }, tx, cancellationToken: ct));
        return changed.Count;
    }
}

/// <summary>Re-dates open applications when an admin edits the working-day calendar, inside the calendar's transaction.</summary>
internal sealed class RedateOnCalendarChange : ICalendarChangedHandler
{
    public Task HandleAsync(CalendarChanged change, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        Applications.Redate(connection, transaction, null, change.Calendar, ct);
}
