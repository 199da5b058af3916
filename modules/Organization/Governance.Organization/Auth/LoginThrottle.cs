namespace Governance.Organization.Auth;

/// <summary>
/// 登录防暴力破解: failed sign-ins are counted per key, and a key that keeps failing waits before its next attempt —
/// <see cref="OrganizationOptions.LoginDelay"/> after its free failures, doubling with each further failure up to the
/// key's cap. The keys: this account from this address (5 free, the usual guessing); this address for any account
/// (20 free, one machine trying many names); this account from anywhere (20 free, an attack spread over addresses,
/// capped at one minute). A stranger elsewhere therefore cannot lock the owner out: the owner's own pair is untouched
/// and the account-wide wait stays short. Unknown usernames are counted like real ones, so answers reveal nothing.
/// </summary>
internal sealed class LoginThrottle(OrganizationOptions options)
{
    private sealed record Key(string Name, int FreeFailures, TimeSpan MaxDelay);

    private Key[] KeysFor(string username, string address)
    {
        var name = username.Trim().ToLowerInvariant();
        return
        [
            new($"pair:{name}|{address}", options.LoginFreeFailures, options.LoginMaxDelay),
            new($"address:{address}", options.LoginAccountFreeFailures, options.LoginMaxDelay),
            new($"account:{name}", options.LoginAccountFreeFailures, options.LoginAccountMaxDelay),
        ];
    }

    /// <summary>How long the attempt must wait (null: it may go ahead).</summary>
    public async Task<TimeSpan?> WaitAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string username, string address, DateTime now, CancellationToken ct)
    {
        var until = await c.ExecuteScalarAsync<DateTime?>(new CommandDefinition("""
            select max(blocked_until) from organization.login_failures
            where key = any(@keys) and blocked_until > @now
            """, new { keys = Names(KeysFor(username, address)), now }, tx, cancellationToken: ct));
        return until is { } u ? u - now : null;
    }

    /// <summary>Counts a failure on every key (a key quiet for <see cref="OrganizationOptions.LoginFailureMemory"/>
    /// starts again) and sets each key's wait.</summary>
    public async Task FailedAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string username, string address, DateTime now, CancellationToken ct)
    {
        var keys = KeysFor(username, address);
        var counts = (await c.QueryAsync<(string Key, int Failures)>(new CommandDefinition("""
            insert into organization.login_failures as f (key, failures, last_failed_at)
            select k, 1, @now from unnest(@keys) k
            on conflict (key) do update
                set failures = case when f.last_failed_at < @forgetBefore then 1 else f.failures + 1 end,
                    last_failed_at = @now
            returning key, failures
            """, new { keys = Names(keys), now, forgetBefore = now - options.LoginFailureMemory },
            tx, cancellationToken: ct))).ToDictionary(r => r.Key, r => r.Failures);
        // seconds to wait per key (0: none); an array of nullable DateTimes cannot be sent with one Kind
        var waits = keys
            .Select(k => Delay(counts[k.Name], k.FreeFailures, options.LoginDelay, k.MaxDelay)?.TotalSeconds ?? 0)
            .ToArray();
        await c.ExecuteAsync(new CommandDefinition("""
            update organization.login_failures f
            set blocked_until = case when w.seconds > 0 then @now + make_interval(secs => w.seconds) end
            from unnest(@keys, @waits) as w(key, seconds) where f.key = w.key
            """, new { keys = Names(keys), waits, now }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// A successful sign-in clears the account's own counts (not the address's: other names tried there).
    /// </summary>
    public Task SucceededAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string username, string address, CancellationToken ct)
    {
        var own = KeysFor(username, address).Where(k => !k.Name.StartsWith("address:", StringComparison.Ordinal));
        return c.ExecuteAsync(new CommandDefinition("delete from organization.login_failures where key = any(@keys)",
            new { keys = Names(own) }, tx, cancellationToken: ct));
    }

    private static string[] Names(IEnumerable<Key> keys) => keys.Select(k => k.Name).ToArray();

    /// <summary>
    /// An administrator's 解除锁定 (enabling the account): every count of this account, from every address.
    /// </summary>
    public static Task ReleaseAsync(NpgsqlConnection c, NpgsqlTransaction tx, string username, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("""
            delete from organization.login_failures
            where key = 'account:' || @name or starts_with(key, 'pair:' || @name || '|')
            """, new { name = username.Trim().ToLowerInvariant() }, tx, cancellationToken: ct));

    /// <summary>The wait after <paramref name="failures"/> failures: none while free, then base, 2×base, 4×base … ≤
    /// max.
    /// </summary>
    public static TimeSpan? Delay(int failures, int free, TimeSpan delay, TimeSpan max)
    {
        if (failures <= free) return null;
        var doublings = Math.Min(failures - free - 1, 30);
        var wait = delay * Math.Pow(2, doublings);
        return wait > max ? max : wait;
    }
}
