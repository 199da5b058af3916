using Microsoft.AspNetCore.Mvc;

namespace Governance.Enforcement.Features;

/// <param name="TownshipId">The township whose team takes the lead; a township user's own by default.</param>
/// <param name="Source">巡查发现 <c>patrol</c>, 投诉举报 <c>complaint</c>, 网格上报 <c>grid</c>, 部门移送
/// <c>referral</c>, 上级交办 <c>assigned</c>.</param>
/// <param name="OccurredOn">When the act happened (or ended, for a continuing act).</param>
/// <param name="PartyIdNumber">身份证号 of a person or 统一社会信用代码 of an organisation, when known.</param>
public sealed record RegisterLeadRequest(
    Guid? TownshipId, [TextLimit(TextLimits.Code)] string? Source, [TextLimit(TextLimits.Code)] string? Domain,
    DateOnly? OccurredOn, [TextLimit(TextLimits.Name)] string? Place, [TextLimit(TextLimits.Note)] string? Description,
    [TextLimit(TextLimits.Code)] string? PartyKind, [TextLimit(100)] string? PartyName,
    [TextLimit(TextLimits.Number)] string? PartyIdNumber, [TextLimit(100)] string? Reporter);

/// <summary>线索登记: by an officer, by a county department (部门移送: the department then follows the case), or by
/// a machine client (the grid platform) with an Idempotency-Key so that a retry or a race registers one lead.
/// </summary>
internal static class Leads
{
    private static readonly IdempotentTable Idempotent = new("enforcement", "cases", "created_by_id");

    public static async Task<Created<CaseResponse>> Register(
        RegisterLeadRequest r,
        [FromHeader(Name = IdempotencyKey.Header), TextLimit(IdempotencyKey.MaxLength)] string? idempotencyKey,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var key = IdempotencyKey.From(idempotencyKey, r);
        var x = await s.CaseContextAsync(ct);
        var domains = x.Domains;
        var today = s.Today;
        var partyId = TextInput.Blank(r.PartyIdNumber)?.ToUpperInvariant();
        var departmentId = Cases.DepartmentOf(s.User);
        var department = departmentId is { } unitId ? await s.Units.FindAsync(unitId, ct) : null;
        new Validator()
            .Check(departmentId is null || department is not null, "source",
                "您的账户未关联县级部门，不能移送线索。")
            .Check(department is null || r.Source == "referral", "source", "县级部门登记的线索，来源应为部门移送。")
            .Check(r.Source is not null && CaseRules.Sources.ContainsKey(r.Source), "source",
                "请选择线索来源：巡查发现、投诉举报、网格上报、部门移送或上级交办。")
            .Check(r.Domain is not null && domains.ContainsKey(r.Domain), "domain", "请选择执法领域。")
            .Check(r.OccurredOn is { } d && d <= today && d >= today.AddYears(-30), "occurredOn",
                "请填写违法行为发生日期（不晚于今天）。")
            .Required(r.Place, "place", "发生地点")
            .Required(r.Description, "description", "线索描述")
            .Check(r.PartyKind is null or "person" or "organisation", "partyKind", "当事人类型只能是个人或单位。")
            .Check(r.PartyKind is null || !string.IsNullOrWhiteSpace(r.PartyName), "partyName", "请填写当事人名称。")
            .Check(partyId is null || r.PartyKind == "person" && Identity.IsIdNumber(partyId)
                   || r.PartyKind == "organisation" && Identity.IsCreditCode(partyId), "partyIdNumber",
                r.PartyKind == "organisation"
                    ? "统一社会信用代码格式不正确（18 位）。"
                    : "身份证号码格式不正确（18 位）。")
            .ThrowIfInvalid();
        var townshipId = r.TownshipId ?? s.User.RegionId;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var team = await c.QuerySingleOrDefaultAsync<(Guid Id, string Path)?>(new CommandDefinition(
            "select id, region_path from enforcement.teams where township_id = @townshipId and region_path like @scope",
            new { townshipId, scope = s.User.Scope.Pattern }, cancellationToken: ct))
            ?? throw new ValidationException("townshipId", "请选择已组建综合行政执法大队的乡镇（街道）。");
        var (id, _) = await Idempotency.CreateOnceAsync(c, Idempotent, key, s.User.Id!.Value, s.Http, async tx =>
        {
            var id = Guid.CreateVersion7();
            await c.ExecuteAsync(new CommandDefinition("""
                insert into enforcement.cases (id, team_id, region_path, state, source, domain, occurred_on, place,
                    description, party_kind, party_name, party_id_number, reporter, received_at, created_by_id,
                    created_by, idempotency_key, request_hash, referred_by_unit_id, referred_by_name)
                values (@id, @teamId, @path, 'lead', @Source, @Domain, @OccurredOn, @place, @description, @PartyKind,
                    @partyName, @partyId, @reporter, @now, @userId, @by, @key, @hash, @departmentId,
                    @departmentName)
                """, new
                {
                    id, teamId = team.Id, path = team.Path, r.Source, r.Domain, r.OccurredOn,
                    place = r.Place!.Trim(), description = r.Description!.Trim(), r.PartyKind,
                    partyName = TextInput.Blank(r.PartyName), partyId,
                    reporter = TextInput.Blank(r.Reporter) ?? department?.Name, departmentId = department?.Id,
                    departmentName = department?.Name,
                    now = s.Now, userId = s.User.Id, by = s.User.Name, key = key?.Key, hash = key?.Hash,
                }, tx, cancellationToken: ct));
            await WorkflowEvents.AppendAsync(c, tx, Cases.Workflow.EventsTable,
                new WorkflowEventRow(id, s.Now, s.User.Id, s.User.Name, "register", null, "lead", null), ct);
            await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.case.register", Cases.Workflow.RecordType,
                id.ToString(), team.Path, After: new
                {
                    r.Source, r.Domain, r.OccurredOn, r.PartyKind,
                    PartyIdNumber = r.PartyKind == "person" ? Masking.IdNumber(partyId) : partyId,
                }), ct);
            return id;
        }, ct);
        var k = (await Cases.FindAsync(c, null, id, s.User, ct))!;
        ETags.Set(s.Http, k.Version);
        return TypedResults.Created($"/api/v1/enforcement/cases/{id}",
            await Cases.ResponseAsync(c, null, k, x, ct));
    }
}
