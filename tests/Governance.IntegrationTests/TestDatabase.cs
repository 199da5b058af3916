using System.Diagnostics;
using System.Net.Sockets;

namespace Governance.IntegrationTests;

/// <summary>
/// The real PostgreSQL the integration tests run against. test.sh passes a server in GOVERNANCE_TEST_PG; run alone
/// (dotnet test), the suite starts a throwaway cluster of its own with scripts/pg-cluster.sh. Each run gets a fresh
/// database.
/// </summary>
[SetUpFixture]
public sealed class TestDatabase
{
    private static string? _clusterDir;

    /// <summary>
    /// The API's login role: not a superuser, owns nothing (granted its privileges after migrations).
    /// </summary>
    public static string ConnectionString { get; private set; } = null!;

    /// <summary>The role that owns the database and runs the migrations.</summary>
    public static string OwnerConnectionString { get; private set; } = null!;

    /// <summary>The cluster's superuser: the tests' own reads and set-ups, and the reset between tests.</summary>
    public static string SuperuserConnectionString { get; private set; } = null!;

    private static NpgsqlDataSource? _superuser;
    public static NpgsqlDataSource Superuser => _superuser ??= NpgsqlDataSource.Create(SuperuserConnectionString);

    public const string OwnerRole = "gov_it_owner", AppRole = "gov_it_app";

    public static string RepoRoot { get; } = FindRepoRoot();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var server = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_PG");
        if (string.IsNullOrEmpty(server))
        {
            _clusterDir = Path.Combine(Path.GetTempPath(), $"gov-it-{Guid.NewGuid():N}");
            var port = FreePort();
            Run(Path.Combine(RepoRoot, "scripts/pg-cluster.sh"), $"start {_clusterDir} {port} --throwaway");
            server = $"Host=127.0.0.1;Port={port};Username=postgres";
        }
        var database = $"gov_it_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await admin.OpenAsync();
            // the two roles a deployment has (README, Database roles); another run on the same server may create them
            // at once
            foreach (var role in new[] { OwnerRole, AppRole })
                await admin.ExecuteAsync($"""
                    do $$ begin create role {role} login nosuperuser nocreatedb nocreaterole;
                    exception when duplicate_object or unique_violation then null; end $$
                    """);
            await admin.ExecuteAsync($"create database {database} owner {OwnerRole}");
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database, IncludeErrorDetail = false };
        SuperuserConnectionString = builder.ConnectionString;
        OwnerConnectionString =
            new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = OwnerRole }.ConnectionString;
        ConnectionString =
            new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = AppRole }.ConnectionString;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        TestApp.DisposeAll();
        _superuser?.Dispose();
        if (_clusterDir is null) return;
        Run(Path.Combine(RepoRoot, "scripts/pg-cluster.sh"), $"stop {_clusterDir}");
        try { Directory.Delete(_clusterDir, recursive: true); } catch (IOException) { } catch (
            UnauthorizedAccessException) { }
    }

    internal static int FreePort()
    {
        var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    internal static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo("bash", $"{file} {args}") { RedirectStandardError = true })!;
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {args} failed: {p.StandardError.ReadToEnd()}");
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found above the test binaries");
    }
}
