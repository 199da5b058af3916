namespace Governance.Enforcement.Features;

/// <param name="Comment">Up to 500 characters.</param>
public sealed record AssessmentScore(
    Guid ScoredId, string? ScoredName, string IndicatorCode, decimal Score, string? Comment,
    DateTimeOffset? SubmittedAt);

/// <param name="Version">The sheet's version (its ETag); 0 before the first submission.</param>
public sealed record AssessmentSheet(
    Guid RoundId, Guid ScorerId, string ScorerName, int Version, DateTimeOffset? SubmittedAt, string? SubmittedBy,
    IReadOnlyList<AssessmentScore> Scores);

public sealed record AssessmentScoreRequest(Guid? ScoredId, [TextLimit(TextLimits.Code)] string? IndicatorCode,
    decimal? Score, [TextLimit(500)] string? Comment);

/// <param name="Scores">The scorer's whole sheet: it replaces what was submitted before (at most one score per
/// scored unit and manual indicator).</param>
public sealed record AssessmentSheetRequest(IReadOnlyList<AssessmentScoreRequest>? Scores);

/// <summary>
/// 评分表: a scorer's scores of the round's manual indicators, one per scored unit and indicator. Only the scorer
/// itself fills it in — a county department (the caller's unit) when departments score townships, a township (the
/// caller's township) when townships score departments — and only while the round is open and today is inside its
/// window. Every submission replaces the sheet, bumps its version (If-Match once it exists) and is audited with the
/// scores before and after.
/// </summary>
internal static class AssessmentSheets
{
    private sealed record ScoreRow(
        Guid ScoredId, string ScoredName, string IndicatorCode, decimal Score, string? Comment, DateTime SubmittedAt);

    private static async Task<AssessmentSheet> ReadAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, AssessmentRounds.PartyRow scorer, CancellationToken ct)
    {
        using var grid = await c.QueryMultipleAsync(new CommandDefinition("""
            select version, submitted_at, submitted_by from enforcement.assessment_sheets
            where round_id = @id and scorer_id = @scorerId;
            select s.scored_id, p.name as scored_name, s.indicator_code, s.score, s.comment, s.submitted_at
            from enforcement.assessment_scores s
            join enforcement.assessment_parties p on p.round_id = s.round_id and p.party_id = s.scored_id
            join enforcement.assessment_indicators i on i.round_id = s.round_id and i.code = s.indicator_code
            where s.round_id = @id and s.scorer_id = @scorerId order by p.region_path, p.name, i.sort
            """, new { id, scorerId = scorer.PartyId }, tx, cancellationToken: ct));
        var sheet = await grid.ReadSingleOrDefaultAsync<(int Version, DateTime? SubmittedAt, string? SubmittedBy)>();
        var scores = (await grid.ReadAsync<ScoreRow>()).Select(x => new AssessmentScore(x.ScoredId, x.ScoredName,
            x.IndicatorCode, x.Score, x.Comment, Timestamps.Utc(x.SubmittedAt))).ToList();
        return new AssessmentSheet(id, scorer.PartyId, scorer.Name, sheet.Version,
            sheet.SubmittedAt is { } at ? Timestamps.Utc(at) : null, sheet.SubmittedBy, scores);
    }

    /// <summary>The caller's own party id on the scoring side: its unit (a department) or its township.</summary>
    private static bool IsOwn(AssessmentRounds.Row round, CurrentUser user, Guid scorerId) =>
        round.ScorerKind == "department" ? user.UnitId == scorerId : user.RegionId == scorerId;

    /// <summary>The round (visible to the caller, else 404) and the scorer (403 when the caller is neither that
    /// scorer nor one of the county's managers, or when it does not score in this round).</summary>
    private static async Task<(AssessmentRounds.Row Round, AssessmentRounds.PartyRow Scorer)> ScorerAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, Guid scorerId, bool write, EnforcementServices s)
    {
        var ct = s.Cancellation;
        var round = await AssessmentRounds.FindAsync(c, tx, id, s.User, s.Today, ct, write ? "share" : null);
        if (round is null)
        {
            if (tx is not null) await tx.RollbackAsync(ct);
            await s.Guard.DenyAsync(AssessmentRounds.Workflow.RecordType, id, ct);
        }
        var scorer = (await AssessmentRounds.PartiesAsync(c, tx, id, ct))
            .FirstOrDefault(p => p.PartyId == scorerId && p.Kind == round!.ScorerKind);
        var own = IsOwn(round!, s.User, scorerId);
        var reason = scorer is null ? "该单位不是本轮考核的评分单位。"
            : !own && (write || !s.User.Has(EnforcementPermissions.AssessManage)) ? "只能填报本单位的评分表。"
            : null;
        if (reason is not null)
            throw new ForbiddenException(reason)
            {
                Audit = new DeniedAction(write ? "enforcement.assessment.score" : "enforcement.assessment.sheet",
                    "assessment_sheet", $"{id}/{scorerId}", round!.CountyPath),
            };
        return (round!, scorer!);
    }

    public static async Task<Ok<AssessmentSheet>> Get(Guid id, Guid scorerId, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var (_, scorer) = await ScorerAsync(c, null, id, scorerId, false, s);
        var sheet = await ReadAsync(c, null, id, scorer, ct);
        ETags.Set(s.Http, sheet.Version);
        return TypedResults.Ok(sheet);
    }

    /// <summary>Submits the scorer's sheet: only its own, only inside the window of an open round, each score between
    /// 0 and the indicator's maximum (two decimals), manual indicators only.</summary>
    public static async Task<Ok<AssessmentSheet>> Put(
        Guid id, Guid scorerId, AssessmentSheetRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // share: a concurrent 锁定 waits for this sheet, and a sheet never lands in a locked round
        var (round, scorer) = await ScorerAsync(c, tx, id, scorerId, true, s);
        var key = new { id, scorerId };
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.assessment_sheets (round_id, scorer_id, version) values (@id, @scorerId, 0)
            on conflict do nothing
            """, key, tx, cancellationToken: ct));
        var version = await c.ExecuteScalarAsync<int>(new CommandDefinition("""
            select version from enforcement.assessment_sheets where round_id = @id and scorer_id = @scorerId
            for update
            """, key, tx, cancellationToken: ct));
        if (version > 0) ETags.Require(s.Http, version);
        if (!round.WindowOpen)
            throw new ConflictException("enforcement.assessment_window_closed", round.State != "open"
                ? $"考核状态为“{AssessmentRounds.StateNames[round.State]}”，不能评分。"
                : $"评分期为 {round.OpensOn:yyyy-MM-dd} 至 {round.ClosesOn:yyyy-MM-dd}，今天不能评分。")
            {
                Extensions = { ["state"] = round.State, ["opensOn"] = round.OpensOn, ["closesOn"] = round.ClosesOn },
            };
        var indicators = await AssessmentRounds.IndicatorsAsync(c, tx, id, ct);
        var scored = (await AssessmentRounds.PartiesAsync(c, tx, id, ct)).Where(p => p.Kind == round.ScoredKind)
            .Select(p => p.PartyId).ToHashSet();
        var scores = Validate(r, indicators, scored);

        var before = await ReadAsync(c, tx, id, scorer, ct);
        await c.ExecuteAsync(new CommandDefinition("""
            delete from enforcement.assessment_scores where round_id = @id and scorer_id = @scorerId;
            update enforcement.assessment_sheets set version = version + 1, submitted_at = @now, submitted_by = @by
            where round_id = @id and scorer_id = @scorerId;
            insert into enforcement.assessment_scores
                (round_id, scorer_id, scored_id, indicator_code, score, comment, submitted_at)
            select @id, @scorerId, * , @now from unnest(@scored, @codes, @values, @comments)
            """, new
            {
                id, scorerId, now = s.Now, by = s.User.Name, scored = scores.Select(x => x.ScoredId!.Value).ToArray(),
                codes = scores.Select(x => x.IndicatorCode!).ToArray(), values = scores.Select(x => x.Score!.Value)
                    .ToArray(),
                comments = scores.Select(x => TextInput.Blank(x.Comment)).ToArray(),
            }, tx, cancellationToken: ct));
        var after = await ReadAsync(c, tx, id, scorer, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.assessment.score", "assessment_sheet",
            $"{id}/{scorerId}", round.CountyPath, before.Scores, after.Scores), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, after.Version);
        return TypedResults.Ok(after);
    }

    private static IReadOnlyList<AssessmentScoreRequest> Validate(
        AssessmentSheetRequest r, IReadOnlyList<AssessmentIndicator> indicators, IReadOnlySet<Guid> scored)
    {
        var scores = r.Scores ?? [];
        var manual = indicators.Where(i => i.Source == AssessmentRules.Manual).ToDictionary(i => i.Code);
        var v = new Validator().Check(scores.Count <= scored.Count * Math.Max(manual.Count, 1), "scores",
            "评分条目超过了被评单位数 × 人工评分指标数。");
        var seen = new HashSet<(Guid?, string?)>();
        for (var n = 0; n < scores.Count; n++)
        {
            var (x, f) = (scores[n], $"scores[{n}]");
            var indicator = x.IndicatorCode is null ? null : manual.GetValueOrDefault(x.IndicatorCode);
            var computed = x.IndicatorCode is not null && indicators.Any(i => i.Code == x.IndicatorCode
                && i.Source != AssessmentRules.Manual);
            v.Check(x.ScoredId is { } sid && scored.Contains(sid), $"{f}.scoredId", "被评单位不在本轮考核中。")
                .Check(indicator is not null, $"{f}.indicatorCode",
                    computed ? "该指标根据执法数据计算，不能人工评分。" : "本轮考核没有这项指标。")
                .Check(seen.Add((x.ScoredId, x.IndicatorCode)), f, "同一被评单位的同一指标只能评一次分。")
                .Check(x.Score is not null, $"{f}.score", "请填写得分。");
            if (indicator is not null && x.Score is { } score)
                v.Check(score >= 0m && score <= indicator.MaxScore && decimal.Round(score, 2) == score,
                    $"{f}.score", $"得分须在 0 至 {indicator.MaxScore:0.##} 之间，最多两位小数。");
        }
        v.ThrowIfInvalid();
        return scores;
    }
}
