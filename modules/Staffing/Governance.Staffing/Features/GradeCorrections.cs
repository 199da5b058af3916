using Governance.Staffing.Ledger;

namespace Governance.Staffing.Features;

public sealed record CorrectGradeRequest([TextLimit(TextLimits.Note)] string? Reason,
    [TextLimit(TextLimits.Number)] string? DocumentNo);

/// <summary>
/// 更正: a recorded correction reversing, in one transaction, the outcome a final grade applied — a conversion undone
/// (the person back in the post the conversion took them from — the secondment's origin, or the post they had moved
/// to since — which must still be vacant from the decision on, and out of the township
/// post; the secondment active again) or a return and bar undone (the secondment active again, the bar lifted). The
/// grade itself stays; the correction is kept beside it and in the assessment's and the secondee's history.
/// </summary>
internal static class GradeCorrections
{
    private sealed record Target(
        string? Grade, string? Outcome, Guid PersonId, string SecondeeState, string PersonState,
        bool Corrected);

    private sealed record HoldingRow(Guid Id, Guid EstablishmentId, bool Leader);

    public static async Task<Ok<AssessmentResponse>> Correct(
        Guid id, Guid secondeeId, CorrectGradeRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard,
        IAuditTrail audit, IRegionDirectory regions, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        new Validator()
            .Required(r.Reason, "reason", "更正理由")
            .Required(r.DocumentNo, "documentNo", "更正文号")
            .ThrowIfInvalid();
        var today = CountyClock.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var (reason, documentNo) = (r.Reason!.Trim(), r.DocumentNo!.Trim());
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var a = await Assessments.FindAsync(c, tx, id, user, today, ct, forUpdate: true);
        if (a is null) return await guard.DenyAsync<Ok<AssessmentResponse>>(Assessments.Workflow.RecordType, id, ct);
        if (a.State != "final" || a.DecidedOn is not { } decided)
            throw new ConflictException("assessments.not_final", "考核结果确定后才能更正。");
        var t = await c.QuerySingleOrDefaultAsync<Target>(new CommandDefinition("""
            select g.grade, g.outcome, s.person_id, s.state as secondee_state, p.state as person_state,
                   exists (select 1 from staffing.grade_corrections gc
                           where gc.assessment_id = g.assessment_id and gc.secondee_id = g.secondee_id) as corrected
            from staffing.grades g join staffing.secondees s on s.id = g.secondee_id
            join staffing.people p on p.id = s.person_id
            where g.assessment_id = @id and g.secondee_id = @secondeeId
            for update of s, p
            """, new { id, secondeeId }, tx, cancellationToken: ct)) ?? throw new NotFoundException();
        if (t.Corrected) throw new ConflictException("assessments.already_corrected", "该等次的结果已经更正过。");
        if (t.Outcome is not ("converted" or "returned") || t.SecondeeState != t.Outcome)
            throw new ConflictException("assessments.nothing_to_correct",
                "该等次未改变人员的岗位或选派状态（合格、基本合格、不确定档次），或其结果已有后续变动，无可更正。");
        if (t.PersonState != "serving")
            throw new ConflictException("assessments.person_exited", "该人员已出编，不能更正考核结果。");
        var correction = Guid.CreateVersion7();
        var document = $"{a.Year}年度选派人员考核结果";
        if (t.Outcome == "converted")
        {
            var township = await c.QuerySingleOrDefaultAsync<HoldingRow>(new CommandDefinition("""
                select id, establishment_id, leader from staffing.holdings
                where person_id = @PersonId and entered_on = @decided and entry_document = @document
                  and exited_on is null
                """, new { t.PersonId, decided, document }, tx, cancellationToken: ct));
            // the holding the conversion closed (not necessarily in the origin unit recorded with the secondment)
            var origin = await c.QuerySingleOrDefaultAsync<HoldingRow>(new CommandDefinition("""
                select id, establishment_id, leader from staffing.holdings
                where person_id = @PersonId and exited_on = @decided and exit_kind = 'transfer_out'
                  and exit_document = @document
                """, new { t.PersonId, decided, document }, tx, cancellationToken: ct));
            if (township is null || origin is null)
                throw new ConflictException("assessments.moved_since",
                    "该人员转编后岗位已有其他变动（调动或出编），不能据此更正；请先办理相应的人员变动。");
            // the township holding never happened; the origin holding goes on
            await c.ExecuteAsync(new CommandDefinition("""
                delete from staffing.holdings where id = @township;
                update staffing.holdings set exited_on = null, exit_kind = null, exit_document = null
                where id = @originHolding;
                update staffing.people set establishment_id = @origin, version = version + 1,
                    region_path = (select region_path from staffing.establishments where id = @origin)
                where id = @PersonId;
                """, new { township = township.Id, originHolding = origin.Id, origin = origin.EstablishmentId,
                    t.PersonId }, tx,
                cancellationToken: ct));
            var note = $"更正：撤销{a.Year}年度考核优秀转编";
            try
            {
                await LedgerWriter.AppendAsync(c, tx,
                [
                    new LedgerLine(township.EstablishmentId, decided, "exit", 0, -1, documentNo, correction, note,
                        LeadersHeldDelta: township.Leader ? -1 : 0),
                    new LedgerLine(origin.EstablishmentId, decided, "entry", 0, 1, documentNo, correction, note,
                        LeadersHeldDelta: origin.Leader ? 1 : 0),
                ], today, now, user.Name, ct);
            }
            catch (ConflictException e) when (e.Code is "staffing.no_vacancy" or "staffing.no_leader_post")
            {
                throw new ConflictException("assessments.origin_taken",
                    $"原岗位自 {decided:yyyy-MM-dd} 转编后已被占用，不能恢复：{e.Detail}" +
                    "请先为原单位核增编制或办理超编例外，再更正。")
                {
                    Extensions = { ["establishmentId"] = origin.EstablishmentId },
                };
            }
        }
        else
            await c.ExecuteAsync(new CommandDefinition("""
                update staffing.bars set lifted_on = @today, lifted_by = @correction
                where person_id = @PersonId and source_id = @id and lifted_on is null
                """, new { t.PersonId, id, today, correction }, tx, cancellationToken: ct));
        try
        {
            await c.ExecuteAsync(new CommandDefinition("""
                update staffing.secondees set state = 'active', ended_on = null, version = version + 1
                where id = @secondeeId
                """, new { secondeeId }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException("assessments.seconded_again", "该人员已有另一项进行中的选派，不能恢复原选派。");
        }
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.grade_corrections (id, assessment_id, secondee_id, outcome, reason, document_no,
                recorded_at, recorded_by)
            values (@correction, @id, @secondeeId, @Outcome, @reason, @documentNo, @now, @by);
            update staffing.assessments set version = version + 1 where id = @id;
            """, new { correction, id, secondeeId, t.Outcome, reason, documentNo, now, by = user.Name }, tx,
            cancellationToken: ct));
        var what = t.Outcome == "converted" ? "撤销转编" : "撤销退回及限制";
        await WorkflowEvents.AppendAsync(c, tx, Secondees.EventsTable, new WorkflowEventRow(secondeeId, now, user.Id,
            user.Name, "correct", t.Outcome, "active", $"更正（{documentNo}）{what}：{reason}"), ct);
        await WorkflowEvents.AppendAsync(c, tx, Assessments.Workflow.EventsTable, new WorkflowEventRow(id, now,
            user.Id, user.Name, "correct", "final", "final", $"更正（{documentNo}）{what}：{reason}"), ct);
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.assessment.correct", Assessments.Workflow.RecordType,
            id.ToString(), a.RegionPath, new { secondeeId, t.Grade, t.Outcome },
            new { secondeeId, State = "active", reason, documentNo }), ct);
        var response = await Assessments.ToResponse(c, tx, (await Assessments.FindAsync(c, tx, id, user, today, ct))!,
            user, regions, ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, response.Version);
        return TypedResults.Ok(response);
    }
}
