using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Governance.OpenData;

/// <param name="SigningKey">The deployment's ECDSA P-256 private key, PEM (PKCS#8 or SEC 1).</param>
/// <param name="SigningKeyFile">Or the path of a file holding it (./run.sh and ./test.sh make one locally).</param>
public sealed class OpenDataOptions
{
    public string? SigningKey { get; set; }
    public string? SigningKeyFile { get; set; }
}

/// <summary>
/// The key that signs every package's manifest. Its public half is published (<c>/.well-known/…</c>) so anyone can
/// check a package with openssl; <see cref="Id"/> names it in the README and in the stored signatures, so a new key
/// signs again rather than reusing the old key's signatures.
/// </summary>
internal sealed class SigningKey : IDisposable
{
    private readonly ECDsa? _key;

    public SigningKey(IOptions<OpenDataOptions> options)
    {
        var o = options.Value;
        var pem = !string.IsNullOrWhiteSpace(o.SigningKey) ? o.SigningKey
            : !string.IsNullOrWhiteSpace(o.SigningKeyFile) ? File.ReadAllText(o.SigningKeyFile) : null;
        if (pem is null) return;
        _key = ECDsa.Create();
        _key.ImportFromPem(pem);
        if (_key.KeySize != 256)
            throw new InvalidOperationException("OpenData:SigningKey must be an ECDSA P-256 (prime256v1) key.");
        var spki = _key.ExportSubjectPublicKeyInfo();
        Id = Convert.ToHexStringLower(SHA256.HashData(spki))[..16];
        PublicPem = _key.ExportSubjectPublicKeyInfoPem() + "\n";
    }

    public bool Configured => _key is not null;
    public string Id { get; } = "";
    public string PublicPem { get; } = "";

    /// <summary>The DER signature of <paramref name="data"/>, as <c>openssl dgst -sha256 -verify</c> reads it.
    /// </summary>
    public byte[] Sign(byte[] data) =>
        (_key ?? throw Missing()).SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public static AppException Missing() => new(503, "open_data.no_signing_key", "数据开放包暂不可用",
        "本系统尚未配置数据开放包的签名密钥（OpenData:SigningKey），请联系系统管理员。");

    public static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s);

    public void Dispose() => _key?.Dispose();
}
