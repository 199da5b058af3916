using System.Text;

namespace Governance.OpenData.Packages;

/// <summary>The package's README.md: what it is, how to verify it, and the data dictionary (every column of every
/// file, in Chinese and in English), made from what the sources declare.</summary>
internal static class Readme
{
    public static byte[] Write(OpenDataScope scope, IReadOnlyList<OpenDataFile> files, string keyId)
    {
        var s = new StringBuilder();
        var month = OpenDataValues.Month(scope.Month);
        s.Append($"# {scope.CountyName} 数据开放包 {month}\n\n");
        s.Append($"Open-data package of {scope.CountyName} ({scope.CountyCode}), {month}\n\n");
        s.Append($"- 区划代码 County code: {scope.CountyCode}\n");
        s.Append($"- 数据月份 Month: {OpenDataValues.Date(scope.Month)} – {OpenDataValues.Date(scope.LastDay)}\n");
        s.Append($"- 签名密钥 Signing key: {keyId} (public key: `/.well-known/governance-open-data-key.pem`)\n\n");
        s.Append("""
            CSV 文件为 UTF-8（带 BOM）编码，逗号分隔；日期为 yyyy-MM-dd，数字使用半角小数点，空字段表示无值。
            CSV files are UTF-8 with a BOM, comma-separated; dates are yyyy-MM-dd, numbers use a dot, an empty field is
            no value. 不含个人信息 · No personal data.

            ## 校验 · Verification

            `manifest.sha256` 列出每个文件的 SHA-256；`manifest.sig` 是用上述密钥对它所作的 ECDSA P-256 / SHA-256 签名
            （DER）。`manifest.sha256` lists the SHA-256 of every file; `manifest.sig` is its ECDSA P-256 / SHA-256
            signature (DER) by the key above:

                openssl dgst -sha256 -verify governance-open-data-key.pem -signature manifest.sig manifest.sha256
                sha256sum -c manifest.sha256

            同一月份的数据未变时，每次下载的包逐字节相同。The same month's package is byte-identical on every download
            while its data is unchanged (a KPI revision or a retracted disclosure changes it).

            ## 文件 · Files

            | 文件 File | 内容 | Contents | 行数 Rows |
            |---|---|---|---|

            """.Replace("\r\n", "\n"));
        foreach (var f in files)
            s.Append($"| {f.Name} | {Cell(f.Title)} | {Cell(f.TitleEnglish)} | {f.Rows.Count} |\n");
        s.Append("\n## 数据字典 · Data dictionary\n");
        foreach (var f in files)
        {
            s.Append($"\n### {f.Name} — {Cell(f.Title)} · {Cell(f.TitleEnglish)}\n\n");
            s.Append("| 列 Column | 说明 | Description |\n|---|---|---|\n");
            foreach (var c in f.Columns) s.Append($"| {c.Name} | {Cell(c.Chinese)} | {Cell(c.English)} |\n");
        }
        return SigningKey.Utf8(s.ToString());
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
