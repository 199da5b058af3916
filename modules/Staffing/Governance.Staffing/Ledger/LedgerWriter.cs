namespace Governance.Staffing.Ledger;

/// <summary>One ledger line to write: which establishment, when it takes effect, what moved, and from which
/// document.</summary>
internal sealed record LedgerLine(
    Guid EstablishmentId, DateOnly EffectiveOn, string Movement, int ApprovedDelta, int OccupiedDelta,
    string? DocumentNo, Guid SourceId, string? Note = null, int LeadersApprovedDelta = 0, int LeadersHeldDelta = 0);

/// <summary>An establishment as the ledger writer locks it.</summary>
internal sealed record EstablishmentRow(
    Guid Id, Guid UnitId, string UnitName, string UnitKind, string RegionPath, string Kind, string Funding,
    int Reserved)
{
    public string Label => $"{UnitName}{PostTypes.Describe(Kind, Funding)}";
}

/// <summary>
/// The one writer of the ledger. Every change of approved posts, occupants or reservations goes through
/// <see cref="AppendAsync"/>: it locks the establishments concerned (in id order, so two multi-unit changes cannot
/// deadlock), checks <see cref="VacancyRule"/> on each with the change applied, and only then writes the lines and
/// reservations — so under any concurrency no unit ends up with more occupants than posts (64 concurrent hires into 3
/// vacancies: 3 succeed, the rest are refused with the figures).
/// </summary>
internal static class LedgerWriter
{
    private sealed record Existing(
        Guid EstablishmentId, DateOnly EffectiveOn, int ApprovedDelta, int OccupiedDelta, int LeadersApprovedDelta,
        int LeadersHeldDelta);

    private sealed record ExceptionSpan(Guid EstablishmentId, DateOnly ValidFrom, DateOnly ValidUntil, int Posts);

    public static async Task AppendAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<LedgerLine> lines, DateOnly today, DateTime now,
        string by, CancellationToken ct, IReadOnlyDictionary<Guid, int>? reservations = null,
        (Guid Id, DateOnly From)? recheck = null)
    {
        reservations ??= new Dictionary<Guid, int>();
        var ids = lines.Select(l => l.EstablishmentId).Concat(reservations.Keys)
            .Concat(recheck is { } r ? [r.Id] : []).Distinct().Order().ToArray();
        var locked = (await c.QueryAsync<EstablishmentRow>(new CommandDefinition("""
            select id, unit_id, unit_name, unit_kind, region_path, kind, funding, reserved
            from staffing.establishments where id = any(@ids) order by id for update
            """, new { ids }, tx, cancellationToken: ct))).ToList();
        if (locked.Count != ids.Length)
            throw new InvalidOperationException("An establishment of the change is missing.");

        var existing = (await c.QueryAsync<Existing>(new CommandDefinition("""
            select establishment_id, effective_on, approved_delta, occupied_delta, leaders_approved_delta,
                   leaders_held_delta
            from staffing.ledger_lines where establishment_id = any(@ids)
            """, new { ids }, tx, cancellationToken: ct))).ToLookup(l => l.EstablishmentId);
        var exceptions = (await c.QueryAsync<ExceptionSpan>(new CommandDefinition($"""
            select establishment_id, valid_from, {ExceptionEnd} as valid_until, posts
            from staffing.exceptions where establishment_id = any(@ids) and {ExceptionEnd} >= valid_from
            """, new { ids }, tx, cancellationToken: ct))).ToLookup(e => e.EstablishmentId);

        foreach (var e in locked)
        {
            var mine = lines.Where(l => l.EstablishmentId == e.Id).ToList();
            var reservedDelta = reservations.GetValueOrDefault(e.Id);
            // a change that only frees posts is never refused (an exit must be possible in a unit already over)
            var worsens = reservedDelta > 0 || mine.Any(l => l.ApprovedDelta < 0 || l.OccupiedDelta > 0);
            var movements = existing[e.Id].Select(l => new Movement(l.EffectiveOn, l.ApprovedDelta, l.OccupiedDelta,
                    l.LeadersApprovedDelta, l.LeadersHeldDelta))
                .Concat(mine.Select(l => new Movement(l.EffectiveOn, l.ApprovedDelta, l.OccupiedDelta,
                    l.LeadersApprovedDelta, l.LeadersHeldDelta))).ToList();
            // 领导职数: checked under the same lock, whenever a change removes leadership posts or adds a holder
            var leaders = mine.Where(l => l.LeadersApprovedDelta < 0 || l.LeadersHeldDelta > 0).ToList();
            if (leaders.Count > 0
                && LeaderRule.FirstShortfall(movements, leaders.Min(l => l.EffectiveOn)) is { } ls)
                throw NoLeaderPost(e, ls);
            if (!worsens && recheck?.Id != e.Id) continue;
            var allowances = exceptions[e.Id].Select(x => new Allowance(x.ValidFrom, x.ValidUntil, x.Posts)).ToList();
            var from = mine.Select(l => l.EffectiveOn).Append(reservedDelta > 0 ? today : DateOnly.MaxValue)
                .Append(recheck?.Id == e.Id ? recheck.Value.From : DateOnly.MaxValue).Min();
            if (VacancyRule.FirstShortfall(movements, allowances, e.Reserved + reservedDelta, from, today) is { } s)
                throw NoVacancy(e, s);
        }

        if (lines.Count > 0)
            await c.ExecuteAsync(new CommandDefinition("""
                insert into staffing.ledger_lines (id, establishment_id, effective_on, movement, approved_delta,
                    occupied_delta, document_no, source_id, note, recorded_at, recorded_by, leaders_approved_delta,
                    leaders_held_delta)
                select * from unnest(@id, @establishment, @on, @movement, @approved, @occupied, @document, @source,
                    @note, @at, @by, @leadersApproved, @leadersHeld)
                """, new
                {
                    id = lines.Select(_ => Guid.CreateVersion7()).ToArray(),
                    establishment = lines.Select(l => l.EstablishmentId).ToArray(),
                    on = lines.Select(l => l.EffectiveOn).ToArray(), movement = lines.Select(l => l.Movement).ToArray(),
                    approved = lines.Select(l => l.ApprovedDelta).ToArray(),
                    occupied = lines.Select(l => l.OccupiedDelta).ToArray(),
                    document = lines.Select(l => l.DocumentNo).ToArray(),
                    source = lines.Select(l => l.SourceId).ToArray(),
                    note = lines.Select(l => l.Note).ToArray(), at = lines.Select(_ => now).ToArray(),
                    by = lines.Select(_ => by).ToArray(),
                    leadersApproved = lines.Select(l => l.LeadersApprovedDelta).ToArray(),
                    leadersHeld = lines.Select(l => l.LeadersHeldDelta).ToArray(),
                }, tx, cancellationToken: ct));
        foreach (var (id, delta) in reservations.Where(r => r.Value != 0))
            await c.ExecuteAsync(new CommandDefinition(
                "update staffing.establishments set reserved = reserved + @delta where id = @id",
                new { id, delta }, tx, cancellationToken: ct));
    }

    /// <summary>SQL: the last day an exception allows extra occupants: the day before its resolution, or none while
    /// it is open (past its 消化期限 it is overdue and on the health page, but the people it covers are still
    /// there).</summary>
    public const string ExceptionEnd = "coalesce(resolved_on - 1, date '9999-12-31')";

    private static ConflictException NoLeaderPost(EstablishmentRow e, LeaderShortfall s) =>
        new("staffing.no_leader_post", s.Approved < 0
            ? $"{e.Label}在 {s.On:yyyy-MM-dd} 的核定领导职数不足以核减（此项变动后将为 {s.Approved} 名）。"
            : $"{e.Label}在 {s.On:yyyy-MM-dd} 核定领导职数 {s.Approved} 名，" +
            $"此项变动后担任领导职务的将有 {s.Held} 名，" +
            "超出核定领导职数。须先核增领导职数，或待领导职务空出后再任职。")
        {
            Extensions =
            {
                ["establishmentId"] = e.Id, ["date"] = s.On.ToString("yyyy-MM-dd"), ["leaderPosts"] = s.Approved,
                ["leadersHeld"] = s.Held,
            },
        };

    private static ConflictException NoVacancy(EstablishmentRow e, Shortfall s) =>
        new("staffing.no_vacancy", s.Approved < 0
            ? $"{e.Label}在 {s.On:yyyy-MM-dd} 的核定编制不足以核减或划出（此项变动后将为 {s.Approved} 名）。"
            : $"{e.Label}在 {s.On:yyyy-MM-dd} 核定编制 {s.Approved} 名，在编 {s.Occupied} 名" +
            (s.Reserved > 0 ? $"，已预留（批准的编制使用申请）{s.Reserved} 名" : "") +
            (s.Allowed > 0 ? $"，超编例外 {s.Allowed} 名" : "") +
            "，此项变动后将超出核定编制。确需超编的，须先登记有批准文件、有期限的超编例外。")
        {
            Extensions =
            {
                ["establishmentId"] = e.Id, ["date"] = s.On.ToString("yyyy-MM-dd"), ["approved"] = s.Approved,
                ["occupied"] = s.Occupied, ["reserved"] = s.Reserved, ["allowed"] = s.Allowed,
            },
        };
}
