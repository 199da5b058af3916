using Governance.Calendar.Contracts;

namespace Governance.ServiceCentre.Features;

public sealed record RegisterApplicationRequest(
    Guid? ItemId, string? Channel, string? ApplicantKind, string? ApplicantName, string? ApplicantIdNumber, string? ApplicantPhone, string? Note);

public sealed record ApplicationActionRequest(string? Note, string? Outcome);

public sealed record ApplicationEvent(DateTimeOffset At, string Actor, string Action, string? FromState, string ToState, string? Note);

public sealed record ApplicationResponse(
    Guid Id, Guid ItemId, string ItemCode, string ItemName, int ItemVersion, string Channel, string ApplicantKind, string ApplicantName,
    string ApplicantIdNumber, string ApplicantPhone, string State, string StateName, DateTimeOffset ReceivedAt, DateOnly ReceivedOn, int PromisedDays,
    DateOnly DueOn, DateOnly? SuspendedOn, string? Outcome, DateOnly? CompletedOn, bool OnTheSpot, bool Overdue, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<ApplicationEvent> Events, int Version);

/// <summary>
/// 办件: received → 受理 or 不予受理 → (补正 pauses the clock, 补齐 restarts it) → 办结 (approved or rejected).
/// The due date is the receipt day plus the promised working days plus every pause's working days, on the calendar.
/// </summary>
internal static class Applications
{
    private static readonly Dictionary<string, (string Action, string To)[]> Transitions = new()
    {
        ["received"] = [("accept", "accepted"), ("refuse", "refused"), ("complete", "completed")],
        ["accepted"] = [("suspend", "suspended"), ("complete", "completed")],
        ["suspended"] = [("resume", "accepted")],
    };

    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["received"] = "已接件", ["accepted"] = "已受理", ["refused"] = "不予受理", ["suspended"] = "补正中", ["completed"] = "已办结",
    };

    /// <summary>Roles that handle applications see applicants' ID numbers and phones; everyone else sees them masked.</summary>
    private static bool SeesPersonalData(CurrentUser user) => user.Role is Roles.WindowClerk or Roles.VillageAgent;

    internal sealed record Row(
        Guid Id, Guid ItemId, string ItemCode, string ItemName, int ItemVersion, string Channel, string ApplicantKind, string ApplicantName,
        string ApplicantIdNumber, string ApplicantPhone, string State, DateTime ReceivedAt, DateOnly ReceivedOn, int PromisedDays, DateOnly DueOn,
        DateOnly? SuspendedOn, string? Outcome, DateOnly? CompletedOn, bool OnTheSpot, string RegionPath, int Version);

    private const string Select = """
        select a.id, a.item_id, i.code as item_code, v.name as item_name, a.item_version, a.channel, a.applicant_kind, a.applicant_name,
               a.applicant_id_number, a.applicant_phone, a.state, a.received_at, a.received_on, a.promised_days, a.due_on, a.suspended_on, a.outcome,
               a.completed_on, a.on_the_spot, a.region_path, a.version
        from service_centre.applications a
        join service_centre.items i on i.id = a.item_id
        join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
        """;

    private sealed record EventRow(DateTime At, string Actor, string Action, string? FromState, string ToState, string? Note);

    private static async Task<ApplicationResponse> Response(NpgsqlConnection c, NpgsqlTransaction? tx, Row a, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var events = await c.QueryAsync<EventRow>(new CommandDefinition(
            "select at, actor, action, from_state, to_state, note from service_centre.application_events where application_id = @id order by at",
            new { id = a.Id }, tx, cancellationToken: ct));
        var open = a.State is "received" or "accepted" or "suspended";
        var personal = SeesPersonalData(user);
        return new ApplicationResponse(a.Id, a.ItemId, a.ItemCode, a.ItemName, a.ItemVersion, a.Channel, a.ApplicantKind, a.ApplicantName,
            personal ? a.ApplicantIdNumber : Masking.IdNumber(a.ApplicantIdNumber)!, personal ? a.ApplicantPhone : Masking.Phone(a.ApplicantPhone)!,
            a.State, StateNames[a.State], new DateTimeOffset(DateTime.SpecifyKind(a.ReceivedAt, DateTimeKind.Utc)), a.ReceivedOn, a.PromisedDays, a.DueOn,
            a.SuspendedOn, a.Outcome, a.CompletedOn, a.OnTheSpot, open && a.State != "suspended" && a.DueOn < today,
            Transitions.GetValueOrDefault(a.State, []).Select(t => t.Action).ToList(),
            events.Select(e => new ApplicationEvent(new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)), e.Actor, e.Action, e.FromState, e.ToState, e.Note)).ToList(),
            a.Version);
    }

    private sealed record ItemTerms(int Version, string Kind, int? PromisedDays);

    public static async Task<Created<ApplicationResponse>> Register(
        RegisterApplicationRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IWorkingCalendar calendar, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        if (user.Role is not (Roles.WindowClerk or Roles.VillageAgent)) throw new ForbiddenException("办件由窗口工作人员或村级代办员登记。");
        new Validator()
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
        await using var c = await db.OpenConnectionAsync(ct);
        var version = await c.QuerySingleOrDefaultAsync<ItemTerms>(new CommandDefinition($"""
            select v.version, v.kind, v.promised_days from service_centre.items i
            join service_centre.item_versions v on v.item_id = i.id and v.valid @> @today
            where i.id = @itemId and {RegionScope.SqlSharedDown("i.county_path")}
            """, new { itemId = r.ItemId, today, scope = user.Scope.Pattern, scopePath = user.Scope.Path }, cancellationToken: ct))
            ?? throw new ValidationException("itemId", "该事项不存在或今天没有生效的版本。");
        var promised = version.PromisedDays ?? 0;
        var due = (await calendar.CurrentAsync(ct)).AddWorkingDays(today, promised);

        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.applications (id, item_id, item_version, region_id, region_path, channel, applicant_kind, applicant_name,
                applicant_id_number, applicant_phone, state, received_at, received_on, promised_days, due_on, note)
            values (@id, @itemId, @version, @regionId, @regionPath, @channel, @applicantKind, @applicantName, @idNumber, @phone, 'received', @now, @today,
                @promised, @due, @note);
            insert into service_centre.application_events (id, application_id, at, actor, action, from_state, to_state, note)
            values (@eventId, @id, @now, @by, 'register', null, 'received', @note);
            """, new
            {
                id, itemId = r.ItemId, version = version.Version, regionId = user.RegionId, regionPath = user.Scope.Path, channel = r.Channel,
                applicantKind = r.ApplicantKind, applicantName = r.ApplicantName!.Trim(), idNumber = r.ApplicantIdNumber!.Trim().ToUpperInvariant(),
                phone = r.ApplicantPhone!.Trim(), now = now.UtcDateTime, today, promised, due, note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
                eventId = Guid.CreateVersion7(), by = user.Name,
            }, tx, cancellationToken: ct));
        var row = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where a.id = @id", new { id }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("application.registered", "application", id.ToString(), user.Scope.Path,
            After: new { row.ItemCode, row.ItemVersion, row.Channel, row.ApplicantKind, ApplicantIdNumber = Masking.IdNumber(row.ApplicantIdNumber), row.DueOn }), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, 1);
        return TypedResults.Created($"/api/v1/service-centre/applications/{id}", await Response(c, null, row, user, today, ct));
    }

    public static async Task<Ok<ApplicationResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where a.id = @id and {RegionScope.Sql("a.region_path")}", new { id, scope = user.Scope.Pattern }, cancellationToken: ct));
        if (row is null) return await guard.DenyAsync<Ok<ApplicationResponse>>("application", id, ct);
        ETags.Set(http, row.Version);
        return TypedResults.Ok(await Response(c, null, row, user, CountyClock.Today(clock), ct));
    }

    public static async Task<Ok<ApplicationResponse>> Act(
        Guid id, string action, ApplicationActionRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, IWorkingCalendar calendar,
        ScopeGuard guard, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (user.Role is not (Roles.WindowClerk or Roles.VillageAgent)) throw new ForbiddenException("办件由窗口工作人员或村级代办员办理。");
        var today = CountyClock.Today(clock);
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var a = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where a.id = @id and {RegionScope.Sql("a.region_path")} for update of a", new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (a is null) return await guard.DenyAsync<Ok<ApplicationResponse>>("application", id, ct);
        ETags.Require(http, a.Version);
        var transitions = Transitions.GetValueOrDefault(a.State, []);
        var to = transitions.FirstOrDefault(t => t.Action == action).To
                 ?? throw new ConflictException("applications.invalid_transition", $"当前状态“{StateNames[a.State]}”下不能执行该操作。")
                     { Extensions = { ["state"] = a.State, ["allowedActions"] = transitions.Select(t => t.Action).ToArray() } };
        new Validator()
            .Check(action is not ("refuse" or "suspend") || !string.IsNullOrWhiteSpace(r.Note), "note",
                action == "refuse" ? "不予受理须说明理由。" : "请写明需要补正的材料。")
            .Check(action != "complete" || r.Outcome is "approved" or "rejected", "outcome", "办结须选择结果：准予（approved）或不予（rejected）。")
            .ThrowIfInvalid();

        var working = await calendar.CurrentAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
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
                // 当场办结: completed on the day of receipt, in the one visit
                await c.ExecuteAsync(new CommandDefinition("""
                    update service_centre.applications
                    set outcome = @outcome, completed_at = @now, completed_on = @today, on_the_spot = (received_on = @today and visits = 1)
                    where id = @id
                    """, new { id, outcome = r.Outcome, now, today }, tx, cancellationToken: ct));
                break;
        }
        await c.ExecuteAsync(new CommandDefinition("""
            update service_centre.applications set state = @to, version = version + 1 where id = @id;
            insert into service_centre.application_events (id, application_id, at, actor, action, from_state, to_state, note)
            values (@eventId, @id, @now, @by, @action, @from, @to, @note);
            """, new { id, to, eventId = Guid.CreateVersion7(), now, by = user.Name, action, from = a.State, note = string.IsNullOrWhiteSpace(r.Note) ? r.Outcome : r.Note.Trim() },
            tx, cancellationToken: ct));
        var after = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where a.id = @id", new { id }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord($"application.{action}", "application", id.ToString(), a.RegionPath,
            new { a.State, a.DueOn }, new { after.State, after.DueOn, after.Outcome, r.Note }), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, after.Version);
        return TypedResults.Ok(await Response(c, null, after, user, today, ct));
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
