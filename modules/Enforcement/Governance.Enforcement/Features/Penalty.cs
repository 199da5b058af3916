namespace Governance.Enforcement.Features;

/// <summary>The penalty a notice intends or a decision imposes: its kinds (9), the fine and the amount
/// confiscated.</summary>
internal sealed record Penalty(IReadOnlyList<string> Kinds, decimal? Fine, decimal? Confiscation)
{
    /// <summary>The largest amount the ledger holds (yuan).</summary>
    private const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Reads a requested penalty, collecting field errors in <paramref name="v"/>: known kinds, 不予处罚
    /// alone (and only where <paramref name="noneAllowed"/>), an amount exactly when a fine is chosen.</summary>
    public static Penalty Read(
        Validator v, IReadOnlyList<string>? kinds, decimal? fine, decimal? confiscation, bool noneAllowed)
    {
        var list = kinds?.Distinct().ToList() ?? [];
        var fined = list.Contains("fine");
        v.Check(list.Count > 0, "penaltyKinds", "请选择处罚种类。")
            .Check(list.All(PenaltyRules.Kinds.ContainsKey), "penaltyKinds", "处罚种类无效。")
            .Check(noneAllowed || !list.Contains("none"), "penaltyKinds", "不予行政处罚无须事先告知，请直接作出决定。")
            .Check(!list.Contains("none") || list.Count == 1, "penaltyKinds", "不予行政处罚不能与处罚种类同时选择。")
            .Check(!fined || fine is not null, "fineAmount", "请填写罚款金额。")
            .Check(fined || fine is null, "fineAmount", "未选择罚款，不应填写罚款金额。")
            .Check(fine is null or > 0m and <= MaxAmount, "fineAmount", "罚款金额须大于 0 且不超过 10 亿元。")
            .Check(confiscation is null || list.Contains("confiscation"), "confiscationAmount",
                "未选择没收，不应填写没收金额。")
            .Check(confiscation is null or >= 0m and <= MaxAmount, "confiscationAmount",
                "没收金额须在 0 至 10 亿元之间。");
        return new(list, fine, confiscation);
    }

    public bool IsNone => Kinds is ["none"];

    /// <summary>Heavier than what the party was told: a kind not in the notice, or a larger amount — the party must
    /// be notified again (行政处罚法 44, 62).</summary>
    public bool HeavierThan(Penalty notice) =>
        Kinds.Any(k => !notice.Kinds.Contains(k)) || Fine > (notice.Fine ?? 0)
        || Confiscation > (notice.Confiscation ?? 0);

    /// <summary>The kinds and amounts as a line for notes and audit (罚款 500 元、警告).</summary>
    public override string ToString() =>
        string.Join("、", Kinds.Select(k => k switch
        {
            "fine" => $"罚款 {Fine:0.##} 元",
            "confiscation" when Confiscation is { } c => $"没收 {c:0.##} 元",
            _ => PenaltyRules.Kinds[k],
        }));
}
