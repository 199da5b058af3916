using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Governance.ArchitectureTests;

/// <summary>
/// The modular monolith's rules, read from the source tree:
/// a module's implementation may reference only the SharedKernel, its own Contracts and other modules' Contracts;
/// Contracts reference only the SharedKernel and other Contracts; and a module's SQL names only its own schema.
/// (The database side — no cross-schema foreign keys — is checked by CatalogBoundaryTests against PostgreSQL.)
/// </summary>
public partial class ModuleBoundaryTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Module folder → its schema. A new module adds a line here.</summary>
    private static readonly Dictionary<string, string> Schemas = new()
    {
        ["Audit"] = "audit",
        ["Organization"] = "organization",
        ["Calendar"] = "calendar",
        ["Notifications"] = "notifications",
        ["PowerLists"] = "power_lists",
        ["Staffing"] = "staffing",
        ["Enforcement"] = "enforcement",
        ["ServiceCentre"] = "service_centre",
    };

    public sealed record Module(string Name, string Dir);

    private static IEnumerable<Module> Modules() => Directory.GetDirectories(Path.Combine(Root, "modules"))
        .Select(d => new Module(Path.GetFileName(d), d))
        .Where(m => m.Name != "SharedKernel");

    [Test]
    public void Every_module_folder_has_a_known_schema() =>
        Assert.That(Modules().Select(m => m.Name), Is.SubsetOf(Schemas.Keys));

    [Test]
    public void Module_projects_reference_only_the_shared_kernel_and_contracts()
    {
        var violations = Modules().SelectMany(m => Directory.GetFiles(m.Dir, "*.csproj", SearchOption.AllDirectories))
            .SelectMany(ReferenceViolations).ToList();
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void Module_sources_name_only_their_own_schema()
    {
        var violations = Modules().SelectMany(m => SourceFiles(m.Dir).SelectMany(f => ForeignSchemaUses(m.Name, f, File.ReadAllText(f)))).ToList();
        Assert.That(violations, Is.Empty);
    }

    // The checks must be able to fail: each is shown a violation here.

    [Test]
    public void The_schema_check_catches_a_query_into_another_module() =>
        Assert.That(ForeignSchemaUses("Calendar", "Fake.cs", "select name from organization.users u join calendar.days d on true"),
            Is.EqualTo(new[] { "Fake.cs: Calendar uses schema organization (organization.users)" }));

    [Test]
    public void The_schema_check_ignores_csharp_member_access() =>
        Assert.That(ForeignSchemaUses("Calendar", "Fake.cs", "await audit.RecordAsync(c, tx, record); organization.Contracts.Roles.All"), Is.Empty);

    [Test]
    public void The_reference_check_catches_a_module_referencing_another_modules_implementation()
    {
        var file = Path.Combine(Path.GetTempPath(), $"Governance.Calendar.{Guid.NewGuid():N}.csproj");
        File.WriteAllText(file, """
            <Project Sdk="Microsoft.NET.Sdk"><ItemGroup>
              <ProjectReference Include="../../Organization/Governance.Organization/Governance.Organization.csproj" />
              <ProjectReference Include="../../Audit/Governance.Audit.Contracts/Governance.Audit.Contracts.csproj" />
            </ItemGroup></Project>
            """);
        try
        {
            Assert.That(ReferenceViolations(file).ToList(), Has.Count.EqualTo(1).And.One.Contains("Governance.Organization.csproj"));
        }
        finally { File.Delete(file); }
    }

    private static IEnumerable<string> ReferenceViolations(string csproj)
    {
        var self = Path.GetFileNameWithoutExtension(csproj);
        var isContracts = self.EndsWith(".Contracts", StringComparison.Ordinal) || Regex.IsMatch(self, @"\.Contracts\.[0-9a-f]{32}$");
        foreach (var include in XDocument.Load(csproj).Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")!))
        {
            var target = Path.GetFileNameWithoutExtension(include);
            var ok = target == "Governance.SharedKernel" || target.EndsWith(".Contracts", StringComparison.Ordinal)
                     || (!isContracts && target == self.Split('.').Take(2).Aggregate((a, b) => a + "." + b) + ".Contracts");
            if (!ok) yield return $"{Path.GetFileName(csproj)} → {Path.GetFileName(include)}";
        }
    }

    internal static IEnumerable<string> ForeignSchemaUses(string module, string file, string text)
    {
        var own = Schemas[module];
        foreach (Match m in SchemaQualifiedName().Matches(text))
        {
            var schema = m.Groups["schema"].Value;
            if (schema != own) yield return $"{Path.GetFileName(file)}: {module} uses schema {schema} ({m.Value})";
        }
    }

    // a lower-case schema name, a dot, a lower-case SQL identifier (C# member access is PascalCase: audit.RecordAsync)
    [GeneratedRegex(@"\b(?<schema>audit|organization|calendar|notifications|power_lists|staffing|enforcement|service_centre)\.(?<table>[a-z_][a-z0-9_]*)\b")]
    private static partial Regex SchemaQualifiedName();

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found");
    }
}
