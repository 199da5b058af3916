namespace Governance.Enforcement.Features;

/// <param name="UnitId">The county department that co-owns the case (of the case's county).</param>
public sealed record CaseCoOwnerRequest(Guid? UnitId, [TextLimit(500)] string? Note);

/// <summary>
/// 联合执法: a county department made a co-owner of a township's case — its staff then see the case (and only such
/// cases, or those it referred: <see cref="Cases.InScope"/>). Adding one is the team leadership's act, on the case's
/// timeline; it changes no deadline and takes no officer.
/// </summary>
internal static class JointCases
{
    public static async Task<Ok<CaseResponse>> Add(
        Guid id, CaseCoOwnerRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        new Validator().Check(r.UnitId is not null, "unitId", "请选择共同办案的县级部门。")
            .ThrowIfInvalid();
        var unit = await cs.Units.FindAsync(r.UnitId!.Value, step.Ct);
        if (unit is null || unit.Kind != "county_department"
            || unit.RegionPath != Filing.CountyPath(step.K.RegionPath))
            throw new ValidationException("unitId", "请选择本县的县级部门。");
        var added = await step.C.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.case_co_owners (case_id, unit_id, unit_name, added_on, added_by)
            values (@id, @unitId, @name, @today, @by) on conflict do nothing
            """, new { id, unitId = unit.Id, unit.Name, today = step.Today, by = s.User.Name }, step.Tx,
            cancellationToken: step.Ct));
        if (added == 0)
            throw new ConflictException("enforcement.already_co_owner", $"{unit.Name}已是本案的共同办案部门。");
        var note = TextInput.Blank(r.Note);
        return await step.FinishAsync($"联合执法：{unit.Name}为共同办案部门" + (note is null ? "" : "。" + note),
            new { CoOwner = unit.Name, UnitId = unit.Id, Note = note });
    }
}
