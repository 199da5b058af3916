using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Governance.Api;
using Governance.SharedKernel.Database;

namespace Governance.ArchitectureTests;

/// <summary>
/// The modular monolith's rules, read from the source tree:
/// a module's implementation may reference only the SharedKernel, its own Contracts and other modules' Contracts;
/// Contracts reference only the SharedKernel and other Contracts; a module's SQL names only its own schema; the
/// SharedKernel and the host (api/) name none. The modules and their schemas come from the one migration registry,
/// <see cref="Startup.Migrations"/>: a new module registers its <c>ModuleMigrations</c> there and is checked from then
/// on. The host composes modules in C# (Startup.Migrations, the Add…/Map… calls), never in SQL text: no schema in its
/// strings. What counts as naming a schema: <see cref="SchemaReferences"/>.
/// (The database side — no dependency between module schemas — is checked by CatalogBoundaryTests against PostgreSQL.)
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Module folder (assembly Governance.&lt;Folder&gt;) → its schema, from Startup.Migrations.</summary>
    private static readonly Dictionary<string, string> Schemas =
        Startup.Migrations.ToDictionary(m => ModuleName(m.Assembly), m => m.Schema);

    private static readonly SchemaReferences References = new(Schemas.Values);

    /// <summary>A scanned part of the tree and the schema it owns (null: none).</summary>
    public sealed record Area(string Name, string Dir, string? Schema);

    private static IEnumerable<Area> Modules() => Directory.GetDirectories(Path.Combine(Root, "modules"))
        .Select(d => Path.GetFileName(d))
        .Where(name => name != "SharedKernel")
        .Select(name => new Area(name, Path.Combine(Root, "modules", name), Schemas.GetValueOrDefault(name)));

    private static Area SharedKernel => new("SharedKernel", Path.Combine(Root, "modules", "SharedKernel"), null);

    private static Area Host => new("api", Path.Combine(Root, "api"), null);

    private static string ModuleName(Assembly assembly) => assembly.GetName().Name!.Replace("Governance.", "");

    [Test]
    public void Every_module_folder_registers_its_migrations_in_Startup()
    {
        var unregistered = Modules().Where(m => m.Schema is null).Select(m => $"modules/{m.Name}").ToList();
        Assert.That(unregistered, Is.Empty,
            "each module owns a schema: add its XModule.Migrations to Startup.Migrations " +
            "(api/Governance.Api/Startup.cs)");
    }

    [Test]
    public void Every_registered_module_has_a_folder_and_a_schema_of_its_own()
    {
        Assert.That(
            Schemas.Keys.Where(name => !Directory.Exists(Path.Combine(Root, "modules", name, $"Governance.{name}"))),
            Is.Empty, "Startup.Migrations names an assembly that is not modules/<Name>/Governance.<Name>");
        Assert.That(Startup.Migrations.Select(m => m.Schema.ToLowerInvariant()), Is.Unique,
            "two modules register one schema");
        Assert.That(Startup.Migrations.Select(m => m.Schema), Has.All.Match("^[a-z_][a-z0-9_]*$"),
            "schema names are lower-case identifiers");
    }

    [Test]
    public void Every_module_class_exposes_the_migrations_registered_for_it()
    {
        foreach (var registered in Startup.Migrations)
        {
            var fields = registered.Assembly.GetExportedTypes()
                .Where(t => t.Name.EndsWith("Module", StringComparison.Ordinal))
                .Select(t => t.GetField("Migrations", BindingFlags.Public | BindingFlags.Static))
                .Where(f => f?.FieldType == typeof(ModuleMigrations)).ToList();
            Assert.That(fields, Has.Count.EqualTo(1),
                $"{registered.Assembly.GetName().Name}: one public static ModuleMigrations Migrations on its *Module " +
                "class");
            Assert.That(fields[0]!.GetValue(null), Is.SameAs(registered),
                $"{fields[0]!.DeclaringType}.Migrations is what Startup registers");
        }
    }

    [Test]
    public void Module_projects_reference_only_the_shared_kernel_and_contracts()
    {
        var violations = Modules().SelectMany(m => Directory.GetFiles(m.Dir, "*.csproj", SearchOption.AllDirectories))
            .SelectMany(ReferenceViolations).ToList();
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void Module_sources_name_only_their_own_schema() => Assert.That(Scan(Modules()), Is.Empty);

    [Test]
    public void The_shared_kernel_names_no_schema() => Assert.That(Scan([SharedKernel]), Is.Empty);

    [Test]
    public void The_host_names_no_schema_in_its_strings() => Assert.That(Scan([Host]), Is.Empty);

    [Test]
    public void The_scan_reads_every_module_the_shared_kernel_and_the_host()
    {
        Assert.That(Modules().Append(SharedKernel).Append(Host)
            .Select(a => (a.Name, Files: SourceFiles(a.Dir).Count())),
            Has.All.Matches<(string Name, int Files)>(a => a.Files > 0));
        // the scan does see SQL: read as if it owned nothing, each module's sources name its own schema
        var seen = Scan(Modules().Select(m => m with { Schema = null }));
        Assert.That(Schemas.Values.Where(s => !seen.Any(v => v.Contains($" uses schema {s} ("))), Is.Empty);
    }

    private static List<string> Scan(IEnumerable<Area> areas) => areas
        .SelectMany(a => SourceFiles(a.Dir).SelectMany(f =>
            References.ForeignUses(a.Name, a.Schema, Path.GetRelativePath(Root, f), File.ReadAllText(f))))
        .ToList();

    // The checks must be able to fail: each is shown a violation here (and was seen failing on a real one, see git
    // log).

    [TestCase("select name from organization.users u join calendar.days d on true", "organization.users")]
    [TestCase("select * from Organization.Regions", "Organization.Regions")]
    [TestCase("select * from ORGANIZATION.regions", "ORGANIZATION.regions")]
    [TestCase("""select * from "organization".regions""", "\"organization\".regions")]
    [TestCase("""select * from "organization"."regions" r""", "\"organization\".\"regions\"")]
    [TestCase("""select * from organization."Regions" r""", "organization.\"Regions\"")]
    public void The_schema_check_catches_a_query_into_another_module_in_any_spelling(string sql, string found)
    {
        var expected = new[] { $"Fake.cs: Calendar uses schema organization ({found})" };
        Assert.That(References.ForeignUses("Calendar", "calendar", "Fake.cs", $"var sql = \"\"\"\n{sql}\n\"\"\";"),
            Is.EqualTo(expected));
        Assert.That(References.ForeignUses("Calendar", "calendar", "Fake.cs",
            $"var sql = $\"{sql.Replace("\"", "\\\"")} where id = {{id}}\";"), Is.EqualTo(expected),
            "in an interpolated string");
        Assert.That(References.ForeignUses("Calendar", "calendar", "Fake.sql", sql)
            .Select(v => v.Replace(".sql", ".cs")), Is.EqualTo(expected), "in a .sql file");
    }

    [TestCase("$\"select * from {schema}.regions where id = {id}\"", "{schema}.regions")]
    [TestCase("$\"{schema}.regions\"", "{schema}.regions")]
    [TestCase("$\"\"\"\n  select * from {OrganizationModule.Migrations.Schema}.regions\n  \"\"\"",
        "{OrganizationModule.Migrations.Schema}.regions")]
    [TestCase("$\"\"\"select * from \"{s}\".\"regions\" \"\"\"", "{s}\".\"regions\"")]
    [TestCase("$$\"\"\"select * from {{tables.Schema}}.{{name}} \"\"\"", "{tables.Schema}.")]
    [TestCase("$\"delete from {OrganizationModule.Schema}.users\"", "{OrganizationModule.Schema}.users")]
    public void The_schema_check_catches_a_schema_spliced_in_at_run_time(string code, string found) =>
        Assert.That(References.ForeignUses("Calendar", "calendar", "Fake.cs", $"var sql = {code};"),
            Is.EqualTo(
                new[] { $"Fake.cs: Calendar splices a schema in at run time ({found}) — only its own schema constant " +
                    "may be" }));

    [TestCase("const string Schema = \"organization\";", "\"organization\"")]
    [TestCase("static readonly ModuleMigrations Migrations = new(\"Organization\", typeof(CalendarModule).Assembly);",
        "\"Organization\"")]
    [TestCase("private const string UsersTable = \"organization.users\";", "organization.users")]
    [TestCase("Run(sql: \"organization.users\");", "organization.users")]
    public void The_schema_check_catches_another_modules_schema_given_to_something_named_like_SQL(string code,
        string found) =>
        Assert.That(References.ForeignUses("Calendar", "calendar", "Fake.cs", code),
            Is.EqualTo(new[] { $"Fake.cs: Calendar uses schema organization ({found})" }));

    [Test]
    public void The_schema_check_allows_the_modules_own_schema_in_every_spelling() =>
        Assert.That(References.ForeignUses("Calendar", "calendar", "Fake.cs", """
            const string Own = "calendar";
            var a = "select * from calendar.days join "Calendar"."days" on true";
            var b = $"select * from {Schema}.days, {Migrations.Schema}.days where d = {day}";
            var c = $"select * from {CalendarModule.Migrations.Schema}.days where d = {day}";
            """), Is.Empty);

    [Test]
    public void The_shared_kernel_and_the_host_may_name_no_schema_at_all()
    {
        Assert.That(References.ForeignUses("SharedKernel", null, "Fake.cs", "var s = \"select 1 from audit.entries\";"),
            Has.Count.EqualTo(1));
        Assert.That(References.ForeignUses("api", null, "Fake.cs", "var s = $\"select 1 from {Schema}.entries\";"),
            Has.Count.EqualTo(1));
        Assert.That(References.ForeignUses("SharedKernel", null, "MigrationRunner.cs",
            "var s = $\"select 1 from {module.Schema}.schema_migrations\";"), Is.Empty,
            "the migration runner's documented exception");
    }

    [Test]
    public void The_schema_check_ignores_csharp_code_comments_and_file_names() =>
        Assert.That(References.ForeignUses("Calendar", "calendar", "Fake.cs", """
            using Governance.Organization.Contracts;
            // reads organization.users through IOrganization, never in SQL
            await audit.RecordAsync(c, tx, record); var r = Organization.Contracts.Roles.All;
            Organization.Regions.Load();
            var file = $"{month:yyyyMM}.csv"; var name = $"{prefix}.xlsx"; var label = "审计 audit log";
            const string AuditRead = "audit.read"; var kind = "service_centre";
            var action = new AuditRecord("organization.users.update", "user", null, null);
            var route = "/api/v1/organization.regions";
            """), Is.Empty);

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
            Assert.That(ReferenceViolations(file).ToList(),
                Has.Count.EqualTo(1).And.One.Contains("Governance.Organization.csproj"));
        }
        finally { File.Delete(file); }
    }

    private static IEnumerable<string> ReferenceViolations(string csproj)
    {
        var self = Path.GetFileNameWithoutExtension(csproj);
        var isContracts = self.EndsWith(".Contracts", StringComparison.Ordinal) || Regex.IsMatch(self,
            @"\.Contracts\.[0-9a-f]{32}$");
        foreach (var include in XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => (string)r.Attribute("Include")!))
        {
            var target = Path.GetFileNameWithoutExtension(include);
            var ok = target == "Governance.SharedKernel" || target.EndsWith(".Contracts", StringComparison.Ordinal)
                     || (!isContracts
                         && target == self.Split('.').Take(2).Aggregate((a, b) => a + "." + b) + ".Contracts");
            if (!ok) yield return $"{Path.GetFileName(csproj)} → {Path.GetFileName(include)}";
        }
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found");
    }
}
