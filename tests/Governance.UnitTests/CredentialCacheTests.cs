using Governance.Organization;
using Governance.Organization.Auth;
using Microsoft.Extensions.Options;

namespace Governance.UnitTests;

/// <summary>The credential cache's rules: used only while the listener is live, and an eviction always wins.</summary>
public class CredentialCacheTests
{
    private static readonly CallerPrincipal User = new(Guid.NewGuid(), "t01_staff", "township_staff", Guid.NewGuid(),
        "/990000000000/", "csrf", null, null);

    private static readonly DateTime Expires = DateTime.UtcNow.AddHours(1);

    private static CredentialCache Live(TimeSpan? ttl = null)
    {
        var options = new OrganizationOptions { CredentialCacheTtl = ttl ?? TimeSpan.FromSeconds(30) };
        var cache = new CredentialCache(Options.Create(options));
        cache.Connected();
        return cache;
    }

    [Test]
    public void Nothing_is_kept_or_served_while_the_listener_is_not_connected()
    {
        var cache = new CredentialCache(Options.Create(new OrganizationOptions()));
        cache.Store("s:1", User, Expires, null, cache.Epoch);
        Assert.That(cache.TryGet("s:1", out _), Is.False);

        cache.Connected();
        cache.Store("s:1", User, Expires, null, cache.Epoch);
        Assert.That(cache.TryGet("s:1", out _), Is.True);
        cache.Disconnected();
        Assert.That(cache.TryGet("s:1", out _), Is.False);
        cache.Connected();
        Assert.That(cache.TryGet("s:1", out _), Is.False, "a reconnect starts empty: notices may have been missed");
    }

    [Test]
    public void A_lookup_that_began_before_an_eviction_is_not_kept()
    {
        var cache = Live();
        var epoch = cache.Epoch; // the lookup begins, reads the row…
        cache.OnNotice("s:2"); // …a revocation of any credential commits meanwhile
        cache.Store("s:1", User, Expires, null, epoch);
        Assert.That(cache.TryGet("s:1", out _), Is.False);
    }

    [Test]
    public void Notices_evict_sessions_tokens_users_or_everything()
    {
        var cache = Live();
        var token = User with { Id = Guid.NewGuid(), TokenId = Guid.NewGuid() };
        void Fill()
        {
            cache.Store("s:aa", User, Expires, null, cache.Epoch);
            cache.Store("s:bb", User, Expires, null, cache.Epoch);
            cache.Store("t:cc", token, Expires, null, cache.Epoch);
        }
        Fill();
        cache.OnNotice("s:aa");
        Assert.That((cache.Holds("s:aa"), cache.Holds("s:bb"), cache.Holds("t:cc")), Is.EqualTo((false, true, true)));
        cache.OnNotice("t:cc");
        Assert.That(cache.Holds("t:cc"), Is.False);
        Fill();
        cache.OnNotice("u:" + User.Id);
        Assert.That((cache.Holds("s:aa"), cache.Holds("s:bb"), cache.Holds("t:cc")), Is.EqualTo((false, false, true)),
            "every session of the user, not the token");
        Fill();
        cache.OnNotice("*");
        Assert.That((cache.Holds("s:aa"), cache.Holds("s:bb"), cache.Holds("t:cc")), Is.EqualTo((false, false, false)));
    }

    [Test]
    public void An_entry_older_than_the_TTL_is_not_served_and_a_zero_TTL_turns_the_cache_off()
    {
        var cache = Live(TimeSpan.FromMilliseconds(1));
        cache.Store("s:1", User, Expires, null, cache.Epoch);
        Thread.Sleep(20);
        Assert.That(cache.TryGet("s:1", out _), Is.False);

        var off = Live(TimeSpan.Zero);
        Assert.That(off.IsLive, Is.False);
        off.Store("s:1", User, Expires, null, off.Epoch);
        Assert.That(off.TryGet("s:1", out _), Is.False);
    }

    [Test]
    public void Session_and_token_keys_never_meet()
    {
        // a session cookie's value presented as a bearer token must not find the session's entry
        var hash = Secrets.Hash("same-secret");
        Assert.That(CredentialCache.SessionKey(hash), Is.Not.EqualTo(CredentialCache.TokenKey(hash)));
    }
}

public class LoginThrottleDelayTests
{
    [TestCase(5, null)]   // within the free failures: no wait
    [TestCase(6, 2)]      // then the base delay
    [TestCase(7, 4)]      // doubling
    [TestCase(9, 16)]
    [TestCase(40, 900)]   // capped at the maximum (15 min)
    public void The_wait_doubles_after_the_free_failures_up_to_the_cap(int failures, int? seconds) =>
        Assert.That(Governance.Organization.Auth.LoginThrottle.Delay(failures, 5, TimeSpan.FromSeconds(2),
            TimeSpan.FromMinutes(15)), Is.EqualTo(seconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null));
}
