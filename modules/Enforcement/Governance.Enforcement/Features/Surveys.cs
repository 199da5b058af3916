namespace Governance.Enforcement.Features;

/// <param name="Method">questionnaire (问卷调查), phone (电话回访), online (网上评议).</param>
/// <param name="Satisfied">Respondents 满意 or 基本满意.</param>
/// <param name="CorrectsId">The survey this record corrects (it then replaces it in the figures).</param>
public sealed record SurveyRequest(
    Guid? TeamId, DateOnly? SurveyedOn, [TextLimit(TextLimits.Code)] string? Method, int? Respondents, int? Satisfied,
    [TextLimit(500)] string? Note,
    Guid? CorrectsId);

public sealed record SurveyResponse(
    Guid Id, Guid TeamId, string TeamName, DateOnly SurveyedOn, string Method, string MethodName, int Respondents,
    int Satisfied, decimal Rate, string? Note, Guid? CorrectsId, Guid? CorrectedById, DateTimeOffset RecordedAt,
    string RecordedBy);

/// <summary>
/// 执法满意度 surveys: the county records each survey of a township team's enforcement (how many answered, how many
/// were satisfied); the KPI 执法满意度 sums the month's surveys. Records never change (append-only for the API's
/// role); a wrong one is corrected by a new record that names it, and only the newest of a chain counts.
/// </summary>
internal static class Surveys
{
    internal static readonly IReadOnlyDictionary<string, string> Methods = new Dictionary<string, string>
    {
        ["questionnaire"] = "问卷调查", ["phone"] = "电话回访", ["online"] = "网上评议",
    };

    /// <summary>The surveys that count: those no later record corrects (SQL over <c>s</c>).</summary>
    internal const string Counting = """
        not exists (select 1 from enforcement.satisfaction_surveys x where x.corrects_id = s.id)
        """;

    private sealed record Row(
        Guid Id, Guid TeamId, string TeamName, DateOnly SurveyedOn, string Method, int Respondents, int Satisfied,
        string? Note, Guid? CorrectsId, Guid? CorrectedById, DateTime RecordedAt, string RecordedBy);

    private const string Select = """
        select s.id, s.team_id, t.name as team_name, s.surveyed_on, s.method, s.respondents, s.satisfied, s.note,
               s.corrects_id, (select x.id from enforcement.satisfaction_surveys x where x.corrects_id = s.id)
                   as corrected_by_id,
               s.recorded_at, s.recorded_by
        from enforcement.satisfaction_surveys s join enforcement.teams t on t.id = s.team_id
        """;

    private static SurveyResponse ToResponse(Row s) => new(
        s.Id, s.TeamId, s.TeamName, s.SurveyedOn, s.Method, Methods[s.Method], s.Respondents, s.Satisfied,
        Math.Round((decimal)s.Satisfied / s.Respondents, 4), s.Note, s.CorrectsId, s.CorrectedById,
        Timestamps.Utc(s.RecordedAt), s.RecordedBy);

    public static async Task<Created<SurveyResponse>> Create(SurveyRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        new Validator()
            .Check(r.TeamId is not null, "teamId", "请选择被调查的执法大队。")
            .Check(r.SurveyedOn is { } d && d <= s.Today, "surveyedOn", "请填写调查日期（不晚于今天）。")
            .Check(r.Method is not null && Methods.ContainsKey(r.Method), "method", "请选择调查方式。")
            .Check(r.Respondents is >= 1 and <= 100_000, "respondents", "参与人数应在 1 到 100000 之间。")
            .Check(r.Satisfied is >= 0 && (r.Respondents is null || r.Satisfied <= r.Respondents), "satisfied",
                "满意人数应在 0 到参与人数之间。")
            .ThrowIfInvalid();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var path = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
            select region_path from enforcement.teams where id = @TeamId and region_path like @scope
            """, new { r.TeamId, scope = s.User.Scope.Pattern }, tx, cancellationToken: ct));
        if (path is null) throw new ValidationException("teamId", "找不到该执法大队。");
        if (r.CorrectsId is { } corrected)
        {
            // two corrections of one survey cannot both land: they queue on a lock of the corrected record (an
            // advisory lock: the API's role may not lock rows of an append-only table), and the check after it, a new
            // statement, sees a correction committed while this one waited
            await c.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_xact_lock(hashtextextended('enforcement.survey:' || @corrected, 0))",
                new { corrected = corrected.ToString() }, tx, cancellationToken: ct));
            var team = await c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
                select team_id from enforcement.satisfaction_surveys where id = @corrected and region_path like @scope
                """, new { corrected, scope = s.User.Scope.Pattern }, tx, cancellationToken: ct));
            var already = await c.ExecuteScalarAsync<bool>(new CommandDefinition("""
                select exists (select 1 from enforcement.satisfaction_surveys where corrects_id = @corrected)
                """, new { corrected }, tx, cancellationToken: ct));
            new Validator()
                .Check(team is not null, "correctsId", "找不到要更正的调查记录。")
                .Check(team is null || team == r.TeamId, "correctsId", "更正记录应与原记录属于同一执法大队。")
                .Check(!already, "correctsId", "该记录已被更正，请更正最新的记录。")
                .ThrowIfInvalid();
        }
        var id = Guid.CreateVersion7();
        var args = new
        {
            id, r.TeamId, path, r.SurveyedOn, r.Method, r.Respondents, r.Satisfied,
            note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), r.CorrectsId, now = s.Now,
            by = s.User.Name,
        };
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.satisfaction_surveys (id, team_id, region_path, surveyed_on, method, respondents,
                satisfied, note, corrects_id, recorded_at, recorded_by)
            values (@id, @TeamId, @path, @SurveyedOn, @Method, @Respondents, @Satisfied, @note, @CorrectsId, @now, @by)
            """, args, tx, cancellationToken: ct));
        await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.survey.record", "enforcement_survey",
            id.ToString(), path, After: new
            {
                r.TeamId, r.SurveyedOn, r.Method, r.Respondents, r.Satisfied, args.note, r.CorrectsId,
            }), ct);
        await tx.CommitAsync(ct);
        var row = await c.QuerySingleAsync<Row>(new CommandDefinition($"{Select} where s.id = @id", new { id },
            cancellationToken: ct));
        return TypedResults.Created($"/api/v1/enforcement/surveys?teamId={row.TeamId}", ToResponse(row));
    }

    private sealed record Key(DateOnly SurveyedOn, Guid Id);

    /// <summary>Surveys in scope, newest first: of one team, within dates; corrected ones included, marked.</summary>
    public static async Task<Ok<Page<SurveyResponse>>> List(
        Guid? teamId, DateOnly? from, DateOnly? to, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where s.region_path like @scope and (@teamId::uuid is null or s.team_id = @teamId)
              and (@from::date is null or s.surveyed_on >= @from) and (@to::date is null or s.surveyed_on <= @to)
              and (@afterId::uuid is null or (s.surveyed_on, s.id) < (@afterOn, @afterId))
            order by s.surveyed_on desc, s.id desc limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, teamId, from, to, afterOn = after?.SurveyedOn, afterId = after?.Id,
                take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, x => new Key(x.SurveyedOn, x.Id));
        return TypedResults.Ok(new Page<SurveyResponse>(page.Items.Select(ToResponse).ToList(), page.NextCursor));
    }
}
