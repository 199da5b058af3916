using Governance.PowerLists.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Features;

/// <param name="ItemId">立案: the 行政处罚/行政强制/行政检查 item the case rests on; 移送: the item whose department
/// takes the case (or name the department).</param>
/// <param name="OfficerIds">立案: at least two officers of the team, certified that day for the case's domain.</param>
/// <param name="SevereHarm">立案: the act endangers life, health or financial safety with harmful consequences
/// (the five-year limitation).</param>
/// <param name="DepartmentId">移送: the competent county department, when no item names it.</param>
public sealed record CaseActionRequest(
    string? Note, Guid? ItemId, IReadOnlyList<Guid>? OfficerIds, bool? SevereHarm, Guid? DepartmentId);

/// <summary>
/// A lead's steps under the law's guards. 立案 is refused (409, saying why) unless, on the filing day, the township
/// may exercise the item (PowerLists: 法定/赋权, or 委托 under an agreement in force) — the refusal names the
/// department to transfer to — the limitation period has not run, and at least two of the team's officers hold a
/// certificate valid that day and the case's domain. 不予立案 and 移送 need a reason.
/// </summary>
internal static class Filing
{
    public static async Task<Ok<CaseResponse>> Act(
        Guid id, CaseActionRequest r, IPowerLists powers, IUnitDirectory units, IOptions<EnforcementOptions> options,
        [AsParameters] WorkflowServices s)
    {
        var (user, ct) = (s.User, s.Cancellation);
        var settings = options.Value;
        await using var step = await Cases.Workflow.StartAsync(s, id,
            (c, tx) => Cases.FindAsync(c, tx, id, user, ct, forUpdate: true));
        var (action, k, c, tx) = (step.Action, step.Before, step.Connection, step.Transaction);
        var officerIds = r.OfficerIds?.Distinct().ToList() ?? [];
        new Validator()
            .Check(action != "file" || r.ItemId is not null, "itemId", "请选择立案依据的职权事项。")
            .Check(action != "file" || officerIds.Count >= 2, "officerIds",
                "至少指派两名执法人员（行政处罚法第四十二条）。")
            .Check(officerIds.Count <= 10, "officerIds", "承办人员不能超过 10 名。")
            .Check(action == "file" || !string.IsNullOrWhiteSpace(r.Note), "note", "请填写理由。")
            .Check(action != "transfer" || r.ItemId is not null || r.DepartmentId is not null, "departmentId",
                "请选择移送的县级主管部门（或移送所依据的职权事项）。")
            .Check(r.Note is null || r.Note.Length <= 2000, "note", "意见不能超过 2000 个字符。")
            .ThrowIfInvalid();
        var today = CountyClock.Today(s.Clock);
        var township = await TownshipIdAsync(c, tx, k.TeamId, ct);
        var countyPath = CountyPath(k.RegionPath);
        var item = r.ItemId is { } itemId ? await powers.FindItemAsync(itemId, countyPath, today, ct) : null;
        if (r.ItemId is not null && item is null)
            throw new ValidationException("itemId", "该事项不在本县权责清单目录中，或今天未生效。");
        object after;
        if (action == "file")
        {
            if (!CaseRules.FilingItemTypes.Contains(item!.Type))
                throw new ValidationException("itemId", "立案须依据行政处罚、行政强制或行政检查事项。");
            var answer = await powers.CanExerciseAsync(township, r.ItemId!.Value, today, ct);
            if (!answer.Allowed)
                throw new ConflictException("enforcement.power_not_exercisable",
                    $"本乡镇（街道）今天不能行使“{item.Name}”：{answer.Reason}"
                    + (item.DepartmentName is null ? "" : $"应移送{item.DepartmentName}。"))
                {
                    Extensions = { ["transferTo"] = new { item.DepartmentId, item.DepartmentName } },
                };
            var severe = r.SevereHarm == true;
            var lastDay = CaseRules.LimitationEnds(k.OccurredOn, severe, settings);
            if (today > lastDay)
                throw new ConflictException("enforcement.limitation_expired",
                    $"违法行为发生于 {k.OccurredOn:yyyy-MM-dd}，追责时效已于 {lastDay:yyyy-MM-dd} 届满，"
                    + "不再给予行政处罚。");
            var officers = await CaseOfficers.RequireAsync(c, tx, k.TeamId, item.Domain, officerIds, today, ct);
            var due = CaseRules.DecisionDue(today, settings);
            await c.ExecuteAsync(new CommandDefinition("""
                update enforcement.cases set item_id = @itemId, item_code = @Code, item_name = @Name,
                    domain = @Domain, exercise_mode = @Mode, agreement_no = @AgreementNumber, severe_harm = @severe,
                    filed_on = @today, decision_due_on = @due
                where id = @id
                """, new
                {
                    id, itemId = r.ItemId, item.Code, item.Name, item.Domain, answer.Mode, answer.AgreementNumber,
                    severe, today, due,
                }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("""
                insert into enforcement.case_officers (case_id, officer_id, certificate_number, assigned_on)
                select @id, unnest(@ids), unnest(@numbers), @today
                """, new
                {
                    id, ids = officers.Select(o => o.Id).ToArray(),
                    numbers = officers.Select(o => o.CertificateNumber!).ToArray(), today,
                }, tx, cancellationToken: ct));
            after = new { item.Code, answer.Mode, FiledOn = today, DecisionDueOn = due, Officers = officerIds };
        }
        else if (action == "transfer")
        {
            var (departmentId, departmentName) = await DepartmentAsync(units, item, r.DepartmentId, countyPath, ct);
            await c.ExecuteAsync(new CommandDefinition("""
                update enforcement.cases set transferred_to_id = @departmentId, transferred_to_name = @departmentName
                where id = @id
                """, new { id, departmentId, departmentName }, tx, cancellationToken: ct));
            after = new { TransferredTo = departmentName, r.Note };
        }
        else after = new { r.Note };
        await step.MoveAsync(TextInput.Blank(r.Note));
        var domains = (await powers.DomainsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var response = await Cases.ResponseAsync(c, tx, (await Cases.FindAsync(c, tx, id, user, ct))!, domains, user,
            settings, ct);
        await step.CommitAsync(new { k.State }, after);
        return TypedResults.Ok(response);
    }

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

    private static Task<Guid> TownshipIdAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid teamId, CancellationToken ct) =>
        c.ExecuteScalarAsync<Guid>(new CommandDefinition("select township_id from enforcement.teams where id = @teamId",
            new { teamId }, tx, cancellationToken: ct));

    /// <summary>The county's path: the first two segments of a township's (<c>/province/county/</c>).</summary>
    internal static string CountyPath(string townshipPath) =>
        string.Join('/', townshipPath.Split('/').Take(3)) + "/";
}
