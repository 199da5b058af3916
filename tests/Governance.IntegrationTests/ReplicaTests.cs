using System.Globalization;
using Governance.SharedKernel.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// Reports on a read replica: a real hot standby of the test server (scripts/pg-cluster.sh replica, pg_basebackup and
/// streaming), started for these tests. Exports, KPI figures and open-data reads go to it while it is current; a
/// caller's own change, a lagging or an unreachable replica send them to the primary; X-Served-By says which.
/// </summary>
[NonParallelizable]
public sealed class ReplicaTests : IntegrationTest
{
    private static string? _dir;
    private static string _replica = null!;

    private const string Export = "/api/v1/service-centre/applications/export";

    [OneTimeSetUp]
    public static void StartReplica()
    {
        var primary = new NpgsqlConnectionStringBuilder(TestDatabase.SuperuserConnectionString);
        var port = TestDatabase.FreePort();
        _dir = Path.Combine(Path.GetTempPath(), $"gov-replica-{Guid.NewGuid():N}");
        TestDatabase.Run(Path.Combine(TestDatabase.RepoRoot, "scripts/pg-cluster.sh"),
            $"replica {_dir} {port} {primary.Port} --throwaway");
        _replica = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Port = port }.ConnectionString;
    }

    [OneTimeTearDown]
    public static void StopReplica()
    {
        if (_dir is null) return;
        TestDatabase.Run(Path.Combine(TestDatabase.RepoRoot, "scripts/pg-cluster.sh"), $"stop {_dir}");
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (
            UnauthorizedAccessException) { }
    }

    private static TestApp WithReplica(string name, string connectionString) => TestApp.Get(name,
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:GovernanceReplica"] = connectionString,
            ["Database:Replica:MaxLagSeconds"] = "1",
            ["Database:Replica:PollMilliseconds"] = "100",
        });

    protected override TestApp CreateApp() => WithReplica("replica", _replica);

    private ReadReplica Replica => App.Services.GetRequiredService<ReadReplica>();

    /// <summary>Polls until the replica is (or is not) usable: it has replayed the reset and the demo county.</summary>
    private async Task Until(bool usable)
    {
        for (var i = 0; i < 300 && Replica.Usable != usable; i++)
        {
            await Task.Delay(100);
            await Replica.PollAsync(CancellationToken.None);
        }
        Assert.That(Replica.Usable, Is.EqualTo(usable), $"replica usable (lag {Replica.LagSeconds} s)");
    }

    private static string ServedBy(HttpResponseMessage response) =>
        string.Join(", ", response.Headers.GetValues(ReportingDatabase.Header));

    [Test]
    public async Task An_export_comes_from_a_current_replica_with_the_same_rows_as_the_primary()
    {
        await Until(usable: true);
        var clerk = await App.LoginAsync("t01_window");
        var fromReplica = await clerk.GetAsync(Export);
        Assert.That(fromReplica.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ServedBy(fromReplica), Is.EqualTo("replica"));

        // the same export from an API without a replica: the same file
        var direct = await (await TestApp.Get().LoginAsync("t01_window")).GetAsync(Export);
        Assert.That(ServedBy(direct), Is.EqualTo("primary"));
        Assert.That(await fromReplica.Content.ReadAsStringAsync(), Is.EqualTo(await direct.Content.ReadAsStringAsync())
            .And.Contains("\n"), "header and rows");
    }

    [Test]
    public async Task A_callers_own_change_is_read_back_from_the_primary_and_others_read_the_replica()
    {
        await Until(usable: true);
        var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var revisions = $"/api/v1/kpis/revisions?module=service_centre&month={month}";
        var admin = await App.LoginAsync("admin");
        var other = await App.LoginAsync("bianban");
        // freezing the month is a write: wait until the replica could have it, so only the revision below counts
        await Read<JsonElement>(await admin.GetAsync(revisions));
        await Task.Delay(App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReplicaOptions>>()
            .Value.ReadYourWritesWindow);
        Assert.That(ServedBy(await other.GetAsync(revisions)), Is.EqualTo("replica"));

        // a change: it goes to the primary (the replica refuses writes), and its author's next report reads there
        await Read<JsonElement>(await admin.PostAsJsonAsync(revisions, new { reason = "复核后重新冻结" }));
        var own = await admin.GetAsync(revisions);
        Assert.That(ServedBy(own), Is.EqualTo("primary"));
        Assert.That(ServedBy(await other.GetAsync(revisions)), Is.EqualTo("replica"));
    }

    [Test]
    public async Task A_replica_that_lags_behind_the_bound_is_left_out_until_it_catches_up()
    {
        await Until(usable: true);
        var replicaAsSuperuser = new NpgsqlConnectionStringBuilder(TestDatabase.SuperuserConnectionString)
            { Port = new NpgsqlConnectionStringBuilder(_replica).Port }.ConnectionString;
        await using var standby = new NpgsqlConnection(replicaAsSuperuser);
        await standby.OpenAsync();
        await standby.ExecuteAsync("select pg_wal_replay_pause()");
        try
        {
            // a commit on the primary that the paused standby receives but does not replay
            await using (var primary = await App.Db.OpenConnectionAsync())
                await primary.ExecuteAsync("create table public.replica_probe (); drop table public.replica_probe");
            await Until(usable: false);
            Assert.That(Replica.LagSeconds, Is.GreaterThan(1), "measured, over the bound");
            var clerk = await App.LoginAsync("t01_window");
            var response = await clerk.GetAsync(Export);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ServedBy(response), Is.EqualTo("primary"));
        }
        finally
        {
            await standby.ExecuteAsync("select pg_wal_replay_resume()");
        }
        await Until(usable: true);
        Assert.That(ServedBy(await (await App.LoginAsync("t01_window")).GetAsync(Export)), Is.EqualTo("replica"));
    }

    [Test]
    public async Task An_unreachable_replica_is_never_used_and_reports_still_answer()
    {
        var closed = new NpgsqlConnectionStringBuilder(_replica) { Port = TestDatabase.FreePort() }.ConnectionString;
        var app = WithReplica("replica-down", closed);
        var replica = app.Services.GetRequiredService<ReadReplica>();
        await replica.PollAsync(CancellationToken.None);
        Assert.That((replica.Usable, replica.LagSeconds), Is.EqualTo((false, (double?)null)));
        var response = await (await app.LoginAsync("t01_window")).GetAsync(Export);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ServedBy(response), Is.EqualTo("primary"));
    }
}
