using System.Text.RegularExpressions;

namespace Governance.ServiceCentre;

/// <summary>Format checks for applicants' identifiers (身份证号, 统一社会信用代码) and phones.</summary>
internal static partial class Identity
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    /// <summary>18-digit resident ID with a valid GB 11643 check digit.</summary>
    public static bool IsIdNumber(string? id)
    {
        if (id is null || !IdPattern().IsMatch(id.Trim().ToUpperInvariant())) return false;
        var s = id.Trim().ToUpperInvariant();
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (s[i] - '0') * Weights[i];
        return CheckDigits[sum % 11] == s[17];
    }

    public static bool IsCreditCode(string? code) => code is not null && CreditCodePattern().IsMatch(code.Trim().ToUpperInvariant());

    public static bool IsPhone(string phone) => PhonePattern().IsMatch(phone.Trim());

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex("^(1[0-9]{10}|0[0-9]{2,3}-?[0-9]{7,8})$")]
    private static partial Regex PhonePattern();
}
