using System.Security.Cryptography;
using System.Buffers.Text;

namespace Governance.Organization.Auth;

/// <summary>Random opaque secrets (session cookies, API tokens, CSRF tokens) and their stored SHA-256 form.</summary>
internal static class Secrets
{
    public const string TokenPrefix = "gov_";

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
