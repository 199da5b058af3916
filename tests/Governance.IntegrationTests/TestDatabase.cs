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
    public static string ConnectionString { get; private set; } = null!;

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
            await admin.ExecuteAsync($"create database {database}");
        }
        ConnectionString = $"{server};Database={database};Include Error Detail=false";
    }

    [OneTimeTearDown]
    public void Stop()
    {
        TestApp.DisposeAll();
        if (_clusterDir is null) return;
        Run(Path.Combine(RepoRoot, "scripts/pg-cluster.sh"), $"stop {_clusterDir}");
        try { Directory.Delete(_clusterDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo("bash", $"{file} {args}") { RedirectStandardError = true })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed: {p.StandardError.ReadToEnd()}");
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found above the test binaries");
    }
}
