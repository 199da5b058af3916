using System.Runtime.CompilerServices;
using Governance.Organization.Contracts;
using Governance.SharedKernel.Database;

namespace Governance.Evaluation.Features;

/// <param name="RegionId">The township (or county) the findings are filed under: the list's <c>regionId</c>.</param>
/// <param name="Open">Findings waiting for the agency: open or disputed.</param>
public sealed record FindingCount(
    Guid RegionId, string RegionName, string Module, string ModuleName, int Open, int Answered, int Total);

/// <summary>A kind of record a finding may name (<c>subject.module</c> and <c>subject.recordType</c>).</summary>
public sealed record FindingRecordKindResponse(string Module, string ModuleName, string RecordType, string Name);

/// <summary>The findings in scope, newest first, with filters; the county's overview by township and module; the
/// export.</summary>
internal static class FindingLists
{
    private sealed record Key(DateTime CreatedAt, Guid Id);

    /// <summary>The state filter of what waits for the agency: open or disputed (the overview's count).</summary>
    private const string Waiting = "waiting";

    private sealed record Filters(
        string? State, string? Module, string? Severity, string? RegionPath, string? Q, CurrentUser User);

    private static async Task<Filters> CheckAsync(
        string? state, string? module, string? severity, Guid? regionId, string? q, FindingServices s,
        CancellationToken ct)
    {
        (state, module, severity, q) =
            (TextInput.Blank(state), TextInput.Blank(module), TextInput.Blank(severity), TextInput.Blank(q)?.Trim());
        new Validator()
            .Check(state is null or Waiting || Findings.StateNames.ContainsKey(state), "state",
                "状态只能是 waiting（待答复和有异议）、open、answered、accepted、disputed 或 closed。")
            .Check(module is null || EvaluationModules.Names.ContainsKey(module), "module", "模块无效。")
            .Check(severity is null || Findings.Severities.ContainsKey(severity), "severity", "严重程度无效。")
            .ThrowIfInvalid();
        string? path = null;
        if (regionId is { } id)
        {
            var region = await s.Regions.FindAsync(id, ct);
            if (region is null || !s.User.Scope.Contains(region.Path)) throw new NotFoundException();
            path = region.Path;
        }
        return new Filters(state, module, severity, path, q, s.User);
    }

    private const string Where = $"""
        where {Findings.Visible}
          and (@State::text is null or state = @State or (@State = 'waiting' and state in ('open', 'disputed')))
          and (@Module::text is null or module = @Module)
          and (@Severity::text is null or severity = @Severity)
          and (@RegionPath::text is null or region_path like @RegionPath || '%')
          and (@Q::text is null or strpos(title, @Q) > 0)
        """;

    private static DynamicParameters Args(Filters f, Key? after, int take)
    {
        var args = Findings.Filter(f.User);
        args.AddDynamicParams(new
        {
            f.State, f.Module, f.Severity, f.RegionPath, f.Q, afterAt = after?.CreatedAt, afterId = after?.Id, take,
        });
        return args;
    }

    public static async Task<Ok<Page<FindingResponse>>> List(
        [TextLimit(TextLimits.Code)] string? state, [TextLimit(TextLimits.Code)] string? module,
        [TextLimit(TextLimits.Code)] string? severity, Guid? regionId, [TextLimit(TextLimits.Search)] string? q,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        [AsParameters] FindingServices s)
    {
        var ct = s.Cancellation;
        var f = await CheckAsync(state, module, severity, regionId, q, s, ct);
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Findings.Row>(new CommandDefinition($"""
            {Findings.Select}
            {Where} and (@afterId::uuid is null or (created_at, id) < (@afterAt, @afterId))
            order by created_at desc, id desc limit @take
            """, Args(f, after, take + 1), cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.CreatedAt, r.Id));
        return TypedResults.Ok(new Page<FindingResponse>(
            await Findings.ResponsesAsync(c, null, page.Items, s, ct), page.NextCursor));
    }

    /// <summary>How many findings each township has per module, and how many of them wait for an answer.</summary>
    public static async Task<Ok<IReadOnlyList<FindingCount>>> Summary([AsParameters] FindingServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<(string Path, string Module, int Open, int Answered, int Total)>(
            new CommandDefinition($"""
                select region_path, module, count(*) filter (where state in ('open', 'disputed'))::int,
                       count(*) filter (where state = 'answered')::int, count(*)::int
                from evaluation.findings where {Findings.Visible}
                group by region_path, module order by region_path, module
                """, Findings.Filter(s.User), cancellationToken: ct))).ToList();
        var regions = await s.Regions.ByPathAsync(rows.Select(r => r.Path).Distinct().ToList(), ct);
        return TypedResults.Ok<IReadOnlyList<FindingCount>>(rows.Select(r => new FindingCount(
            regions[r.Path].Id, regions[r.Path].Name, r.Module, EvaluationModules.Names[r.Module], r.Open,
            r.Answered, r.Total)).ToList());
    }

    /// <summary>The kinds of record a finding may name: every module's, or those of the modules a grant opens.
    /// </summary>
    public static Ok<IReadOnlyList<FindingRecordKindResponse>> RecordKinds(
        CurrentUser user, IEnumerable<FindingRecordKind> kinds) =>
        TypedResults.Ok<IReadOnlyList<FindingRecordKindResponse>>(EvaluationModules.All
            .Where(m => user.Grant?.Opens(m) ?? true)
            .SelectMany(m => kinds.Where(k => k.Module == m).OrderBy(k => k.RecordType))
            .Select(k => new FindingRecordKindResponse(k.Module, EvaluationModules.Names[k.Module], k.RecordType,
                k.Name)).ToList());

    private static readonly string[] Columns =
    [
        "提出时间", "区划", "模块", "评估对象", "严重程度", "标题", "状态", "提出人", "意见内容", "最新答复",
    ];

    public static async Task<IResult> Export(
        [TextLimit(TextLimits.Code)] string? state, [TextLimit(TextLimits.Code)] string? module,
        [TextLimit(TextLimits.Code)] string? severity, Guid? regionId, [TextLimit(TextLimits.Search)] string? q,
        [TextLimit(TextLimits.Code)] string? format,
        [AsParameters] FindingServices s,
        ReportingDatabase reporting)
    {
        var (ct, db) = (s.Cancellation, reporting.Db);
        TableExport.CheckFormat(format);
        var f = await CheckAsync(state, module, severity, regionId, q, s, ct);
        var sql = $"""
            select f.created_at, f.region_path, f.module, f.record_type, f.record_id::text,
                   f.kpi_code || ' ' || to_char(f.kpi_month, 'YYYY-MM') || ' 第' || f.kpi_revision || '版',
                   f.severity, f.title, f.state, f.created_by_name,
                   (select note from evaluation.finding_events e where e.record_id = f.id and e.action = 'post'),
                   (select note from evaluation.finding_events e where e.record_id = f.id and e.action = 'answer'
                    order by at desc, id desc limit 1)
            from evaluation.findings f
            {Where} order by f.created_at desc, f.id desc
            """;
        IReadOnlyDictionary<string, string> regions;
        await using (var c = await db.OpenConnectionAsync(ct))
        {
            // the filter's townships first: their names, and a failing query is a problem response, not a cut
            // download
            var paths = (await c.QueryAsync<string>(new CommandDefinition(
                $"select distinct region_path from evaluation.findings {Where}", Args(f, null, 0),
                cancellationToken: ct))).ToList();
            regions = await s.Regions.NamesByPathAsync(paths, ct);
        }
        async IAsyncEnumerable<IReadOnlyList<string?>> Rows([EnumeratorCancellation] CancellationToken token = default)
        {
            await using var c = await db.OpenConnectionAsync(token);
            var rows = c.QueryUnbufferedAsync<(DateTime At, string Path, string Module, string? RecordType,
                string? RecordId, string? Figure, string Severity, string Title, string State, string By,
                string? Text, string? Answer)>(
                sql, Args(f, null, 0));
            await foreach (var r in rows.WithCancellation(token))
                yield return
                [
                    TimeZoneInfo.ConvertTimeFromUtc(r.At, CountyClock.Zone).ToString("yyyy-MM-dd HH:mm"),
                    regions.GetValueOrDefault(r.Path, ""), EvaluationModules.Names[r.Module],
                    r.Figure ?? $"{s.Kinds.FirstOrDefault(k => k.RecordType == r.RecordType)?.Name} {r.RecordId}",
                    Findings.Severities[r.Severity], r.Title, Findings.StateNames[r.State], r.By, r.Text, r.Answer,
                ];
        }
        return TableExport.Stream(format, $"评估意见-{CountyClock.Today(s.Clock):yyyyMMdd}", "评估意见", Columns,
            () => Rows(ct), ct);
    }
}
