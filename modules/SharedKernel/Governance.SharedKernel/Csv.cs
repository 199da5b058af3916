using System.Text;

namespace Governance.SharedKernel;

/// <summary>
/// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends; UTF-8 with a BOM so Excel shows Chinese.
/// </summary>
public static class Csv
{
    public static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Escape)) + "\r\n";

    /// <summary>
    /// Writes one record straight to <paramref name="writer"/> (big exports: no line string per row).
    /// </summary>
    public static void WriteLine(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Escape(fields[i]));
        }
        writer.Write("\r\n");
    }

    private static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        // a leading = + - @ would be run as a formula by spreadsheet programs: prefix it (CSV injection); a plain
        // negative number (-1, -2.5) is no formula and stays a number
        if (field[0] is '=' or '+' or '-' or '@' && !PlainNumber(field)) field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    private static bool PlainNumber(string field) =>
        decimal.TryParse(field, System.Globalization.NumberStyles.AllowLeadingSign
            | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture,
            out _);

    /// <summary>Parses a whole document into rows of fields. A BOM is skipped; blank lines are dropped.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': EndRow(); break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0) EndRow();
        return rows;

        void EndRow()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields.Any(f => f.Length > 0)) rows.Add(fields.ToArray());
            fields.Clear();
        }
    }
}
