using System.Globalization;
using System.Runtime.CompilerServices;
using Governance.SharedKernel.Database;

namespace Governance.Enforcement.Features;

/// <summary>执法人员 lists in scope: by team, township, domain, status (e.g. every certificate expiring soon) or a
/// name or certificate number; keyset pages and a streamed CSV/XLSX export with the same filters.</summary>
internal static class OfficerLists
{
    private sealed record Filter(Guid? TeamId, string? Domain, string? Status, string? Search);

    private static Filter Check(Guid? teamId, string? domain, string? status, string? q)
    {
        var f = new Filter(teamId, TextInput.Blank(domain), TextInput.Blank(status), TextInput.Blank(q));
        new Validator()
            .Check(f.Status is null || OfficerStatus.Names.ContainsKey(f.Status), "status",
                "状态只能是 certified、expiring、expired 或 left。")
            .ThrowIfInvalid();
        return f;
    }

    /// <summary>The filtered officers (<c>@afterName</c>/<c>@afterId</c> bound for keyset pages).</summary>
    private static readonly string Sql = $"""
        select * from ({OfficerStatus.Select("o.region_path like @scope")}) o
        where (@teamId::uuid is null or o.team_id = @teamId)
          and (@domain::text is null or @domain = any(o.domains))
          and (@status::text is null or o.status = @status)
          and (@search::text is null or o.name like @search || '%' or o.certificate_number like '%' || @search || '%')
          and (o.name, o.id) > (@afterName, @afterId)
        order by o.name, o.id
        """;

    private static object Args(Filter f, EnforcementServices s, string afterName, Guid afterId, int? take) => new
    {
        scope = s.User.Scope.Pattern, today = s.Today, warnDays = s.Settings.CertificateWarningDays, f.TeamId,
        f.Domain, f.Status, f.Search, afterName, afterId, take,
    };

    private sealed record Key(string Name, Guid Id);

    public static async Task<Ok<Page<OfficerResponse>>> List(
        Guid? teamId, [TextLimit(10)] string? domain, [TextLimit(TextLimits.Code)] string? status,
        [TextLimit(50)] string? q, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var f = Check(teamId, domain, status, q);
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var known = await Domains.NamesAsync(s.Powers, ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Officers.Row>(new CommandDefinition($"{Sql} limit @take",
            Args(f, s, after?.Name ?? "", after?.Id ?? Guid.Empty, take + 1), cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, o => new Key(o.Name, o.Id));
        return TypedResults.Ok(new Page<OfficerResponse>(
            page.Items.Select(o => Officers.ToResponse(o, known, s.Today)).ToList(), page.NextCursor));
    }

    private static readonly string[] Columns =
    [
        "姓名", "所属队伍", "执法领域", "执法证号", "发证机关", "有效期自", "有效期至", "状态", "入队日期",
        "调离日期", "联系电话",
    ];

    public static async Task<IResult> Export(
        Guid? teamId, [TextLimit(10)] string? domain, [TextLimit(TextLimits.Code)] string? status,
        [TextLimit(50)] string? q, [TextLimit(TextLimits.Code)] string? format, [AsParameters] EnforcementServices s,
        ReportingDatabase reporting)
    {
        var (ct, db) = (s.Cancellation, reporting.Db);
        TableExport.CheckFormat(format);
        var f = Check(teamId, domain, status, q);
        var known = await Domains.NamesAsync(s.Powers, ct);
        await using (var c = await db.OpenConnectionAsync(ct))
        {
            // the query runs before the first byte goes out: a failure is a problem response, not a cut download
            await c.ExecuteScalarAsync(new CommandDefinition($"{Sql} limit 1", Args(f, s, "", Guid.Empty, null),
                cancellationToken: ct));
        }
        var teams = await TeamNamesAsync(s, ct);
        async IAsyncEnumerable<IReadOnlyList<string?>> Rows([EnumeratorCancellation] CancellationToken token = default)
        {
            await using var c = await db.OpenConnectionAsync(token);
            var rows = c.QueryUnbufferedAsync<Officers.Row>(Sql, Args(f, s, "", Guid.Empty, null));
            await foreach (var o in rows.WithCancellation(token))
                yield return
                [
                    o.Name, teams.GetValueOrDefault(o.TeamId),
                    string.Join("、", o.Domains.Select(d => known.GetValueOrDefault(d, d))),
                    o.CertificateNumber, o.IssuingBody, Date(o.ValidFrom),
                    Date(o.ValidUntil), OfficerStatus.Names[o.Status],
                    Date(o.JoinedOn), Date(o.LeftOn), o.Phone,
                ];
        }
        return TableExport.Stream(format, $"执法人员-{s.Today:yyyyMMdd}", "执法人员", Columns, () => Rows(ct), ct);
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyDictionary<Guid, string>> TeamNamesAsync(
        EnforcementServices s, CancellationToken ct)
    {
        await using var c = await s.Db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(
            "select id, name from enforcement.teams where region_path like @scope",
            new { scope = s.User.Scope.Pattern }, cancellationToken: ct))).ToDictionary(t => t.Id, t => t.Name);
    }
}
