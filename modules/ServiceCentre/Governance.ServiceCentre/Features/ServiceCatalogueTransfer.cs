using System.Globalization;
using Governance.PowerLists.Contracts;
using Governance.SharedKernel.Database;

namespace Governance.ServiceCentre.Features;

public sealed record ServiceImportIssue(int Row, string Column, string Message);

public sealed record ServiceImportResult(bool DryRun, int Created, int Revised);

/// <summary>
/// 事项目录导入导出 as CSV or XLSX, the same columns both ways so an export can be edited and imported back. A new code
/// creates an item; a known code adds a version from its effective date. Every row is checked with the rules of the
/// form (承诺 ≤ 法定, 即办件 without promised days, ≤ 4 steps, materials or 无需材料); any bad cell answers a report
/// (row, column, message) and nothing is written.
/// </summary>
internal static class ServiceCatalogueTransfer
{
    private static readonly string[] Columns =
        ["事项编码", "事项名称", "层级", "办件类型", "设定依据", "受理条件", "申请材料", "法定时限", "承诺时限",
         "收费金额", "收费依据", "办理流程", "咨询电话", "办理渠道", "生效日期", "变更说明"];

    private const int MaxRows = 2000;

    private static readonly Dictionary<string, string> Levels = new() { ["乡镇"] = "township", ["村级"] = "village" };
    private static readonly Dictionary<string, string> Kinds = new() { ["即办件"] = ServiceKinds.Immediate,
        ["承诺件"] = ServiceKinds.Promised };
    private static readonly Dictionary<string, string> Forms = new() { ["原件"] = "original", ["复印件"] = "copy",
        ["原件和复印件"] = "both" };

    /// <summary>Request field → import column, to put a rule's message on the right cell.</summary>
    private static readonly Dictionary<string, string> FieldColumns = new()
    {
        ["code"] = "事项编码", ["name"] = "事项名称", ["level"] = "层级", ["kind"] = "办件类型",
        ["legalBasis"] = "设定依据", ["conditions"] = "受理条件", ["materials"] = "申请材料",
        ["noMaterials"] = "申请材料", ["statutoryDays"] = "法定时限", ["promisedDays"] = "承诺时限",
        ["feeAmount"] = "收费金额", ["feeBasis"] = "收费依据", ["steps"] = "办理流程", ["phone"] = "咨询电话",
        ["channels"] = "办理渠道", ["effectiveFrom"] = "生效日期", ["changeNote"] = "变更说明",
        ["powerItemId"] = "事项编码",
    };

    private static string Name<T>(Dictionary<string, T> map, T value) =>
        map.FirstOrDefault(p => Equals(p.Value, value)).Key ?? value?.ToString() ?? "";

    /// <summary>Materials as 名称|形式|份数|必要 entries separated by ；.</summary>
    private static string MaterialsCell(IReadOnlyList<Material> materials, bool none) =>
        none ? "无需材料" : string.Join("；",
            materials.Select(m => $"{m.Name}|{Name(Forms, m.Form)}|{m.Copies}|{(m.Required ? "必要" : "非必要")}"));

    public static IResult Export([TextLimit(TextLimits.Code)] string? format, ReportingDatabase reporting,
        CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        var db = reporting.Db;
        var today = CountyClock.Today(clock);
        async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
        {
            await using var c = await db.OpenConnectionAsync(ct);
            var rows = c.QueryUnbufferedAsync<ServiceItems.Row>($"""
                select {ServiceItems.Columns}
                from service_centre.items i join service_centre.item_versions v on v.item_id = i.id
                    and v.valid @> @today
                where {RegionScope.SqlSharedDown("i.county_path")} order by i.code
                """, new { today, scope = user.Scope.Pattern, scopePath = user.Scope.Path });
            await foreach (var row in rows.WithCancellation(ct))
            {
                var r = row.ToResponse();
                yield return
                [
                    r.Code, r.Name, Name(Levels, r.Level), Name(Kinds, r.Kind), r.LegalBasis, r.Conditions,
                    MaterialsCell(r.Materials, r.NoMaterials), r.StatutoryDays.ToString(), r.PromisedDays?.ToString(),
                    r.FeeAmount?.ToString(CultureInfo.InvariantCulture), r.FeeBasis, string.Join("；", r.Steps),
                    r.Phone, string.Join("；",
                        r.Channels.Select(ch => ServiceItems.Channels.GetValueOrDefault(ch, ch))),
                    r.EffectiveFrom.ToString("yyyy-MM-dd"), r.ChangeNote,
                ];
            }
        }
        return TableExport.Stream(format, $"便民服务事项目录-{today:yyyyMMdd}", "事项目录", Columns, Rows, ct);
    }

    private sealed record Latest(Guid ItemId, string Code, int Version, DateOnly EffectiveFrom);

    public static async Task<Ok<ServiceImportResult>> Import(
        bool? dryRun, HttpRequest request, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit,
        IRegionDirectory regions, IPowerLists powers, TimeProvider clock, CancellationToken ct)
    {
        var county = await regions.FindAsync(user.RegionId, ct);
        if (county is not { Level: RegionLevels.County })
            throw new ForbiddenException("事项目录由县级维护，请以县级账户操作。");
        var rows = await Spreadsheet.ReadUploadAsync(request, ct);
        if (rows.Count < 2) throw new ValidationException("file", "文件中没有数据行（第一行应为表头）。");
        if (rows.Count - 1 > MaxRows) throw new ValidationException("file", $"一次最多导入 {MaxRows} 行。");
        var header = rows[0].Select(h => h.Trim()).ToArray();
        var index = Columns.ToDictionary(col => col, col => Array.IndexOf(header, col));
        var issues = Columns.Where(col => index[col] < 0 && col is not ("收费金额" or "收费依据" or "承诺时限"))
            .Select(col => new ServiceImportIssue(1, col, "缺少该列。")).ToList();
        if (issues.Count > 0) throw Report(issues);

        await using var c = await db.OpenConnectionAsync(ct);
        var latest = (await c.QueryAsync<Latest>(new CommandDefinition("""
            select distinct on (i.id) i.id as item_id, i.code, v.version, lower(v.valid) as effective_from
            from service_centre.items i join service_centre.item_versions v on v.item_id = i.id
            where i.county_path = @path order by i.id, v.version desc
            """, new { path = county.Path }, cancellationToken: ct))).ToDictionary(l => l.Code);
        var parsed = new List<(string Code, ServiceItemRequest Request)>();
        var seen = new HashSet<string>();
        for (var i = 1; i < rows.Count; i++)
        {
            var line = i + 1;
            string Cell(string column) =>
                index[column] >= 0 && index[column] < rows[i].Length ? rows[i][index[column]].Trim() : "";
            void Issue(string column, string message) => issues.Add(new ServiceImportIssue(line, column, message));
            int? Days(string column)
            {
                var cell = Cell(column);
                if (cell.Length == 0) return null;
                if (int.TryParse(cell, out var days)) return days;
                Issue(column, "应为工作日天数（整数）。");
                return null;
            }
            var code = Cell("事项编码");
            if (!seen.Add(code)) { Issue("事项编码", "文件中重复的事项编码。"); continue; }
            var materialsCell = Cell("申请材料");
            var materials = new List<Material>();
            if (materialsCell != "无需材料")
                foreach (var entry in Spreadsheet.Split(materialsCell))
                {
                    var parts = entry.Split('|', StringSplitOptions.TrimEntries);
                    if (parts.Length != 4 || !Forms.ContainsKey(parts[1]) || !int.TryParse(parts[2], out var copies)
                        || parts[3] is not ("必要" or "非必要"))
                    {
                        Issue("申请材料", $"“{entry}”应写成 名称|原件或复印件或原件和复印件|份数|必要或非必要。");
                        continue;
                    }
                    materials.Add(new Material(parts[0], Forms[parts[1]], copies, parts[3] == "必要"));
                }
            var channelNames = Spreadsheet.Split(Cell("办理渠道"));
            var channels = channelNames.Select(n => ServiceItems.Channels.FirstOrDefault(p => p.Value == n).Key ?? n)
                .ToList();
            var fee = Cell("收费金额");
            decimal? feeAmount = null;
            if (fee.Length > 0 && fee != "不收费")
            {
                if (decimal.TryParse(fee, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                    feeAmount = amount;
                else Issue("收费金额", "应为金额（元），不收费请留空或写“不收费”。");
            }
            var from = Spreadsheet.ParseDate(Cell("生效日期"));
            if (Cell("生效日期").Length > 0 && from is null) Issue("生效日期", "日期格式应为 yyyy-MM-dd。");
            var item = new ServiceItemRequest(code, Cell("事项名称"),
                Levels.GetValueOrDefault(Cell("层级"), Cell("层级")),
                Kinds.GetValueOrDefault(Cell("办件类型"), Cell("办件类型")), Cell("设定依据"), Cell("受理条件"),
                materials, materialsCell == "无需材料", Days("法定时限"), Days("承诺时限"), feeAmount, Cell("收费依据"),
                Spreadsheet.Split(Cell("办理流程")), Cell("咨询电话"), channels, null, from,
                Cell("变更说明") is { Length: > 0 } note ? note : latest.ContainsKey(code) ? "批量导入修订"
                    : "批量导入");
            // the form's own rules, their messages placed on this row's cells
            var v = new Validator().Check(ServiceItems.CodePattern().IsMatch(code), "code",
                "事项编码为 4–40 位字母、数字或短横线。");
            if (latest.TryGetValue(code, out var known))
                v.Check(from is null || from > known.EffectiveFrom, "effectiveFrom",
                    $"生效日期必须晚于现行版本的生效日期（{known.EffectiveFrom:yyyy-MM-dd}）。");
            try { await ServiceItems.Validate(item, v, county.Path, powers, ct); }
            catch (ValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var message in messages)
                        Issue(FieldColumns.GetValueOrDefault(field.Split('[')[0], "申请材料"), message);
                continue;
            }
            parsed.Add((code, item));
        }
        if (issues.Count > 0) throw Report(issues);
        var created = parsed.Count(p => !latest.ContainsKey(p.Code));
        if (dryRun == true) return TypedResults.Ok(new ServiceImportResult(true, created, parsed.Count - created));

        await using var tx = await c.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (code, r) in parsed)
        {
            if (latest.TryGetValue(code, out var known))
            {
                await c.ExecuteAsync(new CommandDefinition(
                    """
                    update service_centre.item_versions set valid = daterange(lower(valid), @from) where item_id = @id
                        and version = @version
                    """, new { id = known.ItemId, known.Version, from = r.EffectiveFrom }, tx, cancellationToken: ct));
                await ServiceItems.Insert(c, tx, known.ItemId, known.Version + 1, r, user, now, ct);
            }
            else
            {
                var id = Guid.CreateVersion7();
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into service_centre.items (id, county_id, county_path, code, created_at, created_by)
                        values (@id, @countyId, @path, @code, @now, @by)
                    """, new { id, countyId = county.Id, path = county.Path, code, by = user.Name, now }, tx,
                    cancellationToken: ct));
                await ServiceItems.Insert(c, tx, id, 1, r, user, now, ct);
            }
        }
        await audit.RecordAsync(c, tx, new AuditRecord("service_items.imported", "service_item", null, county.Path,
            After: new { created, revised = parsed.Count - created }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new ServiceImportResult(false, created, parsed.Count - created));
    }

    private static ValidationException Report(List<ServiceImportIssue> issues)
    {
        var e = new ValidationException("file", $"导入文件有 {issues.Count} 处错误，未导入任何数据。");
        e.Extensions["report"] = issues;
        return e;
    }
}
