namespace Governance.ArchitectureTests;

/// <summary>
/// Lines stay readable without scrolling: no C# line is wider than 120 columns. A column is what a monospaced editor
/// shows: a Chinese character (or any other East Asian wide or full-width one) takes two.
/// </summary>
public class LineLengthTests
{
    private const int MaxColumns = 120;

    private static readonly string Root = FindRoot();

    [Test]
    public void Every_CSharp_line_fits_in_120_columns()
    {
        var tooWide = CSharpFiles()
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(Path.Combine(Root, f))
                .Select((line, i) => (Line: i + 1, Columns: Columns(line)))
                .Where(l => l.Columns > MaxColumns)
                .Select(l => $"{f}:{l.Line} ({l.Columns} columns)"))
            .ToList();
        Assert.That(tooWide, Is.Empty,
            $"{tooWide.Count} C# lines are wider than {MaxColumns} columns (a Chinese character counts two); " +
            "wrap them by hand (break method chains at dots, argument lists after commas, long strings with +)");
    }

    [TestCase("abc", 3)]
    [TestCase("办件", 4)]
    [TestCase("“办件”：a，b", 12)]
    [TestCase("≤ … — →", 7)]
    public void A_Chinese_character_takes_two_columns(string text, int columns) =>
        Assert.That(Columns(text), Is.EqualTo(columns));

    /// <summary>Columns in a monospaced editor: East Asian wide and full-width characters take two.</summary>
    internal static int Columns(string line) => line.Sum(c => IsWide(c) ? 2 : 1);

    private static bool IsWide(char c) => c is
        >= '\u1100' and <= '\u115F' // Hangul Jamo
        or >= '\u2E80' and <= '\u303E' // CJK radicals, symbols and punctuation (、。「」…)
        or >= '\u3041' and <= '\u33FF' // kana, bopomofo, enclosed and compatibility CJK
        or >= '\u3400' and <= '\u4DBF' // CJK extension A
        or >= '\u4E00' and <= '\u9FFF' // CJK unified ideographs
        or >= '\uA000' and <= '\uA4CF' // Yi
        or >= '\uAC00' and <= '\uD7A3' // Hangul syllables
        or >= '\uF900' and <= '\uFAFF' // CJK compatibility ideographs
        or >= '\uFE30' and <= '\uFE4F' // CJK compatibility forms
        or >= '\uFF00' and <= '\uFF60' // full-width forms (，：（）)
        or >= '\uFFE0' and <= '\uFFE6';

    private static IEnumerable<string> CSharpFiles() =>
        new[] { "api", "bench", "modules", "tests" }
            .Select(d => Path.Combine(Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found");
    }
}
