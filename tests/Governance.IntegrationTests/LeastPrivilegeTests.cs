using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// The API's own database connection (the one it serves requests with) is a login role that is not a superuser and owns
/// nothing; it reads and writes module tables, but the audit trail is append-only by privilege, and schema changes,
/// migration journals and trigger switches are out of its reach.
/// </summary>
public class LeastPrivilegeTests : IntegrationTest
{
    private async Task<NpgsqlConnection> ApiConnectionAsync() =>
        await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

    [Test]
    public async Task The_API_connects_as_a_role_that_is_no_superuser_and_owns_nothing()
    {
        await using var c = await ApiConnectionAsync();
        var (user, superuser, owned) = await c.QuerySingleAsync<(string, bool, long)>("""
            select current_user::text, r.rolsuper,
                   (select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_namespace
                       where nspowner = r.oid)
            from pg_roles r where r.rolname = current_user
            """);
        Assert.That((user, superuser, owned), Is.EqualTo((TestDatabase.AppRole, false, 0L)));
        // and it does its work: the demo county was generated through it, and it reads and writes module tables
        Assert.That(await c.ExecuteScalarAsync<long>("select count(*) from organization.users"), Is.GreaterThan(0));
        Assert.That(await c.ExecuteAsync("""
            update organization.users set display_name = display_name where username = 'admin'
            """), Is.EqualTo(1));
    }

    [TestCase("update audit.entries set actor_name = 'someone else'")]
    [TestCase("delete from audit.entries")]
    [TestCase("truncate audit.entries")]
    [TestCase("alter table audit.entries disable trigger user")]
    [TestCase("update enforcement.case_evidence set title = 'swapped'")]
    [TestCase("delete from enforcement.evidence_files")]
    [TestCase("update enforcement.preservation_decisions set outcome = 'released'")]
    [TestCase("delete from enforcement.fault_records")]
    [TestCase("update enforcement.satisfaction_surveys set satisfied = respondents")]
    [TestCase("update staffing.ledger_lines set approved_delta = approved_delta + 1")]
    [TestCase("delete from staffing.ledger_lines")]
    [TestCase("update evaluation.finding_events set note = 'what was never said'")]
    [TestCase("delete from evaluation.finding_events")]
    [TestCase("drop table notifications.reads")]
    [TestCase("create table organization.extra (id int)")]
    [TestCase("insert into organization.schema_migrations (name) values ('9999_forged')")]
    [TestCase("delete from service_centre.schema_migrations")]
    public async Task What_the_API_role_may_not_do_is_refused_by_privilege(string sql)
    {
        await App.LoginAsync("admin"); // at least one audit row (the login)
        await using var c = await ApiConnectionAsync();
        var e = Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(sql));
        Assert.That(e!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege), e.MessageText);
        // the privilege system refused it, not the audit trail's trigger (which a superuser could switch off)
        Assert.That(e.MessageText, Does.StartWith("permission denied").Or.StartWith("must be owner"));
    }

    [Test]
    public async Task The_audit_trail_takes_new_rows_and_is_readable_through_the_API_role()
    {
        var admin = await App.LoginAsync("admin");
        await using var c = await ApiConnectionAsync();
        var rows = await c.ExecuteScalarAsync<long>("select count(*) from audit.entries");
        Assert.That(rows, Is.GreaterThan(0), "the login was written through the API role");
        await Read<JsonElement>(await admin.GetAsync("/api/v1/audit/verify"));
    }
}
