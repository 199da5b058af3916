using Governance.Calendar.Contracts;
using Governance.PowerLists.Contracts;

namespace Governance.Enforcement.Features;

/// <param name="ItemId">立案: the 行政处罚/行政强制/行政检查 item the case rests on; 移送: the item whose department
/// takes the case (or name the department).</param>
/// <param name="OfficerIds">立案: at least two officers of the team, certified that day for the case's domain.</param>
/// <param name="SevereHarm">立案: the act endangers life, health or financial safety with harmful consequences
/// (the five-year limitation).</param>
/// <param name="DepartmentId">移送: the competent county department, when no item names it.</param>
public sealed record CaseActionRequest(
    [TextLimit(TextLimits.Note)] string? Note, Guid? ItemId, IReadOnlyList<Guid>? OfficerIds, bool? SevereHarm,
    Guid? DepartmentId);

/// <summary>
/// A lead's steps under the law's guards. 立案 is refused (409, saying why) unless, on the filing day, the township
/// may exercise the item (PowerLists: 法定/赋权, or 委托 under an agreement in force) — the refusal names the
/// department to transfer to — the limitation period has not run, and at least two of the team's officers hold a
/// certificate valid that day and the case's domain. 不予立案 and 移送 need a reason.
/// </summary>
internal static class Filing
{
    public static async Task<Ok<CaseResponse>> Act(
        Guid id, CaseActionRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var (powers, units) = (cs.Powers, cs.Units);
        var (action, k, today, ct) = (step.Action, step.K, step.Today, step.Ct);
        var officerIds = r.OfficerIds?.Distinct().ToList() ?? [];
        new Validator()
            .Check(action != "file" || r.ItemId is not null, "itemId", "请选择立案依据的职权事项。")
            .Check(action != "file" || officerIds.Count >= 2, "officerIds",
                "至少指派两名执法人员（行政处罚法第四十二条）。")
            .Check(officerIds.Count <= 10, "officerIds", "承办人员不能超过 10 名。")
            .Check(action == "file" || !string.IsNullOrWhiteSpace(r.Note), "note", "请填写理由。")
            .Check(action != "transfer" || r.ItemId is not null || r.DepartmentId is not null, "departmentId",
                "请选择移送的县级主管部门（或移送所依据的职权事项）。")
            .ThrowIfInvalid();
        var countyPath = CountyPath(k.RegionPath);
        var item = r.ItemId is { } itemId ? await powers.FindItemAsync(itemId, countyPath, today, ct) : null;
        if (r.ItemId is not null && item is null)
            throw new ValidationException("itemId", "该事项不在本县权责清单目录中，或今天未生效。");
        object after;
        if (action == "file")
        {
            if (!CaseRules.FilingItemTypes.Contains(item!.Type))
                throw new ValidationException("itemId", "立案须依据行政处罚、行政强制或行政检查事项。");
            var answer = await RequireExercisableAsync(step, powers, r.ItemId!.Value, item);
            var severe = r.SevereHarm == true;
            RequireWithinLimitation(k, severe, today, step.Options);
            var officers = await CaseOfficers.RequireAsync(step.C, step.Tx, k.TeamId, item.Domain, officerIds, today,
                ct);
            var due = CaseRules.DecisionDue(today, step.Options);
            await RestOnItemAsync(step, r.ItemId!.Value, item, answer, """
                severe_harm = @severe, filed_on = @today, decision_due_on = @due
                """, new { severe, due });
            await AssignAsync(step, officers);
            after = new { item.Code, answer.Mode, FiledOn = today, DecisionDueOn = due, Officers = officerIds };
        }
        else if (action == "transfer")
        {
            var (departmentId, departmentName) = await DepartmentAsync(units, item, r.DepartmentId, countyPath, ct);
            await step.UpdateAsync("transferred_to_id = @departmentId, transferred_to_name = @departmentName",
                new { id, departmentId, departmentName });
            after = new { TransferredTo = departmentName, r.Note };
        }
        else after = new { r.Note };
        return await step.FinishAsync(r.Note, after);
    }

    /// <summary>The township may exercise the item today (PowerLists) — or a 409 saying why and naming the
    /// department to transfer to.</summary>
    internal static async Task<ExerciseAnswer> RequireExercisableAsync(
        CaseStep step, IPowerLists powers, Guid itemId, PowerItem item)
    {
        var township = await step.C.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "select township_id from enforcement.teams where id = @teamId", new { step.K.TeamId }, step.Tx,
            cancellationToken: step.Ct));
        var answer = await powers.CanExerciseAsync(township, itemId, step.Today, step.Ct);
        if (!answer.Allowed)
            throw new ConflictException("enforcement.power_not_exercisable",
                $"本乡镇（街道）今天不能行使“{item.Name}”：{answer.Reason}"
                + (item.DepartmentName is null ? "" : $"应移送{item.DepartmentName}。"))
            {
                Extensions = { ["transferTo"] = new { item.DepartmentId, item.DepartmentName } },
            };
        return answer;
    }

    /// <summary>追责时效 (36): a 409 when the limitation period has run.</summary>
    internal static void RequireWithinLimitation(Cases.Row k, bool severe, DateOnly today, EnforcementOptions o)
    {
        var lastDay = CaseRules.LimitationEnds(k.OccurredOn, severe, o);
        if (today > lastDay)
            throw new ConflictException("enforcement.limitation_expired",
                $"违法行为发生于 {k.OccurredOn:yyyy-MM-dd}，追责时效已于 {lastDay:yyyy-MM-dd} 届满，"
                + "不再给予行政处罚。");
    }

    /// <summary>Records the item the case rests on, as PowerLists answered today, with further columns.</summary>
    internal static Task RestOnItemAsync(
        CaseStep step, Guid itemId, PowerItem item, ExerciseAnswer answer, string moreColumns, object more)
    {
        var param = new DynamicParameters(more);
        param.AddDynamicParams(new
        {
            id = step.K.Id, itemId, item.Code, item.Name, item.Domain, answer.Mode, answer.AgreementNumber,
            today = step.Today,
        });
        return step.UpdateAsync($"""
            item_id = @itemId, item_code = @Code, item_name = @Name, domain = @Domain, exercise_mode = @Mode,
            agreement_no = @AgreementNumber, {moreColumns}
            """, param);
    }

    /// <summary>The case's officers, each with the certificate held today.</summary>
    internal static Task AssignAsync(CaseStep step, IReadOnlyList<OfficerCheck> officers) =>
        step.C.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.case_officers (case_id, officer_id, certificate_number, assigned_on)
            select @id, unnest(@ids), unnest(@numbers), @today
            on conflict (case_id, officer_id) do update set certificate_number = excluded.certificate_number,
                assigned_on = excluded.assigned_on, removed_on = null
            where case_officers.removed_on is not null
            """, new
            {
                id = step.K.Id, ids = officers.Select(o => o.Id).ToArray(),
                numbers = officers.Select(o => o.CertificateNumber!).ToArray(), today = step.Today,
            }, step.Tx, cancellationToken: step.Ct));

    private static async Task<(Guid Id, string Name)> DepartmentAsync(
        IUnitDirectory units, PowerItem? item, Guid? departmentId, string countyPath, CancellationToken ct)
    {
        if (item is { DepartmentId: { } itemDept, DepartmentName: { } name } && departmentId is null)
            return (itemDept, name);
        var unit = departmentId is { } d ? await units.FindAsync(d, ct) : null;
        if (unit is null || unit.Kind != "county_department" || unit.RegionPath != countyPath)
            throw new ValidationException("departmentId", "请选择本县的县级主管部门。");
        return (unit.Id, unit.Name);
    }

    /// <summary>The county's path: the first two segments of a township's (<c>/province/county/</c>).</summary>
    internal static string CountyPath(string townshipPath) => RegionScope.Ancestor(townshipPath, 2);
}
