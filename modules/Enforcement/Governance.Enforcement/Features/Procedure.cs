namespace Governance.Enforcement.Features;

/// <param name="PenaltyKinds">告知: the intended penalty's kinds (<c>fine</c>, <c>warning</c>, …).</param>
/// <param name="FineAmount">The intended fine (yuan), with <c>fine</c>.</param>
/// <param name="ConfiscationAmount">The intended confiscation (yuan), with <c>confiscation</c>.</param>
/// <param name="MajorReasons">The 法制审核 situations (58) that apply: <c>public_interest</c>, <c>major_rights</c>,
/// <c>complex</c>, <c>statutory</c>.</param>
public sealed record CaseNoticeRequest(
    [TextLimit(TextLimits.Code)] IReadOnlyList<string>? PenaltyKinds, decimal? FineAmount, decimal? ConfiscationAmount,
    [TextLimit(TextLimits.Code)] IReadOnlyList<string>? MajorReasons, [TextLimit(TextLimits.Note)] string? Note);

/// <param name="RequestedOn">申请听证: the day the party asked (default today).</param>
/// <param name="HearingOn">通知听证: the day of the hearing.</param>
/// <param name="PresiderId">通知听证: the presiding officer — of the team, not one of the case's officers.</param>
/// <param name="Place">通知听证: where the hearing is held (at most 200 characters), printed on the 听证通知书.</param>
/// <param name="Record">举行听证: the 听证笔录's substance.</param>
public sealed record CaseHearingRequest(
    DateOnly? RequestedOn, DateOnly? HearingOn, Guid? PresiderId, [TextLimit(TextLimits.Name)] string? Place,
    [TextLimit(TextLimits.Text)] string? Record, [TextLimit(TextLimits.Note)] string? Note);

/// <param name="Days">延期: calendar days added to the decision deadline (in all at most
/// <see cref="EnforcementOptions.MaxExtensionDays"/>).</param>
/// <param name="OfficerIds">更换承办人员: the case's officers from today (at least two, certified today).</param>
public sealed record CaseChangeRequest(int? Days, IReadOnlyList<Guid>? OfficerIds,
    [TextLimit(TextLimits.Note)] string? Note);

/// <summary>
/// The general procedure up to the decision: 事先告知 (44, 45), 听证 (63, 64), 延期 and 更换承办人员. Periods of days
/// are working days (85): the party has 5 to ask for a hearing, the hearing notice goes out 7 before it.
/// </summary>
internal static class Procedure
{
    public static async Task<Ok<CaseResponse>> Notify(
        Guid id, CaseNoticeRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var v = new Validator();
        var penalty = Penalty.Read(v, r.PenaltyKinds, r.FineAmount, r.ConfiscationAmount, noneAllowed: false);
        var reasons = r.MajorReasons?.Distinct().ToArray() ?? [];
        v.Check(reasons.All(PenaltyRules.MajorReasons.ContainsKey), "majorReasons", "法制审核情形无效。")
            .ThrowIfInvalid();
        await step.RequireOfficersAsync();
        var eligible = PenaltyRules.HearingEligible(penalty.Kinds, penalty.Fine, penalty.Confiscation, step.K.PartyKind,
            step.Options);
        await step.UpdateAsync("""
            notified_on = @today, notice_kinds = @kinds, notice_fine = @Fine, notice_confiscation = @Confiscation,
            hearing_eligible = @eligible, major_reasons = @reasons
            """, new
        {
            id, today = step.Today, kinds = penalty.Kinds.ToArray(), penalty.Fine, penalty.Confiscation, eligible,
            reasons,
        });
        var note = $"拟：{penalty}" + (eligible ? "（可申请听证）" : "")
            + (TextInput.Blank(r.Note) is { } n ? "。" + n : "");
        return await step.FinishAsync(note, new { Penalty = penalty.ToString(), HearingEligible = eligible, reasons });
    }

    public static async Task<Ok<CaseResponse>> Hearing(
        Guid id, CaseHearingRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var (k, today, o) = (step.K, step.Today, step.Options);
        new Validator()
            .Check(step.Action != "schedule_hearing" || r.HearingOn is not null, "hearingOn", "请填写听证日期。")
            .Check(step.Action != "schedule_hearing" || r.PresiderId is not null, "presiderId", "请指定听证主持人。")
            .Check(step.Action != "schedule_hearing" || TextInput.Blank(r.Place) is not null, "place",
                "请填写听证地点。")
            .Check(step.Action != "hold_hearing" || !string.IsNullOrWhiteSpace(r.Record), "record",
                "请填写听证笔录要点。")
            .Check(r.RequestedOn is null || r.RequestedOn <= today && r.RequestedOn >= k.NotifiedOn, "requestedOn",
                "申请日期须在告知之日与今天之间。")
            .ThrowIfInvalid();
        object after;
        if (step.Action == "request_hearing")
        {
            var on = r.RequestedOn ?? today;
            var last = step.Calendar.AddWorkingDays(k.NotifiedOn!.Value, o.NoticeWorkingDays);
            if (on > last)
                throw new ConflictException("enforcement.hearing_request_late",
                    $"当事人应在告知后 {o.NoticeWorkingDays} 个工作日内（{last:yyyy-MM-dd} 前）提出听证申请，"
                    + "逾期视为放弃。");
            await step.UpdateAsync("hearing_requested_on = @on", new { id, on });
            after = new { RequestedOn = on };
        }
        else if (step.Action == "schedule_hearing")
        {
            var earliest = step.Calendar.AddWorkingDays(today, o.HearingNoticeWorkingDays);
            if (r.HearingOn < earliest)
                throw new ConflictException("enforcement.hearing_notice_short",
                    $"听证通知须在举行听证的 {o.HearingNoticeWorkingDays} 个工作日前送达："
                    + $"今天通知，听证最早定在 {earliest:yyyy-MM-dd}。");
            var presider = await PresiderAsync(step, r.PresiderId!.Value);
            await step.RequireOfficersAsync();
            await step.UpdateAsync("""
                hearing_notified_on = @today, hearing_on = @HearingOn, hearing_presider_id = @presiderId,
                hearing_presider = @presider, hearing_place = @place
                """, new { id, today, r.HearingOn, presiderId = r.PresiderId, presider, place = r.Place!.Trim() });
            after = new { r.HearingOn, Presider = presider, Place = r.Place.Trim() };
        }
        else
        {
            if (today < k.HearingOn)
                throw new ConflictException("enforcement.hearing_not_yet",
                    $"听证定于 {k.HearingOn:yyyy-MM-dd} 举行，尚未到期。");
            await step.RequireOfficersAsync();
            // 58: a case decided after a hearing needs the legal review
            await step.UpdateAsync("""
                hearing_record = @record,
                major_reasons = case when 'major_rights' = any(major_reasons) then major_reasons
                                     else array_append(major_reasons, 'major_rights') end
                """, new { id, record = r.Record!.Trim() });
            after = new { HeldOn = today };
        }
        return await step.FinishAsync(r.Note, after);
    }

    /// <summary>The presiding officer: an officer of the team, not one of the case's (64).</summary>
    private static async Task<string> PresiderAsync(CaseStep step, Guid presiderId)
    {
        var p = await step.C.QuerySingleOrDefaultAsync<(string Name, bool OnCase)>(new CommandDefinition("""
            select o.name, exists (select 1 from enforcement.case_officers k
                                   where k.case_id = @caseId and k.officer_id = o.id and k.removed_on is null)
            from enforcement.officers o
            where o.id = @presiderId and o.team_id = @teamId and (o.left_on is null or o.left_on > @today)
            """, new { caseId = step.K.Id, presiderId, step.K.TeamId, today = step.Today }, step.Tx,
            cancellationToken: step.Ct));
        if (p.Name is null) throw new ValidationException("presiderId", "听证主持人须为本大队在职的执法人员。");
        if (p.OnCase)
            throw new ConflictException("enforcement.presider_is_officer",
                $"{p.Name}是本案承办人员，不能主持听证（行政处罚法第六十四条）。");
        return p.Name;
    }

    public static async Task<Ok<CaseResponse>> Change(
        Guid id, CaseChangeRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var (k, today) = (step.K, step.Today);
        var remaining = step.Options.MaxExtensionDays - k.ExtendedDays;
        var officerIds = r.OfficerIds?.Distinct().ToList() ?? [];
        new Validator()
            .Required(r.Note, "note", step.Action == "extend" ? "延期理由" : "更换理由")
            .Check(step.Action != "extend" || r.Days is > 0 && r.Days <= remaining, "days",
                remaining > 0 ? $"延长天数须为 1 至 {remaining} 天（共可延长 {step.Options.MaxExtensionDays} 天）。"
                    : "办案期限已延长至上限，不能再延长。")
            .Check(step.Action != "reassign" || officerIds.Count >= 2, "officerIds", "至少指派两名执法人员。")
            .Check(officerIds.Count <= 10, "officerIds", "承办人员不能超过 10 名。")
            .ThrowIfInvalid();
        object after;
        if (step.Action == "extend")
        {
            if (today > k.DecisionDueOn)
                throw new ConflictException("enforcement.deadline_passed",
                    $"办案期限已于 {k.DecisionDueOn:yyyy-MM-dd} 届满，不能再批准延期。");
            var due = k.DecisionDueOn!.Value.AddDays(r.Days!.Value);
            await step.UpdateAsync("extended_days = extended_days + @Days, decision_due_on = @due",
                new { id, r.Days, due });
            after = new { r.Days, DecisionDueOn = due };
        }
        else
        {
            var officers = await CaseOfficers.RequireAsync(step.C, step.Tx, k.TeamId, k.Domain, officerIds, today,
                step.Ct);
            await step.C.ExecuteAsync(new CommandDefinition("""
                update enforcement.case_officers set removed_on = @today
                where case_id = @id and removed_on is null and officer_id <> all(@ids)
                """, new { id, today, ids = officerIds.ToArray() }, step.Tx, cancellationToken: step.Ct));
            await Filing.AssignAsync(step, officers);
            after = new { Officers = officerIds };
        }
        return await step.FinishAsync(r.Note, after);
    }
}
