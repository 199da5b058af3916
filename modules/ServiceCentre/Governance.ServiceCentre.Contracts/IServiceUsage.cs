namespace Governance.ServiceCentre.Contracts;

/// <summary>
/// Applications of one month at one township (its centre and its village points) under one power item.
/// </summary>
public sealed record PowerItemUse(string TownshipPath, Guid PowerItemId, DateOnly Month, int Applications);

/// <summary>
/// Which power items the service catalogue implements, and how often townships used them — for PowerLists' 接不住 check
/// and its 下放事项正常开展率 KPI.
/// </summary>
public interface IServiceUsage
{
    /// <summary>Power items that a service item of the counties in or above <paramref name="scopePath"/> implements on
    /// <paramref name="date"/>: only for these can applications show whether a township uses a delegated
    /// power.</summary>
    Task<IReadOnlySet<Guid>> ServicedPowerItemsAsync(string scopePath, DateOnly date, CancellationToken ct);

    /// <summary>Applications per township, power item and month, in the months from <paramref name="fromMonth"/> to
    /// <paramref name="toMonth"/> (whole months, any day of each) within <paramref name="scopePath"/>; zero counts are
    /// not listed.</summary>
    Task<IReadOnlyList<PowerItemUse>> UsageAsync(string scopePath, DateOnly fromMonth, DateOnly toMonth,
        CancellationToken ct);
}
