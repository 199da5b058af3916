using Governance.Evaluation.Features;
using Governance.Organization.Contracts;

namespace Governance.Evaluation.Demo;

/// <summary>
/// The demo evaluator's findings (评估意见) in the first demo county, whose logins the README prints: on the latest
/// record of three kinds — an application of 城关镇 answered by its leader, a case of 城关镇 waiting for an answer, and
/// a post request of the county disputed after its answer — so the county's overview, the township's inbox and the
/// evaluator's workspace have a thread to show. Each kind is skipped when the county has no such record (the demo's
/// applications are optional). Idempotent: nothing when the grant has findings.
/// </summary>
internal sealed class DemoFindingsGenerator(
    NpgsqlDataSource db, IRegionDirectory regions, IEnumerable<FindingRecordKind> kinds, TimeProvider clock)
{
    private sealed record Planned(
        string Module, string RecordType, bool Township, string Severity, string Title, string Text,
        (string Action, string Note)[] Steps);

    private static readonly Planned[] Plan =
    [
        new("service_centre", "application", true, "medium", "办结材料未归档",
            "抽查该办件时未见办结后的材料归档记录，请说明归档情况。", [("answer", "已补充归档，并在窗口例会上通报。")]),
        new("enforcement", "case", true, "high", "调查取证记录不完整",
            "案件卷宗中现场检查笔录缺少当事人签名，请核实并说明。", []),
        new("staffing", "post_request", false, "low", "用编依据说明不充分",
            "该编制使用申请未附年度用编计划的对应条目。",
            [
                ("answer", "已在申请附件中补充用编计划条目。"),
                ("dispute", "补充的条目与申请的编制类型不一致，请再核。"),
            ]),
    ];

    /// <summary>The states the planned steps lead to, by the findings workflow's own transitions.</summary>
    private static IEnumerable<string> Walk(Planned p)
    {
        var state = "open";
        foreach (var step in p.Steps)
            yield return state =
                Findings.Workflow.Transitions.Single(t => t.From == state && t.Action == step.Action).To;
    }

    public async Task<int> GenerateAsync(CancellationToken ct)
    {
        var county = (await regions.ByLevelAsync(RegionLevels.County, ct)).FirstOrDefault();
        if (county is null) return 0;
        var township = (await regions.ChildrenAsync(county.Id, ct)).FirstOrDefault();
        await using var c = await db.OpenConnectionAsync(ct);
        // the demo grant's id is its county's (the Organization module's demo)
        if (township is null || await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from evaluation.findings where grant_id = @grant)",
                new { grant = county.Id }, cancellationToken: ct)))
            return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var p in Plan)
        {
            var kind = kinds.Single(k => k.Module == p.Module && k.RecordType == p.RecordType);
            var record = await c.QueryFirstOrDefaultAsync<(Guid Id, string Path)?>(new CommandDefinition(
                $"select id, {kind.RegionColumn} from {kind.Table} where {kind.RegionColumn} like @path "
                + "order by id desc limit 1",
                new { path = (p.Township ? township.Path : county.Path) + "%" }, tx, cancellationToken: ct));
            if (record is not { } r) continue;
            var id = Guid.CreateVersion7();
            var at = now.AddDays(-10 + created);
            await c.ExecuteAsync(new CommandDefinition("""
                insert into evaluation.findings (id, grant_id, region_path, module, record_type, record_id, severity,
                    title, state, version, created_at, created_by_name)
                values (@id, @grant, @path, @module, @type, @record, @severity, @title, @state, @version, @at,
                    'evaluator')
                """, new
                {
                    id, grant = county.Id, path = r.Path, module = p.Module, type = p.RecordType, record = r.Id,
                    severity = p.Severity, title = p.Title, state = Walk(p).LastOrDefault("open"),
                    version = 1 + p.Steps.Length, at,
                }, tx, cancellationToken: ct));
            var events = Findings.Workflow.EventsTable;
            await WorkflowEvents.AppendAsync(c, tx, events,
                new WorkflowEventRow(id, at, null, "evaluator", "post", null, "open", p.Text), ct);
            var states = Walk(p).Prepend("open").ToList();
            foreach (var (step, i) in p.Steps.Select((s, i) => (s, i)))
                // the township's leader answers (the first demo county's, whose usernames have no prefix)
                await WorkflowEvents.AppendAsync(c, tx, events, new WorkflowEventRow(id, at.AddDays(i + 1), null,
                    step.Action == "answer" ? "t01_leader" : "evaluator", step.Action, states[i], states[i + 1],
                    step.Note), ct);
            created++;
        }
        await tx.CommitAsync(ct);
        return created;
    }
}
