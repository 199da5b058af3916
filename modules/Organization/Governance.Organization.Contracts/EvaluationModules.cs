namespace Governance.Organization.Contracts;

/// <summary>
/// The business modules an evaluation grant (评估任务) can open to an evaluator, by the code their KPIs carry, and the
/// first segment of their routes under <c>/api/v1/</c>.
/// </summary>
public static class EvaluationModules
{
    public const string PowerLists = "power_lists";
    public const string ServiceCentre = "service_centre";
    public const string Staffing = "staffing";
    public const string Enforcement = "enforcement";

    public static readonly IReadOnlyList<string> All = [PowerLists, ServiceCentre, Staffing, Enforcement];

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [PowerLists] = "权责清单", [ServiceCentre] = "便民服务", [Staffing] = "编制与人员",
        [Enforcement] = "综合行政执法",
    };

    /// <summary>The module a route belongs to (<c>/api/v1/service-centre/...</c> → service_centre), or null.</summary>
    public static string? OfPath(string path)
    {
        const string prefix = "/api/v1/";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = path.AsSpan(prefix.Length);
        var end = rest.IndexOf('/');
        var segment = (end < 0 ? rest : rest[..end]).ToString().Replace('-', '_').ToLowerInvariant();
        return All.Contains(segment) ? segment : null;
    }
}
