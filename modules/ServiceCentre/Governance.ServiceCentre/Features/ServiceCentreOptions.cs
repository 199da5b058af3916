using Microsoft.Extensions.Options;

namespace Governance.ServiceCentre.Features;

/// <summary>The module's settings (configuration section "ServiceCentre"), checked at start-up.</summary>
public sealed class ServiceCentreOptions
{
    /// <summary>Working days a centre has to rectify a bad rating (差评整改时限).</summary>
    public int RectificationWorkingDays { get; set; } = 15;

    /// <summary>
    /// The 办件编号 printed on the receipt: <c>{year}</c> the year of receipt, <c>{county}</c> the county's 4-digit
    /// code (digits 3–6 of its 12-digit region code), <c>{seq}</c> the gap-free number of the county's year, padded
    /// to as many digits as zeros follow it (<c>{seq:000000}</c>). Both <c>{year}</c> and <c>{seq}</c> are required:
    /// numbers are unique per county. Applications registered before a change keep their numbers (the migration
    /// numbered existing ones with the default).
    /// </summary>
    public string ApplicationNumberFormat { get; set; } = ApplicationNumbers.DefaultFormat;
}

/// <summary>Refuses to start with a number format that could repeat a number (checked at start-up).</summary>
internal sealed class ServiceCentreOptionsValidator : IValidateOptions<ServiceCentreOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceCentreOptions options) =>
        ApplicationNumbers.Problem(options.ApplicationNumberFormat) is { } problem
            ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
