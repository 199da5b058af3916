namespace Governance.Kpis.Contracts;

/// <summary>The open month's figures as computed at <see cref="ComputedAt"/>.</summary>
public sealed record Provisional<T>(T Figures, DateTimeOffset ComputedAt);

/// <summary>
/// The open month's provisional figures, reused for <c>Kpis:ProvisionalSeconds</c> (default 60) on the county's clock:
/// a dashboard polled by many users, or a province-wide pull, then costs one computation a minute, not one per
/// request. One mechanism for the one KPI query and every module's own KPI page. <paramref name="view"/> names what is
/// computed (e.g. <c>staffing/kpis</c>); one entry per view, month and scope (a few hundred at most in a province).
/// </summary>
public interface IProvisionalKpis
{
    Task<Provisional<T>> GetAsync<T>(string view, DateOnly month, string scope, Func<Task<T>> compute)
        where T : notnull;
}
