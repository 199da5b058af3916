using Governance.Calendar.Contracts;
using Governance.Notifications.Contracts;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Governance.ServiceCentre.Features;

/// <param name="TicketId">The queue ticket of the visitor, called to the clerk's window (optional).</param>
/// <param name="Materials">The guide's materials as ticked at the window; those not ticked are stored missing.</param>
public sealed record RegisterApplicationRequest(
    Guid? ItemId, [TextLimit(TextLimits.Code)] string? Channel, [TextLimit(TextLimits.Code)] string? ApplicantKind,
    [TextLimit(100)] string? ApplicantName, [TextLimit(TextLimits.Number)] string? ApplicantIdNumber,
    [TextLimit(TextLimits.Phone)] string? ApplicantPhone, [TextLimit(500)] string? Note, Guid? TicketId = null,
    IReadOnlyList<MaterialCheck>? Materials = null);

/// <summary>
/// One step on an application. <c>Note</c>: the reason (不予受理), the missing materials (补正) or a remark;
/// <c>Outcome</c>: approved or rejected (办结); <c>DeliveryMethod</c>/<c>TrackingNumber</c>: pickup or post (送达);
/// <c>Visit</c>: the applicant came to the counter for this step (counts towards 跑动次数);
/// <c>MissingMaterials</c>: the checklist's missing materials ticked for a 补正 (by name).
/// </summary>
public sealed record ApplicationActionRequest([TextLimit(500)] string? Note,
    [TextLimit(TextLimits.Code)] string? Outcome, [TextLimit(TextLimits.Code)] string? DeliveryMethod,
    [TextLimit(40)] string? TrackingNumber, bool? Visit,
    [TextLimit(TextLimits.Name)] IReadOnlyList<string>? MissingMaterials = null);

/// <param name="Number">办件编号 (e.g. 2026-0101-000123): what the receipt prints and people type; ids stay in
/// URLs.</param>
/// <param name="ReceivingCentre">The service centre that received it (e.g. 一号乡便民服务中心), for the
/// receipt.</param>
/// <param name="TicketDisplay">The queue ticket it was registered for (e.g. A012).</param>
/// <param name="WindowNumber">The window it was registered at: the ticket's, or the clerk's own.</param>
/// <param name="Materials">The 收件清单 (empty for applications registered before checklists existed).</param>
public sealed record ApplicationResponse(
    Guid Id, string Number, Guid ItemId, string ItemCode, string ItemName, int ItemVersion, string ItemLevel,
    string ItemKind, string CentreName, string OriginName, string Channel, string ApplicantKind, string ApplicantName,
    string ApplicantIdNumber, string ApplicantPhone, bool PersonalDataRevealed, string State, string StateName,
    DateTimeOffset ReceivedAt, DateOnly ReceivedOn, int PromisedDays, DateOnly DueOn, DateOnly? SuspendedOn,
    string? Outcome, DateOnly? CompletedOn, bool OnTheSpot, int Visits, bool Forwarded, string? DeliveryMethod,
    string? TrackingNumber, DateTimeOffset? DeliveredAt, bool Overdue, bool DueSoon,
    string? ReceivingCentre, Guid? TicketId, string? TicketDisplay, int? WindowNumber, string? WindowName,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<WorkflowEvent> Events,
    IReadOnlyList<ApplicationMaterialResponse> Materials, int Version);

/// <summary>
/// 办件: received → 受理 or 不予受理 → (补正 pauses the clock, 补齐 restarts it) → 办结 (approved or rejected) → 送达
/// (pickup or post). 转报 moves it up one tier (village point → township centre → county hall) under the same id; the
/// upper tier receives it anew, and the deadline still runs from the first receipt.
/// The due date is the receipt day plus the promised working days plus every pause's working days, on the calendar.
/// </summary>
internal static class Applications
{
    internal static readonly Dictionary<string, string> StateNames = new()
    {
        ["received"] = "已接件", ["accepted"] = "已受理", ["refused"] = "不予受理", ["suspended"] = "补正中",
        ["completed"] = "已办结", ["delivered"] = "已送达",
    };

    /// <summary>Depth of a region path: 2 = county hall, 3 = township centre, 4 = village point.</summary>
    internal static int Tier(string path) => path.Count(ch => ch == '/') - 1;

    internal static string ParentPath(string path) => path[..(path.TrimEnd('/').LastIndexOf('/') + 1)];

    /// <summary>
    /// A village point handles its own village-level items; a township-level item registered there is only forwarded.
    /// </summary>
    private static string? HandledHere(Row a, CurrentUser _) =>
        Tier(a.RegionPath) == 4 && a.ItemLevel == "township"
            ? "村级代办点只能转报乡镇级事项，由乡镇便民服务中心受理和办结。" : null;

    private static string? BelowTheTop(Row a, CurrentUser _) =>
        Tier(a.RegionPath) > 2 ? null : "县行政服务中心是最上一级，不能再转报。";

    private const string Handle = ServiceCentrePermissions.ApplicationsHandle;

    /// <summary>Only the centre holding an application acts on it (after 转报, the upper tier).</summary>
    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "applications", RecordType = "application", Table = "service_centre.applications",
        EventsTable = "service_centre.application_events", StateNames = StateNames,
        Actions =
        [
            new("accept", Handle, "受理办件"), new("refuse", Handle, "不予受理"),
            new("suspend", Handle, "补正（暂停计时）"), new("resume", Handle, "补齐材料（恢复计时）"),
            new("complete", Handle, "办结"), new("forward", Handle, "转报上级"), new("deliver", Handle, "送达"),
        ],
        Transitions =
        [
            new("received", "accept", "accepted", HandledHere), new("received", "refuse", "refused", HandledHere),
            new("received", "complete", "completed", HandledHere), new("received", "forward", "received", BelowTheTop),
            new("accepted", "suspend", "suspended", HandledHere), new("accepted", "complete", "completed", HandledHere),
            new("accepted", "forward", "received", BelowTheTop),
            new("suspended", "resume", "accepted", HandledHere),
            new("completed", "deliver", "delivered", HandledHere),
        ],
        Guard = (a, user) => user.Scope.Path == a.RegionPath ? null
            : a.Forwarded && Tier(a.RegionPath) < Tier(user.Scope.Path) ? "该办件已转报上级，由上级窗口办理。"
            : "该办件不在本中心（代办点），不能办理。",
    };

    internal sealed record Row(
        Guid Id, string Number, Guid ItemId, string ItemCode, string ItemName, int ItemVersion, string ItemLevel,
        string ItemKind, Guid RegionId, string RegionPath, string OriginPath, string Channel, string ApplicantKind,
        string ApplicantName, string ApplicantIdNumber, string ApplicantPhone, string State, DateTime ReceivedAt,
        DateOnly ReceivedOn, int PromisedDays, DateOnly DueOn, DateOnly? SuspendedOn, string? Outcome,
        DateOnly? CompletedOn, bool OnTheSpot, int Visits, bool Forwarded, string? DeliveryMethod,
        string? TrackingNumber, DateTime? DeliveredAt, string? ReceivingCentre, Guid? TicketId, int? TicketNumber,
        int? WindowNumber, string? WindowName, string? RequestHash, int Version) : IWorkflowRecord
    {
        public string AuditPath => OriginPath;
    }

    internal const string Select = """
        select a.id, a.number, a.item_id, i.code as item_code, v.name as item_name, a.item_version,
               v.level as item_level, v.kind as item_kind, a.region_id, a.region_path, a.origin_path, a.channel,
               a.applicant_kind, a.applicant_name, a.applicant_id_number, a.applicant_phone, a.state, a.received_at,
               a.received_on, a.promised_days, a.due_on, a.suspended_on, a.outcome, a.completed_on, a.on_the_spot,
               a.visits, a.forwarded, a.delivery_method, a.tracking_number, a.delivered_at,
               (select c.name from service_centre.centres c where c.region_path = a.origin_path) as receiving_centre,
               a.ticket_id, tk.number as ticket_number, w.number as window_number, w.name as window_name,
               a.request_hash, a.version
        from service_centre.applications a
        join service_centre.items i on i.id = a.item_id
        join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
        left join service_centre.tickets tk on tk.id = a.ticket_id
        left join service_centre.windows w on w.id = a.window_id
        """;

    /// <summary>An application (the query names it <c>@id</c>) and its timeline, in one round trip.</summary>
    internal static Task<(Row? Row, IReadOnlyList<WorkflowEvent> Events)> WithTimeline(
        NpgsqlConnection c, NpgsqlTransaction? tx, string sql, object param, CancellationToken ct) =>
        WorkflowEvents.ReadWithRecordAsync<Row>(c, tx, Workflow.EventsTable, sql, param, ct);

    internal static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static async Task<ApplicationResponse> Response(
        Row a, IReadOnlyList<WorkflowEvent> events, IReadOnlyList<ApplicationMaterialResponse> materials,
        CurrentUser user, IRegionDirectory regions, WorkingDayCalendar calendar, DateOnly today, bool reveal,
        CancellationToken ct)
    {
        var names = await regions.NamesByPathAsync([a.RegionPath, a.OriginPath], ct);
        var (overdue, dueSoon) = Deadline(a.State, a.DueOn, today, calendar);
        return new ApplicationResponse(a.Id, a.Number, a.ItemId, a.ItemCode, a.ItemName, a.ItemVersion, a.ItemLevel,
            a.ItemKind, names.GetValueOrDefault(a.RegionPath, ""), names.GetValueOrDefault(a.OriginPath, ""), a.Channel,
            a.ApplicantKind, a.ApplicantName, reveal ? a.ApplicantIdNumber : Masking.IdNumber(a.ApplicantIdNumber)!,
            reveal ? a.ApplicantPhone : Masking.Phone(a.ApplicantPhone)!, reveal, a.State, StateNames[a.State],
            Utc(a.ReceivedAt), a.ReceivedOn, a.PromisedDays, a.DueOn, a.SuspendedOn, a.Outcome, a.CompletedOn,
            a.OnTheSpot, a.Visits, a.Forwarded, a.DeliveryMethod, a.TrackingNumber,
            a.DeliveredAt is { } d ? Utc(d) : null, overdue, dueSoon, a.ReceivingCentre, a.TicketId,
            a.TicketNumber is { } n ? Queue.Display(n) : null, a.WindowNumber, a.WindowName,
            Workflow.AllowedActions(a, user), events, materials, a.Version);
    }

    /// <summary>Days of warning before a deadline (临近期限): due today or within the next two working days.</summary>
    internal const int DueSoonWorkingDays = 2;

    /// <summary>
    /// Overdue: still being handled (clock running) past its due date. Due soon: running and due within two working
    /// days.
    /// </summary>
    internal static (bool Overdue, bool DueSoon) Deadline(string state, DateOnly dueOn, DateOnly today,
        WorkingDayCalendar calendar)
    {
        if (state is not ("received" or "accepted")) return (false, false);
        return (dueOn < today, dueOn >= today && dueOn <= calendar.AddWorkingDays(today, DueSoonWorkingDays));
    }

    private sealed record ItemTerms(int Version, string Kind, int? PromisedDays, string Materials);

    /// <summary>Counter visits a channel implies at registration: the applicant at a window or kiosk came once; online,
    /// by phone or through the village agent (代办) they did not come to the centre at all.</summary>
    private static int VisitsAtRegistration(string channel) => channel is "window" or "kiosk" ? 1 : 0;

    private static readonly IdempotentTable Idempotent = new("service_centre", "applications", "registered_by");

    /// <summary>
    /// 登记. Machine clients send an Idempotency-Key so that a retry or a race registers one application.
    /// </summary>
    public static async Task<Created<ApplicationResponse>> Register(
        RegisterApplicationRequest r,
        [FromHeader(Name = IdempotencyKey.Header), TextLimit(IdempotencyKey.MaxLength)] string? idempotencyKey,
        NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IWorkingCalendar calendar, IRegionDirectory regions,
        IOptions<ServiceCentreOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var key = IdempotencyKey.From(idempotencyKey, r);
        new Validator()
            .Check(user.Role != Roles.OnlinePortal || r.Channel is "online" or "mobile", "channel",
                "网上办事平台只能登记网上或掌上渠道的办件。")
            .Check(r.ItemId is not null, "itemId", "请选择事项。")
            .Check(r.Channel is not null && ServiceItems.Channels.ContainsKey(r.Channel), "channel", "请选择办理渠道。")
            .Check(r.ApplicantKind is "person" or "organisation", "applicantKind", "申请人类型只能是个人或组织。")
            .Required(r.ApplicantName, "applicantName", "申请人名称")
            .Check(r.ApplicantKind != "person" || Identity.IsIdNumber(r.ApplicantIdNumber), "applicantIdNumber",
                "身份证号码格式不正确（18 位）。")
            .Check(r.ApplicantKind != "organisation" || Identity.IsCreditCode(r.ApplicantIdNumber), "applicantIdNumber",
                "统一社会信用代码格式不正确（18 位）。")
            .Check(r.ApplicantPhone is not null && Identity.IsPhone(r.ApplicantPhone), "applicantPhone",
                "联系电话格式不正确。")
            .CheckShape(r.Materials)
            .ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var today = CountyClock.Today(clock);
        var working = await calendar.CurrentAsync(ct);
        await using var c = await db.OpenConnectionAsync(ct);
        var (id, replayed) = await Idempotency.CreateOnceAsync(c, Idempotent, key, user.Id!.Value, http, async tx =>
        {
            var version = await c.QuerySingleOrDefaultAsync<ItemTerms>(new CommandDefinition($"""
                select v.version, v.kind, v.promised_days, v.materials::text as materials from service_centre.items i
                join service_centre.item_versions v on v.item_id = i.id and v.valid @> @today
                where i.id = @itemId and {RegionScope.SqlSharedDown("i.county_path")}
                """, new { itemId = r.ItemId, today, scope = user.Scope.Pattern, scopePath = user.Scope.Path }, tx,
                cancellationToken: ct))
                ?? throw new ValidationException("itemId", "该事项不存在或今天没有生效的版本。");
            var at = await ClerkWindows.ForRegistrationAsync(c, tx, user, r.TicketId, ct);
            var promised = version.PromisedDays ?? 0;
            var id = Guid.CreateVersion7();
            var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
            // last before the insert: the county's counter stays locked until this transaction ends
            var county = ApplicationLists.CountyOf(user.Scope.Path)!;
            var seq = await NumberSequences.TakeAsync(c, tx, ApplicationNumbers.Sequence, county, today.Year, ct);
            var number = ApplicationNumbers.Format(options.Value.ApplicationNumberFormat, today.Year, county, seq);
            await c.ExecuteAsync(new CommandDefinition("""
                insert into service_centre.applications (id, number, item_id, item_version, region_id, region_path,
                    origin_path, county_path, channel, applicant_kind, applicant_name, applicant_id_number,
                    applicant_phone, state, received_at, received_on, promised_days, due_on, visits, note,
                    registered_by, idempotency_key, request_hash, ticket_id, window_id)
                values (@id, @number, @itemId, @version, @regionId, @regionPath, @regionPath, @county, @channel,
                    @applicantKind, @applicantName, @idNumber, @phone, 'received', @now, @today, @promised, @due,
                    @visits, @note, @userId, @key, @hash, @ticketId, @windowId)
                """, new
                {
                    id, number, county, itemId = r.ItemId, version = version.Version, regionId = user.RegionId,
                    regionPath = user.Scope.Path, channel = r.Channel, applicantKind = r.ApplicantKind,
                    applicantName = r.ApplicantName!.Trim(), idNumber = r.ApplicantIdNumber!.Trim().ToUpperInvariant(),
                    phone = r.ApplicantPhone!.Trim(), now = now.UtcDateTime, today, promised,
                    due = working.AddWorkingDays(today, promised), visits = VisitsAtRegistration(r.Channel!), note,
                    userId = user.Id, key = key?.Key, hash = key?.Hash, at.TicketId, at.WindowId,
                }, tx, cancellationToken: ct));
            await ApplicationMaterials.InsertAsync(c, tx, id, version.Materials, r.Materials, ct);
            await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
                new WorkflowEventRow(id, now.UtcDateTime, user.Id, user.Name, "register", null, "received", note), ct);
            var row = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where a.id = @id", new { id }, tx,
                cancellationToken: ct));
            await audit.RecordAsync(c, tx, new AuditRecord("application.registered", "application", id.ToString(),
                user.Scope.Path, After: new
                {
                    row.Number, row.ItemCode, row.ItemVersion, row.Channel, row.ApplicantKind,
                    ApplicantIdNumber = Masking.IdNumber(row.ApplicantIdNumber), row.DueOn, row.TicketId,
                    row.WindowNumber, Materials = await ApplicationMaterials.ReadAsync(c, tx, id, ct),
                }), ct);
            return id;
        }, ct);
        var (created, events) = await WithTimeline(c, null, $"{Select} where a.id = @id", new { id }, ct);
        var materials = await ApplicationMaterials.ReadAsync(c, null, id, ct);
        ETags.Set(http, created!.Version);
        return TypedResults.Created($"/api/v1/service-centre/applications/{id}",
            await Response(created, events, materials, user, regions, working, today, false, ct));
    }

    public static async Task<Ok<ApplicationResponse>> Get(Guid id, bool? reveal, [AsParameters] ServiceCentreServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var (row, events) = await WithTimeline(c, null,
            $"{Select} where a.id = @id and {RegionScope.Sql("a.origin_path")} and {s.User.PeriodSql("a.received_on")}",
            new { id, scope = s.User.Scope.Pattern }, ct);
        if (row is null) return await s.Guard.DenyAsync<Ok<ApplicationResponse>>("application", id, ct);
        var materials = await ApplicationMaterials.ReadAsync(c, null, id, ct);
        if (reveal == true) await ApplicantData.RevealAsync(s.User, s.Audit, id, row.OriginPath, null, ct);
        ETags.Set(s.Http, row.Version);
        var calendar = await s.Calendar.CurrentAsync(ct);
        return TypedResults.Ok(
            await Response(row, events, materials, s.User, s.Regions, calendar, CountyClock.Today(s.Clock),
                reveal == true, ct));
    }

    /// <summary>
    /// One step of the handling (<see cref="Workflow"/>): the checks in the mechanism's order, then this step's own
    /// fields.
    /// </summary>
    public static async Task<Ok<ApplicationResponse>> Act(
        Guid id, ApplicationActionRequest r, [AsParameters] WorkflowServices s, IWorkingCalendar calendar,
        IRegionDirectory regions, INotifications notifications)
    {
        var (user, ct) = (s.User, s.Cancellation);
        var today = CountyClock.Today(s.Clock);
        var working = await calendar.CurrentAsync(ct);
        await using var step = await Workflow.StartAsync(s, id, (c, tx) => c.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition($"{Select} where a.id = @id and {RegionScope.Sql("a.origin_path")} for update of a",
                new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct)));
        var (action, a) = (step.Action, step.Before);
        var missing = r.MissingMaterials ?? [];
        new Validator()
            .Check(action != "refuse" || !string.IsNullOrWhiteSpace(r.Note), "note", "不予受理须说明理由。")
            .Check(action != "suspend" || missing.Count > 0 || !string.IsNullOrWhiteSpace(r.Note), "note",
                "请勾选或写明需要补正的材料。")
            .Check(action != "complete" || r.Outcome is "approved" or "rejected", "outcome",
                "办结须选择结果：准予（approved）或不予（rejected）。")
            .Check(action != "deliver" || r.DeliveryMethod is "pickup" or "post", "deliveryMethod",
                "请选择送达方式：窗口领取（pickup）或邮寄（post）。")
            .Check(action != "deliver" || r.DeliveryMethod != "post" || !string.IsNullOrWhiteSpace(r.TrackingNumber),
                "trackingNumber", "邮寄须填写快递单号。")
            .ThrowIfInvalid();

        var (c, tx, now) = (step.Connection, step.Transaction, step.Now);
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        var checklist = await ApplicationMaterials.ReadAsync(c, tx, id, ct);
        if (r.Visit == true)
            await c.ExecuteAsync(new CommandDefinition("""
                update service_centre.applications set visits = visits + 1 where id = @id
                """, new { id }, tx, cancellationToken: ct));
        switch (action)
        {
            case "suspend":
                await ApplicationMaterials.RequestAsync(c, tx, id, missing, checklist, ct);
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications set suspended_on = @today where id = @id
                    """, new { id, today }, tx, cancellationToken: ct));
                note ??= $"补正材料：{string.Join("、", missing.Select(m => m.Trim()))}";
                break;
            case "resume":
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into service_centre.application_pauses (application_id, from_on, to_on)
                        values (@id, @from, @today)
                    on conflict (application_id, from_on) do update set to_on = excluded.to_on;
                    update service_centre.applications set suspended_on = null where id = @id;
                    """, new { id, from = a.SuspendedOn, today }, tx, cancellationToken: ct));
                await ApplicationMaterials.ReceiveRequestedAsync(c, tx, id, ct);
                await Redate(c, tx, [id], working, ct);
                break;
            case "complete":
                // 当场办结: completed on the working day of receipt, in at most one visit
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications
                    set outcome = @outcome, completed_at = @now, completed_on = @today,
                        on_the_spot = (received_on = @today and visits <= 1)
                    where id = @id
                    """, new { id, outcome = r.Outcome, now, today }, tx, cancellationToken: ct));
                note ??= r.Outcome == "approved" ? "准予" : "不予";
                break;
            case "deliver":
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications set delivery_method = @method, tracking_number = @tracking,
                        delivered_at = @now where id = @id
                    """, new { id, method = r.DeliveryMethod,
                        tracking = r.DeliveryMethod == "post" ? r.TrackingNumber!.Trim() : null, now },
                    tx, cancellationToken: ct));
                note ??= r.DeliveryMethod == "post" ? $"邮寄 {r.TrackingNumber!.Trim()}" : "窗口领取";
                break;
            case "forward":
                var parent = (await regions.FindAsync(a.RegionId, ct))?.ParentId is { } parentId
                    ? await regions.FindAsync(parentId, ct) : null;
                if (parent is null || parent.Path != ParentPath(a.RegionPath))
                    throw new InvalidOperationException($"No parent region for {a.RegionPath}");
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications set region_id = @parentId, region_path = @parentPath,
                        forwarded = true where id = @id
                    """, new { id, parentId = parent.Id, parentPath = parent.Path }, tx, cancellationToken: ct));
                note = $"转报至{parent.Name}" + (note is null ? "" : $"：{note}");
                await notifications.NotifyAsync(c, tx, [parent.Path], $"转报办件：{a.ItemName}",
                    $"{(await regions.NamesByPathAsync([a.RegionPath], ct)).GetValueOrDefault(a.RegionPath)}" +
                    $"转报了一件“{a.ItemName}”，请及时受理。", $"/services/applications/{id}", ct);
                break;
        }
        await step.MoveAsync(note);
        var (after, events) = await WithTimeline(c, tx, $"{Select} where a.id = @id", new { id }, ct);
        var materials = await ApplicationMaterials.ReadAsync(c, tx, id, ct);
        await step.CommitAsync(new { a.State, a.DueOn, a.RegionPath, Materials = checklist },
            new { after!.State, after.DueOn, after.Outcome, after.RegionPath, note, Materials = materials });
        return TypedResults.Ok(await Response(after, events, materials, user, regions, working, today, false, ct));
    }

    private sealed record DueInput(Guid Id, DateOnly ReceivedOn, int PromisedDays, DateOnly DueOn);
    private sealed record Pause(Guid ApplicationId, DateOnly FromOn, DateOnly ToOn);

    /// <summary>
    /// Recomputes the due date of the given applications (null: every open one) on <paramref name="calendar"/>:
    /// receipt + promised working days + the working days of every finished 补正 pause.
    /// </summary>
    internal static async Task<int> Redate(NpgsqlConnection c, NpgsqlTransaction tx, Guid[]? ids,
        WorkingDayCalendar calendar, CancellationToken ct)
    {
        var inputs = (await c.QueryAsync<DueInput>(new CommandDefinition("""
            select id, received_on, promised_days, due_on from service_centre.applications
            where state in ('received', 'accepted', 'suspended') and (@ids::uuid[] is null or id = any(@ids))
            """, new { ids }, tx, cancellationToken: ct))).ToList();
        if (inputs.Count == 0) return 0;
        var pauses = (await c.QueryAsync<Pause>(new CommandDefinition(
            """
            select application_id, from_on, to_on from service_centre.application_pauses
                where application_id = any(@ids)
            """, new { ids = inputs.Select(i => i.Id).ToArray() }, tx, cancellationToken: ct)))
                .ToLookup(p => p.ApplicationId);
        var changed = inputs
            .Select(i => (i.Id, Old: i.DueOn, New: calendar.AddWorkingDays(i.ReceivedOn,
                i.PromisedDays + pauses[i.Id].Sum(p => calendar.CountWorkingDays(p.FromOn, p.ToOn)))))
            .Where(x => x.Old != x.New).ToList();
        if (changed.Count > 0)
            await c.ExecuteAsync(new CommandDefinition("""
                update service_centre.applications a set due_on = d.due
                from unnest(@ids, @dues) as d(id, due) where a.id = d.id
                """, new { ids = changed.Select(x => x.Id).ToArray(), dues = changed.Select(x => x.New).ToArray() }, tx,
                cancellationToken: ct));
        return changed.Count;
    }
}

/// <summary>
/// Re-dates open applications when an admin edits the working-day calendar, inside the calendar's transaction.
/// </summary>
internal sealed class RedateOnCalendarChange : ICalendarChangedHandler
{
    public Task HandleAsync(CalendarChanged change, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct) =>
        Applications.Redate(connection, transaction, null, change.Calendar, ct);
}
