using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Governance.ArchitectureTests;

/// <summary>
/// Every code the Staffing API sends (states, grades, work areas, kinds, workflow actions) is shown by the SPA through
/// a label of its own in client/src/locales (Chinese and English): a code the server can send without a label there
/// shows as the raw code (as the secondee state <c>ended</c> once did). The server's lists are its name dictionaries
/// and workflows, read by reflection since they are internal to the module.
/// </summary>
public class StaffingLocaleTests
{
    private static readonly Assembly Staffing = typeof(Governance.Staffing.StaffingModule).Assembly;

    /// <summary>The server's list (type and member) and the locale object under <c>staffing.</c> naming its codes.
    /// </summary>
    private static readonly (string Type, string Member, string Locale)[] Lists =
    [
        ("Governance.Staffing.PostTypes", "Kinds", "kind"),
        ("Governance.Staffing.PostTypes", "Fundings", "funding"),
        ("Governance.Staffing.PostTypes", "Purposes", "purpose"),
        ("Governance.Staffing.PostTypes", "EntryKinds", "entryKind"),
        ("Governance.Staffing.PostTypes", "ExitKinds", "exitKind"),
        ("Governance.Staffing.PostTypes", "Educations", "education"),
        ("Governance.Staffing.PostTypes", "WorkAreas", "secondment.workArea"),
        ("Governance.Staffing.PostTypes", "Grades", "secondment.grade"),
        ("Governance.Staffing.Features.Secondees", "StateNames", "secondment.secondeeState"),
        ("Governance.Staffing.Features.Assessments", "Workflow.StateNames", "secondment.assessmentState"),
        ("Governance.Staffing.Features.Assessments", "Workflow.Actions", "secondment.assessmentActions"),
        ("Governance.Staffing.Features.Campaigns", "Workflow.StateNames", "secondment.campaignState"),
        ("Governance.Staffing.Features.Campaigns", "Workflow.Actions", "secondment.actions"),
        ("Governance.Staffing.Features.PostRequests", "Workflow.StateNames", "requestState"),
        ("Governance.Staffing.Features.PostRequests", "Workflow.Actions", "requests.actions"),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        Lists.Select(l => new TestCaseData(l.Type, l.Member, l.Locale).SetArgDisplayNames(l.Locale));

    [TestCaseSource(nameof(Cases))]
    public void Every_code_the_server_sends_has_a_label_in_both_languages(string type, string member, string locale)
    {
        var codes = ServerCodes(type, member);
        Assert.That(codes, Is.Not.Empty, $"{type}.{member}");
        foreach (var file in new[] { "zh-CN.json", "en.json" })
        {
            var labels = LocaleKeys(file, $"staffing.{locale}");
            Assert.That(codes.Except(labels), Is.Empty,
                $"codes of {type}.{member} without a label under staffing.{locale} in client/src/locales/{file}");
        }
    }

    /// <summary>The keys of a dictionary, or the names of a workflow's actions, reached from a static member.
    /// </summary>
    private static List<string> ServerCodes(string type, string member)
    {
        object? value = null;
        var t = Staffing.GetType(type, throwOnError: true)!;
        foreach (var name in member.Split('.'))
        {
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static |
                BindingFlags.Instance;
            var owner = value?.GetType() ?? t;
            value = owner.GetField(name, Flags)?.GetValue(value) ?? owner.GetProperty(name, Flags)?.GetValue(value)
                ?? throw new InvalidOperationException($"{type}.{member}: no {name}");
        }
        return value switch
        {
            IDictionary d => d.Keys.Cast<string>().ToList(),
            IEnumerable<Governance.SharedKernel.Workflows.WorkflowAction> actions =>
                actions.Select(a => a.Name).ToList(),
            _ => throw new InvalidOperationException($"{type}.{member} is neither a dictionary nor actions"),
        };
    }

    private static List<string> LocaleKeys(string file, string path)
    {
        var json = File.ReadAllText(Path.Combine(Root.Value, "client", "src", "locales", file));
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        foreach (var part in path.Split('.'))
            if (!e.TryGetProperty(part, out e)) return [];
        return e.EnumerateObject().Select(p => p.Name).ToList();
    }

    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found");
    });
}
