using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Governance.Organization.Auth;

/// <summary>
/// Resolved sessions and API tokens, kept for a few seconds (<see cref="OrganizationOptions.CredentialCacheTtl"/>) so
/// a request does not pay a database round trip to learn who is calling. Correctness rests on eviction, not on the
/// TTL: every change that ends or alters a credential sends a notice on commit (migration 0002's triggers), which
/// <see cref="CredentialListener"/> hears on every API instance; the instance that made the change also evicts at
/// once. While the listener is not connected the cache is not used at all (notices could be missed), and on every
/// (re)connect it starts empty. Expiry is still checked on every hit by the caller, against the injected clock.
/// </summary>
internal sealed class CredentialCache(IOptions<OrganizationOptions> options)
{
    public const string Channel = "organization_credentials";

    /// <summary>What a lookup found; <see cref="LastUsedAt"/>: a token's last recorded use.</summary>
    internal sealed record Entry(CallerPrincipal Principal, DateTime ExpiresAt, long CachedAt)
    {
        public DateTime? LastUsedAt { get; set; }
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly long _ttl = (long)options.Value.CredentialCacheTtl.TotalMilliseconds;
    private long _epoch;
    private volatile bool _live;

    /// <summary>True while the listener is connected and the cache may be used.</summary>
    public bool IsLive => _live && _ttl > 0;

    public bool Holds(string key) => _entries.ContainsKey(key);

    public static string SessionKey(byte[] hash) => "s:" + Convert.ToHexStringLower(hash);

    public static string TokenKey(byte[] hash) => "t:" + Convert.ToHexStringLower(hash);

    /// <summary>Read before a database lookup and handed to <see cref="Store"/>: an eviction in between wins.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    public bool TryGet(string key, out Entry entry)
    {
        entry = null!;
        if (!IsLive || !_entries.TryGetValue(key, out var found)) return false;
        if (Environment.TickCount64 - found.CachedAt > _ttl)
        {
            _entries.TryRemove(KeyValuePair.Create(key, found));
            return false;
        }
        entry = found;
        return true;
    }

    /// <summary>
    /// Keeps what a lookup that began at <paramref name="epoch"/> found, unless anything was evicted since: the lookup
    /// may have read the row before the change that evicted it committed.
    /// </summary>
    public void Store(string key, CallerPrincipal principal, DateTime expiresAt, DateTime? lastUsedAt, long epoch)
    {
        if (!IsLive || Epoch != epoch) return;
        _entries[key] = new Entry(principal, expiresAt, Environment.TickCount64) { LastUsedAt = lastUsedAt };
        // an eviction that raced with the line above has bumped the epoch first: undo rather than keep a stale entry
        if (Epoch != epoch || !IsLive) _entries.TryRemove(key, out _);
    }

    public void Evict(string key)
    {
        Interlocked.Increment(ref _epoch);
        _entries.TryRemove(key, out _);
    }

    public void EvictUser(Guid userId)
    {
        Interlocked.Increment(ref _epoch);
        foreach (var (key, entry) in _entries)
            if (entry.Principal.TokenId is null && entry.Principal.Id == userId) _entries.TryRemove(key, out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }

    /// <summary>A notice from the channel (migration 0002): s:/t: + hash, u: + user id, or * for everything.</summary>
    public void OnNotice(string payload)
    {
        if (payload.StartsWith("s:", StringComparison.Ordinal) || payload.StartsWith("t:", StringComparison.Ordinal))
            Evict(payload);
        else if (payload.StartsWith("u:", StringComparison.Ordinal) && Guid.TryParse(payload.AsSpan(2), out var userId))
            EvictUser(userId);
        else
            Clear(); // '*' or anything not understood: forget everything rather than risk a stale credential
    }

    /// <summary>The listener is listening: start from nothing (notices may have been missed), then serve.</summary>
    public void Connected()
    {
        Clear();
        _live = true;
    }

    /// <summary>The listener lost its connection: stop serving from the cache until it is back.</summary>
    public void Disconnected()
    {
        _live = false;
        Clear();
    }
}
