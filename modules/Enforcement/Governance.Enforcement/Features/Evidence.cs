namespace Governance.Enforcement.Features;

/// <param name="Kind">scene_record (现场笔录), inquiry_record (询问笔录), photo, audio_video, document, preservation
/// (先行登记保存: its 处理决定 is due within 7 working days) or other.</param>
/// <param name="Sha256">The uploaded file (<c>POST /api/v1/enforcement/files</c> answers it).</param>
/// <param name="CollectedOn">The day the evidence was taken (default today).</param>
/// <param name="CorrectsId">更正: the item this one corrects (evidence is never changed).</param>
public sealed record CaseEvidenceRequest(
    [TextLimit(TextLimits.Code)] string? Kind, [TextLimit(TextLimits.Name)] string? Title,
    [TextLimit(TextLimits.Code)] string? Sha256, [TextLimit(255)] string? FileName, DateOnly? CollectedOn,
    Guid? CorrectsId,
    [TextLimit(TextLimits.Note)] string? Note);

/// <param name="Outcome">released (解除先行登记保存，退还), inspected (送检验、检测、鉴定), seized (依法查封、扣押),
/// transferred (移送有关部门) or confiscation (拟予没收，随处罚决定).</param>
public sealed record PreservationDecisionRequest(Guid? EvidenceId, [TextLimit(TextLimits.Code)] string? Outcome,
    DateOnly? DecidedOn, [TextLimit(TextLimits.Note)] string? Note);

/// <param name="Overdue">Still undecided after its due day.</param>
public sealed record CasePreservation(
    DateOnly DueOn, bool Overdue, DateOnly? DecidedOn, string? Outcome, string? OutcomeName, string? Note);

/// <param name="Sha256">The file's SHA-256 when recorded; the download is checked against it.</param>
/// <param name="CorrectedById">The newest item that corrects this one, if any.</param>
public sealed record CaseEvidenceItem(
    Guid Id, int Seq, string Kind, string KindName, string Title, string FileName, string ContentType, long Size,
    string Sha256, DateOnly CollectedOn, string CollectedBy, Guid? CorrectsId, Guid? CorrectedById,
    CasePreservation? Preservation, string? Note, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// 调查取证: recording evidence on a case (two certified officers, while the decision is still to be made) and the
/// 处理决定 on evidence registered for preservation (先行登记保存, 行政处罚法 56: within 7 working days). The file is
/// uploaded first (<see cref="EvidenceFiles.Upload"/>); the item names it by its hash.
/// </summary>
internal static class Evidence
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["scene_record"] = "现场笔录", ["inquiry_record"] = "询问笔录", ["photo"] = "照片",
        ["audio_video"] = "录音录像", ["document"] = "书证", ["preservation"] = "先行登记保存",
        ["other"] = "其他证据",
    };

    public static readonly IReadOnlyDictionary<string, string> Outcomes = new Dictionary<string, string>
    {
        ["released"] = "解除先行登记保存", ["inspected"] = "送检验、检测、鉴定", ["seized"] = "依法查封、扣押",
        ["transferred"] = "移送有关部门", ["confiscation"] = "拟予没收",
    };

    public static async Task<Ok<CaseResponse>> Act(
        Guid id, CaseEvidenceRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var collectedOn = r.CollectedOn ?? step.Today;
        var sha = TextInput.Blank(r.Sha256)?.ToLowerInvariant();
        new Validator()
            .Check(r.Kind is not null && Kinds.ContainsKey(r.Kind), "kind", "请选择证据种类。")
            .Required(r.Title, "title", "证据名称")
            .Required(r.FileName, "fileName", "文件名")
            .Check(sha is { Length: 64 } && sha.All(char.IsAsciiHexDigit), "sha256", "请先上传证据文件。")
            .Check(collectedOn <= step.Today && collectedOn >= step.K.FiledOn, "collectedOn",
                "取证日期须在立案之日与今天之间。")
            .ThrowIfInvalid();
        var officers = await step.RequireOfficersAsync(collectedOn);
        var (stored, corrects) = await step.C.QuerySingleAsync<(bool, bool)>(new CommandDefinition("""
            select exists (select 1 from enforcement.evidence_files where sha256 = @sha),
                   exists (select 1 from enforcement.case_evidence where id = @correctsId and case_id = @id)
            """, new { sha, r.CorrectsId, id }, step.Tx, cancellationToken: step.Ct));
        new Validator()
            .Check(stored, "sha256", "文件尚未上传或上传未完成，请重新上传。")
            .Check(r.CorrectsId is null || corrects, "correctsId", "被更正的证据不属于本案。")
            .ThrowIfInvalid();
        var preservation = r.Kind == "preservation"
            ? step.Calendar.AddWorkingDays(collectedOn, step.Options.PreservationWorkingDays) : (DateOnly?)null;
        var by = string.Join("、", officers.Select(o => $"{o.Name}（{o.CertificateNumber}）"));
        var (title, fileName, note) = (r.Title!.Trim(), r.FileName!.Trim(), TextInput.Blank(r.Note));
        var seq = await step.C.ExecuteScalarAsync<int>(new CommandDefinition("""
            insert into enforcement.case_evidence (id, case_id, seq, kind, title, file_name, sha256, collected_on,
                collected_by, corrects_id, preservation_due_on, note, recorded_at, recorded_by_id, recorded_by)
            select @eid, @id, coalesce(max(seq), 0) + 1, @Kind, @title, @fileName, @sha, @collectedOn, @by,
                   @CorrectsId, @preservation, @note, @now, @userId, @name
            from enforcement.case_evidence where case_id = @id
            returning seq
            """, new { eid = Guid.CreateVersion7(), id, r.Kind, title, fileName, sha, collectedOn, by, r.CorrectsId,
                preservation, note, now = step.Now, userId = s.User.Id, name = s.User.Name }, step.Tx,
            cancellationToken: step.Ct));
        var line = $"证据{seq}：{Kinds[r.Kind!]}《{title}》（{fileName}，SHA-256 {sha![..12]}…）"
            + (r.CorrectsId is null ? "" : "，更正此前的证据")
            + (preservation is { } due ? $"，先行登记保存，应于 {due:yyyy-MM-dd} 前作出处理决定" : "");
        return await step.FinishAsync(line, new
        {
            Seq = seq, r.Kind, Title = title, FileName = fileName, Sha256 = sha, CollectedOn = collectedOn,
            CollectedBy = by, r.CorrectsId, PreservationDueOn = preservation,
        });
    }

    public static async Task<Ok<CaseResponse>> Decide(
        Guid id, PreservationDecisionRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var decidedOn = r.DecidedOn ?? step.Today;
        new Validator()
            .Check(r.EvidenceId is not null, "evidenceId", "请选择先行登记保存的证据。")
            .Check(r.Outcome is not null && Outcomes.ContainsKey(r.Outcome), "outcome", "请选择处理决定。")
            .Check(decidedOn <= step.Today, "decidedOn", "决定日期不能晚于今天。")
            .ThrowIfInvalid();
        var item = await step.C.QuerySingleOrDefaultAsync<(int Seq, string Title, DateOnly? Due, bool Decided)?>(
            new CommandDefinition("""
                select e.seq, e.title, e.preservation_due_on,
                       exists (select 1 from enforcement.preservation_decisions d where d.evidence_id = e.id)
                from enforcement.case_evidence e where e.id = @EvidenceId and e.case_id = @id
                """, new { r.EvidenceId, id }, step.Tx, cancellationToken: step.Ct));
        if (item is not { Due: not null } preserved)
            throw new ValidationException("evidenceId", "所选证据不是本案先行登记保存的证据。");
        if (preserved.Decided)
            throw new ConflictException("enforcement.preservation_decided", "该先行登记保存的证据已作出处理决定。");
        new Validator().Check(decidedOn >= step.K.FiledOn, "decidedOn", "决定日期不能早于立案之日。")
            .ThrowIfInvalid();
        await step.RequireOfficersAsync();
        var note = TextInput.Blank(r.Note);
        await step.C.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.preservation_decisions (evidence_id, decided_on, outcome, note, recorded_at,
                                                            recorded_by)
            values (@EvidenceId, @decidedOn, @Outcome, @note, @now, @name)
            """, new { r.EvidenceId, decidedOn, r.Outcome, note, now = step.Now, name = s.User.Name }, step.Tx,
            cancellationToken: step.Ct));
        var late = decidedOn > preserved.Due ? $"（逾期，应于 {preserved.Due:yyyy-MM-dd} 前）" : "";
        return await step.FinishAsync($"证据{preserved.Seq}《{preserved.Title}》先行登记保存处理决定："
            + Outcomes[r.Outcome!] + late + (note is null ? "" : "。" + note),
            new { r.EvidenceId, DecidedOn = decidedOn, r.Outcome, Note = note });
    }

    /// <summary>The case's evidence in order, as <see cref="Cases.ResponseAsync"/> reads it.</summary>
    internal const string Select = """
        select e.id, e.seq, e.kind, e.title, e.file_name, f.content_type, f.size_bytes, e.sha256, e.collected_on,
               e.collected_by, e.corrects_id,
               (select c.id from enforcement.case_evidence c where c.corrects_id = e.id
                order by c.seq desc limit 1) as corrected_by_id,
               e.preservation_due_on, d.decided_on, d.outcome, d.note as decision_note, e.note, e.recorded_at,
               e.recorded_by
        from enforcement.case_evidence e join enforcement.evidence_files f on f.sha256 = e.sha256
        left join enforcement.preservation_decisions d on d.evidence_id = e.id
        where e.case_id = @id order by e.seq
        """;

    internal sealed record Row(
        Guid Id, int Seq, string Kind, string Title, string FileName, string ContentType, long SizeBytes,
        string Sha256, DateOnly CollectedOn, string CollectedBy, Guid? CorrectsId, Guid? CorrectedById,
        DateOnly? PreservationDueOn, DateOnly? DecidedOn, string? Outcome, string? DecisionNote, string? Note,
        DateTime RecordedAt, string RecordedBy);

    internal static CaseEvidenceItem ToItem(Row e, DateOnly today) => new(
        e.Id, e.Seq, e.Kind, Kinds[e.Kind], e.Title, e.FileName, e.ContentType, e.SizeBytes, e.Sha256,
        e.CollectedOn, e.CollectedBy, e.CorrectsId, e.CorrectedById,
        e.PreservationDueOn is { } due
            ? new CasePreservation(due, e.DecidedOn is null && due < today, e.DecidedOn, e.Outcome,
                e.Outcome is null ? null : Outcomes[e.Outcome], e.DecisionNote)
            : null,
        e.Note, Timestamps.Utc(e.RecordedAt), e.RecordedBy);
}
