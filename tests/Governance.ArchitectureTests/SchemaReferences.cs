using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Governance.ArchitectureTests;

/// <summary>
/// Finds the module schemas a source file names. SQL text is a <c>.sql</c> file, or a C# string (literal, verbatim,
/// raw, UTF-8, or the text of an interpolated string) that contains an SQL keyword (select, from, join, insert, into,
/// update, delete, table, references, …) among other words, or is given to something named like SQL (a variable,
/// field, property, assignment target or named argument called …schema…, …table…, …sql…, …query…, …view…,
/// …relation…, …sequence…).
/// C# code and comments are never read as SQL, so namespaces and member access
/// (<c>Governance.Organization.Contracts</c>, <c>audit.RecordAsync</c>) and permission names (<c>"audit.read"</c>) are
/// not mistaken for schema references. What counts as naming a schema S:
/// <list type="bullet">
/// <item>in SQL text, a qualified name in any case and quoting: <c>s.t</c>, <c>S.T</c>, <c>"s".t</c>, <c>"s"."t"</c>,
/// <c>s."t"</c>;</item>
/// <item>S's bare name given to something named like a schema or as <c>new ModuleMigrations("s", …)</c>
/// (<c>const string Schema = "organization"</c>), so a borrowed name cannot pass as the module's own constant;</item>
/// <item>a schema spliced in at run time: an interpolation hole directly followed by <c>.name</c> (or <c>".name</c>, or
/// another hole), in SQL text or when the hole's expression looks like a schema (it says "schema" or names a
/// <c>*Module</c> class) — so <c>$"{schema}.regions"</c>, <c>{OtherModule.Migrations.Schema}</c> and
/// <c>select … from {x}.regions</c> count, a file name such as <c>$"{month:yyyyMM}.csv"</c> does not. Such a hole is
/// allowed only when it is the area's own schema — <c>Schema</c>, <c>Migrations.Schema</c>,
/// <c>&lt;Own&gt;Module.Schema</c>, <c>&lt;Own&gt;Module.Migrations.Schema</c> — or is listed in
/// <see cref="AllowedHoles"/>.</item>
/// </list>
/// Not caught: a schema assembled from pieces (<c>"organ" + "ization"</c>), or held in a variable with an unremarkable
/// name and spliced into non-SQL text; the catalog checks (CatalogBoundaryTests) see what such SQL would create.
/// </summary>
public sealed partial class SchemaReferences
{
    /// <summary>
    /// Interpolated schemas in plumbing that serves every module with the module's own schema: (area, file name, hole).
    /// The migration runner creates each module's schema and journal from the <c>ModuleMigrations</c> it is handed, and
    /// <c>DatabaseGrants</c> grants the API's role its privileges on each of them; <c>Idempotency</c> and
    /// <c>NumberSequences</c> serve the table a module hands them (<c>IdempotentTable</c>, <c>NumberSequence</c>,
    /// built by that module with its own schema).
    /// </summary>
    private static readonly HashSet<(string Area, string File, string Hole)> AllowedHoles =
    [
        ("SharedKernel", "MigrationRunner.cs", "module.Schema"),
        ("SharedKernel", "MigrationRunner.cs", "schema"),
        ("SharedKernel", "DatabaseGrants.cs", "schema"),
        ("SharedKernel", "Idempotency.cs", "Schema"),
        ("SharedKernel", "NumberSequences.cs", "Schema"),
    ];

    private readonly IReadOnlyCollection<string> _schemas;
    private readonly Regex _qualified;

    public SchemaReferences(IEnumerable<string> schemas)
    {
        _schemas = schemas.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var names = string.Join("|", _schemas.OrderByDescending(s => s.Length).Select(Regex.Escape));
        // not preceded by a word character, '.', '$' or '"' (other than its own opening quote): the first part of a
        // name
        _qualified =
            new Regex($"""(?<![\w.$"])(?<q>"?)(?<schema>{names})\k<q>\.(?<rel>"[^"\r\n]+"|[A-Za-z_][A-Za-z0-9_$]*)""",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// Each use in <paramref name="text"/> of a schema other than <paramref name="own"/> (null: the area owns no
    /// schema), as "file: area uses schema s (what was found)".
    /// </summary>
    public IReadOnlyList<string> ForeignUses(string area, string? own, string file, string text)
    {
        var found = file.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
            ? QualifiedNames(text)
            : CSharpUses(area, own, Path.GetFileName(file), text);
        return found
            .Where(u => u.Schema is null || !string.Equals(u.Schema, own, StringComparison.OrdinalIgnoreCase))
            .Select(u => u.Schema is null
                ? $"{file}: {area} splices a schema in at run time ({u.Text}) — only its own schema constant may be"
                : $"{file}: {area} uses schema {u.Schema.ToLowerInvariant()} ({u.Text})")
            .Distinct().ToList();
    }

    private IEnumerable<(string? Schema, string Text)> QualifiedNames(string text) =>
        _qualified.Matches(text).Select(m => ((string?)m.Groups["schema"].Value, m.Value));

    private IEnumerable<(string? Schema, string Text)> CSharpUses(string area, string? own, string fileName,
        string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => IsStringLiteral(l.Token)))
        {
            var value = literal.Token.ValueText;
            var named = TargetName(literal) is { } name && SqlishName().IsMatch(name);
            // SQL text is words: a single dotted token such as the audit action "enforcement.benchmarks.update" is not
            if (named || SqlKeyword().IsMatch(value) && value.Trim().Any(char.IsWhiteSpace))
                foreach (var use in QualifiedNames(value)) yield return use;
            var bare = value.Trim().Trim('"');
            var schema = _schemas.FirstOrDefault(s => string.Equals(s, bare, StringComparison.OrdinalIgnoreCase));
            if (schema is not null && (named || IsModuleMigrationsSchema(literal)))
                yield return (schema, literal.Token.Text);
        }
        foreach (var interpolated in root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>())
        {
            var contents = interpolated.Contents;
            var text =
                string.Concat(contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "\0"));
            var isSql = SqlKeyword().IsMatch(text) || TargetName(interpolated) is { } name
                && SqlishName().IsMatch(name);
            if (isSql)
                foreach (var use in QualifiedNames(text)) yield return use;
            for (var i = 0; i < contents.Count; i++)
            {
                if (contents[i] is not InterpolationSyntax hole || hole.FormatClause is not null
                    || hole.AlignmentClause is not null) continue;
                var after = i + 1 < contents.Count ? contents[i + 1] as InterpolatedStringTextSyntax : null;
                if (after is null || !FollowedByName().IsMatch(
                    after.TextToken.ValueText + (i + 2 < contents.Count ? "\0" : ""))) continue;
                var expression = Regex.Replace(hole.Expression.ToString(), @"\s+", "");
                if (!isSql && !SchemaLikeHole().IsMatch(expression)) continue;
                if (IsOwnSchema(area, own, expression) || AllowedHoles.Contains((area, fileName, expression))) continue;
                yield return (null, $"{{{expression}}}{SplicedName().Match(after.TextToken.ValueText).Value}");
            }
        }
    }

    /// <summary>
    /// What a string is given to: the variable, field, property, assignment target or named argument.
    /// </summary>
    private static string? TargetName(SyntaxNode node)
    {
        var n = node.Parent;
        while (n is ParenthesizedExpressionSyntax or BinaryExpressionSyntax or ConditionalExpressionSyntax)
            n = n.Parent;
        return n switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax v } => v.Identifier.Text,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax p } => p.Identifier.Text,
            EqualsValueClauseSyntax { Parent: ParameterSyntax p } => p.Identifier.Text,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax p } => p.Identifier.Text,
            AssignmentExpressionSyntax a => a.Left.ToString(),
            ArgumentSyntax { NameColon: { } nc } => nc.Name.Identifier.Text,
            _ => null,
        };
    }

    /// <summary>The schema argument of <c>new ModuleMigrations("…", …)</c>.</summary>
    private static bool IsModuleMigrationsSchema(LiteralExpressionSyntax literal) =>
        literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax list } argument
            && list.Arguments.IndexOf(argument) == 0
            && list.Parent is ObjectCreationExpressionSyntax { Type: var type }
            && type.ToString().EndsWith("ModuleMigrations", StringComparison.Ordinal)
        || literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax l2 } a2 && l2.Arguments.IndexOf(a2) == 0
            && l2.Parent is ImplicitObjectCreationExpressionSyntax
            {
                Parent: EqualsValueClauseSyntax
                {
                    Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax d },
                },
            }
            && d.Type.ToString().EndsWith("ModuleMigrations", StringComparison.Ordinal);

    private static bool IsOwnSchema(string area, string? own, string expression) =>
        own is not null && (expression is "Schema" or "Migrations.Schema" || expression == $"{area}Module.Schema"
                            || expression == $"{area}Module.Migrations.Schema");

    private static bool IsStringLiteral(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken
        or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
        or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
        or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    // '.' then a name, a quoted name, or another hole (\0) — optionally after the hole's closing quote: "{s}".t
    [GeneratedRegex("""^"?\.("?[A-Za-z_]|\0)""")]
    private static partial Regex FollowedByName();

    [GeneratedRegex("""^"?\."?[A-Za-z0-9_$]*"?""")]
    private static partial Regex SplicedName();

    [GeneratedRegex(@"schema|table|relation|sql|query|view|sequence", RegexOptions.IgnoreCase)]
    private static partial Regex SqlishName();

    [GeneratedRegex(@"schema|\w+Module\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchemaLikeHole();

    [GeneratedRegex(
        @"\b(select|insert|update|delete|from|join|into|table|references|truncate|copy|alter|create|drop|lock|merge|" +
        @"call)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlKeyword();
}
