using Governance.SharedKernel.Database;
using Governance.PowerLists.Contracts;

namespace Governance.Enforcement.Features;

/// <param name="PenaltyKinds">The penalty's kinds, or <c>none</c> (不予行政处罚) with its reason.</param>
/// <param name="BenchmarkDegree">The 裁量基准 degree applied (<c>minor</c>, <c>general</c>, <c>serious</c>,
/// <c>severe</c>); required with a fine.</param>
/// <param name="LegalBasis">The provisions applied; default: the item's 设定依据.</param>
/// <param name="Statement">The party's 陈述申辩 as heard (and whether it was adopted).</param>
/// <param name="ItemId">简易程序: the 行政处罚 item the decision rests on.</param>
/// <param name="OfficerIds">简易程序: the two (or more) officers on the spot.</param>
public sealed record CaseDecisionRequest(
    [TextLimit(TextLimits.Code)] IReadOnlyList<string>? PenaltyKinds, decimal? FineAmount, decimal? ConfiscationAmount,
    [TextLimit(TextLimits.Code)] string? BenchmarkDegree,
    [TextLimit(1000)] string? LegalBasis, [TextLimit(1000)] string? NoPenaltyReason,
    [TextLimit(TextLimits.Text)] string? Statement, Guid? ItemId, IReadOnlyList<Guid>? OfficerIds,
    [TextLimit(TextLimits.Note)] string? Note);

/// <summary>
/// 作出决定: the general procedure's decision (after the notice period, the hearing, and for a major case the legal
/// review and the discussion; never heavier than what the party was told), and the simple procedure's on-the-spot
/// decision (51, 52: a warning or a small fine, two officers, handed over at once). Each decision takes the next
/// number of the team's year in its own transaction — gap-free and unique under concurrency.
/// </summary>
internal static class Decisions
{
    public static async Task<Ok<CaseResponse>> Act(
        Guid id, CaseDecisionRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var simple = step.Action == "simple";
        var v = new Validator();
        var penalty = Penalty.Read(v, r.PenaltyKinds, r.FineAmount, r.ConfiscationAmount, noneAllowed: !simple);
        var officerIds = r.OfficerIds?.Distinct().ToList() ?? [];
        v.Check(!penalty.IsNone || !string.IsNullOrWhiteSpace(r.NoPenaltyReason), "noPenaltyReason",
                "不予行政处罚须写明理由（如违法行为轻微并及时改正、没有造成危害后果）。")
            .Check(r.BenchmarkDegree is null || PenaltyRules.Degrees.ContainsKey(r.BenchmarkDegree), "benchmarkDegree",
                "违法情节档次无效。")
            .Check(!simple || r.ItemId is not null, "itemId", "请选择当场处罚依据的行政处罚事项。")
            .Check(!simple || officerIds.Count >= 2, "officerIds", "当场处罚也须两名执法人员（行政处罚法第五十二条）。")
            .Check(officerIds.Count <= 10, "officerIds", "承办人员不能超过 10 名。")
            .Check(!simple || step.K.PartyName is not null, "partyName", "当场处罚须先在线索中登记当事人。")
            .ThrowIfInvalid();
        return simple ? await SimpleAsync(step, cs, r, penalty, officerIds) : await DecideAsync(step, cs, r, penalty);
    }

    private static async Task<Ok<CaseResponse>> DecideAsync(
        CaseStep step, CaseServices cs, CaseDecisionRequest r, Penalty penalty)
    {
        var (k, today, o) = (step.K, step.Today, step.Options);
        if (k.State == "filed" && !penalty.IsNone)
            throw new ConflictException("enforcement.notice_required",
                "作出行政处罚决定之前，应当告知当事人拟作出的处罚内容及事实、理由、依据，"
                + "以及陈述、申辩、听证的权利（第四十四条）。");
        if (k.State == "notified")
        {
            var last = step.Calendar.AddWorkingDays(k.NotifiedOn!.Value, o.NoticeWorkingDays);
            if (today <= last)
                throw new ConflictException("enforcement.notice_period_running",
                    $"当事人的陈述申辩、听证申请期限至 {last:yyyy-MM-dd} 届满，期满后方可作出决定。");
        }
        var notice = new Penalty(k.NoticeKindList, k.NoticeFine, k.NoticeConfiscation);
        if (k.NotifiedOn is not null && penalty.HeavierThan(notice))
            throw new ConflictException("enforcement.heavier_than_notice",
                "拟作出的处罚重于已告知的内容，须重新告知当事人（行政处罚法第四十四条、第六十二条）。");
        await Review.RequireForDecisionAsync(step);
        await step.RequireOfficersAsync();
        var countyPath = Filing.CountyPath(k.RegionPath);
        var degree = await Benchmarks.RequireWithinAsync(step.C, step.Tx, countyPath, k.ItemCode!, r.BenchmarkDegree,
            penalty, step.Ct);
        var item = await cs.Powers.FindItemAsync(k.ItemId!.Value, countyPath, today, step.Ct);
        return await RecordAsync(step, r, penalty, degree, item, "", new { });
    }

    private static async Task<Ok<CaseResponse>> SimpleAsync(
        CaseStep step, CaseServices cs, CaseDecisionRequest r, Penalty penalty, IReadOnlyList<Guid> officerIds)
    {
        var (k, today, o) = (step.K, step.Today, step.Options);
        if (PenaltyRules.SimpleProcedureRefusal(penalty.Kinds, penalty.Fine, k.PartyKind, o) is { } refusal)
            throw new ValidationException("penaltyKinds", refusal);
        var countyPath = Filing.CountyPath(k.RegionPath);
        var item = await cs.Powers.FindItemAsync(r.ItemId!.Value, countyPath, today, step.Ct);
        if (item is null || item.Type != "CF")
            throw new ValidationException("itemId", "当场处罚须依据本县权责清单中今天有效的行政处罚事项。");
        var answer = await Filing.RequireExercisableAsync(step, cs.Powers, r.ItemId.Value, item);
        Filing.RequireWithinLimitation(k, severe: false, today, o);
        var officers = await CaseOfficers.RequireAsync(step.C, step.Tx, k.TeamId, item.Domain, officerIds, today,
            step.Ct);
        var degree = await Benchmarks.RequireWithinAsync(step.C, step.Tx, countyPath, item.Code, r.BenchmarkDegree,
            penalty, step.Ct);
        await Filing.RestOnItemAsync(step, r.ItemId.Value, item, answer, """
            procedure = 'simple', severe_harm = false, filed_on = @today, decision_due_on = @today,
            notified_on = @today, notice_kinds = @kinds, notice_fine = @Fine, hearing_eligible = false,
            delivered_on = @today, delivery_method = 'on_spot'
            """, new { kinds = penalty.Kinds.ToArray(), penalty.Fine });
        await Filing.AssignAsync(step, officers);
        return await RecordAsync(step, r, penalty, degree, item, "当场处罚，当场交付。",
            new { item.Code, answer.Mode });
    }

    /// <summary>Numbers and records the decision, then moves the case.</summary>
    private static async Task<Ok<CaseResponse>> RecordAsync(
        CaseStep step, CaseDecisionRequest r, Penalty penalty, string? degree, PowerItem? item, string lead,
        object more)
    {
        var (k, today) = (step.K, step.Today);
        var (no, year, seq) = await NextNumberAsync(step);
        var legalBasis = TextInput.Blank(r.LegalBasis) ?? item?.LegalBasis;
        await step.UpdateAsync("""
            decision_no = @no, decision_year = @year, decision_seq = @seq, decided_on = @today,
            penalty_kinds = @kinds, fine_amount = @Fine, confiscation_amount = @Confiscation,
            benchmark_degree = @degree, legal_basis = @legalBasis, no_penalty_reason = @reason,
            statement = coalesce(@statement, statement)
            """, new
        {
            id = k.Id, no, year, seq, today, kinds = penalty.Kinds.ToArray(), penalty.Fine, penalty.Confiscation,
            degree, legalBasis, reason = TextInput.Blank(r.NoPenaltyReason), statement = TextInput.Blank(r.Statement),
        });
        await Disclosures.CreateAsync(step, no, penalty: !penalty.IsNone);
        var note = $"{no}：{penalty}。{lead}{TextInput.Blank(r.Note)}";
        return await step.FinishAsync(note, new
        {
            DecisionNo = no, Penalty = penalty.ToString(), Degree = degree, LegalBasis = legalBasis, more,
        });
    }

    /// <summary>决定书 numbers: one gap-free series per team and year (<see cref="NumberSequences"/>).</summary>
    internal static readonly NumberSequence DecisionSequence = new("enforcement", "decision_sequences", "team_id");

    /// <summary>The next 决定书 number of the team's year, taken in the decision's transaction: a rolled-back decision
    /// leaves no gap.</summary>
    private static async Task<(string No, int Year, int Seq)> NextNumberAsync(CaseStep step)
    {
        var year = step.Today.Year;
        var seq = await NumberSequences.TakeAsync(step.C, step.Tx, DecisionSequence, step.K.TeamId, year, step.Ct);
        var team = await step.C.QuerySingleAsync<string>(new CommandDefinition("""
            select name from enforcement.teams where id = @teamId
            """, new { step.K.TeamId }, step.Tx, cancellationToken: step.Ct));
        var no = PenaltyRules.DecisionNumber(step.Options.DecisionNumberFormat, PenaltyRules.Abbreviation(team), year,
            seq);
        return (no, year, seq);
    }
}
