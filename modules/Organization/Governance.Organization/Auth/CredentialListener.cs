using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Organization.Auth;

/// <summary>
/// Holds one connection with LISTEN on <see cref="CredentialCache.Channel"/> and evicts what each notice names. The
/// cache is used only while this connection is up: on (re)connect it is cleared, on any failure it is switched off
/// until the next connect. A quiet connection is pinged every few seconds, so a dead one is noticed.
/// </summary>
internal sealed class CredentialListener(
    NpgsqlDataSource db, CredentialCache cache, IOptions<OrganizationOptions> options, ILogger<CredentialListener> log)
    : BackgroundService
{
    public const string ApplicationName = "governance-credential-listener";
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5), Retry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CredentialCacheTtl <= TimeSpan.Zero) return; // the cache is off: every request asks the db
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var c = await db.OpenConnectionAsync(stoppingToken);
                c.Notification += (_, e) => cache.OnNotice(e.Payload);
                await c.ExecuteAsync(new CommandDefinition(
                    $"set application_name = '{ApplicationName}'; listen {CredentialCache.Channel}",
                    cancellationToken: stoppingToken));
                cache.Connected();
                while (true)
                {
                    if (!await c.WaitAsync(Ping, stoppingToken))
                        await c.ExecuteAsync(new CommandDefinition(
                            "select 1", commandTimeout: 5, cancellationToken: stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Credential listener lost its connection; the cache is off until it reconnects");
            }
            finally
            {
                cache.Disconnected();
            }
            try { await Task.Delay(Retry, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
