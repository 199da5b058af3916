using System.Reflection;
using Governance.Api;
using Governance.Audit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Governance.ArchitectureTests;

/// <summary>
/// Every action and record type the code writes into the trail (审计日志) has a Chinese and an English label in
/// <see cref="AuditCatalogue"/>, so the audit page never shows a bare code the server knows. The codes are read from
/// the sources (the first two arguments of every <c>new AuditRecord(…)</c> and <c>new DeniedAction(…)</c>: string
/// literals, constants of the same file, or a parameter whose callers pass literals) and from the workflows by
/// reflection (their actions are written as <c>prefix.action</c>).
/// </summary>
public class AuditCatalogueTests
{
    [Test]
    public void Every_action_written_has_a_label_in_both_languages() =>
        AssertLabelled(Written().Actions, AuditCatalogue.Actions, "actions");

    [Test]
    public void Every_record_type_written_has_a_label_in_both_languages() =>
        AssertLabelled(Written().RecordTypes, AuditCatalogue.RecordTypes, "record types");

    [Test]
    public void Every_code_belongs_to_a_listed_module()
    {
        var modules = AuditCatalogue.Modules.Select(m => m.Code).ToHashSet();
        Assert.That(AuditCatalogue.Actions.Concat(AuditCatalogue.RecordTypes).Where(c => !modules.Contains(c.Module))
            .Select(c => c.Code), Is.Empty);
    }

    private static void AssertLabelled(IEnumerable<string> written, IReadOnlyList<AuditCode> catalogue, string what)
    {
        var labelled = catalogue.Where(c => !string.IsNullOrWhiteSpace(c.Zh) && !string.IsNullOrWhiteSpace(c.En))
            .Select(c => c.Code).ToHashSet();
        var missing = written.Where(c => !labelled.Contains(c)).Order().ToList();
        Assert.That(missing, Is.Empty,
            $"{what} written to the audit trail without a zh and en label in AuditCatalogue: " +
            string.Join(", ", missing));
    }

    private static readonly Lazy<(HashSet<string> Actions, HashSet<string> RecordTypes)> Codes = new(Collect);

    private static (HashSet<string> Actions, HashSet<string> RecordTypes) Written() => Codes.Value;

    private static (HashSet<string>, HashSet<string>) Collect()
    {
        var actions = new HashSet<string>();
        var types = new HashSet<string>();
        foreach (var (action, type) in WorkflowCodes())
        {
            actions.Add(action);
            types.Add(type);
        }
        var roots = SourceFiles().Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f),
            new CSharpParseOptions(LanguageVersion.Preview)).GetRoot()).ToList();
        foreach (var root in roots)
            foreach (var args in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>()
                         .Where(IsAuditRecord).Select(n => n.ArgumentList?.Arguments))
            {
                if (args is not { Count: >= 2 } a) continue;
                actions.UnionWith(Literals(a[0].Expression, roots, 0));
                types.UnionWith(Literals(a[1].Expression, roots, 0));
            }
        return (actions, types);
    }

    private static bool IsAuditRecord(BaseObjectCreationExpressionSyntax n) =>
        n is ObjectCreationExpressionSyntax { Type: var t } && t.ToString() is "AuditRecord" or "DeniedAction";

    /// <summary>The codes an argument can take: a literal (or either branch of <c>?:</c> and <c>??</c>); a constant
    /// of its file; or, for a parameter of the enclosing method, what the callers of that method pass there (followed a
    /// few calls deep). Anything else (a workflow's <c>AuditAction</c>, a copied record's field) is read elsewhere.
    /// </summary>
    private static IEnumerable<string> Literals(ExpressionSyntax e, List<SyntaxNode> roots, int depth)
    {
        Assert.That(e, Is.Not.InstanceOf<InterpolatedStringExpressionSyntax>(),
            $"an audit code is built by interpolation ({e}): write it as literals so it can be labelled");
        return e switch
        {
            LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression) => [l.Token.ValueText],
            ParenthesizedExpressionSyntax p => Literals(p.Expression, roots, depth),
            ConditionalExpressionSyntax c =>
                Literals(c.WhenTrue, roots, depth).Concat(Literals(c.WhenFalse, roots, depth)),
            BinaryExpressionSyntax b when b.IsKind(SyntaxKind.CoalesceExpression) =>
                Literals(b.Left, roots, depth).Concat(Literals(b.Right, roots, depth)),
            IdentifierNameSyntax i when depth <= 3 => Resolve(i, roots, depth),
            _ => [],
        };
    }

    private static IEnumerable<string> Resolve(IdentifierNameSyntax e, List<SyntaxNode> roots, int depth)
    {
        var name = e.Identifier.ValueText;
        var constant = e.SyntaxTree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(v => v.Identifier.ValueText == name && v.Parent?.Parent is FieldDeclarationSyntax f
                && f.Modifiers.Any(SyntaxKind.ConstKeyword));
        if (constant?.Initializer is { } init) return Literals(init.Value, roots, depth + 1);
        var method = e.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var index = method?.ParameterList.Parameters.IndexOf(p => p.Identifier.ValueText == name) ?? -1;
        if (method is null || index < 0) return [];
        return roots.SelectMany(r => r.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(call => Called(call) == method.Identifier.ValueText && call.ArgumentList.Arguments.Count > index)
            .SelectMany(call => Literals(call.ArgumentList.Arguments[index].Expression, roots, depth + 1));
    }

    private static string? Called(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        _ => null,
    };

    /// <summary>What each workflow writes: <c>AuditAction(action)</c> for every action, under its record type.
    /// </summary>
    private static IEnumerable<(string Action, string RecordType)> WorkflowCodes()
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        foreach (var type in Startup.Migrations.SelectMany(m => m.Assembly.GetTypes()))
            foreach (var field in type.GetFields(Flags).Where(f => f.FieldType.IsGenericType
                         && f.FieldType.GetGenericTypeDefinition() == typeof(SharedKernel.Workflows.Workflow<>)))
            {
                var workflow = field.GetValue(null)!;
                var recordType = (string)field.FieldType.GetProperty("RecordType")!.GetValue(workflow)!;
                var audit = field.FieldType.GetMethod("AuditAction")!;
                var actions = (IEnumerable<SharedKernel.Workflows.WorkflowAction>)field.FieldType
                    .GetProperty("Actions")!.GetValue(workflow)!;
                foreach (var a in actions)
                    yield return ((string)audit.Invoke(workflow, [a.Name])!, recordType);
            }
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "modules", "api" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root.Value, d), "*.cs",
                SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found");
    });
}
