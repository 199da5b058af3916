using Governance.Staffing.Ledger;

namespace Governance.Staffing.Features;

/// <param name="RequestId">The approved 编制使用申请 the hire uses: without one, nobody enters the ledger.</param>
/// <param name="Leader">The post is a leadership post (领导职务): within the unit's approved 领导职数.</param>
public sealed record HireRequest(
    Guid? RequestId, [TextLimit(50)] string? Name, [TextLimit(TextLimits.Number)] string? IdNumber,
    [TextLimit(TextLimits.Code)] string? Gender, DateOnly? BirthDate, [TextLimit(TextLimits.Name)] string? Education,
    bool? Professional, [TextLimit(50)] string? Title, DateOnly? EnteredOn,
    [TextLimit(TextLimits.Number)] string? DocumentNo, bool? Leader = null);

public sealed record ExitRequest([TextLimit(TextLimits.Code)] string? Kind, DateOnly? ExitedOn,
    [TextLimit(TextLimits.Number)] string? DocumentNo);

public sealed record HoldingResponse(
    Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string KindName, string Funding,
    string FundingName, DateOnly EnteredOn, string EntryKind, string EntryKindName, string EntryDocument,
    DateOnly? ExitedOn, string? ExitKind, string? ExitKindName, string? ExitDocument, bool Leader);

/// <summary>A person on the ledger. The ID number is masked (个人信息脱敏).</summary>
public sealed record PersonResponse(
    Guid Id, string Name, string IdNumber, string Gender, DateOnly BirthDate, string Education, string EducationName,
    bool Professional, string? Title, string State, Guid UnitId, string UnitName, string Kind, string Funding,
    IReadOnlyList<HoldingResponse> Holdings, int Version);

/// <summary>
/// 实名: 入编 against an approved 编制使用申请, 出编 with its reason and document. Each is a ledger line written by
/// the ledger writer, so the occupants never exceed the approved posts.
/// </summary>
internal static class People
{
    internal sealed record Row(
        Guid Id, string Name, string IdNumber, string Gender, DateOnly BirthDate, string Education,
        bool Professional, string? Title, string State, Guid EstablishmentId, Guid UnitId, string UnitName,
        string Kind, string Funding, string RegionPath, int Version);

    private const string Select = """
        select p.id, p.name, p.id_number, p.gender, p.birth_date, p.education, p.professional, p.title, p.state,
               p.establishment_id, e.unit_id, e.unit_name, e.kind, e.funding, p.region_path, p.version
        from staffing.people p join staffing.establishments e on e.id = p.establishment_id
        """;

    private sealed record HoldingRow(
        Guid PersonId, Guid EstablishmentId, Guid UnitId, string UnitName, string Kind, string Funding,
        DateOnly EnteredOn, string EntryKind, string EntryDocument, DateOnly? ExitedOn, string? ExitKind,
        string? ExitDocument, bool Leader);

    public static async Task<Created<PersonResponse>> Hire(
        HireRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, ScopeGuard guard,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        new Validator()
            .Check(r.RequestId is not null, "requestId", "入编须依据编办批准的编制使用申请，请选择申请。")
            .Required(r.Name, "name", "姓名")
            .Check(IdNumbers.IsValid(r.IdNumber), "idNumber", "请填写有效的 18 位公民身份号码。")
            .Check(r.Gender is "male" or "female", "gender", "请选择性别。")
            .Check(r.BirthDate is { } b && b < today, "birthDate", "请填写出生日期。")
            .Check(r.BirthDate is null || !IdNumbers.IsValid(r.IdNumber)
                   || IdNumbers.BirthDate(r.IdNumber!) == r.BirthDate, "birthDate", "出生日期与身份号码不一致。")
            .Check(r.Education is not null && PostTypes.Educations.ContainsKey(r.Education), "education",
                "请选择学历。")
            .Check(r.EnteredOn is not null, "enteredOn", "请填写入编日期。")
            .Required(r.DocumentNo, "documentNo", "入编文件（审批表）文号")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // the request first, then (in the ledger writer) its establishment: the one lock order of every hire
        var request = await PostRequests.FindAsync(c, tx, r.RequestId!.Value, user, ct, forUpdate: true);
        if (request is null)
            return await guard.DenyAsync<Created<PersonResponse>>("post_request", r.RequestId.Value, ct);
        if (request.State != "approved")
            throw new ConflictException("staffing.request_not_approved",
                $"该编制使用申请当前为“{PostRequests.StateName(request.State)}”，须经编办批准后才能据此入编。");
        if (request.Used >= request.Posts)
            throw new ConflictException("staffing.request_used",
                $"该编制使用申请批准的 {request.Posts} 名编制已全部使用，不能再据此入编。");

        var id = Guid.CreateVersion7();
        var holding = Guid.CreateVersion7();
        try
        {
            await c.ExecuteAsync(new CommandDefinition("""
                insert into staffing.people (id, name, id_number, gender, birth_date, education, professional, title,
                    establishment_id, region_path, state, created_at, created_by)
                values (@id, @name, @idNumber, @Gender, @BirthDate, @Education, @professional, @title, @establishment,
                    @path, 'serving', @now, @by);
                insert into staffing.holdings (id, person_id, establishment_id, entered_on, entry_kind, entry_document,
                    request_id, leader)
                values (@holding, @id, @establishment, @EnteredOn, @entryKind, @documentNo, @requestId, @leader);
                update staffing.post_requests set used = used + 1 where id = @requestId;
                """, new
                {
                    id, holding, name = r.Name!.Trim(), idNumber = r.IdNumber!.ToUpperInvariant(), r.Gender,
                    r.BirthDate, r.Education, professional = r.Professional ?? false, title = TextInput.Blank(r.Title),
                    establishment = request.EstablishmentId, path = request.RegionPath, now, by = user.Name,
                    r.EnteredOn, entryKind = request.EntryKind, documentNo = r.DocumentNo!.Trim(),
                    requestId = request.Id, leader = r.Leader ?? false,
                }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException("staffing.already_serving",
                "此身份号码的人员已在编，须先办理出编（调出）才能在别处入编。");
        }
        // the reserved post becomes an occupied one (and a leadership post held, within the 领导职数)
        await LedgerWriter.AppendAsync(c, tx,
            [new LedgerLine(request.EstablishmentId, r.EnteredOn!.Value, "entry", 0, 1, r.DocumentNo!.Trim(), holding,
                LeadersHeldDelta: r.Leader == true ? 1 : 0)],
            today, now, user.Name, ct, new Dictionary<Guid, int> { [request.EstablishmentId] = -1 });
        var response = (await ToResponses(c, tx, [(await FindAsync(c, tx, id, user, ct))!], ct))[0];
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.person_entered", "staffing_person", id.ToString(),
            request.RegionPath, After: response), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, 1);
        return TypedResults.Created($"/api/v1/staffing/people/{id}", response);
    }

    /// <summary>出编: <c>exitedOn</c> is the first day the post is free; the person and the holding stay, as
    /// history.</summary>
    public static async Task<Ok<PersonResponse>> Exit(
        Guid id, ExitRequest r, NpgsqlDataSource db, CurrentUser user, IAuditTrail audit, ScopeGuard guard,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var person = await FindAsync(c, tx, id, user, ct, forUpdate: true);
        if (person is null) return await guard.DenyAsync<Ok<PersonResponse>>("staffing_person", id, ct);
        ETags.Require(http, person.Version);
        if (person.State != "serving") throw new ConflictException("staffing.not_serving", "该人员已出编。");
        var entered = await c.ExecuteScalarAsync<DateOnly>(new CommandDefinition(
            "select entered_on from staffing.holdings where person_id = @id and exited_on is null",
            new { id }, tx, cancellationToken: ct));
        new Validator()
            .Check(r.Kind is not null && PostTypes.ExitKinds.ContainsKey(r.Kind), "kind",
                "请选择出编方式：调出、退休、辞职、辞退或死亡。")
            .Check(r.ExitedOn is { } d && d > entered, "exitedOn", $"出编日期须晚于入编日期 {entered:yyyy-MM-dd}。")
            .Required(r.DocumentNo, "documentNo", "出编文件文号")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var (holding, leader) = await c.QuerySingleAsync<(Guid, bool)>(new CommandDefinition("""
            update staffing.holdings set exited_on = @ExitedOn, exit_kind = @Kind, exit_document = @documentNo
            where person_id = @id and exited_on is null returning id, leader;
            """, new { id, r.ExitedOn, r.Kind, documentNo = r.DocumentNo!.Trim() }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "update staffing.people set state = 'exited', version = version + 1 where id = @id",
            new { id }, tx, cancellationToken: ct));
        await LedgerWriter.AppendAsync(c, tx,
            [new LedgerLine(person.EstablishmentId, r.ExitedOn!.Value, "exit", 0, -1, r.DocumentNo.Trim(), holding,
                PostTypes.ExitKinds[r.Kind!], LeadersHeldDelta: leader ? -1 : 0)],
            CountyClock.Today(clock), now, user.Name, ct);
        var ended = await Secondees.EndAsync(c, tx, id, r.ExitedOn.Value,
            $"出编（{PostTypes.ExitKinds[r.Kind!]}）{r.DocumentNo.Trim()}", user, now, ct);
        var after = (await ToResponses(c, tx, [(await FindAsync(c, tx, id, user, ct))!], ct))[0];
        await audit.RecordAsync(c, tx, new AuditRecord("staffing.person_exited", "staffing_person", id.ToString(),
            person.RegionPath, new { person.State },
            new { after.State, r.Kind, r.ExitedOn, r.DocumentNo, EndedSecondments = ended }), ct);
        await tx.CommitAsync(ct);
        ETags.Set(http, after.Version);
        return TypedResults.Ok(after);
    }

    private sealed record Key(string RegionPath, string Name, Guid Id);

    public static async Task<Ok<Page<PersonResponse>>> List(
        Guid? unitId, [TextLimit(TextLimits.Code)] string? state, [TextLimit(50)] string? q,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var search = TextInput.Blank(q);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where p.region_path like @scope and (@unitId::uuid is null or e.unit_id = @unitId)
              and (@state::text is null or p.state = @state)
              and (@q::text is null or p.name like '%' || @q || '%' or p.id_number = upper(@q))
              and (@afterPath::text is null or (p.region_path, p.name, p.id) > (@afterPath, @afterName, @afterId))
            order by p.region_path, p.name, p.id limit @take
            """, new
            {
                scope = user.Scope.Pattern, unitId, state = TextInput.Blank(state), q = search,
                afterPath = after?.RegionPath, afterName = after?.Name ?? "", afterId = after?.Id ?? Guid.Empty,
                take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, p => new Key(p.RegionPath, p.Name, p.Id));
        return TypedResults.Ok(new Page<PersonResponse>(await ToResponses(c, null, page.Items, ct), page.NextCursor));
    }

    public static async Task<Ok<PersonResponse>> Get(
        Guid id, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, HttpContext http, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var row = await FindAsync(c, null, id, user, ct);
        if (row is null) return await guard.DenyAsync<Ok<PersonResponse>>("staffing_person", id, ct);
        ETags.Set(http, row.Version);
        return TypedResults.Ok((await ToResponses(c, null, [row], ct))[0]);
    }

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, CurrentUser user, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where p.id = @id and p.region_path like @scope {(forUpdate ? "for update of p" : "")}",
            new { id, scope = user.Scope.Pattern }, tx, cancellationToken: ct));

    private static async Task<IReadOnlyList<PersonResponse>> ToResponses(
        NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var holdings = (await c.QueryAsync<HoldingRow>(new CommandDefinition("""
            select h.person_id, h.establishment_id, e.unit_id, e.unit_name, e.kind, e.funding, h.entered_on,
                   h.entry_kind, h.entry_document, h.exited_on, h.exit_kind, h.exit_document, h.leader
            from staffing.holdings h join staffing.establishments e on e.id = h.establishment_id
            where h.person_id = any(@ids) order by h.entered_on
            """, new { ids = rows.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct))).ToLookup(h => h.PersonId);
        return rows.Select(p => new PersonResponse(p.Id, p.Name, Masking.IdNumber(p.IdNumber)!, p.Gender, p.BirthDate,
            p.Education, PostTypes.Educations[p.Education], p.Professional, p.Title, p.State, p.UnitId, p.UnitName,
            p.Kind, p.Funding,
            holdings[p.Id].Select(h => new HoldingResponse(h.EstablishmentId, h.UnitId, h.UnitName, h.Kind,
                PostTypes.Kinds[h.Kind], h.Funding, PostTypes.Fundings[h.Funding], h.EnteredOn, h.EntryKind,
                PostTypes.EntryKinds[h.EntryKind], h.EntryDocument, h.ExitedOn, h.ExitKind,
                h.ExitKind is null ? null : PostTypes.ExitKinds[h.ExitKind], h.ExitDocument, h.Leader)).ToList(),
            p.Version)).ToList();
    }
}
