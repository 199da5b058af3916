using Governance.Calendar.Contracts;
using Governance.Enforcement.Features;

namespace Governance.Enforcement.Demo;

/// <summary>A demo disclosure: the row of <c>enforcement.disclosures</c>, published or still pending.</summary>
internal sealed record DemoDisclosure(
    Guid Id, DemoCase Case, string Kind, DateOnly DueOn, DateOnly? PublishedOn, string? PartyDisplay,
    string? CreditCode, string Penalty, string? DomainName);

/// <summary>
/// The demo decisions' numbers — one gap-free sequence per team and year in the order of the decisions, as the API
/// gives them (<c>{org}综执罚决〔{year}〕{seq}号</c>) — and their 事后公开: due 7 working days after a penalty (20
/// after another decision), published mostly on time, a few late, the newest still pending.
/// </summary>
internal static class DemoDisclosures
{
    public static List<DemoDisclosure> Number(
        List<DemoCase> cases, Random rng, DateOnly today, WorkingDayCalendar calendar, EnforcementOptions o,
        IReadOnlyDictionary<string, string> domainNames)
    {
        var decided = cases.Where(k => k.DecidedOn is not null)
            .OrderBy(k => k.DecidedOn).ThenBy(k => k.ReceivedAt).ThenBy(k => k.Id).ToList();
        foreach (var year in decided.GroupBy(k => (k.Team.Id, k.DecidedOn!.Value.Year)))
        {
            var seq = 0;
            foreach (var k in year)
            {
                k.DecisionSeq = ++seq;
                k.DecisionNo = PenaltyRules.DecisionNumber(o.DecisionNumberFormat,
                    PenaltyRules.Abbreviation(k.Team.Name), year.Key.Year, seq);
                var penalty = new Penalty(k.Kinds, k.Fine, null);
                k.Steps.Single(x => x.Action is "decide" or "simple").Note = $"{k.DecisionNo}：{penalty}。"
                    + (k.Procedure == "simple" ? "当场处罚，当场交付。" : "");
            }
        }
        var list = new List<DemoDisclosure>();
        foreach (var k in decided)
        {
            var on = k.DecidedOn!.Value;
            var due = calendar.AddWorkingDays(on, k.IsPenalty ? o.DisclosureWorkingDays : o.OtherDisclosureWorkingDays);
            DateOnly? published = rng.Next(100) < 6
                ? due.AddDays(1 + rng.Next(10))
                : calendar.AddWorkingDays(on, 1 + rng.Next(k.IsPenalty ? 6 : 15));
            if (published > today) published = null;
            var person = k.PartyKind == "person";
            list.Add(new DemoDisclosure(Guid.CreateVersion7(), k, k.IsPenalty ? "penalty" : "other", due, published,
                person ? Masking.Name(k.PartyName) : k.PartyName, person ? null : k.PartyId,
                new Penalty(k.Kinds, k.Fine, null).ToString(), domainNames.GetValueOrDefault(k.Domain, k.Domain)));
        }
        return list;
    }
}
