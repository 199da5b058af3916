using System.IO.Compression;
using System.Security.Cryptography;

namespace Governance.OpenData.Packages;

/// <summary>A built package: the zip, and the hex SHA-256 of its manifest (what the signature covers).</summary>
internal sealed record Package(byte[] Zip, string ManifestSha256, int Files);

/// <summary>
/// 数据开放包: every source's CSVs for a county and a closed month, a README data dictionary, a manifest of SHA-256
/// hashes (<c>sha256sum -c</c> reads it) and its signature. Reproducible: files in a fixed order, rows in the order the
/// sources give, one timestamp (the month's end), and the manifest's signature made once and kept — so the same data
/// is the same bytes on every download.
/// </summary>
internal sealed class PackageBuilder(IEnumerable<IOpenDataSource> sources, SigningKey key, NpgsqlDataSource db,
    TimeProvider clock)
{
    public const string Manifest = "manifest.sha256";
    public const string Signature = "manifest.sig";

    public async Task<Package> BuildAsync(OpenDataScope scope, CancellationToken ct)
    {
        if (!key.Configured) throw SigningKey.Missing();
        var files = new List<OpenDataFile>();
        foreach (var source in sources.OrderBy(s => s.Module, StringComparer.Ordinal))
            files.AddRange(await source.FilesAsync(scope, ct));
        var duplicate = files.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"two sources write {duplicate.Key}");

        var entries = new List<(string Name, byte[] Bytes)> { ("README.md", Readme.Write(scope, files, key.Id)) };
        entries.AddRange(files.Select(f => (f.Name, CsvBytes(f))));
        var manifest = SigningKey.Utf8(string.Concat(entries.Select(e =>
            $"{Convert.ToHexStringLower(SHA256.HashData(e.Bytes))}  {e.Name}\n")));
        var manifestSha = Convert.ToHexStringLower(SHA256.HashData(manifest));
        entries.Add((Manifest, manifest));
        entries.Add((Signature, await SignatureAsync(manifest, manifestSha, ct)));
        return new Package(Zip(entries, scope), manifestSha, entries.Count);
    }

    private static byte[] CsvBytes(OpenDataFile f)
    {
        using var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, Csv.Utf8WithBom))
        {
            Csv.WriteLine(w, f.Columns.Select(c => c.Name).ToList());
            foreach (var row in f.Rows) Csv.WriteLine(w, row);
        }
        return ms.ToArray();
    }

    /// <summary>The stored signature of this manifest by this key; made (once) when there is none.</summary>
    private async Task<byte[]> SignatureAsync(byte[] manifest, string manifestSha, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        const string Read = """
            select signature from open_data.signatures where manifest_sha256 = @manifestSha and key_id = @keyId
            """;
        var args = new { manifestSha, keyId = key.Id };
        var kept = await c.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(Read, args, cancellationToken: ct));
        if (kept is not null) return kept;
        // two first downloads at once may both sign: the first stored wins, and both answer with it
        await c.ExecuteAsync(new CommandDefinition("""
            insert into open_data.signatures (manifest_sha256, key_id, signature, signed_at)
            values (@manifestSha, @keyId, @signature, @now) on conflict do nothing
            """, new
            {
                manifestSha, keyId = key.Id, signature = key.Sign(manifest), now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken: ct));
        return await c.QuerySingleAsync<byte[]>(new CommandDefinition(Read, args, cancellationToken: ct));
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, OpenDataScope scope)
    {
        // every entry dated the end of the month (county time), whatever the day it is built
        var stamp = new DateTimeOffset(scope.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var s = entry.Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }
}
