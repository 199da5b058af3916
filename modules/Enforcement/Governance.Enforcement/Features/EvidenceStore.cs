using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Features;

/// <summary>A file's identity in the store: its SHA-256 (lower-case hex) and size.</summary>
internal sealed record StoredFile(string Sha256, long Size);

/// <summary>
/// 证据文件库: evidence files outside the database, in a configured directory, one file per content (named by its
/// SHA-256, so a file is stored once and its name is its checksum). Files are written to a temporary name while
/// being hashed and moved into place complete, then made read-only; nothing here ever rewrites or deletes one.
/// </summary>
internal sealed class EvidenceStore(IOptions<EnforcementOptions> options, IHostEnvironment environment)
{
    /// <summary>The types accepted, each with how its first bytes look (a declared type that the bytes contradict is
    /// refused): photos, scans and signed records, recordings.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, Func<byte[], bool> Looks)> Types =
        new Dictionary<string, (string, Func<byte[], bool>)>
        {
            ["image/jpeg"] = ("JPEG 图片", h => Starts(h, 0xFF, 0xD8, 0xFF)),
            ["image/png"] = ("PNG 图片", h => Starts(h, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
            ["application/pdf"] = ("PDF 文档", h => Starts(h, "%PDF-"u8.ToArray())),
            ["application/ofd"] = ("OFD 版式文档", h => Starts(h, 0x50, 0x4B, 0x03, 0x04)),
            ["video/mp4"] = ("MP4 视频", h => h.Length >= 8 && h.AsSpan(4, 4).SequenceEqual("ftyp"u8)),
            ["audio/mpeg"] = ("MP3 录音", h => Starts(h, "ID3"u8.ToArray()) || h.Length >= 2 && h[0] == 0xFF
                && (h[1] & 0xE0) == 0xE0),
        };

    private EnforcementOptions Options => options.Value;

    private string Root => Path.GetFullPath(Options.EvidenceDirectory, environment.ContentRootPath);

    /// <summary>Where the file of <paramref name="sha256"/> lives (two-character fan-out, as git does).</summary>
    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    /// <summary>Streams <paramref name="body"/> into the store, hashing it on the way: 413 past the size limit, 400
    /// when empty, 415 when the bytes are not of the declared type. Answers the stored file.</summary>
    public async Task<StoredFile> SaveAsync(Stream body, string contentType, CancellationToken ct)
    {
        var max = Options.EvidenceMaxBytes;
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new List<byte>(16);
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        long size = 0;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                             81_920, useAsync: true))
            {
                int n;
                while ((n = await body.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > max) throw TooLarge(max);
                    head.AddRange(buffer.Take(Math.Min(n, 16 - head.Count)));
                    hash.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }
            if (size == 0) throw new ValidationException("file", "上传的文件是空的。");
            if (!Types[contentType].Looks(head.ToArray()))
                throw new AppException(415, "unsupported_media_type", "文件内容与类型不符",
                    $"文件内容不是{Types[contentType].Name}，请确认所选文件与声明的类型一致。");
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var path = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                try
                {
                    File.Move(temp, path);
                    if (!OperatingSystem.IsWindows())
                        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
                }
                catch (IOException) when (File.Exists(path)) { } // the same content, stored meanwhile
            }
            return new StoredFile(sha, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(temp);
        }
    }

    /// <summary>The SHA-256 of the stored file as it is now, or null when it is missing.</summary>
    public async Task<string?> HashAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) return null;
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    public static AppException TooLarge(long max) => new(413, "payload_too_large", "文件过大",
        $"单个证据文件不能超过 {max / 1024 / 1024} MB。");

    private static bool Starts(byte[] head, params byte[] prefix) => head.AsSpan().StartsWith(prefix);
}
