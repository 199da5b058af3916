using System.Globalization;
using System.Text.Json;
using Governance.SharedKernel;

namespace Governance.Calendar.Features;

/// <summary>
/// One rejected entry of an uploaded arrangement: its row (CSV line or JSON entry, 1-based; 0 = the whole file), the
/// column and why.
/// </summary>
public sealed record CalendarUploadIssue(int Row, string Column, string Message);

/// <summary>One exceptional day of an uploaded arrangement, checked.</summary>
internal sealed record ArrangementDay(DateOnly Date, string Kind, string Name);

/// <summary>
/// A year's official arrangement (国务院办公厅关于某年部分节假日安排的通知) as an admin uploads it: JSON in the shape
/// of one year of the shipped seed (<c>{ "days": [ { "date", "name", "kind": "off" | "work" } ] }</c>, optionally with
/// <c>"year"</c>, or the whole seed document with <c>"years": { "2027": … }</c>) or CSV <c>date,kind,name</c> (kind
/// <c>holiday</c> | <c>workday</c>; UTF-8, BOM allowed, header optional). Pure: every problem is collected with its
/// row, and the whole file is refused if there is any.
/// </summary>
internal static class YearArrangement
{
    public const int MaxBytes = 256 * 1024;
    public const int MaxDays = 100;
    public const int NameMaxLength = 50;

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["off"] = WorkingDayCalendar.Off, ["holiday"] = WorkingDayCalendar.Off, ["休"] = WorkingDayCalendar.Off,
        ["work"] = WorkingDayCalendar.Work, ["workday"] = WorkingDayCalendar.Work, ["班"] = WorkingDayCalendar.Work,
    };

    private static readonly string[] WeekdayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    private sealed record RawDay(int Row, string? Date, string? Kind, string? Name);

    public static IReadOnlyList<ArrangementDay> FromJson(int year, string text)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(text.TrimStart('\uFEFF')).RootElement; }
        catch (JsonException) { throw Refuse([new CalendarUploadIssue(0, "file", "不是有效的 JSON 文件。")]); }
        if (root.ValueKind != JsonValueKind.Object)
            throw Refuse([new CalendarUploadIssue(0, "file", "JSON 的最外层应为对象，含 days 数组。")]);

        if (root.TryGetProperty("years", out var years) && years.ValueKind == JsonValueKind.Object)
        {
            // the whole seed document: take the path's year from it
            if (!years.TryGetProperty(year.ToString(CultureInfo.InvariantCulture), out root)
                || root.ValueKind != JsonValueKind.Object)
                throw Refuse([new CalendarUploadIssue(0, "year", $"文件的 years 中没有 {year} 年。")]);
        }
        else if (root.TryGetProperty("year", out var y))
        {
            var stated = y.ValueKind switch
            {
                JsonValueKind.Number when y.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(y.GetString(), out var n) => n,
                _ => (int?)null,
            };
            if (stated != year)
                throw Refuse([new CalendarUploadIssue(0, "year", $"文件中的年份（{y}）与上传的年份 {year} 不一致。")]);
        }
        if (!root.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            throw Refuse([new CalendarUploadIssue(0, "days", "缺少 days 数组。")]);

        var raw = new List<RawDay>();
        var row = 0;
        foreach (var d in days.EnumerateArray())
        {
            row++;
            if (d.ValueKind != JsonValueKind.Object) { raw.Add(new RawDay(row, null, null, null)); continue; }
            raw.Add(new RawDay(row, Text(d, "date"), Text(d, "kind"), Text(d, "name")));
        }
        return Check(year, raw);

        static string? Text(JsonElement e, string name) =>
            !e.TryGetProperty(name, out var v) ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString();
    }

    public static IReadOnlyList<ArrangementDay> FromCsv(int year, string text)
    {
        var rows = Csv.Parse(text);
        var first = 0;
        int date = 0, kind = 1, name = 2;
        if (rows.Count > 0 && rows[0].Any(h => h.Trim().ToLowerInvariant() is "date" or "日期"))
        {
            // a header: columns by name (date,kind,name or 日期,类型,名称), in any order
            var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
            date = Array.FindIndex(header, h => h is "date" or "日期");
            kind = Array.FindIndex(header, h => h is "kind" or "类型");
            name = Array.FindIndex(header, h => h is "name" or "名称");
            var missing = new[] { ("date", date), ("kind", kind), ("name", name) }.Where(c => c.Item2 < 0)
                .Select(c => new CalendarUploadIssue(1, c.Item1, $"表头缺少 {c.Item1} 列（表头应为 date,kind,name）。"))
                .ToList();
            if (missing.Count > 0) throw Refuse(missing);
            first = 1;
        }
        var raw = new List<RawDay>();
        for (var i = first; i < rows.Count; i++)
        {
            string? Cell(int index) => index < rows[i].Length ? rows[i][index] : null;
            raw.Add(new RawDay(i + 1, Cell(date), Cell(kind), Cell(name)));
        }
        return Check(year, raw);
    }

    private static List<ArrangementDay> Check(int year, List<RawDay> raw)
    {
        var issues = new List<CalendarUploadIssue>();
        if (raw.Count == 0) throw Refuse([new CalendarUploadIssue(0, "file", "文件中没有任何日期。")]);
        if (raw.Count > MaxDays)
            throw Refuse([new CalendarUploadIssue(0, "file", $"一年最多 {MaxDays} 个日期，文件中有 {raw.Count} 个。")]);

        var seen = new Dictionary<DateOnly, int>();
        var days = new List<ArrangementDay>();
        foreach (var r in raw)
        {
            void Issue(string column, string message) => issues.Add(new CalendarUploadIssue(r.Row, column, message));
            var ok = true;
            DateOnly date = default;
            var dateText = r.Date?.Trim() ?? "";
            if (dateText.Length == 0) { Issue("date", "日期不能为空。"); ok = false; }
            else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                         out date))
            { Issue("date", $"“{dateText}”不是 yyyy-MM-dd 格式的日期。"); ok = false; }
            else if (date.Year != year) { Issue("date", $"{dateText} 不在 {year} 年内。"); ok = false; }
            else if (seen.TryGetValue(date, out var firstRow))
            {
                Issue("date", $"{dateText} 重复出现（第 {firstRow} 行已列出），同一天只能是休或班之一。");
                ok = false;
            }
            else seen[date] = r.Row;

            var kindText = r.Kind?.Trim() ?? "";
            if (!Kinds.TryGetValue(kindText, out var kind))
            {
                Issue("kind", "类型应为 holiday（休）或 workday（调休上班）。");
                ok = false;
            }
            else if (kind == WorkingDayCalendar.Work && ok
                     && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Issue("kind", $"{dateText} 是{WeekdayNames[(int)date.DayOfWeek]}，调休上班日只能是周六或周日。");
                ok = false;
            }

            var name = r.Name?.Trim() ?? "";
            if (name.Length == 0) { Issue("name", "名称不能为空（如“春节”）。"); ok = false; }
            else if (name.Length > NameMaxLength)
            {
                Issue("name", $"名称不能超过 {NameMaxLength} 个字符。");
                ok = false;
            }

            if (ok) days.Add(new ArrangementDay(date, kind!, name));
        }
        if (issues.Count == 0 && days.All(d => d.Kind != WorkingDayCalendar.Off))
            issues.Add(new CalendarUploadIssue(0, "file", "文件中没有法定节假日（holiday），请确认是完整的全年安排。"));
        if (issues.Count > 0) throw Refuse(issues);
        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>
    /// 400 with the issues as the <c>report</c> extension (row, column, message) and as field errors.
    /// </summary>
    public static ValidationException Refuse(IReadOnlyList<CalendarUploadIssue> issues)
    {
        var errors = new Dictionary<string, string[]>
        {
            ["file"] =
                [issues.Count == 1 && issues[0].Row == 0
                    ? issues[0].Message : $"文件有 {issues.Count} 处错误，未作任何更改。"],
        };
        foreach (var group in issues.Where(i => i.Row == 0 && i.Column != "file").GroupBy(i => i.Column))
            errors[group.Key] = [.. group.Select(i => i.Message)];
        var e = new ValidationException(errors);
        e.Extensions["report"] = issues;
        return e;
    }
}
