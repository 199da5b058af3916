using Governance.PowerLists.Contracts;

namespace Governance.Enforcement.Demo;

/// <summary>One demo case as it is built up step by step (<see cref="DemoCaseFlow"/>), then copied in
/// (<see cref="DemoCaseCopy"/>): the columns of <c>enforcement.cases</c> and the steps of its timeline.</summary>
internal sealed class DemoCase(DemoCases.Team team, DateTime receivedAt)
{
    public sealed class Step(DateOnly on, string action, string from, string to, string? note)
    {
        public DateOnly On { get; } = on;
        public string Action { get; } = action;
        public string From { get; } = from;
        public string To { get; } = to;
        public string? Note { get; set; } = note;
    }

    public Guid Id { get; } = Guid.CreateVersion7();
    public DemoCases.Team Team { get; } = team;
    public DateTime ReceivedAt { get; } = receivedAt;
    public string State { get; set; } = "lead";
    public string Procedure { get; set; } = "general";
    public string Source { get; set; } = "patrol";
    public string Domain { get; set; } = "CG";
    public DateOnly OccurredOn { get; set; }
    public string Place { get; set; } = "";
    public string Description { get; set; } = "";
    public string PartyKind { get; set; } = "person";
    public string PartyName { get; set; } = "";
    public string PartyId { get; set; } = "";

    // 立案 (or 不予立案 / 移送, on FiledOn)
    public PowerItem? Item { get; set; }
    public Guid? ItemId { get; set; }
    public string? Mode { get; set; }
    public string? AgreementNo { get; set; }
    public DateOnly? FiledOn { get; set; }
    public string? TransferredTo { get; set; }
    public Guid? TransferredToId { get; set; }
    public (DemoCases.Officer Officer, string Number)[] Officers { get; set; } = [];

    // 告知, 听证, 法制审核, 集体讨论
    public string[] MajorReasons { get; set; } = [];
    public DateOnly? NotifiedOn { get; set; }
    public bool HearingEligible { get; set; }
    public DateOnly? HearingRequestedOn { get; set; }
    public DateOnly? HearingNotifiedOn { get; set; }
    public DateOnly? HearingOn { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public DateOnly? DiscussedOn { get; set; }

    // 决定 (the number is given once all of a county's decisions are known: gap-free per team and year)
    public string[] Kinds { get; set; } = [];
    public decimal? Fine { get; set; }
    public string? Degree { get; set; }
    public string? NoPenaltyReason { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecisionNo { get; set; }
    public int? DecisionSeq { get; set; }

    // 送达, 执行, 结案, 归档
    public DateOnly? DeliveredOn { get; set; }
    public string? DeliveryMethod { get; set; }
    public DateOnly? PaidOn { get; set; }
    public decimal? PaidAmount { get; set; }
    public decimal? LateFee { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateOnly? ArchivedOn { get; set; }

    /// <summary>The timeline after 线索登记, in order.</summary>
    public List<Step> Steps { get; } = [];

    public int Version => 1 + Steps.Count;

    public bool IsPenalty => Kinds.Length > 0 && !Kinds.SequenceEqual(["none"]);
}
