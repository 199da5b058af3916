namespace Governance.Staffing.Secondment;

/// <summary>A qualified candidate as the ranking sees them.</summary>
internal sealed record Candidate(Guid Id, decimal Written, decimal Interview, DateTime RegisteredAt);

/// <summary>The pure rules of 选派 and 年度考核.</summary>
internal static class SecondmentRules
{
    /// <summary>总成绩 = written × weight + interview × (1 − weight), to two places.</summary>
    public static decimal Total(decimal written, decimal interview, decimal writtenWeight) =>
        Math.Round(written * writtenWeight + interview * (1 - writtenWeight), 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Ranking, 1 first: by total; on equal totals the higher written score, then the earlier registration (the tie
    /// rule published with the campaign) — so no two candidates share a rank.
    /// </summary>
    public static IReadOnlyList<(Candidate Candidate, decimal Total, int Rank)> Rank(
        IEnumerable<Candidate> candidates, decimal writtenWeight) =>
        candidates.Select(c => (c, Total: Total(c.Written, c.Interview, writtenWeight)))
            .OrderByDescending(x => x.Total).ThenByDescending(x => x.c.Written).ThenBy(x => x.c.RegisteredAt)
            .ThenBy(x => x.c.Id)
            .Select((x, i) => (x.c, x.Total, i + 1)).ToList();

    /// <summary>优秀 may go to at most this many of those graded (考核规定: normally 20 %).</summary>
    public static int ExcellentQuota(int graded, decimal share) => (int)Math.Floor(graded * share);

    /// <summary>不确定档次: seconded for less than half of the year (fewer than half its days in the post).</summary>
    public static bool LessThanHalfYear(DateOnly startedOn, DateOnly? endedOn, int year)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var from = startedOn > first ? startedOn : first;
        var to = endedOn is { } e && e.AddDays(-1) < last ? e.AddDays(-1) : last;
        var days = to.DayNumber - from.DayNumber + 1;
        return days * 2 < last.DayNumber - first.DayNumber + 1;
    }

    /// <summary>A bar of one year from the decision: <paramref name="date"/> falls inside it.</summary>
    public static bool IsBarred(IEnumerable<(DateOnly From, DateOnly Until)> bars, DateOnly date) =>
        bars.Any(b => b.From <= date && date < b.Until);
}
