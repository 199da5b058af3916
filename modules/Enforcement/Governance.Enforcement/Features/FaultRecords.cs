namespace Governance.Enforcement.Features;

/// <param name="Liability">criticism (批评教育), written_review (书面检查), certificate_suspended (暂扣执法证),
/// certificate_revoked (收回执法证), disciplinary (移送纪检监察机关).</param>
/// <param name="DocumentNo">The 追责决定 document's number.</param>
public sealed record FaultRecordRequest(
    Guid? OfficerId, Guid? CaseId, Guid? ComplaintId, DateOnly? FoundOn, [TextLimit(TextLimits.Note)] string? Fault,
    [TextLimit(TextLimits.Note)] string? Liability,
    [TextLimit(TextLimits.Number)] string? DocumentNo);

public sealed record FaultRecordResponse(
    Guid Id, Guid OfficerId, string OfficerName, Guid? CaseId, Guid? ComplaintId, DateOnly FoundOn, string Fault,
    string Liability, string LiabilityName, string DocumentNo, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// 过错责任追究: a decided liability of an officer for a fault in enforcement, linked to the case and the complaint it
/// came from — recorded by the supervisors, never changed (append-only for the API's role), read in scope by the
/// officer's township and the county.
/// </summary>
internal static class FaultRecords
{
    internal static readonly IReadOnlyDictionary<string, string> Liabilities = new Dictionary<string, string>
    {
        ["criticism"] = "批评教育", ["written_review"] = "书面检查", ["certificate_suspended"] = "暂扣执法证",
        ["certificate_revoked"] = "收回执法证", ["disciplinary"] = "移送纪检监察机关",
    };

    private sealed record Row(
        Guid Id, Guid OfficerId, string OfficerName, Guid? CaseId, Guid? ComplaintId, DateOnly FoundOn, string Fault,
        string Liability, string DocumentNo, DateTime RecordedAt, string RecordedBy);

    private const string Select = """
        select f.id, f.officer_id, o.name as officer_name, f.case_id, f.complaint_id, f.found_on, f.fault,
               f.liability, f.document_no, f.recorded_at, f.recorded_by
        from enforcement.fault_records f join enforcement.officers o on o.id = f.officer_id
        """;

    private static FaultRecordResponse ToResponse(Row f) => new(
        f.Id, f.OfficerId, f.OfficerName, f.CaseId, f.ComplaintId, f.FoundOn, f.Fault, f.Liability,
        Liabilities[f.Liability], f.DocumentNo, Timestamps.Utc(f.RecordedAt), f.RecordedBy);

    public static async Task<Created<FaultRecordResponse>> Create(
        FaultRecordRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        new Validator()
            .Check(r.OfficerId is not null, "officerId", "请选择被追责的执法人员。")
            .Check(r.FoundOn is { } d && d <= s.Today, "foundOn", "请填写认定日期（不晚于今天）。")
            .Required(r.Fault, "fault", "过错事实")
            .Check(r.Liability is not null && Liabilities.ContainsKey(r.Liability), "liability", "请选择责任追究方式。")
            .Required(r.DocumentNo, "documentNo", "追责决定文号")
            .ThrowIfInvalid();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        // the officer in scope; the case and the complaint, when named, of the officer's team
        var (path, caseOk, complaintOk) = await c.QuerySingleOrDefaultAsync<(string?, bool, bool)>(
            new CommandDefinition("""
                select o.region_path,
                       @CaseId::uuid is null or exists (select 1 from enforcement.cases k
                                                        where k.id = @CaseId and k.team_id = o.team_id),
                       @ComplaintId::uuid is null or exists (select 1 from enforcement.complaints p
                                                             where p.id = @ComplaintId and p.team_id = o.team_id)
                from enforcement.officers o where o.id = @OfficerId and o.region_path like @scope
                """, new { r.OfficerId, r.CaseId, r.ComplaintId, scope = s.User.Scope.Pattern },
                cancellationToken: ct));
        new Validator().Check(path is not null, "officerId", "找不到该执法人员。")
            .Check(path is null || caseOk, "caseId", "该案件不属于此执法人员所在的执法大队。")
            .Check(path is null || complaintOk, "complaintId", "该投诉不属于此执法人员所在的执法大队。")
            .ThrowIfInvalid();
        var id = Guid.CreateVersion7();
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            var args = new
            {
                id, r.OfficerId, path, r.CaseId, r.ComplaintId, r.FoundOn, fault = r.Fault!.Trim(), r.Liability,
                documentNo = r.DocumentNo!.Trim(), now = s.Now, by = s.User.Name,
            };
            await c.ExecuteAsync(new CommandDefinition("""
                insert into enforcement.fault_records (id, officer_id, region_path, case_id, complaint_id, found_on,
                    fault, liability, document_no, recorded_at, recorded_by)
                values (@id, @OfficerId, @path, @CaseId, @ComplaintId, @FoundOn, @fault, @Liability, @documentNo, @now,
                    @by)
                """, args, tx, cancellationToken: ct));
            await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.fault.record", "enforcement_fault_record",
                id.ToString(), path, After: new
                {
                    r.OfficerId, r.CaseId, r.ComplaintId, r.FoundOn, r.Liability, DocumentNo = args.documentNo,
                }), ct);
            await tx.CommitAsync(ct);
        }
        var f = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where f.id = @id", new { id },
            cancellationToken: ct));
        return TypedResults.Created($"/api/v1/enforcement/fault-records?officerId={f.OfficerId}", ToResponse(f));
    }

    private sealed record Key(DateOnly FoundOn, Guid Id);

    /// <summary>过错责任追究 records in scope, newest first: all, or of one team (a township's), officer, case or
    /// complaint.</summary>
    public static async Task<Ok<Page<FaultRecordResponse>>> List(
        Guid? teamId, Guid? officerId, Guid? caseId, Guid? complaintId, [TextLimit(TextLimits.Cursor)] string? cursor,
        int? limit,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where f.region_path like @scope and (@officerId::uuid is null or f.officer_id = @officerId)
              and (@teamId::uuid is null or o.team_id = @teamId) and (@caseId::uuid is null or f.case_id = @caseId)
              and (@complaintId::uuid is null or f.complaint_id = @complaintId)
              and (@afterId::uuid is null or (f.found_on, f.id) < (@afterOn, @afterId))
            order by f.found_on desc, f.id desc limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, teamId, officerId, caseId, complaintId, afterOn = after?.FoundOn,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, f => new Key(f.FoundOn, f.Id));
        return TypedResults.Ok(new Page<FaultRecordResponse>(page.Items.Select(ToResponse).ToList(), page.NextCursor));
    }
}
