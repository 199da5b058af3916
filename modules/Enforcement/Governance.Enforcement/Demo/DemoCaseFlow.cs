using Governance.Calendar.Contracts;
using Governance.Enforcement.Features;

namespace Governance.Enforcement.Demo;

/// <summary>
/// Takes a demo case from 立案 as far as its age allows, with the periods the law sets (the same rules the API
/// enforces): 告知 and the 5-working-day period, 听证 for the large fines that qualify (notice 7 working days ahead),
/// 法制审核 and 集体讨论 for the major ones, a decision inside the county's demo 裁量基准 within 90 days, 送达 within 7
/// working days (a few late), payment within 15 days (a few late, with 加处罚款), 结案 and 归档. A few cases stall past
/// the 90-day limit: the overdue list is never empty. The 简易程序 decides on the spot.
/// </summary>
internal sealed class DemoCaseFlow(Random rng, DateOnly today, WorkingDayCalendar calendar, EnforcementOptions o)
{
    /// <summary>Adds the step unless its day is still to come; answers whether it was taken.</summary>
    private static bool Take(DemoCase k, DateOnly on, string action, string to, string? note, DateOnly today)
    {
        if (on > today) return false;
        k.Steps.Add(new DemoCase.Step(on, action, k.State, to, note));
        k.State = to;
        return true;
    }

    private bool Take(DemoCase k, DateOnly on, string action, string to, string? note = null) =>
        Take(k, on, action, to, note, today);

    /// <summary>简易程序: a warning or a small fine, decided and handed over on the spot.</summary>
    public void Simple(DemoCase k, DateOnly on)
    {
        var person = k.PartyKind == "person";
        var fine = rng.Next(10) < 6;
        (k.Procedure, k.FiledOn, k.NotifiedOn, k.Degree) = ("simple", on, on, "minor");
        k.Kinds = fine ? ["fine"] : ["warning"];
        k.Fine = fine ? person ? 50m * rng.Next(1, 5) : 100m * rng.Next(5, 11) : null; // inside the minor degree
        (k.DecidedOn, k.DeliveredOn, k.DeliveryMethod) = (on, on, "on_spot");
        Take(k, on, "simple", "delivered", null); // the note takes the number (DemoCases.NumberDecisions)
        Finish(k, on);
    }

    /// <summary>普通程序 from 立案 on <see cref="DemoCase.FiledOn"/>.</summary>
    public void General(DemoCase k)
    {
        var filed = k.FiledOn!.Value;
        if (!Take(k, filed, "file", "filed", $"依据“{k.Item!.Name}”立案")) return;
        var stalls = rng.Next(100) < 1; // 超期: no decision within the 90 days
        var roll = rng.Next(100);
        (k.Degree, k.Kinds, k.Fine) = roll switch
        {
            < 8 => ("minor", ["warning"], null),
            < 12 => ("minor", ["none"], null),
            < 70 => ("minor", ["fine"], 50m * rng.Next(4, 21)),
            < 94 => ("general", ["fine"], 100m * rng.Next(10, 51)),
            _ => ((string, string[], decimal?))("serious", ["fine"], 1_000m * rng.Next(5, 21)),
        };
        if (k.Kinds[0] == "none")
            k.NoPenaltyReason = "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）";
        var notice = Work(filed.AddDays(5 + rng.Next(20)));
        if (stalls && rng.Next(2) == 0) return;
        if (!Take(k, notice, "notify", "notified", "送达行政处罚事先告知书")) return;
        k.NotifiedOn = notice;
        var threshold = k.PartyKind == "person" ? o.LargeAmountPerson : o.LargeAmountOrganisation;
        k.HearingEligible = k.Fine >= threshold;
        var ready = calendar.AddWorkingDays(notice, o.NoticeWorkingDays).AddDays(1);
        if (stalls) return;
        if (k.HearingEligible && rng.Next(10) < 4)
        {
            var asked = calendar.AddWorkingDays(notice, 1 + rng.Next(3));
            if (!Take(k, asked, "request_hearing", "hearing_requested", "当事人申请听证")) return;
            k.HearingRequestedOn = asked;
            var sent = calendar.AddWorkingDays(asked, 1 + rng.Next(3));
            if (!Take(k, sent, "schedule_hearing", "hearing_scheduled", "送达听证通知书")) return;
            k.HearingNotifiedOn = sent;
            var held = calendar.AddWorkingDays(sent, o.HearingNoticeWorkingDays + rng.Next(3));
            if (!Take(k, held, "hold_hearing", "heard", "举行听证，制作听证笔录")) return;
            k.HearingOn = held;
            ready = held.AddDays(1);
        }
        if (k.Degree == "serious")
        {
            k.MajorReasons = [rng.Next(2) == 0 ? "public_interest" : "complex"];
            k.ReviewedOn = Work(ready.AddDays(rng.Next(3)));
            k.DiscussedOn = calendar.AddWorkingDays(k.ReviewedOn.Value, 1 + rng.Next(3));
            if (!Take(k, k.ReviewedOn.Value, "review", k.State, "审核通过：事实清楚，证据确凿，适用依据正确")) return;
            if (!Take(k, k.DiscussedOn.Value, "discuss", k.State, "集体讨论：同意拟作出的处罚决定")) return;
            ready = k.DiscussedOn.Value.AddDays(1);
        }
        var decided = Min(Work(ready.AddDays(rng.Next(10))), filed.AddDays(o.DecisionDays));
        if (!Take(k, decided, "decide", "decided")) return;
        k.DecidedOn = decided;
        var late = rng.Next(100) < 3;
        var delivered = calendar.AddWorkingDays(decided, late ? 8 + rng.Next(4) : 1 + rng.Next(5));
        k.DeliveryMethod = rng.Next(10) < 7 ? "direct" : "post";
        if (!Take(k, delivered, "deliver", "delivered", PenaltyRules.DeliveryMethods[k.DeliveryMethod])) return;
        k.DeliveredOn = delivered;
        Finish(k, delivered);
    }

    /// <summary>执行 (a fine paid, now and then late with 加处罚款), 结案, 归档.</summary>
    private void Finish(DemoCase k, DateOnly delivered)
    {
        var closeFrom = delivered;
        if (k.Fine is { } fine)
        {
            var due = delivered.AddDays(o.PaymentDays);
            var paid = rng.Next(100) < 5 ? due.AddDays(1 + rng.Next(15)) : delivered.AddDays(rng.Next(o.PaymentDays));
            var lateFee = PenaltyRules.LateFee(fine, due, paid, o);
            if (!Take(k, paid, "execute", "executed", lateFee > 0 ? $"逾期缴纳，加处罚款 {lateFee} 元" : "已缴纳罚款"))
                return;
            (k.PaidOn, k.PaidAmount, k.LateFee) = (paid, fine, lateFee > 0 ? lateFee : null);
            closeFrom = paid;
        }
        var closed = calendar.AddWorkingDays(closeFrom, 1 + rng.Next(8));
        if (!Take(k, closed, "close", "closed")) return;
        k.ClosedOn = closed;
        var archived = calendar.AddWorkingDays(closed, 3 + rng.Next(18));
        if (!Take(k, archived, "archive", "archived", "案卷装订归档")) return;
        k.ArchivedOn = archived;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The day itself if a working day, else the next one (offices act on working days).</summary>
    private DateOnly Work(DateOnly day) => calendar.IsWorkingDay(day) ? day : calendar.AddWorkingDays(day, 1);
}
