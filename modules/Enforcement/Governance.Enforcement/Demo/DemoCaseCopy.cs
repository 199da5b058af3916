using NpgsqlTypes;

namespace Governance.Enforcement.Demo;

/// <summary>Writes the demo cases with COPY (binary): the cases, their timelines and officers, the reviews and
/// discussions of the major ones, the decision sequences (so the next real decision takes the next number) and the
/// disclosures with their publication events.</summary>
internal static class DemoCaseCopy
{
    private const string Actor = "演示数据";

    public static async Task WriteAsync(
        NpgsqlConnection c, List<DemoCase> cases, List<DemoDisclosure> disclosures, DateTime now, CancellationToken ct)
    {
        await CopyAsync(c, """
            copy enforcement.cases (id, team_id, region_path, state, procedure, source, domain, occurred_on, place,
                description, party_kind, party_name, party_id_number, received_at, item_id, item_code, item_name,
                exercise_mode, agreement_no, severe_harm, filed_on, decision_due_on, transferred_to_id,
                transferred_to_name, major_reasons, notified_on, notice_kinds, notice_fine, hearing_eligible,
                hearing_requested_on, hearing_notified_on, hearing_on, hearing_presider, hearing_place, hearing_record,
                decision_no, decision_year, decision_seq, decided_on, penalty_kinds, fine_amount, benchmark_degree,
                legal_basis, no_penalty_reason, delivered_on, delivery_method, paid_on, paid_amount, late_fee,
                closed_on, archived_on, created_by_id, created_by, version) from stdin (format binary)
            """, cases.Select(k => new object?[]
        {
            k.Id, k.Team.Id, k.Team.Path, k.State, k.Procedure, k.Source, k.Domain, k.OccurredOn, k.Place,
            k.Description, k.PartyKind, k.PartyName, k.PartyId, k.ReceivedAt, k.ItemId, k.Item?.Code, k.Item?.Name,
            k.Mode, k.AgreementNo, k.ItemId is null ? null : false, k.ItemId is null ? null : k.FiledOn,
            k.ItemId is null ? null : k.FiledOn!.Value.AddDays(90), k.TransferredToId, k.TransferredTo,
            k.MajorReasons, k.NotifiedOn, k.NotifiedOn is null ? null : k.Kinds, k.NotifiedOn is null ? null : k.Fine,
            k.NotifiedOn is null ? null : k.HearingEligible, k.HearingRequestedOn, k.HearingNotifiedOn, k.HearingOn,
            k.HearingNotifiedOn is null ? null : "法制审核员（听证主持人）",
            k.HearingNotifiedOn is null ? null : k.Team.Address + " 听证室",
            k.HearingOn is null ? null : "当事人陈述申辩意见已记录", k.DecisionNo, k.DecidedOn?.Year, k.DecisionSeq,
            k.DecidedOn, k.DecidedOn is null ? null : k.Kinds, k.DecidedOn is null ? null : k.Fine,
            k.DecidedOn is null ? null : k.Degree, k.DecidedOn is null ? null : k.Item?.LegalBasis,
            k.DecidedOn is null ? null : k.NoPenaltyReason, k.DeliveredOn,
            k.DeliveredOn is null ? null : k.DeliveryMethod,
            k.PaidOn, k.PaidAmount, k.LateFee, k.ClosedOn, k.ArchivedOn, Guid.Empty, "demo", k.Version,
        }), ct);
        await CopyAsync(c, """
            copy enforcement.case_events (id, record_id, at, actor, action, from_state, to_state, note)
            from stdin (format binary)
            """, cases.SelectMany(k => k.Steps.Select((x, i) => new object?[]
            {
                Guid.CreateVersion7(), k.Id, At(x.On, i, k.ReceivedAt, now), Actor, x.Action, x.From, x.To, x.Note,
            }).Prepend([Guid.CreateVersion7(), k.Id, k.ReceivedAt, Actor, "register", null, "lead", null])), ct);
        await CopyAsync(c, """
            copy enforcement.case_officers (case_id, officer_id, certificate_number, assigned_on)
            from stdin (format binary)
            """, cases.SelectMany(k => k.Officers.Select(x => new object?[]
            {
                k.Id, x.Officer.Id, x.Number, k.FiledOn,
            })), ct);
        await CopyAsync(c, """
            copy enforcement.case_reviews (id, case_id, reviewed_at, reviewer_id, reviewer, passed, opinion)
            from stdin (format binary)
            """, cases.Where(k => k.Steps.Any(x => x.Action == "review")).Select(k => new object?[]
            {
                Guid.CreateVersion7(), k.Id, At(k.ReviewedOn!.Value, 0, k.ReceivedAt, now), Guid.Empty,
                "县司法局法制审核员", true, "事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。",
            }), ct);
        await CopyAsync(c, """
            copy enforcement.case_discussions (id, case_id, held_on, participants, conclusion, recorded_by)
            from stdin (format binary)
            """, cases.Where(k => k.Steps.Any(x => x.Action == "discuss")).Select(k => new object?[]
            {
                Guid.CreateVersion7(), k.Id, k.DiscussedOn, "党委书记、乡镇长、分管副乡镇长、执法大队长",
                "同意拟作出的处罚决定", Actor,
            }), ct);
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.decision_sequences (team_id, year, last)
            select team_id, decision_year, max(decision_seq) from enforcement.cases
            where team_id = any(@teams) and decision_seq is not null group by 1, 2
            on conflict (team_id, year) do update set last = excluded.last
            """, new { teams = cases.Select(k => k.Team.Id).Distinct().ToArray() }, cancellationToken: ct));
        await CopyAsync(c, """
            copy enforcement.disclosures (id, case_id, team_id, region_path, state, kind, decided_on, due_on,
                published_on, decision_no, township_name, domain, domain_name, party_kind, party_display,
                credit_code, facts, penalty, legal_basis, version) from stdin (format binary)
            """, disclosures.Select(d => new object?[]
            {
                d.Id, d.Case.Id, d.Case.Team.Id, d.Case.Team.Path, d.PublishedOn is null ? "pending" : "published",
                d.Kind, d.Case.DecidedOn, d.DueOn, d.PublishedOn, d.Case.DecisionNo,
                Published(d, d.Case.Team.TownshipName), Published(d, d.Case.Domain), Published(d, d.DomainName),
                Published(d, d.Case.PartyKind), Published(d, d.PartyDisplay), Published(d, d.CreditCode),
                Published(d, d.Case.Description), Published(d, d.Penalty), Published(d, d.Case.Item?.LegalBasis),
                d.PublishedOn is null ? 1 : 2,
            }), ct);
        await CopyAsync(c, """
            copy enforcement.disclosure_events (id, record_id, at, actor, action, from_state, to_state, note)
            from stdin (format binary)
            """, disclosures.Where(d => d.PublishedOn is not null).Select(d => new object?[]
            {
                Guid.CreateVersion7(), d.Id, At(d.PublishedOn!.Value, 10, d.Case.ReceivedAt, now), Actor, "publish",
                "pending", "published", null,
            }), ct);
    }

    /// <summary>The public snapshot is taken at publication: empty while pending.</summary>
    private static string? Published(DemoDisclosure d, string? value) => d.PublishedOn is null ? null : value;

    /// <summary>A step's time: 10:00 Beijing on its day (a minute per step, so a day's steps keep their order), never
    /// before the lead came in nor after now.</summary>
    private static DateTime At(DateOnly on, int index, DateTime received, DateTime now)
    {
        var at = on.ToDateTime(new TimeOnly(2, index), DateTimeKind.Utc);
        return at < received ? received.AddMinutes(index + 1) : at > now ? now : at;
    }

    private static async Task CopyAsync(
        NpgsqlConnection c, string copy, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var w = await c.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await w.StartRowAsync(ct);
            foreach (var v in row) await WriteAsync(w, v, ct);
        }
        await w.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter w, object? v, CancellationToken ct) => v switch
    {
        null => w.WriteNullAsync(ct),
        Guid g => w.WriteAsync(g, ct),
        string s => w.WriteAsync(s, ct),
        string[] a => w.WriteAsync(a, NpgsqlDbType.Array | NpgsqlDbType.Text, ct),
        DateOnly d => w.WriteAsync(d, ct),
        DateTime t => w.WriteAsync(t, NpgsqlDbType.TimestampTz, ct),
        bool b => w.WriteAsync(b, ct),
        int i => w.WriteAsync(i, ct),
        decimal m => w.WriteAsync(m, NpgsqlDbType.Numeric, ct),
        _ => throw new ArgumentException($"no COPY writer for {v.GetType()}"),
    };
}
