using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Governance.SharedKernel.Database;

/// <summary>
/// A module's migrations: embedded <c>Database/Migrations/NNNN_name.sql</c> files (or another folder's) applied to its
/// own schema.
/// </summary>
public sealed record ModuleMigrations(string Schema, Assembly Assembly, string Folder = "Database/Migrations")
{
    /// <summary>
    /// Tables the API may only read and append to (the audit trail): no UPDATE or DELETE by privilege.
    /// </summary>
    public IReadOnlyList<string> AppendOnly { get; init; } = [];

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
/// a journal table per schema, and one transaction per script (a failing script leaves no trace). The journal keeps
/// each script's SHA-256, so an applied script edited afterwards stops start-up instead of silently diverging.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    private const long LockKey = 0x60_7E_12_4A; // arbitrary, constant for this application

    public async Task<int> ApplyAsync(IEnumerable<ModuleMigrations> modules, CancellationToken ct = default)
    {
        var plan = modules.Select(m => (Module: m, Scripts: m.Scripts())).ToList();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@LockKey)", new { LockKey },
            cancellationToken: ct));
        var applied = 0;
        try
        {
            // every journal is checked before any script runs: a changed script anywhere means nothing is applied
            var done = new Dictionary<string, HashSet<string>>();
            foreach (var (module, scripts) in plan)
                done[module.Schema] = await VerifyJournalAsync(c, module.Schema, scripts, ct);

            foreach (var (module, scripts) in plan)
            {
                foreach (var (name, sql) in scripts.Where(s => !done[module.Schema].Contains(s.Name)))
                {
                    await using var tx = await c.BeginTransactionAsync(ct);
                    // no command timeout: a script that backfills a large table runs as long as it must (0008 of
                    // service_centre took minutes over 11 M applications); stopping the application cancels it, and it
                    // rolls back
                    await c.ExecuteAsync(new CommandDefinition(sql, transaction: tx, commandTimeout: 0,
                        cancellationToken: ct));
                    await c.ExecuteAsync(new CommandDefinition(
                        $"insert into {module.Schema}.schema_migrations (name, checksum) values (@name, @checksum)",
                        new { name, checksum = Checksum(sql) }, tx, cancellationToken: ct));
                    await tx.CommitAsync(ct);
                    logger.LogInformation("Applied migration {Schema}/{Name}", module.Schema, name);
                    applied++;
                }
            }
        }
        finally
        {
            await c.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(@LockKey)", new { LockKey },
                cancellationToken: CancellationToken.None));
        }
        return applied;
    }

    /// <summary>
    /// Creates the journal if needed, fills missing checksums, refuses changed scripts; returns the applied names.
    /// </summary>
    private static async Task<HashSet<string>> VerifyJournalAsync(
        NpgsqlConnection c, string schema, IReadOnlyList<(string Name, string Sql)> scripts, CancellationToken ct)
    {
        // journals created before checksums existed get the column added in place
        await c.ExecuteAsync(new CommandDefinition($"""
            create schema if not exists {schema};
            create table if not exists {schema}.schema_migrations (
                name text primary key,
                applied_at timestamptz not null default now());
            alter table {schema}.schema_migrations add column if not exists checksum text;
            """, cancellationToken: ct));
        var journal = (await c.QueryAsync<(string Name, string? Checksum)>(new CommandDefinition(
            $"select name, checksum from {schema}.schema_migrations", cancellationToken: ct))).ToList();
        var current = scripts.ToDictionary(s => s.Name, s => Checksum(s.Sql));

        foreach (var (name, stored) in journal)
        {
            if (stored is null || !current.TryGetValue(name, out var now) || stored == now) continue;
            throw new InvalidOperationException(
                $"Migration {schema}/{name} was changed after it was applied: the journal holds checksum {stored}, " +
                $"the script now has {now}. Migrations are forward-only: restore the applied text and write a new " +
                "script instead.");
        }
        // rows applied before checksums existed: the current text is the best record there is of what ran
        var legacy = journal.Where(j => j.Checksum is null && current.ContainsKey(j.Name))
            .Select(j => j.Name).ToArray();
        if (legacy.Length > 0)
        {
            await c.ExecuteAsync(new CommandDefinition(
                $"update {schema}.schema_migrations set checksum = @checksum where name = @name and checksum is null",
                legacy.Select(name => new { name, checksum = current[name] }), cancellationToken: ct));
        }
        return journal.Select(j => j.Name).ToHashSet();
    }

    /// <summary>
    /// SHA-256 (hex) of a script's text; line endings normalised so a Windows checkout does not count as a change.
    /// </summary>
    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}
