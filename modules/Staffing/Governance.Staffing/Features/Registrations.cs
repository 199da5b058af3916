using Governance.Staffing.Secondment;

namespace Governance.Staffing.Features;

public sealed record RegisterRequest(Guid? PersonId);

public sealed record QualifyRequest(bool? Qualified, [TextLimit(500)] string? Reason);

public sealed record ScoreLine(Guid? RegistrationId, decimal? Written, decimal? Interview);

public sealed record ChoiceRequest(Guid? RegistrationId, Guid? PostId);

public sealed record ObjectionRequest(Guid? RegistrationId, [TextLimit(TextLimits.Note)] string? Content);

public sealed record DecideObjectionRequest(bool? Upheld, [TextLimit(TextLimits.Note)] string? Decision);

public sealed record RegistrationResponse(
    Guid Id, Guid PersonId, string Name, string IdNumber, string OriginUnit, string State, string? Reason,
    decimal? Written, decimal? Interview, Guid? ChosenPostId, DateTimeOffset RegisteredAt);

/// <summary>A row of an uploaded score sheet that could not be used, and why.</summary>
public sealed record ScoreRowError(int Row, string Column, string Message);

public sealed record ObjectionResponse(
    Guid Id, Guid? RegistrationId, string Content, DateTimeOffset ReceivedAt, bool? Upheld, string? Decision);

/// <summary>
/// 报名, 资格审核, scores (entered or imported from XLSX/CSV with a row report), 选岗 in rank order and the 公示's
/// objections. Each call is allowed only in its stage of the campaign (409 otherwise) and is audited.
/// </summary>
internal static class Registrations
{
    private static async Task<(NpgsqlConnection, NpgsqlTransaction, Campaigns.Row)> OpenAsync(
        NpgsqlDataSource db, Guid campaignId, CurrentUser user, ScopeGuard guard, TimeProvider clock, string stage,
        string doing, CancellationToken ct)
    {
        var c = await db.OpenConnectionAsync(ct);
        var tx = await c.BeginTransactionAsync(ct);
        var campaign =
            await Campaigns.FindAsync(c, tx, campaignId, user, CountyClock.Today(clock), ct, forUpdate: true);
        if (campaign is null)
        {
            await tx.DisposeAsync();
            await c.DisposeAsync();
            await guard.DenyAsync(Campaigns.Workflow.RecordType, campaignId, ct);
        }
        if (campaign!.State != stage)
        {
            await tx.DisposeAsync();
            await c.DisposeAsync();
            throw new ConflictException("campaigns.wrong_stage",
                $"{doing}只能在“{Campaigns.Workflow.StateNames[stage]}”阶段进行，" +
                $"当前为“{Campaigns.Workflow.StateNames[campaign.State]}”。");
        }
        return (c, tx, campaign);
    }

    private sealed record PersonRow(
        Guid Id, string Name, string State, Guid EstablishmentId, string Funding, string RegionPath);

    /// <summary>
    /// 报名: staff in a 差额拨款 or 自收自支 post of a county unit, not barred, not already seconded.
    /// </summary>
    public static async Task<Created<RegistrationResponse>> Register(
        Guid id, RegisterRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IAuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        new Validator().Check(r.PersonId is not null, "personId", "请选择报名人员。").ThrowIfInvalid();
        var (c, tx, campaign) = await OpenAsync(db, id, user, guard, clock, "registration", "报名", ct);
        await using var _ = c;
        await using var __ = tx;
        var today = CountyClock.Today(clock);
        var person = await c.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition("""
            select p.id, p.name, p.state, p.establishment_id, e.funding, e.region_path
            from staffing.people p join staffing.establishments e on e.id = p.establishment_id
            where p.id = @PersonId and p.region_path like @scope
            """, new { r.PersonId, scope = user.Scope.Pattern }, tx, cancellationToken: ct));
        if (person is null) throw new ValidationException("personId", "没有找到该人员。");
        var bars = (await c.QueryAsync<(DateOnly, DateOnly)>(new CommandDefinition(
            "select from_date, until_date from staffing.bars where person_id = @Id and lifted_on is null", person, tx,
            cancellationToken: ct))).ToList();
        string? refusal =
            person.State != "serving" ? "该人员已出编，不能报名。"
            : person.RegionPath != campaign.RegionPath ? "选派对象为县直单位在编人员，乡镇（街道）人员不能报名。"
            : person.Funding is not ("partial" or "self")
                ? "选派对象为差额拨款或自收自支编制人员，全额拨款编制人员不能报名。"
            : SecondmentRules.IsBarred(bars, today)
                ? "该人员因年度考核不合格，" +
                  $"自 {bars.First(b => b.Item1 <= today && today < b.Item2).Item1:yyyy-MM-dd} 起一年内不得参加选派。"
            : await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from staffing.secondees where person_id = @Id and state = 'active')", person,
                tx, cancellationToken: ct)) ? "该人员正在选派期内。"
            : null;
        if (refusal is not null) throw new ConflictException("campaigns.not_eligible", refusal);

        var registration = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.registrations (id, campaign_id, person_id, origin_establishment, state, registered_at)
            values (@registration, @id, @person, @establishment, 'registered', @now)
            on conflict (campaign_id, person_id) do nothing
            """, new { registration, id, person = person.Id, establishment = person.EstablishmentId, now }, tx,
            cancellationToken: ct));
        if (inserted == 0) throw new ConflictException("campaigns.already_registered", "该人员已报名本批次。");
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.campaign.register", "registration",
            registration.ToString(), campaign.RegionPath, After: new { campaign = id, person = person.Id }), ct);
        var response = (await ListAsync(c, tx, id, registration, ct))[0];
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/staffing/campaigns/{id}/registrations", response);
    }

    private sealed record Row(
        Guid Id, Guid PersonId, string Name, string IdNumber, string OriginUnit, string State, string? Reason,
        decimal? Written, decimal? Interview, Guid? ChosenPost, DateTime RegisteredAt);

    private static async Task<IReadOnlyList<RegistrationResponse>> ListAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid campaignId, Guid? only, CancellationToken ct) =>
        (await c.QueryAsync<Row>(new CommandDefinition("""
            select r.id, r.person_id, p.name, p.id_number, e.unit_name as origin_unit, r.state, r.reason, r.written,
                   r.interview, r.chosen_post, r.registered_at
            from staffing.registrations r
            join staffing.people p on p.id = r.person_id
            join staffing.establishments e on e.id = r.origin_establishment
            where r.campaign_id = @campaignId and (@only::uuid is null or r.id = @only)
            order by r.registered_at, r.id
            """, new { campaignId, only }, tx, cancellationToken: ct)))
        .Select(r => new RegistrationResponse(r.Id, r.PersonId, r.Name, Masking.IdNumber(r.IdNumber)!, r.OriginUnit,
            r.State, r.Reason, r.Written, r.Interview, r.ChosenPost,
            new DateTimeOffset(DateTime.SpecifyKind(r.RegisteredAt, DateTimeKind.Utc)))).ToList();

    public static async Task<Ok<IReadOnlyList<RegistrationResponse>>> List(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, TimeProvider clock, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        if (await Campaigns.FindAsync(c, null, id, user, CountyClock.Today(clock), ct) is null)
            return await guard.DenyAsync<Ok<IReadOnlyList<RegistrationResponse>>>(
                Campaigns.Workflow.RecordType, id, ct);
        return TypedResults.Ok(await ListAsync(c, null, id, null, ct));
    }

    private static async Task<Guid> RegistrationAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid campaignId, Guid? registrationId, string field,
        CancellationToken ct) =>
        registrationId is { } rid && await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from staffing.registrations where id = @rid and campaign_id = @campaignId)",
            new { rid, campaignId }, tx, cancellationToken: ct))
            ? rid : throw new ValidationException(field, "没有找到本批次的这条报名。");

    /// <summary>资格审核: qualified, or not with the reason.</summary>
    public static async Task<Ok<RegistrationResponse>> Qualify(
        Guid id, Guid registrationId, QualifyRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard,
        IAuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        new Validator()
            .Check(r.Qualified is not null, "qualified", "请选择审核结论。")
            .Check(r.Qualified != false || !string.IsNullOrWhiteSpace(r.Reason), "reason", "请填写不通过的理由。")
            .ThrowIfInvalid();
        var (c, tx, campaign) = await OpenAsync(db, id, user, guard, clock, "qualification", "资格审核", ct);
        await using var _ = c;
        await using var __ = tx;
        await RegistrationAsync(c, tx, id, registrationId, "registrationId", ct);
        await c.ExecuteAsync(new CommandDefinition("""
            update staffing.registrations set state = @state, reason = @reason where id = @registrationId
            """, new
            {
                registrationId, state = r.Qualified!.Value ? "qualified" : "disqualified",
                reason = r.Qualified.Value ? null : r.Reason!.Trim(),
            }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.campaign.qualify", "registration",
            registrationId.ToString(), campaign.RegionPath, After: new { r.Qualified, r.Reason }), ct);
        var response = (await ListAsync(c, tx, id, registrationId, ct))[0];
        await tx.CommitAsync(ct);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// 成绩录入: written scores in the 笔试 stage, interview scores in the 面试 stage (0–100, two places).
    /// </summary>
    public static async Task<Ok<IReadOnlyList<RegistrationResponse>>> Scores(
        Guid id, IReadOnlyList<ScoreLine> lines, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard,
        IAuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        await using var c0 = await db.OpenConnectionAsync(ct);
        var stage = (await Campaigns.FindAsync(c0, null, id, user, CountyClock.Today(clock), ct))?.State;
        var v = new Validator().Check(lines.Count is > 0 and <= 5000, "lines", "请填写成绩（1–5000 行）。");
        for (var i = 0; i < lines.Count; i++)
        {
            var score = stage == "interview" ? lines[i].Interview : lines[i].Written;
            v.Check(lines[i].RegistrationId is not null, $"[{i}].registrationId", "请指明报名记录。")
                .Check(score is >= 0 and <= 100 && decimal.Round(score.Value, 2) == score, $"[{i}]",
                    stage == "interview"
                        ? "面试成绩须在 0–100 之间，至多两位小数。"
                        : "笔试成绩须在 0–100 之间，至多两位小数。");
        }
        v.ThrowIfInvalid();
        await SaveScoresAsync(db, id, user, guard, audit, clock, stage ?? "written",
            lines.Select(l => (l.RegistrationId!.Value, (stage == "interview" ? l.Interview : l.Written)!.Value))
                .ToList(), ct);
        return TypedResults.Ok(await ListAsync(c0, null, id, null, ct));
    }

    private static async Task SaveScoresAsync(
        NpgsqlDataSource db, Guid id, CurrentUser user, ScopeGuard guard, IAuditTrail audit, TimeProvider clock,
        string stage, IReadOnlyList<(Guid Registration, decimal Score)> scores, CancellationToken ct)
    {
        if (stage is not ("written" or "interview"))
            throw new ConflictException("campaigns.wrong_stage", "成绩只能在笔试或面试阶段录入。");
        var (c, tx, campaign) = await OpenAsync(db, id, user, guard, clock, stage, "成绩录入", ct);
        await using var _ = c;
        await using var __ = tx;
        var column = stage == "interview" ? "interview" : "written";
        var updated = await c.ExecuteAsync(new CommandDefinition($"""
            update staffing.registrations r set {column} = s.score
            from unnest(@ids, @scores) s(id, score)
            where r.id = s.id and r.campaign_id = @id and r.state = 'qualified'
            """, new
            {
                id, ids = scores.Select(s => s.Registration).ToArray(),
                scores = scores.Select(s => s.Score).ToArray(),
            }, tx, cancellationToken: ct));
        if (updated != scores.Select(s => s.Registration).Distinct().Count())
            throw new ValidationException("lines", "有成绩对应的报名记录不在本批次或未通过资格审核。");
        await audit.RecordAsync(c, tx, new AuditRecord(
            column == "interview" ? "staffing.campaign.interview_scores" : "staffing.campaign.written_scores",
            Campaigns.Workflow.RecordType, id.ToString(), campaign.RegionPath, After: new { count = scores.Count }),
            ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// 成绩导入 from XLSX or CSV with the columns 身份证号 and 笔试成绩 (or 面试成绩, in that stage): all rows or
    /// none; a refusal is a 400 whose <c>report</c> lists every row that could not be used (as the catalogue imports
    /// do).
    /// </summary>
    public static async Task<Ok<IReadOnlyList<RegistrationResponse>>>
        ImportScores(Guid id, HttpRequest request, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard,
            IAuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        await using var c0 = await db.OpenConnectionAsync(ct);
        var campaign = await Campaigns.FindAsync(c0, null, id, user, CountyClock.Today(clock), ct);
        if (campaign is null) await guard.DenyAsync(Campaigns.Workflow.RecordType, id, ct);
        var column = campaign!.State == "interview" ? "面试成绩" : "笔试成绩";
        var rows = await Spreadsheet.ReadUploadAsync(request, ct);
        var errors = new List<ScoreRowError>();
        if (rows.Count < 2) throw new ValidationException("file", "文件中没有成绩。");
        var header = rows[0].Select(h => h.Trim()).ToList();
        int idColumn = header.IndexOf("身份证号"), scoreColumn = header.IndexOf(column);
        if (idColumn < 0) errors.Add(new ScoreRowError(1, "身份证号", "缺少“身份证号”列。"));
        if (scoreColumn < 0) errors.Add(new ScoreRowError(1, column, $"缺少“{column}”列。"));
        if (errors.Count > 0) throw Report(errors);
        var byIdNumber = (await c0.QueryAsync<(string, Guid)>(new CommandDefinition("""
            select p.id_number, r.id from staffing.registrations r join staffing.people p on p.id = r.person_id
            where r.campaign_id = @id and r.state = 'qualified'
            """, new { id }, cancellationToken: ct))).ToDictionary(x => x.Item1, x => x.Item2);
        var scores = new List<(Guid, decimal)>();
        for (var i = 1; i < rows.Count; i++)
        {
            string Cell(int col) => col < rows[i].Length ? rows[i][col].Trim() : "";
            if (rows[i].All(string.IsNullOrWhiteSpace)) continue;
            var idNumber = Cell(idColumn).ToUpperInvariant();
            if (!byIdNumber.TryGetValue(idNumber, out var registration))
                errors.Add(new ScoreRowError(i + 1, "身份证号", "本批次没有该身份号码的资格审核通过人员。"));
            else if (!decimal.TryParse(Cell(scoreColumn), System.Globalization.NumberStyles.Number,
                         System.Globalization.CultureInfo.InvariantCulture, out var score) || score is < 0 or > 100
                     || decimal.Round(score, 2) != score)
                errors.Add(new ScoreRowError(i + 1, column, "成绩须是 0–100 的数，至多两位小数。"));
            else if (scores.Any(s => s.Item1 == registration))
                errors.Add(new ScoreRowError(i + 1, "身份证号", "同一人员出现了两次。"));
            else scores.Add((registration, score));
        }
        if (errors.Count > 0) throw Report(errors);
        await SaveScoresAsync(db, id, user, guard, audit, clock, campaign.State, scores, ct);
        return TypedResults.Ok(await ListAsync(c0, null, id, null, ct));
    }

    private static ValidationException Report(List<ScoreRowError> errors)
    {
        var e = new ValidationException("file", $"成绩文件有 {errors.Count} 处错误，未导入任何成绩。");
        e.Extensions["report"] = errors;
        return e;
    }

    public static async Task<Ok<IReadOnlyList<ObjectionResponse>>> Objections(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, TimeProvider clock, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        if (await Campaigns.FindAsync(c, null, id, user, CountyClock.Today(clock), ct) is null)
            return await guard.DenyAsync<Ok<IReadOnlyList<ObjectionResponse>>>(Campaigns.Workflow.RecordType, id, ct);
        var rows = await c.QueryAsync<(Guid, Guid?, string, DateTime, bool?, string?)>(new CommandDefinition("""
            select id, registration_id, content, received_at, upheld, decision from staffing.objections
            where campaign_id = @id order by received_at, id
            """, new { id }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<ObjectionResponse>>(rows.Select(o => new ObjectionResponse(o.Item1,
            o.Item2, o.Item3, new DateTimeOffset(DateTime.SpecifyKind(o.Item4, DateTimeKind.Utc)), o.Item5, o.Item6))
            .ToList());
    }

    /// <summary>选岗: the best-ranked candidate who has not chosen yet chooses among the posts left.</summary>
    public static async Task<Ok<IReadOnlyList<RankedCandidate>>> Choose(
        Guid id, ChoiceRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IAuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        new Validator()
            .Check(r.RegistrationId is not null, "registrationId", "请选择选岗人员。")
            .Check(r.PostId is not null, "postId", "请选择岗位。")
            .ThrowIfInvalid();
        var (c, tx, campaign) = await OpenAsync(db, id, user, guard, clock, "choosing", "选岗", ct);
        await using var _ = c;
        await using var __ = tx;
        var ranking = await Campaigns.RankingAsync(c, tx, id, campaign.WrittenWeight, ct);
        var next = ranking.FirstOrDefault(x => x.ChosenPostId is null);
        var left = await c.QuerySingleOrDefaultAsync<int?>(new CommandDefinition("""
            select p.posts - (select count(*) from staffing.registrations x where x.chosen_post = p.id)::int
            from staffing.campaign_posts p where p.id = @PostId and p.campaign_id = @id
            """, new { r.PostId, id }, tx, cancellationToken: ct));
        if (left is null) throw new ValidationException("postId", "没有这个岗位。");
        if (next is null || next.RegistrationId != r.RegistrationId)
            throw new ConflictException("campaigns.not_your_turn", next is null ? "所有人员均已选岗。"
                : $"按名次应由第 {next.Rank} 名 {next.Name} 先选岗。");
        if (left <= 0) throw new ConflictException("campaigns.post_full", "该岗位已选满，请选择其他岗位。");
        await c.ExecuteAsync(new CommandDefinition(
            "update staffing.registrations set chosen_post = @PostId where id = @RegistrationId", r, tx,
            cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.campaign.choose", "registration",
            r.RegistrationId!.Value.ToString(), campaign.RegionPath, After: new { r.PostId, next.Rank }), ct);
        var after = await Campaigns.RankingAsync(c, tx, id, campaign.WrittenWeight, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(after);
    }

    /// <summary>公示期间的异议: recorded during the notice…</summary>
    public static async Task<Created<ObjectionResponse>> Object(
        Guid id, ObjectionRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, IAuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        new Validator().Required(r.Content, "content", "异议内容").ThrowIfInvalid();
        var (c, tx, campaign) = await OpenAsync(db, id, user, guard, clock, "publicity", "异议登记", ct);
        await using var _ = c;
        await using var __ = tx;
        if (r.RegistrationId is not null) await RegistrationAsync(c, tx, id, r.RegistrationId, "registrationId", ct);
        var objection = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition("""
            insert into staffing.objections (id, campaign_id, registration_id, content, received_at, received_by)
            values (@objection, @id, @RegistrationId, @content, @now, @by)
            """, new { objection, id, r.RegistrationId, content = r.Content!.Trim(), now, by = user.Name }, tx,
            cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.campaign.objection", "objection",
            objection.ToString(), campaign.RegionPath, After: r), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/staffing/campaigns/{id}",
            new ObjectionResponse(objection, r.RegistrationId, r.Content.Trim(), new DateTimeOffset(now), null, null));
    }

    /// <summary>…and decided during it: an upheld objection against a candidate removes them (their post is free
    /// again).</summary>
    public static async Task<Ok<ObjectionResponse>> Decide(
        Guid id, Guid objectionId, DecideObjectionRequest r, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard,
        IAuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        new Validator()
            .Check(r.Upheld is not null, "upheld", "请选择异议是否成立。")
            .Required(r.Decision, "decision", "处理意见")
            .ThrowIfInvalid();
        var (c, tx, campaign) = await OpenAsync(db, id, user, guard, clock, "publicity", "异议处理", ct);
        await using var _ = c;
        await using var __ = tx;
        var now = clock.GetUtcNow().UtcDateTime;
        var o = await c.QuerySingleOrDefaultAsync<(Guid, Guid?, string, DateTime)>(new CommandDefinition("""
            update staffing.objections set upheld = @Upheld, decision = @decision, decided_at = @now, decided_by = @by
            where id = @objectionId and campaign_id = @id and upheld is null
            returning id, registration_id, content, received_at
            """, new { objectionId, id, r.Upheld, decision = r.Decision!.Trim(), now, by = user.Name }, tx,
            cancellationToken: ct));
        if (o.Item1 == Guid.Empty) throw new ConflictException("campaigns.objection_decided", "没有这件待处理的异议。");
        if (r.Upheld == true && o.Item2 is { } registration)
            await c.ExecuteAsync(new CommandDefinition("""
                update staffing.registrations set state = 'disqualified', reason = @reason, chosen_post = null
                where id = @registration
                """, new { registration, reason = "公示异议成立：" + r.Decision.Trim() }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.campaign.objection_decided", "objection",
            objectionId.ToString(), campaign.RegionPath, After: r), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new ObjectionResponse(o.Item1, o.Item2, o.Item3,
            new DateTimeOffset(DateTime.SpecifyKind(o.Item4, DateTimeKind.Utc)), r.Upheld, r.Decision.Trim()));
    }
}
