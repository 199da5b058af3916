using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.SharedKernel.Database;

/// <summary>
/// Bounds of the optional read replica (ConnectionStrings:GovernanceReplica): how far behind the primary it may be
/// and still serve reports, and how often its state is polled.
/// </summary>
public sealed class ReplicaOptions
{
    public double MaxLagSeconds { get; set; } = 5;
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long a caller's reports stay on the primary after it sent a change: the replica may be up to
    /// <see cref="MaxLagSeconds"/> behind, and its state is up to two polls old.</summary>
    public TimeSpan ReadYourWritesWindow =>
        TimeSpan.FromSeconds(MaxLagSeconds) + TimeSpan.FromMilliseconds(2 * PollMilliseconds) + TimeSpan.FromSeconds(1);
}

/// <summary>
/// A PostgreSQL streaming replica (hot standby) for reporting reads, polled in the background: it is usable while it
/// answers, is still a standby, and has replayed the primary's WAL up to a position the primary had at most
/// <see cref="ReplicaOptions.MaxLagSeconds"/> ago. Without a replica configured it is never usable and every read goes
/// to the primary.
/// </summary>
/// <remarks>
/// Lag is measured against the primary's own WAL positions, sampled at each poll: the replica is as current as the
/// newest sample its replay position has reached. PostgreSQL's usual standby-side estimate (the age of the last
/// replayed commit while WAL is pending) reads an idle hour as an hour of lag the moment a new commit arrives, and a
/// standby cut off from an idle primary looks current; neither happens here, and the API's login needs no monitoring
/// role (pg_current_wal_lsn and pg_last_wal_replay_lsn are open to every role).
/// </remarks>
public sealed class ReadReplica(NpgsqlDataSource primary, NpgsqlDataSource? source, IOptions<ReplicaOptions> options,
    ILogger<ReadReplica> log) : BackgroundService
{
    private readonly Queue<(long At, decimal Lsn)> _samples = new();
    private readonly SemaphoreSlim _polling = new(1, 1);
    private volatile bool _usable;

    public NpgsqlDataSource? Source => source;

    /// <summary>Whether reports may go to the replica now (as of the last poll).</summary>
    public bool Usable => _usable && source is not null;

    /// <summary>The replica's lag in seconds at the last poll (to the poll's precision); null when it was unreachable,
    /// not a standby, or behind every sample kept.</summary>
    public double? LagSeconds { get; private set; }

    private const string PrimarySql = "select pg_current_wal_lsn() - '0/0'::pg_lsn";
    private const string ReplicaSql =
        "select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() - '0/0'::pg_lsn end";

    /// <summary>Polls once; the hosted loop calls it, and tests that must not wait for a poll.</summary>
    public async Task PollAsync(CancellationToken ct)
    {
        if (source is null) return;
        await _polling.WaitAsync(ct);
        try { await MeasureAsync(source, ct); }
        finally { _polling.Release(); }
        var usable = LagSeconds <= options.Value.MaxLagSeconds;
        if (usable != _usable)
            log.LogInformation("Read replica {State} (lag {Lag} s)", usable ? "in use" : "not used", LagSeconds);
        _usable = usable;
    }

    private async Task MeasureAsync(NpgsqlDataSource replica, CancellationToken ct)
    {
        LagSeconds = null;
        try
        {
            // the primary first: a replay position at or past it means the replica has all committed before now
            decimal current;
            await using (var p = await primary.OpenConnectionAsync(ct))
                current = await p.ExecuteScalarAsync<decimal>(new CommandDefinition(PrimarySql, cancellationToken: ct));
            var now = Environment.TickCount64;
            _samples.Enqueue((now, current));
            // twice the bound: a lag just over it is still measured (and logged), not only "behind every sample"
            var keep = (long)(2 * options.Value.MaxLagSeconds * 1000) + 2L * options.Value.PollMilliseconds;
            while (_samples.Peek().At < now - keep) _samples.Dequeue();

            await using var c = await replica.OpenConnectionAsync(ct);
            var replayed = await c.ExecuteScalarAsync<decimal?>(new CommandDefinition(ReplicaSql,
                cancellationToken: ct));
            var reached = _samples.Where(x => x.Lsn <= replayed).Select(x => (long?)x.At).LastOrDefault();
            if (reached is not null) LagSeconds = (now - reached.Value) / 1000.0;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // unreachable (or the primary is: then nothing is served anyway): not usable until a poll succeeds
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (source is null) return;
        var every = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            await PollAsync(stoppingToken);
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
