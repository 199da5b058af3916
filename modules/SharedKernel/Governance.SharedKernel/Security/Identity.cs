using System.Text.RegularExpressions;

namespace Governance.SharedKernel.Security;

/// <summary>Format checks for people's and organisations' identifiers (身份证号, 统一社会信用代码) and phones:
/// applicants, parties to an enforcement case.</summary>
public static partial class Identity
{
    /// <summary>18-digit resident ID with a valid GB 11643 check digit.</summary>
    public static bool IsIdNumber(string? id) =>
        id is not null && IdPattern().IsMatch(id.Trim().ToUpperInvariant())
        && IdNumbers.HasValidCheck(id.Trim().ToUpperInvariant());

    public static bool IsCreditCode(string? code) =>
        code is not null && CreditCodePattern().IsMatch(code.Trim().ToUpperInvariant());

    public static bool IsPhone(string phone) => PhonePattern().IsMatch(phone.Trim());

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex("^(1[0-9]{10}|0[0-9]{2,3}-?[0-9]{7,8})$")]
    private static partial Regex PhonePattern();
}
