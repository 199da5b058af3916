using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Governance.SharedKernel.Database;

/// <summary>A module's migrations: embedded <c>Database/Migrations/NNNN_name.sql</c> files (or another folder's) applied to its own schema.</summary>
public sealed record ModuleMigrations(string Schema, Assembly Assembly, string Folder = "Database/Migrations")
{
    public IReadOnlyList<(string Name, string Sql)> Scripts()
    {
        var marker = $".{Folder.Replace('/', '.')}.";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^4], Resource: n))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s =>
            {
                using var stream = Assembly.GetManifestResourceStream(s.Resource)!;
                using var reader = new StreamReader(stream);
                return (s.Name, reader.ReadToEnd());
            })
            .ToList();
    }
}

/// <summary>
/// Forward-only migration runner: one advisory lock for the whole run (so two processes never race),
/// a journal table per schema, and one transaction per script (a failing script leaves no trace).
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    private const long LockKey = 0x60_7E_12_4A; // arbitrary, constant for this application

    public async Task<int> ApplyAsync(IEnumerable<ModuleMigrations> modules, CancellationToken ct = default)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: ct));
        var applied = 0;
        try
        {
            foreach (var module in modules)
            {
                await c.ExecuteAsync(new CommandDefinition($"""
                    create schema if not exists {module.Schema};
                    create table if not exists {module.Schema}.schema_migrations (
                        name text primary key,
                        applied_at timestamptz not null default now());
                    """, cancellationToken: ct));
                var done = (await c.QueryAsync<string>(new CommandDefinition(
                    $"select name from {module.Schema}.schema_migrations", cancellationToken: ct))).ToHashSet();

                foreach (var (name, sql) in module.Scripts().Where(s => !done.Contains(s.Name)))
                {
                    await using var tx = await c.BeginTransactionAsync(ct);
                    // no command timeout: a script that backfills a large table runs as long as it must (0008 of service_centre
                    // took minutes over 11 M applications); stopping the application cancels it, and it rolls back
                    await c.ExecuteAsync(new CommandDefinition(sql, transaction: tx, commandTimeout: 0, cancellationToken: ct));
                    await c.ExecuteAsync(new CommandDefinition(
                        $"insert into {module.Schema}.schema_migrations (name) values (@name)", new { name }, tx, cancellationToken: ct));
                    await tx.CommitAsync(ct);
                    logger.LogInformation("Applied migration {Schema}/{Name}", module.Schema, name);
                    applied++;
                }
            }
        }
        finally
        {
            await c.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
        return applied;
    }
}
