using System.Globalization;
using Governance.SharedKernel.Errors;

namespace Governance.SharedKernel;

/// <summary>Monthly figures take their period as yyyy-MM.</summary>
public static class Months
{
    /// <summary>The first day of the month, null when absent; a malformed value is a field error.</summary>
    public static DateOnly? Parse(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d) ? d
        : throw new ValidationException(field, "月份格式应为 YYYY-MM。");

    /// <summary>The first day of a month the caller must name: blank is a field error too.</summary>
    public static DateOnly Required(string? value, string field) =>
        Parse(value, field) ?? throw new ValidationException(field, "请指定月份，格式为 YYYY-MM。");
}
