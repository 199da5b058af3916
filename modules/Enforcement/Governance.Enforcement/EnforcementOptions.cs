namespace Governance.Enforcement;

/// <summary>The module's thresholds (configuration section "Enforcement"); the defaults follow the source
/// county.</summary>
public sealed class EnforcementOptions
{
    /// <summary>执法证 expiry warning: a certificate ending within this many days is shown as expiring.</summary>
    public int CertificateWarningDays { get; set; } = 60;

    /// <summary>Team sizing (队伍配备): a township with fewer residents than this…</summary>
    public int LargeTownshipPopulation { get; set; } = 50_000;

    /// <summary>…needs at least this many certified officers…</summary>
    public int SmallTeamMinimum { get; set; } = 10;

    /// <summary>…and a township at or above it at least this many.</summary>
    public int LargeTeamMinimum { get; set; } = 15;

    /// <summary>追责时效 (行政处罚法 36): an act not discovered within this many years is not punished…</summary>
    public int LimitationYears { get; set; } = 2;

    /// <summary>…or this many where it endangers life, health or financial safety and had harmful
    /// consequences.</summary>
    public int SevereLimitationYears { get; set; } = 5;

    /// <summary>A decision within this many calendar days of 立案 (行政处罚法 60), unless an extension is
    /// approved.</summary>
    public int DecisionDays { get; set; } = 90;

    /// <summary>A filed case whose decision is due within this many days is listed as due soon (临期).</summary>
    public int DecisionDueSoonDays { get; set; } = 10;

    /// <summary>延期: an approved extension adds at most this many calendar days to the decision deadline, in all
    /// (e.g. market regulation's +30 days with the head's approval).</summary>
    public int MaxExtensionDays { get; set; } = 30;

    /// <summary>事先告知: the party's working days to state a defence or ask for a hearing (64: 5 days, working days by
    /// 85); no decision before they have run.</summary>
    public int NoticeWorkingDays { get; set; } = 5;

    /// <summary>听证通知: sent at least this many working days before the hearing (64: 7 days).</summary>
    public int HearingNoticeWorkingDays { get; set; } = 7;

    /// <summary>较大数额 (63): a fine or confiscation from this amount (yuan) gives a person the right to a
    /// hearing…</summary>
    public decimal LargeAmountPerson { get; set; } = 10_000m;

    /// <summary>…and from this amount an organisation (local standards; configurable).</summary>
    public decimal LargeAmountOrganisation { get; set; } = 100_000m;

    /// <summary>简易程序 (51): a fine up to this amount for a person…</summary>
    public decimal SimpleFinePerson { get; set; } = 200m;

    /// <summary>…and up to this amount for an organisation.</summary>
    public decimal SimpleFineOrganisation { get; set; } = 3_000m;

    /// <summary>送达 within this many working days of the decision (61: 7 days).</summary>
    public int DeliveryWorkingDays { get; set; } = 7;

    /// <summary>缴纳罚款 within this many calendar days of delivery (67).</summary>
    public int PaymentDays { get; set; } = 15;

    /// <summary>加处罚款 (72): this share of the fine per day late, never more than the fine.</summary>
    public decimal LateFeeRatePerDay { get; set; } = 0.03m;

    /// <summary>The 决定书 number: <c>{org}</c> the township's short name, <c>{year}</c>, <c>{seq}</c> (one gap-free
    /// sequence per team and year).</summary>
    public string DecisionNumberFormat { get; set; } = "{org}综执罚决〔{year}〕{seq}号";

    /// <summary>证据文件: where evidence files are stored (relative to the API's content root, or absolute); the
    /// database holds their hashes.</summary>
    public string EvidenceDirectory { get; set; } = ".data/evidence";

    /// <summary>The largest evidence file accepted, in bytes (a recording of an inquiry fits).</summary>
    public long EvidenceMaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>先行登记保存 (56): the 处理决定 is due within this many working days of the preservation.</summary>
    public int PreservationWorkingDays { get; set; } = 7;

    /// <summary>事后公开: a penalty decision is disclosed within this many working days of the decision…</summary>
    public int DisclosureWorkingDays { get; set; } = 7;

    /// <summary>…any other decision (e.g. 不予处罚) within this many.</summary>
    public int OtherDisclosureWorkingDays { get; set; } = 20;

    /// <summary>A revoked or changed decision's disclosure is retracted within this many working days.</summary>
    public int RetractionWorkingDays { get; set; } = 3;

    /// <summary>A disclosure stays on the public pages this many years…</summary>
    public int DisclosureYears { get; set; } = 5;

    /// <summary>…and this many where the party is a natural person.</summary>
    public int PersonDisclosureYears { get; set; } = 2;

    /// <summary>事前公开: how to complain about an officer or a case (<c>{team}</c>, <c>{phone}</c>).</summary>
    public string ComplaintChannel { get; set; } =
        "对执法人员或执法行为有异议的，可向{team}（电话 {phone}）反映，或向县司法局投诉举报；"
        + "当事人也可依法申请行政复议或提起行政诉讼。";

    /// <summary>双向考核 (行政处罚法 74): an indicator whose code, name or source contains one of these terms is
    /// refused — fines and confiscations never feed a score. Chinese terms match anywhere, Latin ones at a word start;
    /// configuration can add terms.</summary>
    public string[] AssessmentForbiddenTerms { get; set; } =
        ["罚款", "罚没", "没收", "罚金", "违法所得", "fine", "confiscat", "forfeit"];

    /// <summary>The minimum number of certified officers for a township of <paramref name="population"/>.</summary>
    public int RequiredOfficers(int population) =>
        population < LargeTownshipPopulation ? SmallTeamMinimum : LargeTeamMinimum;
}
