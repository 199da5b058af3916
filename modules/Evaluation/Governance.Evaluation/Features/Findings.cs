using Governance.Kpis.Contracts;
using Governance.Organization.Contracts;

namespace Governance.Evaluation.Features;

/// <summary>What a finding is about: a record (module, recordType, recordId) or a KPI figure (kpiCode, regionId,
/// month yyyy-MM, revision) — the quote that answers the same figure forever.</summary>
public sealed record FindingSubject(
    [TextLimit(TextLimits.Code)] string? Module, [TextLimit(TextLimits.Code)] string? RecordType, Guid? RecordId,
    [TextLimit(TextLimits.Code)] string? KpiCode, Guid? RegionId, [TextLimit(TextLimits.Code)] string? Month,
    int? Revision);

/// <param name="Severity">low (一般), medium (较重) or high (严重).</param>
/// <param name="Text">The finding itself (up to 4,000 characters); never changed once posted.</param>
public sealed record FindingRequest(FindingSubject? Subject, [TextLimit(TextLimits.Code)] string? Severity,
    [TextLimit(TextLimits.Name)] string? Title, [TextLimit(TextLimits.Text)] string? Text);

/// <param name="Text">The amendment, answer, or the reason for accepting, disputing or closing (up to 4,000).</param>
public sealed record FindingNote([TextLimit(TextLimits.Text)] string? Text);

/// <param name="Thread">Both sides' entries, oldest first: the finding as posted, amendments, answers and the rest.
/// </param>
public sealed record FindingResponse(
    Guid Id, Guid GrantId, string Module, string ModuleName, string? RecordType, string? RecordTypeName,
    Guid? RecordId, string? KpiCode, string? KpiMonth, int? KpiRevision, string RegionName, string Severity,
    string SeverityName, string Title, string State, string StateName, DateTimeOffset CreatedAt, string CreatedBy,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<WorkflowEvent> Thread, int Version);

/// <summary>
/// 评估意见: an evaluator posts a finding under its evaluation grant; the agency — the township's leadership or the
/// county — answers; the evaluator accepts or disputes the answer (a disputed one is answered again) and closes it.
/// Nothing posted is ever changed: an amendment is a new entry of the thread. Everyone reads the findings of their
/// scope; an evaluator only those of its own grant.
/// </summary>
internal static class Findings
{
    internal static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["open"] = "待答复", ["answered"] = "已答复", ["accepted"] = "已认可", ["disputed"] = "有异议",
        ["closed"] = "已关闭",
    };

    internal static readonly IReadOnlyDictionary<string, string> Severities = new Dictionary<string, string>
    {
        ["low"] = "一般", ["medium"] = "较重", ["high"] = "严重",
    };

    internal static readonly Workflow<Row> Workflow = new()
    {
        Name = "findings", RecordType = "finding", Table = "evaluation.findings",
        EventsTable = "evaluation.finding_events", StateNames = StateNames,
        Actions =
        [
            new("amend", EvaluationPermissions.FindingsPost, "补充评估意见（新增一条，原文保留）"),
            new("answer", EvaluationPermissions.FindingsAnswer, "答复评估意见"),
            new("accept", EvaluationPermissions.FindingsPost, "认可答复"),
            new("dispute", EvaluationPermissions.FindingsPost, "对答复提出异议"),
            new("close", EvaluationPermissions.FindingsPost, "关闭评估意见"),
        ],
        Transitions =
        [
            new("open", "amend", "open"), new("open", "answer", "answered"), new("disputed", "answer", "answered"),
            new("answered", "accept", "accepted"), new("answered", "dispute", "disputed"),
            new("accepted", "close", "closed"), new("disputed", "close", "closed"),
        ],
    };

    internal sealed record Row(
        Guid Id, Guid GrantId, string RegionPath, string Module, string? RecordType, Guid? RecordId, string? KpiCode,
        DateOnly? KpiMonth, int? KpiRevision, string Severity, string Title, string State, DateTime CreatedAt,
        string CreatedByName, int Version) : IWorkflowRecord
    {
        public string AuditPath => RegionPath;
    }

    internal const string Select = """
        select id, grant_id, region_path, module, record_type, record_id, kpi_code, kpi_month, kpi_revision,
               severity, title, state, created_at, created_by_name, version
        from evaluation.findings
        """;

    /// <summary>In scope, and for an evaluator of its own grant and the modules it opens today (<c>@scope</c>,
    /// <c>@grant</c>, <c>@modules</c>; <see cref="Filter"/>): a grant narrowed later hides the findings it no longer
    /// covers.</summary>
    internal const string Visible = """
        region_path like @scope and (@grant::uuid is null or (grant_id = @grant and module = any(@modules)))
        """;

    private const string ById = $"{Select} where id = @id and {Visible}";

    internal static DynamicParameters Filter(CurrentUser user) => new(new
    {
        scope = user.Scope.Pattern, grant = user.Grant?.Id, modules = user.Grant?.Modules.ToArray() ?? [],
    });

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false)
    {
        var args = Filter(user);
        args.Add("id", id);
        return c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"{ById} {(forUpdate ? "for update" : "")}",
            args, tx, cancellationToken: ct));
    }

    internal static async Task<List<FindingResponse>> ResponsesAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, FindingServices s, CancellationToken ct)
    {
        var threads = await WorkflowEvents.ReadAsync(c, tx, Workflow.EventsTable, rows.Select(f => f.Id).ToList(), ct);
        var regions = await s.Regions.NamesByPathAsync(rows.Select(f => f.RegionPath).Distinct().ToList(), ct);
        return rows.Select(f => ToResponse(f, s, regions, threads[f.Id])).ToList();
    }

    private static FindingResponse ToResponse(
        Row f, FindingServices s, IReadOnlyDictionary<string, string> regions, IEnumerable<WorkflowEvent> thread) =>
        new(f.Id, f.GrantId, f.Module, EvaluationModules.Names[f.Module], f.RecordType,
            s.Kinds.FirstOrDefault(k => k.Module == f.Module && k.RecordType == f.RecordType)?.Name, f.RecordId,
            f.KpiCode, f.KpiMonth?.ToString("yyyy-MM"), f.KpiRevision, regions.GetValueOrDefault(f.RegionPath, ""),
            f.Severity, Severities[f.Severity], f.Title, f.State, StateNames[f.State],
            Timestamps.Utc(f.CreatedAt), f.CreatedByName, Workflow.AllowedActions(f, s.User), thread.ToList(),
            f.Version);

    public static async Task<Created<FindingResponse>> Post(FindingRequest r, [AsParameters] FindingServices s)
    {
        var ct = s.Cancellation;
        var grant = s.User.Grant ?? throw new ForbiddenException("只有评估任务中的评估机构可以提出评估意见。");
        new Validator()
            .Check(r.Subject is not null, "subject", "请指明评估意见针对的记录或指标数值。")
            .Check(r.Severity is not null && Severities.ContainsKey(r.Severity), "severity",
                "严重程度只能是 low（一般）、medium（较重）或 high（严重）。")
            .Required(r.Title, "title", "标题")
            .Required(r.Text, "text", "意见内容")
            .ThrowIfInvalid();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var subject = await FindingSubjects.ResolveAsync(c, r.Subject!, grant, s, ct);
        var id = Guid.CreateVersion7();
        var (title, text) = (r.Title!.Trim(), r.Text!.Trim());
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            await c.ExecuteAsync(new CommandDefinition("""
                insert into evaluation.findings (id, grant_id, region_path, module, record_type, record_id, kpi_code,
                    kpi_month, kpi_revision, severity, title, state, created_at, created_by, created_by_name)
                values (@id, @grant, @RegionPath, @Module, @RecordType, @RecordId, @KpiCode, @KpiMonth, @KpiRevision,
                    @Severity, @title, 'open', @now, @by, @byName)
                """, new
                {
                    id, grant = grant.Id, subject.RegionPath, subject.Module, subject.RecordType, subject.RecordId,
                    subject.KpiCode, subject.KpiMonth, subject.KpiRevision, r.Severity, title, now = s.Now,
                    by = s.User.Id, byName = s.User.Name,
                }, tx, cancellationToken: ct));
            await WorkflowEvents.AppendAsync(c, tx, Workflow.EventsTable,
                new WorkflowEventRow(id, s.Now, s.User.Id, s.User.Name, "post", null, "open", text), ct);
            await s.Audit.RecordAsync(c, tx, new AuditRecord("finding.post", Workflow.RecordType, id.ToString(),
                subject.RegionPath, After: new { GrantId = grant.Id, subject, r.Severity, Title = title }), ct);
            await tx.CommitAsync(ct);
        }
        var f = (await FindAsync(c, null, id, s.User, ct))!;
        ETags.Set(s.Http, f.Version);
        return TypedResults.Created($"/api/v1/evaluation/findings/{id}",
            (await ResponsesAsync(c, null, [f], s, ct))[0]);
    }

    public static async Task<Ok<FindingResponse>> Get(Guid id, [AsParameters] FindingServices s)
    {
        await using var c = await s.Db.OpenConnectionAsync(s.Cancellation);
        var f = await FindAsync(c, null, id, s.User, s.Cancellation);
        if (f is null) return await s.Guard.DenyAsync<Ok<FindingResponse>>(Workflow.RecordType, id, s.Cancellation);
        ETags.Set(s.Http, f.Version);
        return TypedResults.Ok((await ResponsesAsync(c, null, [f], s, s.Cancellation))[0]);
    }

    /// <summary>Every step of the thread: a new entry with its text, the state moving as the table says.</summary>
    public static async Task<Ok<FindingResponse>> Act(Guid id, FindingNote r, [AsParameters] FindingServices s)
    {
        var ct = s.Cancellation;
        await using var step = await Workflow.StartAsync(s.Workflow, id,
            (c, tx) => FindAsync(c, tx, id, s.User, ct, forUpdate: true));
        // an answer, an amendment or a dispute says something; accepting and closing may
        var required = step.Action is "amend" or "answer" or "dispute";
        new Validator()
            .Check(!required || !string.IsNullOrWhiteSpace(r.Text), "text", "请填写内容。")
            .ThrowIfInvalid();
        var text = TextInput.Blank(r.Text)?.Trim();
        await step.MoveAsync(text);
        var now = (await FindAsync(step.Connection, step.Transaction, id, s.User, ct))!;
        var response = (await ResponsesAsync(step.Connection, step.Transaction, [now], s, ct))[0];
        await step.CommitAsync(new { step.Before.State }, new { now.State, Text = text });
        return TypedResults.Ok(response);
    }
}
