using System.Globalization;
using System.Text.RegularExpressions;
using Governance.SharedKernel.Database;

namespace Governance.ServiceCentre.Features;

/// <summary>
/// 办件编号: what the receipt prints and a citizen types on a phone, e.g. <c>2026-0101-000123</c> — one gap-free
/// series per county and year, taken in the registration's transaction (<see cref="NumberSequences"/>), so a refused
/// registration takes none. Ids in URLs stay UUIDs; the number is for people.
/// </summary>
internal static partial class ApplicationNumbers
{
    /// <summary>Year, county code, six-digit number of the county's year. Migration 0012 numbered the applications
    /// registered before numbers existed with this format (SQL cannot read the configuration).</summary>
    public const string DefaultFormat = "{year}-{county}-{seq:000000}";

    internal static readonly NumberSequence Sequence = new("service_centre", "application_sequences", "county_path");

    [GeneratedRegex(@"\{seq(?::(?<pad>0+))?\}")]
    private static partial Regex SeqToken();

    /// <summary>Why a configured format cannot serve, or null when it can.</summary>
    public static string? Problem(string? format) =>
        string.IsNullOrWhiteSpace(format) ? "ServiceCentre:ApplicationNumberFormat is empty."
        : !format.Contains("{year}", StringComparison.Ordinal) || SeqToken().Count(format) != 1
            ? $"ServiceCentre:ApplicationNumberFormat '{format}' needs {{year}} and one {{seq}} (or {{seq:000000}})."
        : format.Length > 40 ? $"ServiceCentre:ApplicationNumberFormat '{format}' is longer than 40 characters."
        : null;

    /// <summary>
    /// The county's 4-digit code: a region path is the chain of 12-digit administrative codes (/province/county/…),
    /// and a county's code is province (2) + prefecture (2) + county (2) + zeros, so digits 3–6 name it within the
    /// province.
    /// </summary>
    public static string CountyCode(string countyPath) => RegionScope.Ancestor(countyPath, 2).Split('/')[2][2..6];

    public static string Format(string format, int year, string countyPath, int seq) =>
        SeqToken().Replace(
            format.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{county}", CountyCode(countyPath), StringComparison.Ordinal),
            m => seq.ToString(m.Groups["pad"].Success ? m.Groups["pad"].Value : "0", CultureInfo.InvariantCulture));

    /// <summary>
    /// A search term that can only be (the start of) a number: digits, Latin letters and at least one '-'. Names,
    /// ID numbers and phones never contain a '-', so such a term searches numbers alone — by the number's index.
    /// </summary>
    public static bool LooksLikeNumber(string term) => NumberLike().IsMatch(term);

    [GeneratedRegex("^[0-9A-Za-z]+-[0-9A-Za-z-]*$")]
    private static partial Regex NumberLike();
}
