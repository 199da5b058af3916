using System.Globalization;

namespace Governance.SharedKernel.Security;

/// <summary>公民身份号码 (GB 11643-1999): 18 characters, the birth date in 7–14, an ISO 7064 MOD 11-2 check
/// character. The one implementation of the check for every module (applicants, staff, demo data).</summary>
public static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>17 digits and the right check character (upper-case X).</summary>
    public static bool HasValidCheck(string? id) =>
        id is { Length: 18 } && id[..17].All(char.IsAsciiDigit) && char.ToUpperInvariant(id[17]) == Check(id);

    /// <summary><see cref="HasValidCheck"/> and a real birth date.</summary>
    public static bool IsValid(string? id) =>
        HasValidCheck(id)
        && DateOnly.TryParseExact(id![6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DateOnly BirthDate(string id) =>
        DateOnly.ParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The check character of the first 17 digits.</summary>
    public static char Check(string id) =>
        CheckCharacters[id.Take(17).Select((d, i) => (d - '0') * Weights[i]).Sum() % 11];
}
