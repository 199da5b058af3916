using Governance.SharedKernel.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

public class MigrationTests : IntegrationTest
{
    private static ModuleMigrations[] All => Governance.Api.Startup.Migrations;

    [Test]
    public async Task Re_running_migrations_applies_nothing_and_keeps_the_data()
    {
        var users = await Scalar<long>("select count(*) from organization.users");
        await using var owner = NpgsqlDataSource.Create(TestDatabase.OwnerConnectionString);
        var runner = new MigrationRunner(owner,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);
        Assert.That(await runner.ApplyAsync(All), Is.Zero);
        Assert.That(await Scalar<long>("select count(*) from organization.users"), Is.EqualTo(users));
        var journal = 0L;
        foreach (var m in All) journal += await Scalar<long>($"select count(*) from {m.Schema}.schema_migrations");
        Assert.That(journal, Is.EqualTo(All.Sum(m => m.Scripts().Count)));
    }

    [Test]
    public async Task Concurrent_runners_on_an_empty_database_apply_each_script_once()
    {
        var database = $"gov_mig_{Guid.NewGuid():N}"[..20];
        await using (var c = await App.Db.OpenConnectionAsync()) await c.ExecuteAsync($"create database {database}");
        var cs = new NpgsqlConnectionStringBuilder(
            TestDatabase.SuperuserConnectionString) { Database = database }.ConnectionString;
        await using var ds = NpgsqlDataSource.Create(cs);
        var runners = Enumerable.Range(0, 3)
            .Select(_ => new MigrationRunner(ds,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance));
        var applied = await Task.WhenAll(runners.Select(r => r.ApplyAsync(All)));
        Assert.That(applied.Sum(), Is.EqualTo(All.Sum(m => m.Scripts().Count)));
        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<long>("select count(*) from organization.schema_migrations"),
            Is.EqualTo(All.Single(m => m.Schema == "organization").Scripts().Count));
    }

    [Test]
    public async Task A_failing_script_leaves_no_trace()
    {
        var database = $"gov_mig_{Guid.NewGuid():N}"[..20];
        await using (var c = await App.Db.OpenConnectionAsync()) await c.ExecuteAsync($"create database {database}");
        await using var ds = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(TestDatabase.SuperuserConnectionString) { Database = database }
                .ConnectionString);
        var broken = new ModuleMigrations("broken", typeof(MigrationTests).Assembly, "Fixtures/Broken");
        var runner = new MigrationRunner(ds,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);
        Assert.ThrowsAsync<PostgresException>(() => runner.ApplyAsync([broken]));
        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<bool>("select to_regclass('broken.half_done') is null"), Is.True,
            "the table of the failing script was rolled back");
        Assert.That(await check.ExecuteScalarAsync<long>("select count(*) from broken.schema_migrations"), Is.Zero);
    }

    [Test]
    public async Task A_script_may_outlast_the_connection_command_timeout()
    {
        var database = $"gov_mig_{Guid.NewGuid():N}"[..20];
        await using (var c = await App.Db.OpenConnectionAsync()) await c.ExecuteAsync($"create database {database}");
        await using var ds = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(TestDatabase.SuperuserConnectionString) { Database = database,
                CommandTimeout = 1 }.ConnectionString);
        var slow = new ModuleMigrations("slow", typeof(MigrationTests).Assembly, "Fixtures/Slow");
        var runner = new MigrationRunner(ds,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);
        Assert.That(await runner.ApplyAsync([slow]), Is.EqualTo(1));
        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<bool>("select slept from slow.done"), Is.True);
    }

    [Test]
    public async Task An_applied_script_whose_text_changed_stops_the_run_before_anything_else_runs()
    {
        await using var ds = await NewDatabaseAsync();
        var runner = Runner(ds);
        var applied = new ModuleMigrations("checksum", typeof(MigrationTests).Assembly, "Fixtures/Checksum/Applied");
        Assert.That(await runner.ApplyAsync([applied]), Is.EqualTo(1));

        var edited = new ModuleMigrations("checksum", typeof(MigrationTests).Assembly, "Fixtures/Checksum/Edited");
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => runner.ApplyAsync([edited]));
        var stored = MigrationRunner.Checksum(applied.Scripts()[0].Sql);
        var current = MigrationRunner.Checksum(edited.Scripts()[0].Sql);
        Assert.That(e!.Message, Does.Contain("checksum/0001_things").And.Contain(stored).And.Contain(current)
            .And.Contain("forward-only").And.Contain("new script"));

        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<bool>("select to_regclass('checksum.more_things') is null"), Is.True,
            "0002 did not run");
        Assert.That(await check.QueryAsync<string>("select name || ' ' || checksum from checksum.schema_migrations"),
            Is.EqualTo(new[] { $"0001_things {stored}" }));
    }

    [Test]
    public async Task A_journal_from_before_checksums_gets_the_column_and_the_current_checksums()
    {
        await using var ds = await NewDatabaseAsync();
        var runner = Runner(ds);
        var applied = new ModuleMigrations("checksum", typeof(MigrationTests).Assembly, "Fixtures/Checksum/Applied");
        await runner.ApplyAsync([applied]);
        await using (var c = await ds.OpenConnectionAsync())
            await c.ExecuteAsync("alter table checksum.schema_migrations drop column checksum"); // as journals were

        Assert.That(await runner.ApplyAsync([applied]), Is.Zero);
        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<string>(
                "select checksum from checksum.schema_migrations where name = '0001_things'"),
            Is.EqualTo(MigrationRunner.Checksum(applied.Scripts()[0].Sql)));
    }

    private static MigrationRunner Runner(NpgsqlDataSource ds) =>
        new(ds, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);

    private async Task<NpgsqlDataSource> NewDatabaseAsync()
    {
        var database = $"gov_mig_{Guid.NewGuid():N}"[..20];
        await using (var c = await App.Db.OpenConnectionAsync()) await c.ExecuteAsync($"create database {database}");
        return NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(
                TestDatabase.SuperuserConnectionString) { Database = database }.ConnectionString);
    }
}
