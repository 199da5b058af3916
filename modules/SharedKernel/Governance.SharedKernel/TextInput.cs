namespace Governance.SharedKernel;

public static class TextInput
{
    /// <summary>An optional text input: trimmed, and null when blank (a filter not given, a note left empty).</summary>
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
