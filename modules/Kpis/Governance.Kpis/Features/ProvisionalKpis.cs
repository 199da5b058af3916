using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Governance.Kpis.Features;

/// <summary>
/// <see cref="IProvisionalKpis"/>: entries replaced once stale. Two requests that find one stale at once may both
/// compute it: harmless, the later one wins.
/// </summary>
internal sealed class ProvisionalKpis(TimeProvider clock, IOptions<KpiOptions> options) : IProvisionalKpis
{
    private readonly ConcurrentDictionary<(string View, DateOnly Month, string Scope), (object Figures,
        DateTimeOffset ComputedAt)> _figures = new();

    public async Task<Provisional<T>> GetAsync<T>(string view, DateOnly month, string scope, Func<Task<T>> compute)
        where T : notnull
    {
        var seconds = options.Value.ProvisionalSeconds;
        var now = clock.GetUtcNow();
        if (seconds > 0 && _figures.TryGetValue((view, month, scope), out var kept) && kept.ComputedAt <= now
            && now - kept.ComputedAt < TimeSpan.FromSeconds(seconds) && kept.Figures is T figures)
            return new Provisional<T>(figures, kept.ComputedAt);
        var fresh = await compute();
        if (seconds > 0) _figures[(view, month, scope)] = (fresh, now);
        return new Provisional<T>(fresh, now);
    }
}
