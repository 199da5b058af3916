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
        var runner = App.Services.GetRequiredService<MigrationRunner>();
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
        var cs = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = database }.ConnectionString;
        await using var ds = NpgsqlDataSource.Create(cs);
        var runners = Enumerable.Range(0, 3).Select(_ => new MigrationRunner(ds, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance));
        var applied = await Task.WhenAll(runners.Select(r => r.ApplyAsync(All)));
        Assert.That(applied.Sum(), Is.EqualTo(All.Sum(m => m.Scripts().Count)));
        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<long>("select count(*) from organization.schema_migrations"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failing_script_leaves_no_trace()
    {
        var database = $"gov_mig_{Guid.NewGuid():N}"[..20];
        await using (var c = await App.Db.OpenConnectionAsync()) await c.ExecuteAsync($"create database {database}");
        await using var ds = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = database }.ConnectionString);
        var broken = new ModuleMigrations("broken", typeof(MigrationTests).Assembly, "Fixtures/Broken");
        var runner = new MigrationRunner(ds, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);
        Assert.ThrowsAsync<PostgresException>(() => runner.ApplyAsync([broken]));
        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<bool>("select to_regclass('broken.half_done') is null"), Is.True, "the table of the failing script was rolled back");
        Assert.That(await check.ExecuteScalarAsync<long>("select count(*) from broken.schema_migrations"), Is.Zero);
    }

    [Test]
    public async Task A_script_may_outlast_the_connection_command_timeout()
    {
        var database = $"gov_mig_{Guid.NewGuid():N}"[..20];
        await using (var c = await App.Db.OpenConnectionAsync()) await c.ExecuteAsync($"create database {database}");
        await using var ds = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = database, CommandTimeout = 1 }.ConnectionString);
        var slow = new ModuleMigrations("slow", typeof(MigrationTests).Assembly, "Fixtures/Slow");
        var runner = new MigrationRunner(ds, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);
        Assert.That(await runner.ApplyAsync([slow]), Is.EqualTo(1));
        await using var check = await ds.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<bool>("select slept from slow.done"), Is.True);
    }
}
