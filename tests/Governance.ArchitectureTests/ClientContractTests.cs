using System.Text.RegularExpressions;
using Governance.Organization.Contracts;

namespace Governance.ArchitectureTests;

/// <summary>
/// The SPA names permissions in one TypeScript union (client/src/lib/api/types.ts, <c>Permission</c>) to decide what
/// to show; the server's list is <see cref="Roles.AllPermissions"/>. They must be the same set: a permission missing
/// on the client hides a page its holders may use, an extra one tests for something no one can hold.
/// </summary>
public class ClientContractTests
{
    private static readonly string TypesFile = Path.Combine(FindRoot(), "client", "src", "lib", "api", "types.ts");

    [Test]
    public void The_clients_permission_type_lists_exactly_the_servers_permissions()
    {
        var client = ClientPermissions(File.ReadAllText(TypesFile));
        Assert.Multiple(() =>
        {
            Assert.That(Roles.AllPermissions.Except(client), Is.Empty,
                "add these to `Permission` in client/src/lib/api/types.ts");
            Assert.That(client.Except(Roles.AllPermissions), Is.Empty, "the server has no such permission");
        });
    }

    [Test]
    public void The_union_reader_sees_every_member_and_only_the_union()
    {
        const string source =
            "export type Other = 'x';\nexport type Permission =\n  | 'a.read'\n  | 'b.manage';\n\nexport type Y = 'z';";
        Assert.That(ClientPermissions(source), Is.EqualTo(new[] { "a.read", "b.manage" }));
    }

    /// <summary>The string literals of <c>export type Permission = … ;</c>.</summary>
    internal static List<string> ClientPermissions(string source)
    {
        var union = Regex.Match(source, @"export type Permission\s*=(?<body>[^;]*);");
        Assert.That(union.Success, Is.True, "client/src/lib/api/types.ts has no `export type Permission = …;`");
        return Regex.Matches(union.Groups["body"].Value, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found");
    }
}
