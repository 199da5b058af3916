namespace Governance.Enforcement.Features;

/// <param name="Population">常住人口: decides the minimum number of certified officers.</param>
public sealed record CreateTeamRequest(
    Guid? TownshipId, [TextLimit(100)] string? Name, [TextLimit(50)] string? LeaderName, [TextLimit(30)] string? Phone,
    [TextLimit(TextLimits.Name)] string? Address, int? Population);

public sealed record UpdateTeamRequest(
    [TextLimit(100)] string? Name, [TextLimit(50)] string? LeaderName, [TextLimit(30)] string? Phone,
    [TextLimit(TextLimits.Name)] string? Address, int? Population);

/// <summary>队伍配备 on a day: officers serving, those with a certificate valid that day (including expiring ones), the
/// expiring and expired, against the minimum for the township's population.</summary>
public sealed record TeamStrength(int Serving, int Certified, int Expiring, int Expired, int Required, bool Sufficient);

public sealed record TeamResponse(
    Guid Id, Guid TownshipId, string TownshipName, Guid? UnitId, string Name, string? LeaderName, string? Phone,
    string? Address, int Population, TeamStrength Strength, int Version);

/// <summary>综合行政执法大队: one per township, with its size checked against the source's minimum.</summary>
internal static class Teams
{
    private sealed record Row(
        Guid Id, Guid TownshipId, string RegionPath, Guid? UnitId, string Name, string? LeaderName, string? Phone,
        string? Address, int Population, int Version, int Serving, int Certified, int Expiring, int Expired);

    private static readonly string Select = $"""
        select t.id, t.township_id, t.region_path, t.unit_id, t.name, t.leader_name, t.phone, t.address, t.population,
               t.version, coalesce(s.serving, 0) as serving, coalesce(s.certified, 0) as certified,
               coalesce(s.expiring, 0) as expiring, coalesce(s.expired, 0) as expired
        from enforcement.teams t
        left join lateral (
            select count(*) filter (where status <> 'left')::int as serving,
                   count(*) filter (where status in ('certified', 'expiring'))::int as certified,
                   count(*) filter (where status = 'expiring')::int as expiring,
                   count(*) filter (where status = 'expired')::int as expired
            from ({OfficerStatus.Select("o.team_id = t.id")}) o) s on true
        """;

    private static TeamResponse ToResponse(Row t, string townshipName, EnforcementOptions options)
    {
        var required = options.RequiredOfficers(t.Population);
        return new(t.Id, t.TownshipId, townshipName, t.UnitId, t.Name, t.LeaderName, t.Phone, t.Address,
            t.Population,
            new TeamStrength(t.Serving, t.Certified, t.Expiring, t.Expired, required, t.Certified >= required),
            t.Version);
    }

    private static Validator CheckFields(this Validator v, string? name, string? leader, string? phone,
        string? address, int? population) =>
        v.Required(name, "name", "队伍名称")
            .Check(population is >= 0 and <= 10_000_000, "population", "常住人口须在 0–10,000,000 之间。");

    public static async Task<Created<TeamResponse>> Create(CreateTeamRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var township = r.TownshipId is { } tid ? await s.Regions.FindAsync(tid, ct) : null;
        var name = TextInput.Blank(r.Name) ?? (township is null ? null : $"{township.Name}综合行政执法大队");
        new Validator()
            .Check(r.TownshipId is not null, "townshipId", "请选择乡镇（街道）。")
            .CheckFields(name, r.LeaderName, r.Phone, r.Address, r.Population)
            .ThrowIfInvalid();
        if (township is null || !s.User.Scope.Contains(township.Path))
            return await s.Guard.DenyAsync<Created<TeamResponse>>("township", r.TownshipId!.Value, ct);
        if (township.Level != RegionLevels.Township)
            throw new ValidationException("townshipId", "执法大队只能设在乡镇（街道）。");
        // the township's 综合行政执法大队 unit, when the organisation has one
        var unit = (await s.Units.InRegionAsync(township.Id, ct)).FirstOrDefault(u => u.Name == "综合行政执法大队");
        var id = Guid.CreateVersion7();
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.teams (id, township_id, region_path, unit_id, name, leader_name, phone, address,
                population, created_at, created_by)
            values (@id, @townshipId, @path, @unitId, @name, @leader, @phone, @address, @Population, @now, @by)
            on conflict (township_id) do nothing
            """, new
            {
                id, townshipId = township.Id, path = township.Path, unitId = unit?.Id, name,
                leader = TextInput.Blank(r.LeaderName), phone = TextInput.Blank(r.Phone),
                address = TextInput.Blank(r.Address), r.Population, now = s.Now, by = s.User.Name,
            }, tx, cancellationToken: ct));
        if (inserted == 0)
            throw new ConflictException("enforcement.team_exists",
                $"{township.Name}已有综合行政执法大队（一乡镇一支队伍）。");
        var team = ToResponse((await FindAsync(c, tx, id, s, ct))!, township.Name, s.Settings);
        await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.team_created", "enforcement_team",
            id.ToString(), township.Path, After: team), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, team.Version);
        return TypedResults.Created($"/api/v1/enforcement/teams/{id}", team);
    }

    public static async Task<Ok<TeamResponse>> Update(
        Guid id, UpdateTeamRequest r, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var before = await FindAsync(c, tx, id, s, ct, forUpdate: true);
        if (before is null) return await s.Guard.DenyAsync<Ok<TeamResponse>>("enforcement_team", id, ct);
        ETags.Require(s.Http, before.Version);
        new Validator().CheckFields(r.Name, r.LeaderName, r.Phone, r.Address, r.Population).ThrowIfInvalid();
        await c.ExecuteAsync(new CommandDefinition("""
            update enforcement.teams set name = @name, leader_name = @leader, phone = @phone, address = @address,
                population = @Population, version = version + 1
            where id = @id
            """, new
            {
                id, name = r.Name!.Trim(), leader = TextInput.Blank(r.LeaderName), phone = TextInput.Blank(r.Phone),
                address = TextInput.Blank(r.Address), r.Population,
            }, tx, cancellationToken: ct));
        var name = await TownshipNameAsync(s, before.RegionPath, ct);
        var after = ToResponse((await FindAsync(c, tx, id, s, ct))!, name, s.Settings);
        await s.Audit.RecordAsync(c, tx, new AuditRecord("enforcement.team_updated", "enforcement_team",
            id.ToString(), before.RegionPath, ToResponse(before, name, s.Settings), after), ct);
        await tx.CommitAsync(ct);
        ETags.Set(s.Http, after.Version);
        return TypedResults.Ok(after);
    }

    public static async Task<Ok<TeamResponse>> Get(Guid id, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var t = await FindAsync(c, null, id, s, ct);
        if (t is null) return await s.Guard.DenyAsync<Ok<TeamResponse>>("enforcement_team", id, ct);
        ETags.Set(s.Http, t.Version);
        return TypedResults.Ok(ToResponse(t, await TownshipNameAsync(s, t.RegionPath, ct), s.Settings));
    }

    private sealed record Key(string Path, Guid Id);

    /// <summary>The teams in scope in township order, each with its strength today.</summary>
    public static async Task<Ok<Page<TeamResponse>>> List(
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            where t.region_path like @scope and (t.region_path, t.id) > (@afterPath, @afterId)
            order by t.region_path, t.id limit @take
            """, new
            {
                scope = s.User.Scope.Pattern, today = s.Today, warnDays = s.Settings.CertificateWarningDays,
                afterPath = after?.Path ?? "", afterId = after?.Id ?? Guid.Empty, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, t => new Key(t.RegionPath, t.Id));
        var names = await s.Regions.NamesByPathAsync(page.Items.Select(t => t.RegionPath).ToList(), ct);
        return TypedResults.Ok(new Page<TeamResponse>(
            page.Items.Select(t => ToResponse(t, names.GetValueOrDefault(t.RegionPath, ""), s.Settings)).ToList(),
            page.NextCursor));
    }

    private static async Task<string> TownshipNameAsync(EnforcementServices s, string path, CancellationToken ct) =>
        (await s.Regions.NamesByPathAsync([path], ct)).GetValueOrDefault(path, "");

    private static Task<Row?> FindAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid id, EnforcementServices s, CancellationToken ct,
        bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} where t.id = @id and t.region_path like @scope {(forUpdate ? "for update of t" : "")}",
            new { id, scope = s.User.Scope.Pattern, today = s.Today, warnDays = s.Settings.CertificateWarningDays },
            tx, cancellationToken: ct));
}
