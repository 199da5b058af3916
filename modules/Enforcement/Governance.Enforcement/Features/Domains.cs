using Governance.PowerLists.Contracts;

namespace Governance.Enforcement.Features;

/// <summary>The 执法领域 officers are assigned to: the catalogue's domains (PowerLists owns them — data, not
/// code).</summary>
internal static class Domains
{
    public static async Task<Ok<IReadOnlyList<PowerDomain>>> List(IPowerLists powers, CancellationToken ct) =>
        TypedResults.Ok(await powers.DomainsAsync(ct));

    /// <summary>Codes → names, for responses and exports.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(
        IPowerLists powers, CancellationToken ct) =>
        (await powers.DomainsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);

    /// <summary>The assigned domains: at least one, each a known code, no repeats.</summary>
    public static Validator CheckDomains(
        this Validator v, IReadOnlyCollection<string>? codes, IReadOnlyDictionary<string, string> known) =>
        v.Check(codes is { Count: > 0 }, "domains", "请至少选择一个执法领域。")
            .Check(codes is null || codes.All(known.ContainsKey), "domains",
                $"执法领域代码无效，可选：{string.Join("、", known.Select(d => $"{d.Key}（{d.Value}）"))}。")
            .Check(codes is null || codes.Distinct().Count() == codes.Count, "domains", "执法领域不能重复。");
}
