namespace Governance.SharedKernel.Security;

/// <summary>Masks personal data (个人信息脱敏) for roles that do not need it.</summary>
public static class Masking
{
    /// <summary><c>13812345678</c> → <c>138****5678</c>.</summary>
    public static string? Phone(string? phone) =>
        phone is null ? null : phone.Length < 7 ? new string('*', phone.Length) : phone[..3]
            + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary>A natural person's name in a public notice: <c>张三</c> → <c>张*</c>, <c>欧阳小明</c> →
    /// <c>欧**明</c>.</summary>
    public static string Name(string name) =>
        name.Length <= 2 ? name[..1] + new string('*', name.Length - 1) : name[..1] + new string('*', name.Length - 2)
            + name[^1..];

    /// <summary><c>410102199001011234</c> → <c>4101**********1234</c>.</summary>
    public static string? IdNumber(string? id) =>
        id is null ? null : id.Length < 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8)
            + id[^4..];
}
