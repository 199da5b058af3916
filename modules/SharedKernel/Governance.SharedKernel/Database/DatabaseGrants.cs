using System.Text;
using Microsoft.Extensions.Logging;

namespace Governance.SharedKernel.Database;

/// <summary>
/// Least privilege for the API's login role. Migrations run as the owner role; the runtime role then gets what the
/// modules need and no more: reading and writing their tables and sequences, reading and appending to the append-only
/// tables (the audit trail refuses UPDATE and DELETE by privilege, not only by a trigger a superuser could switch off),
/// reading the migration journals. It owns nothing, so it cannot alter, drop or truncate a table or disable a trigger.
/// Re-run after every migration run (idempotent), so a table a new migration adds is covered at once.
/// </summary>
public static class DatabaseGrants
{
    public static async Task ApplyAsync(
        NpgsqlConnection owner, string runtimeRole, IEnumerable<ModuleMigrations> modules, ILogger logger,
        CancellationToken ct)
    {
        var role = Quote(runtimeRole);
        var sql = new StringBuilder();
        sql.AppendLine($"grant connect on database {Quote(owner.Database)} to {role};");
        foreach (var m in modules)
        {
            var schema = Quote(m.Schema);
            sql.AppendLine($"""
                grant usage on schema {schema} to {role};
                grant select, insert, update, delete on all tables in schema {schema} to {role};
                grant usage, select on all sequences in schema {schema} to {role};
                revoke insert, update, delete, truncate on {schema}.schema_migrations from {role};
                """);
            foreach (var table in m.AppendOnly)
                sql.AppendLine($"revoke update, delete, truncate on {schema}.{Quote(table)} from {role};");
        }
        await owner.ExecuteAsync(new CommandDefinition(sql.ToString(), cancellationToken: ct));
        logger.LogInformation("Granted the runtime role {Role} its privileges on {Count} module schemas",
            runtimeRole, modules.Count());
    }

    /// <summary>Whether the role the API connects as is a superuser or owns anything — logged as a warning at
    /// start-up.</summary>
    public static async Task<(bool Superuser, long Owned)> InspectAsync(NpgsqlConnection c, CancellationToken ct) =>
        await c.QuerySingleAsync<(bool, long)>(new CommandDefinition("""
            select r.rolsuper,
                   (select count(*) from pg_class where relowner = r.oid)
                   + (select count(*) from pg_namespace where nspowner = r.oid)
            from pg_roles r where r.rolname = current_user
            """, cancellationToken: ct));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
