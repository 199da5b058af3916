using System.Threading.RateLimiting;

namespace Governance.Api;

/// <summary>
/// One machine token's fixed window (<see cref="Hosting.AddMachineRateLimiting"/>): at most <c>permits</c> requests in
/// a window that opens with the first request. A refusal says exactly when the window reopens — the framework's
/// <see cref="FixedWindowRateLimiter"/> always answers a whole window (Retry-After 60 however close the reset), which
/// makes a well-behaved script wait longer than it must.
/// </summary>
internal sealed class TokenWindowLimiter(int permits, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _opened = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>How long the limiter has had nothing to count (its window over): the partitioned limiter drops idle
    /// ones.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var idle = clock.GetUtcNow() - _opened - window;
                return idle > TimeSpan.Zero ? idle : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _opened >= window) (_opened, _used) = (now, 0);
            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Granted;
            }
            return new Lease(_opened + window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => IsAcquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return !IsAcquired && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
