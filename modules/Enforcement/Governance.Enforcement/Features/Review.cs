namespace Governance.Enforcement.Features;

/// <param name="Passed">法制审核: whether the review passes the intended decision.</param>
/// <param name="Opinion">法制审核: the reviewer's opinion; 集体讨论: the conclusion.</param>
/// <param name="HeldOn">集体讨论: the day of the meeting (default today).</param>
/// <param name="Participants">集体讨论: who took part (the leaders present).</param>
public sealed record CaseReviewRequest(bool? Passed, [TextLimit(TextLimits.Note)] string? Opinion, DateOnly? HeldOn,
    [TextLimit(500)] string? Participants);

/// <summary>
/// 法制审核 (58) by a legal reviewer who is not one of the case's officers, and 集体讨论 (57) by the organ's leaders:
/// a case with any of the four review situations is decided only after a passed review (the latest counts) and a
/// recorded discussion. Both are kept as records; neither moves the case.
/// </summary>
internal static class Review
{
    public static async Task<Ok<CaseResponse>> Act(
        Guid id, CaseReviewRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var review = step.Action == "review";
        new Validator()
            .Check(!review || r.Passed is not null, "passed", "请选择审核结论（通过或不通过）。")
            .Required(r.Opinion, "opinion", review ? "审核意见" : "讨论结论")
            .Check(review || !string.IsNullOrWhiteSpace(r.Participants), "participants", "请填写参加讨论的人员。")
            .Check(r.HeldOn is null || r.HeldOn <= step.Today && r.HeldOn >= step.K.FiledOn, "heldOn",
                "讨论日期须在立案之日与今天之间。")
            .ThrowIfInvalid();
        var opinion = r.Opinion!.Trim();
        if (review)
        {
            await RequireNotOfficerAsync(step, s.User.Name);
            await step.C.ExecuteAsync(new CommandDefinition("""
                insert into enforcement.case_reviews (id, case_id, reviewed_at, reviewer_id, reviewer, passed, opinion)
                values (@rid, @id, @now, @userId, @name, @Passed, @opinion)
                """, new { rid = Guid.CreateVersion7(), id, now = step.Now, userId = s.User.Id, name = s.User.Name,
                    r.Passed, opinion }, step.Tx, cancellationToken: step.Ct));
            return await step.FinishAsync((r.Passed == true ? "审核通过：" : "审核不通过：") + opinion,
                new { r.Passed, Opinion = opinion });
        }
        var heldOn = r.HeldOn ?? step.Today;
        var participants = r.Participants!.Trim();
        await step.C.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.case_discussions (id, case_id, held_on, participants, conclusion, recorded_by)
            values (@did, @id, @heldOn, @participants, @opinion, @by)
            """, new { did = Guid.CreateVersion7(), id, heldOn, participants, opinion, by = s.User.Name }, step.Tx,
            cancellationToken: step.Ct));
        return await step.FinishAsync($"集体讨论（{heldOn:yyyy-MM-dd}，{participants}）：{opinion}",
            new { HeldOn = heldOn, Participants = participants, Conclusion = opinion });
    }

    /// <summary>The reviewer is not one of the case's officers (the officers are recorded by name; a reviewer
    /// who also holds a certificate for the case may not review it).</summary>
    private static async Task RequireNotOfficerAsync(CaseStep step, string reviewer)
    {
        var onCase = await step.C.ExecuteScalarAsync<bool>(new CommandDefinition("""
            select exists (select 1 from enforcement.case_officers k join enforcement.officers o on o.id = k.officer_id
                           where k.case_id = @id and k.removed_on is null and o.name = @reviewer)
            """, new { id = step.K.Id, reviewer }, step.Tx, cancellationToken: step.Ct));
        if (onCase)
            throw new ConflictException("enforcement.reviewer_is_officer",
                "法制审核人员不能是本案的承办人员（行政处罚法第五十八条）。");
    }

    /// <summary>Before a decision on a major case (any review situation ticked): the latest review passed and a
    /// discussion is recorded — else 409.</summary>
    public static async Task RequireForDecisionAsync(CaseStep step)
    {
        if (step.K.MajorReasonList.Count == 0) return;
        var (passed, discussed) = await step.C.QuerySingleAsync<(bool?, bool)>(new CommandDefinition("""
            select (select passed from enforcement.case_reviews where case_id = @id
                    order by reviewed_at desc, id desc limit 1),
                   exists (select 1 from enforcement.case_discussions where case_id = @id)
            """, new { id = step.K.Id }, step.Tx, cancellationToken: step.Ct));
        var situations = string.Join("、", step.K.MajorReasonList.Select(r => PenaltyRules.MajorReasons[r]));
        if (passed != true)
            throw new ConflictException("enforcement.review_required",
                $"本案属于应当法制审核的情形（{situations}），"
                + (passed is null ? "尚未经法制审核" : "最近一次法制审核未通过") + "，不能作出决定。");
        if (!discussed)
            throw new ConflictException("enforcement.discussion_required",
                "重大、复杂案件应当由行政机关负责人集体讨论决定，请先记录集体讨论。");
    }
}
