using Governance.Staffing.Contracts;

namespace Governance.Enforcement.Features;

/// <param name="Number">执法证号.</param>
/// <param name="IssuingBody">发证机关.</param>
public sealed record CertificateRequest([TextLimit(40)] string? Number, [TextLimit(100)] string? IssuingBody,
    DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <param name="PersonId">The officer on the establishment ledger (officers are staff), when recorded there.</param>
/// <param name="Domains">执法领域 codes (<c>GET /api/v1/enforcement/domains</c>).</param>
public sealed record AddOfficerRequest(
    [TextLimit(50)] string? Name, [TextLimit(30)] string? Phone, Guid? PersonId,
    [TextLimit(TextLimits.Code)] IReadOnlyList<string>? Domains, DateOnly? JoinedOn,
    CertificateRequest? Certificate);

public sealed record UpdateOfficerRequest([TextLimit(50)] string? Name, [TextLimit(30)] string? Phone,
    [TextLimit(TextLimits.Code)] IReadOnlyList<string>? Domains);

/// <param name="LeftOn">The first day the person is no longer an officer (the certificate is returned).</param>
public sealed record LeaveRequest(DateOnly? LeftOn, [TextLimit(200)] string? Reason);

public sealed record CertificateResponse(
    Guid Id, string Number, string IssuingBody, DateOnly ValidFrom, DateOnly ValidUntil);

/// <param name="Status"><c>certified</c>, <c>expiring</c>, <c>expired</c> or <c>left</c> (see StatusName).</param>
/// <param name="DaysLeft">Days until the current certificate ends (negative once it has).</param>
public sealed record OfficerResponse(
    Guid Id, Guid TeamId, Guid? PersonId, string Name, string? Phone, IReadOnlyList<string> Domains,
    IReadOnlyList<string> DomainNames, DateOnly JoinedOn, DateOnly? LeftOn, string? LeftReason,
    CertificateResponse? Certificate, string Status, string StatusName, int? DaysLeft, int Version);

/// <summary>One officer with every certificate held, newest first.</summary>
public sealed record OfficerDetailResponse(OfficerResponse Officer, IReadOnlyList<CertificateResponse> Certificates);

/// <summary>执法人员: officers of a team, their 执法领域 and certificates (a renewal adds one; history is kept
/// because a case action needs a certificate valid on its own date), and 调离/退休.</summary>
internal static class Officers
{
    /// <summary>An officer row with the current certificate and status (a class: Dapper maps <c>text[]</c> to
    /// properties, not to constructor parameters).</summary>
    internal sealed class Row
    {
        public Guid Id { get; init; }
        public Guid TeamId { get; init; }
        public string RegionPath { get; init; } = "";
        public Guid? PersonId { get; init; }
        public string Name { get; init; } = "";
        public string? Phone { get; init; }
        public string[] Domains { get; init; } = [];
        public DateOnly JoinedOn { get; init; }
        public DateOnly? LeftOn { get; init; }
        public string? LeftReason { get; init; }
        public int Version { get; init; }
        public Guid? CertificateId { get; init; }
        public string? CertificateNumber { get; init; }
        public string? IssuingBody { get; init; }
        public DateOnly? ValidFrom { get; init; }
        public DateOnly? ValidUntil { get; init; }
        public string Status { get; init; } = "";
    }

    internal static OfficerResponse ToResponse(Row o, IReadOnlyDictionary<string, string> domains, DateOnly today) =>
        new(o.Id, o.TeamId, o.PersonId, o.Name, o.Phone, o.Domains,
            o.Domains.Select(d => domains.GetValueOrDefault(d, d)).ToList(), o.JoinedOn, o.LeftOn, o.LeftReason,
            o.CertificateId is { } cid
                ? new CertificateResponse(cid, o.CertificateNumber!, o.IssuingBody!, o.ValidFrom!.Value,
                    o.ValidUntil!.Value)
                : null,
            o.Status, OfficerStatus.Names[o.Status],
            o.ValidUntil is { } until ? until.DayNumber - today.DayNumber : null, o.Version);

    private static Validator CheckCertificate(this Validator v, CertificateRequest? r, DateOnly joinedOn)
    {
        v.Check(r is not null, "certificate", "请填写执法证信息。");
        if (r is null) return v;
        return v.Required(r.Number, "certificate.number", "执法证号")
            .Check(r.Number is null || !r.Number.Any(char.IsWhiteSpace), "certificate.number", "执法证号不能含空格。")
            .Required(r.IssuingBody, "certificate.issuingBody", "发证机关")
            .Check(r.ValidFrom is not null, "certificate.validFrom", "请填写发证（生效）日期。")
            .Check(r.ValidUntil is not null, "certificate.validUntil", "请填写有效期至。")
            .Check(r.ValidFrom is null || r.ValidUntil is null || r.ValidUntil >= r.ValidFrom
                   && r.ValidUntil <= r.ValidFrom.Value.AddYears(10), "certificate.validUntil",
                "有效期至须在生效日期之后、10 年以内。")
            .Check(r.ValidUntil is null || r.ValidUntil >= joinedOn, "certificate.validUntil",
                "该执法证在入队日期前已失效。");
    }

    public static async Task<Created<OfficerDetailResponse>> Add(
        Guid id, AddOfficerRequest r, IStaffing staffing, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var known = await Domains.NamesAsync(s.Powers, ct);
        var today = s.Today;
        var joinedOn = r.JoinedOn ?? today;
        new Validator()
            .Required(r.Name, "name", "姓名")
            .CheckDomains(r.Domains, known)
            .Check(joinedOn <= today, "joinedOn", "入队日期不能晚于今天。")
            .CheckCertificate(r.Certificate, joinedOn)
            .ThrowIfInvalid();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var team = await c.QuerySingleOrDefaultAsync<(Guid Id, string Path)?>(new CommandDefinition("""
            select id, region_path from enforcement.teams where id = @id and region_path like @scope for share
            """, new { id, scope = s.User.Scope.Pattern }, tx, cancellationToken: ct));
        if (team is null) return await s.Guard.DenyAsync<Created<OfficerDetailResponse>>("enforcement_team", id, ct);
        if (r.PersonId is { } pid && await staffing.FindPersonAsync(pid, ct) is var person
            && (person is null || !person.Serving
                || !person.RegionPath.StartsWith(team.Value.Path, StringComparison.Ordinal)))
            throw new ValidationException("personId", "该人员不在本乡镇（街道）编制台账的在编人员中。");
        var officerId = Guid.CreateVersion7();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.officers (id, team_id, region_path, person_id, name, phone, domains, joined_on,
                created_at, created_by)
            values (@officerId, @teamId, @path, @PersonId, @name, @phone, @domains, @joinedOn, @now, @by)
            """, new
            {
                officerId, teamId = id, path = team.Value.Path, r.PersonId, name = r.Name!.Trim(),
                phone = TextInput.Blank(r.Phone), domains = r.Domains!.ToArray(), joinedOn, now = s.Now,
                by = s.User.Name,
            }, tx, cancellationToken: ct));
        await InsertCertificateAsync(c, tx, officerId, r.Certificate!, s, ct);
        var detail = await DetailAsync(c, tx, officerId, known, s, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.officer_added", "enforcement_officer",
            officerId.ToString(), team.Value.Path, After: detail), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, detail!.Officer.Version);
        return TypedResults.Created($"/api/v1/enforcement/officers/{officerId}", detail);
    }

    public static Task<Ok<OfficerDetailResponse>> Update(
        Guid id, UpdateOfficerRequest r, [AsParameters] EnforcementServices s) =>
        ChangeAsync(id, s, "enforcement.officer_updated", (o, known) =>
        {
            new Validator()
                .Required(r.Name, "name", "姓名")
                .CheckDomains(r.Domains, known)
                .ThrowIfInvalid();
            return ("""
                update enforcement.officers set name = @name, phone = @phone, domains = @domains,
                    version = version + 1
                where id = @id
                """,
                new { id, name = r.Name!.Trim(), phone = TextInput.Blank(r.Phone), domains = r.Domains!.ToArray() },
                null);
        });

    /// <summary>换证: a new certificate, kept beside the old ones (an action is judged by the one valid on its
    /// day).</summary>
    public static Task<Ok<OfficerDetailResponse>> Renew(
        Guid id, CertificateRequest r, [AsParameters] EnforcementServices s) =>
        ChangeAsync(id, s, "enforcement.certificate_recorded", (o, _) =>
        {
            if (o.Status == "left")
                throw new ConflictException("enforcement.officer_left", "该执法人员已调离，不能换发执法证。");
            new Validator().CheckCertificate(r, o.JoinedOn).ThrowIfInvalid();
            return ("update enforcement.officers set version = version + 1 where id = @id", new { id }, r);
        });

    /// <summary>调离/退休: from <see cref="LeaveRequest.LeftOn"/> the person may no longer act (the certificate is
    /// returned).</summary>
    public static Task<Ok<OfficerDetailResponse>> Leave(
        Guid id, LeaveRequest r, [AsParameters] EnforcementServices s) =>
        ChangeAsync(id, s, "enforcement.officer_left", (o, _) =>
        {
            if (o.LeftOn is not null) throw new ConflictException("enforcement.officer_left", "该执法人员已调离。");
            new Validator()
                .Check(r.LeftOn is { } d && d > o.JoinedOn && d <= s.Today.AddDays(1), "leftOn",
                    $"调离日期须在入队日期（{o.JoinedOn:yyyy-MM-dd}）之后、明天之前。")
                .Required(r.Reason, "reason", "调离原因")
                .ThrowIfInvalid();
            return ("""
                update enforcement.officers set left_on = @LeftOn, left_reason = @reason, version = version + 1
                where id = @id
                """, new { id, r.LeftOn, reason = r.Reason!.Trim() }, null);
        });

    /// <summary>The shape of every change to an officer: lock in scope (404), If-Match (428/412), the change's own
    /// checks (409/400), the update, the audit row with before and after — one transaction.</summary>
    private static async Task<Ok<OfficerDetailResponse>> ChangeAsync(
        Guid id, EnforcementServices s, string action,
        Func<Row, IReadOnlyDictionary<string, string>, (string Sql, object Args, CertificateRequest? Certificate)>
            change)
    {
        var ct = s.Cancellation;
        var known = await Domains.NamesAsync(s.Powers, ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await FindAsync(c, tx, id, s, ct, forUpdate: true);
        if (before is null) return await s.Guard.DenyAsync<Ok<OfficerDetailResponse>>("enforcement_officer", id, ct);
        ETags.Require(s.Http, before.Version);
        var (sql, args, certificate) = change(before, known);
        await c.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        if (certificate is not null) await InsertCertificateAsync(c, tx, id, certificate, s, ct);
        var after = await DetailAsync(c, tx, id, known, s, ct);
        await s.Audit.RecordAsync(c, tx, new AuditRecord(action, "enforcement_officer", id.ToString(),
            before.RegionPath, ToResponse(before, known, s.Today), after), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, after!.Officer.Version);
        return TypedResults.Ok(after);
    }

    private static async Task InsertCertificateAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid officerId, CertificateRequest r, EnforcementServices s,
        CancellationToken ct)
    {
        var number = r.Number!.Trim();
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.certificates (id, officer_id, number, issuing_body, valid_from, valid_until,
                recorded_at, recorded_by)
            values (@id, @officerId, @number, @issuingBody, @ValidFrom, @ValidUntil, @now, @by)
            on conflict (number) do nothing
            """, new
            {
                id = Guid.CreateVersion7(), officerId, number, issuingBody = r.IssuingBody!.Trim(), r.ValidFrom,
                r.ValidUntil, now = s.Now, by = s.User.Name,
            }, tx, cancellationToken: ct));
        if (inserted == 0)
            throw new ConflictException("enforcement.certificate_number_taken", $"执法证号 {number} 已登记在册。");
    }

    public static async Task<Ok<OfficerDetailResponse>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var known = await Domains.NamesAsync(s.Powers, ct);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var detail = await DetailAsync(c, null, id, known, s, ct);
        if (detail is null) return await s.Guard.DenyAsync<Ok<OfficerDetailResponse>>("enforcement_officer", id, ct);
        ETags.Set(s.Http, detail.Officer.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<OfficerDetailResponse?> DetailAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, IReadOnlyDictionary<string, string> known,
        EnforcementServices s, CancellationToken ct)
    {
        var o = await FindAsync(c, tx, id, s, ct);
        if (o is null) return null;
        var certificates = await c.QueryAsync<CertificateResponse>(new CommandDefinition("""
            select id, number, issuing_body, valid_from, valid_until from enforcement.certificates
            where officer_id = @id order by valid_until desc, recorded_at desc
            """, new { id }, tx, cancellationToken: ct));
        return new OfficerDetailResponse(ToResponse(o, known, s.Today), certificates.ToList());
    }

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, EnforcementServices s, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            OfficerStatus.Select("o.id = @id and o.region_path like @scope") + (forUpdate ? " for update of o" : ""),
            new { id, scope = s.User.Scope.Pattern, today = s.Today, warnDays = s.Settings.CertificateWarningDays },
            tx, cancellationToken: ct));
}
