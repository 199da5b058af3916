using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Governance.Enforcement.Features;

/// <param name="Sha256">Name the file by this when recording the evidence item.</param>
public sealed record StoredFileResponse(string Sha256, long Size, string ContentType, string ContentTypeName);

/// <param name="Status"><c>ok</c>, <c>missing</c> (no file in the store) or <c>altered</c> (the file's hash is no
/// longer the recorded one).</param>
public sealed record EvidenceIntegrityItem(Guid EvidenceId, Guid CaseId, int Seq, string Title, string Sha256,
    string Status);

/// <param name="Checked">Items re-hashed on this page; <see cref="Failed"/> of them missing or altered.</param>
public sealed record EvidenceIntegrityPage(int Checked, int Failed, IReadOnlyList<EvidenceIntegrityItem> Items,
    string? NextCursor);

/// <summary>
/// Evidence files: the upload (the file first, hashed into the store; the evidence item then names it — see
/// <see cref="Evidence"/>), the audited download, checked against the recorded hash before a byte is sent, and the
/// integrity check that re-hashes the stored files page by page.
/// </summary>
internal static class EvidenceFiles
{
    public static async Task<Ok<StoredFileResponse>> Upload(
        HttpRequest request, EvidenceStore store, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            ? media.MediaType.Value?.ToLowerInvariant() : null;
        if (type is null || !EvidenceStore.Types.ContainsKey(type))
            throw new AppException(415, "unsupported_media_type", "不支持的文件类型",
                "证据文件可为 " + string.Join("、", EvidenceStore.Types.Values.Select(t => t.Name)) + "。");
        var max = s.Settings.EvidenceMaxBytes;
        if (request.ContentLength > max) throw EvidenceStore.TooLarge(max);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = max;
        var file = await store.SaveAsync(request.Body, type, ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var added = await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.evidence_files (sha256, size_bytes, content_type, uploaded_at, uploaded_by_id,
                                                    uploaded_by)
            values (@Sha256, @Size, @type, @now, @userId, @name) on conflict (sha256) do nothing
            """, new { file.Sha256, file.Size, type, now = s.Now, userId = s.User.Id, name = s.User.Name }, tx,
            cancellationToken: ct));
        var stored = await c.QuerySingleAsync<string>(new CommandDefinition(
            "select content_type from enforcement.evidence_files where sha256 = @Sha256", file, tx,
            cancellationToken: ct));
        if (added == 1)
            await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.file.upload", "evidence_file",
                file.Sha256, s.User.Scope.Path, After: new { file.Size, ContentType = type }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new StoredFileResponse(file.Sha256, file.Size, stored,
            EvidenceStore.Types.TryGetValue(stored, out var t) ? t.Name : stored));
    }

    private static readonly string[] Readers =
        [EnforcementPermissions.CasesInvestigate, EnforcementPermissions.CasesFile, EnforcementPermissions.CasesReview];

    public static async Task<IResult> Download(
        Guid id, Guid evidenceId, EvidenceStore store, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var e = await c.QuerySingleOrDefaultAsync<(string FileName, string Sha256, string ContentType, string Path)?>(
            new CommandDefinition($"""
                select e.file_name, e.sha256, f.content_type, k.region_path
                from enforcement.case_evidence e join enforcement.cases k on k.id = e.case_id
                join enforcement.evidence_files f on f.sha256 = e.sha256
                where e.id = @evidenceId and e.case_id = @id and {Cases.InScope}
                """, new { id, evidenceId, scope = s.User.Scope.Pattern, unitId = Cases.DepartmentOf(s.User) },
                cancellationToken: ct));
        if (e is not { } item) return await s.Guard.DenyAsync<IResult>("enforcement_evidence", evidenceId, ct);
        var record = new AuditRecord("enforcement.evidence.download", "enforcement_evidence", evidenceId.ToString(),
            item.Path, After: new { CaseId = id, item.FileName, item.Sha256 });
        if (!Readers.Any(s.User.Has))
            throw new ForbiddenException("只有办案、审核人员可以下载证据文件。")
            {
                Audit = new DeniedAction(record.Action, record.RecordType, record.RecordId!, item.Path),
            };
        var now = await store.HashAsync(item.Sha256, ct);
        if (now != item.Sha256)
        {
            await s.Audit.RecordAttemptAsync(record with { Outcome = AuditOutcome.Failed }, ct);
            throw new ConflictException(now is null ? "enforcement.evidence_missing" : "enforcement.evidence_altered",
                now is null ? "证据文件在文件库中缺失，请联系系统管理员按备份恢复。"
                    : "证据文件与登记时的 SHA-256 不一致（可能被改动），已拒绝下载，请联系系统管理员。");
        }
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            await s.Audit.RecordAsync(c, tx, record, ct);
            await tx.CommitAsync(ct);
        }
        s.Http.Response.Headers.CacheControl = "no-store";
        s.Http.Response.Headers.ETag = $"\"{item.Sha256}\"";
        return TypedResults.PhysicalFile(store.PathOf(item.Sha256), item.ContentType, item.FileName);
    }

    private sealed record Key(Guid Id);

    /// <summary>证据完整性检查: re-hashes the stored files of the evidence in scope, a page at a time (keyset by
    /// item), and says which are missing or altered; a nightly script walks the pages.</summary>
    public static async Task<Ok<EvidenceIntegrityPage>> Check(
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, EvidenceStore store,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<(Guid Id, Guid CaseId, int Seq, string Title, string Sha256)>(
            new CommandDefinition("""
                select e.id, e.case_id, e.seq, e.title, e.sha256
                from enforcement.case_evidence e join enforcement.cases k on k.id = e.case_id
                where k.region_path like @scope and (@afterId::uuid is null or e.id > @afterId)
                order by e.id limit @take
                """, new { scope = s.User.Scope.Pattern, afterId = after?.Id, take = take + 1 },
                cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.Id));
        var items = new List<EvidenceIntegrityItem>();
        foreach (var r in page.Items)
        {
            var now = await store.HashAsync(r.Sha256, ct);
            items.Add(new(r.Id, r.CaseId, r.Seq, r.Title, r.Sha256,
                now is null ? "missing" : now == r.Sha256 ? "ok" : "altered"));
        }
        return TypedResults.Ok(new EvidenceIntegrityPage(items.Count, items.Count(i => i.Status != "ok"), items,
            page.NextCursor));
    }
}
