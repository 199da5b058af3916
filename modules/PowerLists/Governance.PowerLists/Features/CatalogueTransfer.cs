using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Governance.SharedKernel.Database;

namespace Governance.PowerLists.Features;

public sealed record ImportIssue(int Row, string Column, string Message);

public sealed record ImportResult(bool DryRun, int Created, int Revised);

/// <summary>
/// 目录导入导出 as CSV (counties keep these lists in spreadsheets). The columns are the same both ways, so an export
/// can be edited and imported back. Import is all-or-nothing: any bad cell answers a report (row, column, message)
/// and writes nothing.
/// </summary>
internal static partial class CatalogueTransfer
{
    private static readonly string[] Columns =
        ["基本编码", "事项名称", "权力类型", "执法领域", "实施主体", "监管单位", "设定依据", "条款", "依据内容",
         "责任事项", "追责情形", "生效日期", "变更说明"];
    private static readonly string[] Required = ["基本编码", "事项名称", "权力类型", "执法领域", "实施主体",
        "生效日期"];
    private const int MaxRows = 5000;
    private static readonly char[] ListSeparators = ['；', ';', '|', '\n'];

    /// <summary>
    /// The catalogue as of a date, as CSV (streamed straight to the response) or XLSX (streamed into a temp file, which
    /// the ZIP format needs, then sent): rows go out as they come from PostgreSQL, never all in memory.
    /// </summary>
    public static IResult Export(
        [TextLimit(TextLimits.Code)] string? type, [TextLimit(TextLimits.Code)] string? domain,
        [TextLimit(TextLimits.Search)] string? q, DateOnly? asOf, [TextLimit(TextLimits.Code)] string? format,
        ReportingDatabase reporting,
        CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        var db = reporting.Db;
        var date = asOf ?? CountyClock.Today(clock);
        var scope = user.Scope;
        async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
        {
            await using var c = await db.OpenConnectionAsync(ct);
            var rows = c.QueryUnbufferedAsync<Catalogue.VersionRow>($"""
                select {Catalogue.VersionColumns}
                from power_lists.items i
                join power_lists.item_versions v on v.item_id = i.id and v.valid @> @date::date and not v.withdrawn
                join power_lists.domains d on d.code = v.domain_code
                where {RegionScope.SqlSharedDown("i.county_path")}
                  and (@type::text is null or v.type = @type) and (@domain::text is null or v.domain_code = @domain)
                  and (@q::text is null or strpos(v.name, @q) > 0 or strpos(i.code, upper(@q)) > 0)
                order by i.code
                """, new
                {
                    scope = scope.Pattern, scopePath = scope.Path, date, type = TextInput.Blank(type),
                    domain = TextInput.Blank(domain), q = TextInput.Blank(q),
                });
            await foreach (var row in rows.WithCancellation(ct))
            {
                var r = row.ToResponse();
                yield return [
                    r.Code, r.Name, r.TypeName, r.DomainName, r.DepartmentName, r.SupervisorName,
                    string.Join("；", r.LegalBasis.Select(b => b.Law)),
                    string.Join("；", r.LegalBasis.Select(b => b.Article)),
                    string.Join("；", r.LegalBasis.Select(b => b.Text)), string.Join("；", r.Responsibilities),
                    string.Join("；", r.Accountabilities), r.EffectiveFrom.ToString("yyyy-MM-dd"), r.ChangeNote,
                ];
            }
        }

        return TableExport.Stream(format, $"权责清单目录-{date:yyyyMMdd}", "权责清单目录", Columns, Rows, ct);
    }

    private sealed record Parsed(int Row, string Code, ItemVersionRequest Version, string? DepartmentName,
        string? SupervisorName);
    private sealed record Latest(Guid ItemId, string Code, int Version, DateOnly EffectiveFrom, bool Withdrawn);

    public static async Task<Ok<ImportResult>> Import(
        bool? dryRun, HttpRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit,
        IRegionDirectory regions, IUnitDirectory unitDirectory, TimeProvider clock, CancellationToken ct)
    {
        var rows = await Spreadsheet.ReadUploadAsync(request, ct);
        var county = await Catalogue.CountyOf(user, regions, ct);

        var issues = new List<ImportIssue>();
        if (rows.Count < 2) throw new ValidationException("file", "文件中没有数据行（第一行应为表头）。");
        if (rows.Count - 1 > MaxRows) throw new ValidationException("file", $"一次最多导入 {MaxRows} 行。");
        var header = rows[0].Select(h => h.Trim()).ToArray();
        var index = Columns.ToDictionary(col => col, col => Array.IndexOf(header, col));
        foreach (var missing in Required.Where(col => index[col] < 0))
            issues.Add(new ImportIssue(1, missing, "缺少该列。"));
        if (issues.Count > 0) throw Report(issues);

        var units = (await unitDirectory.InRegionAsync(county.Id, ct))
            .Where(u => u.Kind is "county_department" or "county_institution").GroupBy(u => u.Name)
            .ToDictionary(g => g.Key, g => g.First());
        await using var c = await db.OpenConnectionAsync(ct);
        var domains =
            (await c.QueryAsync<DomainResponse>(new CommandDefinition("select code, name from power_lists.domains",
                cancellationToken: ct))).ToList();
        var latest = (await c.QueryAsync<Latest>(new CommandDefinition("""
            select distinct on (i.id) i.id as item_id, i.code, v.version, lower(v.valid) as effective_from, v.withdrawn
            from power_lists.items i join power_lists.item_versions v on v.item_id = i.id
            where i.county_path = @path order by i.id, v.version desc
            """, new { path = county.Path }, cancellationToken: ct))).ToDictionary(l => l.Code);

        var parsed = new List<Parsed>();
        var seen = new HashSet<string>();
        for (var i = 1; i < rows.Count; i++)
        {
            var line = i + 1; // the file's line number, header = 1
            string Cell(string column) =>
                index[column] >= 0 && index[column] < rows[i].Length ? rows[i][index[column]].Trim() : "";
            void Issue(string column, string message) => issues.Add(new ImportIssue(line, column, message));

            var code = Cell("基本编码").ToUpperInvariant();
            if (!CodePattern().IsMatch(code)) Issue("基本编码", "格式应为 2 位类型字母 + 8 位数字，如 CF00123000。");
            else if (!seen.Add(code)) Issue("基本编码", "与前面的行重复。");
            var name = Cell("事项名称");
            if (name.Length is 0 or > 200) Issue("事项名称", "不能为空，且不超过 200 字。");
            var typeCell = Cell("权力类型");
            var type = PowerTypes.Names.ContainsKey(typeCell.ToUpperInvariant()) ? typeCell.ToUpperInvariant()
                : PowerTypes.Names.FirstOrDefault(t => t.Value == typeCell).Key;
            if (type is null) Issue("权力类型", $"“{typeCell}”不是十类行政权力之一。");
            else if (CodePattern().IsMatch(code) && code[..2] != type)
                Issue("基本编码", $"编码前两位应与权力类型一致（{type}）。");
            var domainCell = Cell("执法领域");
            var domain = domains.FirstOrDefault(d => d.Code == domainCell.ToUpperInvariant() || d.Name == domainCell);
            if (domain is null) Issue("执法领域", $"“{domainCell}”不是已设置的执法领域。");
            var department = units.GetValueOrDefault(Cell("实施主体"));
            if (department is null) Issue("实施主体", $"“{Cell("实施主体")}”不是本县的县直部门或单位。");
            var supervisorName = Cell("监管单位");
            var supervisor = supervisorName.Length == 0 ? null : units.GetValueOrDefault(supervisorName);
            if (supervisorName.Length > 0 && supervisor is null)
                Issue("监管单位", $"“{supervisorName}”不是本县的单位。");
            var from = Spreadsheet.ParseDate(Cell("生效日期"));
            if (from is null) Issue("生效日期", "日期格式应为 YYYY-MM-DD。");
            if (from is not null && latest.TryGetValue(code, out var existing))
            {
                if (existing.Withdrawn) Issue("基本编码", "该事项已取消，不能再修订。");
                else if (from <= existing.EffectiveFrom)
                    Issue("生效日期",
                        $"已有事项的新版本须晚于现行版本的生效日期（{existing.EffectiveFrom:yyyy-MM-dd}）。");
            }
            var laws = Spreadsheet.Split(Cell("设定依据"), ListSeparators);
            var articles = Spreadsheet.Split(Cell("条款"), ListSeparators);
            var texts = Spreadsheet.Split(Cell("依据内容"), ListSeparators);
            var basis = laws.Select((law, k) => new LegalBasis(law, articles.ElementAtOrDefault(k),
                texts.ElementAtOrDefault(k))).ToList();
            var note = Cell("变更说明");
            parsed.Add(new Parsed(line, code, new ItemVersionRequest(name, type, domain?.Code, basis, department?.Id,
                supervisor?.Id, Spreadsheet.Split(Cell("责任事项"), ListSeparators),
                Spreadsheet.Split(Cell("追责情形"), ListSeparators), from,
                note.Length > 0 ? note : latest.ContainsKey(code) ? "批量导入修订" : "批量导入"), department?.Name,
                supervisor?.Name));
        }
        if (issues.Count > 0) throw Report(issues);

        var created = parsed.Count(p => !latest.ContainsKey(p.Code));
        if (dryRun == true) return TypedResults.Ok(new ImportResult(true, created, parsed.Count - created));

        await using var tx = await c.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in parsed)
        {
            var names = new Catalogue.Resolved(p.DepartmentName, p.SupervisorName);
            if (latest.TryGetValue(p.Code, out var existing))
            {
                await c.ExecuteAsync(new CommandDefinition(
                    """
                    update power_lists.item_versions set valid = daterange(lower(valid), @from) where item_id = @id
                        and version = @version
                    """, new { id = existing.ItemId, existing.Version, from = p.Version.EffectiveFrom }, tx,
                    cancellationToken: ct));
                await Catalogue.InsertVersion(c, tx, existing.ItemId, existing.Version + 1, p.Version, names, false,
                    user, now, ct);
            }
            else
            {
                var id = Guid.CreateVersion7();
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into power_lists.items (id, county_id, county_path, code, created_at, created_by)
                        values (@id, @countyId, @path, @code, @now, @by)
                    """, new { id, countyId = county.Id, path = county.Path, code = p.Code, by = user.Name, now }, tx,
                    cancellationToken: ct));
                await Catalogue.InsertVersion(c, tx, id, 1, p.Version, names, false, user, now, ct);
            }
        }
        await audit.RecordAsync(c, tx, new AuditRecord("power_item.imported", "power_catalogue", county.Id.ToString(),
            county.Path, After: new { Created = created, Revised = parsed.Count - created,
                Codes = parsed.Select(p => p.Code) }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new ImportResult(false, created, parsed.Count - created));
    }

    private static ValidationException Report(List<ImportIssue> issues)
    {
        var e = new ValidationException("file", $"导入文件有 {issues.Count} 处错误，未导入任何数据。");
        e.Extensions["report"] = issues;
        return e;
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{8}$")]
    private static partial Regex CodePattern();
}
