using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Organization.Features;

public sealed record RegionResponse(Guid Id, Guid? ParentId, string Code, string Name, string Level, string Kind,
    int ChildCount);

public sealed record RegionRef(Guid Id, string Name, string Level);

public sealed record RegionDetailResponse(
    Guid Id, Guid? ParentId, string Code, string Name, string Level, string Kind, int ChildCount,
    IReadOnlyList<RegionRef> Ancestors, int UnitCount, int UserCount);

/// <summary>A county and its townships as the public pages list them (no codes, no counts of staff).</summary>
public sealed record PublicCounty(Guid Id, string Name, IReadOnlyList<PublicCountyTownship> Townships);

public sealed record PublicCountyTownship(Guid Id, string Name);

/// <summary>行政区划: the tree, browsed one level at a time inside the caller's scope.</summary>
internal static class RegionEndpoints
{
    private const string Columns = """
        r.id, r.parent_id, r.code, r.name, r.level, r.kind,
        (select count(*) from organization.regions ch where ch.parent_id = r.id)::int as child_count
        """;

    /// <summary>Children of <paramref name="parentId"/>, or the caller's own region when none is given.</summary>
    public static async Task<Ok<IReadOnlyList<RegionResponse>>> List(
        Guid? parentId, NpgsqlDataSource db, CurrentUser user, ScopeGuard guard, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        if (parentId is null)
        {
            var own = await c.QueryAsync<RegionResponse>(new CommandDefinition(
                $"select {Columns} from organization.regions r where r.id = @id", new { id = user.RegionId },
                cancellationToken: ct));
            return TypedResults.Ok<IReadOnlyList<RegionResponse>>(own.ToList());
        }
        var parentInScope = await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"select exists (select 1 from organization.regions where id = @parentId and {RegionScope.Sql("path")})",
            new { parentId, scope = user.Scope.Pattern }, cancellationToken: ct));
        if (!parentInScope) await guard.DenyAsync("region", parentId.Value, ct);
        var rows = await c.QueryAsync<RegionResponse>(new CommandDefinition($"""
            select {Columns} from organization.regions r
            where r.parent_id = @parentId and {RegionScope.Sql("r.path")}
            order by r.sort, r.code
            """, new { parentId, scope = user.Scope.Pattern }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<RegionResponse>>(rows.ToList());
    }

    private sealed record CountyRow(Guid Id, Guid? ParentId, string Name, string Level);

    /// <summary>
    /// Every county with its townships, for the public landing page and the county pickers of the public pages:
    /// region names are public, so no session is needed.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<PublicCounty>>> PublicCounties(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<CountyRow>(new CommandDefinition("""
            select id, parent_id, name, level from organization.regions
            where level in ('county', 'township')
            order by level, sort, code
            """, cancellationToken: ct))).ToList();
        var townships = rows.Where(r => r.Level == "township").ToLookup(r => r.ParentId);
        IReadOnlyList<PublicCounty> counties = [.. rows.Where(r => r.Level == "county").Select(r => new PublicCounty(
            r.Id, r.Name, [.. townships[r.Id].Select(t => new PublicCountyTownship(t.Id, t.Name))]))];
        return TypedResults.Ok(counties);
    }

    private sealed record DetailRow(
        Guid Id, Guid? ParentId, string Code, string Name, string Level, string Kind, int ChildCount, string Path,
        int UnitCount, int UserCount);

    /// <summary>A region's row and its ancestors, read by a second query.</summary>
    private sealed record Detail(DetailRow Row, IReadOnlyList<RegionRef> Ancestors);

    private sealed class Mapping : IRegister
    {
        // every member of the row (Path stays inside), plus Ancestors
        public void Register(TypeAdapterConfig config) => config.NewConfig<Detail, RegionDetailResponse>()
            .Map(d => d, s => s.Row);
    }

    public static async Task<Ok<RegionDetailResponse>> Get(Guid id, NpgsqlDataSource db, CurrentUser user,
        ScopeGuard guard, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var r = await c.QuerySingleOrDefaultAsync<DetailRow>(new CommandDefinition($"""
            select {Columns}, r.path,
                   (select count(*) from organization.units u where u.region_id = r.id)::int as unit_count,
                   (select count(*) from organization.users u where u.region_id = r.id)::int as user_count
            from organization.regions r where r.id = @id and {RegionScope.Sql("r.path")}
            """, new { id, scope = user.Scope.Pattern }, cancellationToken: ct));
        if (r is null) return await guard.DenyAsync<Ok<RegionDetailResponse>>("region", id, ct);

        var ancestors = await c.QueryAsync<RegionRef>(new CommandDefinition("""
            select id, name, level from organization.regions
            where @path like path || '%' and path <> @path
            order by length(path)
            """, new { path = r.Path }, cancellationToken: ct));
        return TypedResults.Ok(new Detail(r, ancestors.ToList()).Adapt<Detail, RegionDetailResponse>(
            OrganizationModule.MappingConfig));
    }
}

/// <summary>The region directory other modules use (Organization.Contracts).</summary>
internal sealed class RegionDirectory(NpgsqlDataSource db) : IRegionDirectory
{
    /// <summary>
    /// Regions found by id, remembered like <see cref="Names"/> (reference data no endpoint edits): the scope check of
    /// a township's list, among others, asked the database for its region on every request.
    /// </summary>
    private static readonly ConcurrentDictionary<Guid, RegionInfo> ById = new();

    public async Task<RegionInfo?> FindAsync(Guid id, CancellationToken ct)
    {
        if (ById.TryGetValue(id, out var known)) return known;
        await using var c = await db.OpenConnectionAsync(ct);
        var found = await c.QuerySingleOrDefaultAsync<RegionInfo>(new CommandDefinition(
            "select id, parent_id, code, name, level, kind, path from organization.regions where id = @id", new { id },
            cancellationToken: ct));
        if (found is not null) ById[id] = found; // a miss is not remembered: the id may be created later
        return found;
    }

    public async Task<IReadOnlyList<RegionInfo>> ByLevelAsync(string level, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<RegionInfo>(new CommandDefinition(
            """
            select id, parent_id, code, name, level, kind, path from organization.regions where level = @level
                order by path
            """, new { level }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<RegionInfo>> ChildrenAsync(Guid parentId, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<RegionInfo>(new CommandDefinition(
            """
            select id, parent_id, code, name, level, kind, path from organization.regions where parent_id = @parentId
                order by sort, code
            """, new { parentId }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, RegionInfo>> FindManyAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<Guid, RegionInfo>();
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<RegionInfo>(new CommandDefinition(
            "select id, parent_id, code, name, level, kind, path from organization.regions where id = any(@ids)",
            new { ids = ids.Distinct().ToArray() }, cancellationToken: ct))).ToDictionary(r => r.Id);
    }

    public async Task<IReadOnlyDictionary<string, RegionInfo>> ByPathAsync(IReadOnlyCollection<string> paths,
        CancellationToken ct)
    {
        if (paths.Count == 0) return new Dictionary<string, RegionInfo>();
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<RegionInfo>(new CommandDefinition(
            "select id, parent_id, code, name, level, kind, path from organization.regions where path = any(@paths)",
            new { paths = paths.Distinct().ToArray() }, cancellationToken: ct))).ToDictionary(r => r.Path);
    }

    /// <summary>
    /// Region names by path, remembered for the life of the process: regions are reference data that no endpoint edits
    /// (the administrative codes in a path fix the region), and every list and detail page asks for them.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> Names = new();

    public async Task<IReadOnlyDictionary<string, string>> NamesByPathAsync(IReadOnlyCollection<string> paths,
        CancellationToken ct)
    {
        var missing = paths.Where(p => !Names.ContainsKey(p)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            await using var c = await db.OpenConnectionAsync(ct);
            var rows = await c.QueryAsync<(string Path, string Name)>(new CommandDefinition(
                "select path, name from organization.regions where path = any(@paths)", new { paths = missing },
                cancellationToken: ct));
            foreach (var (path, name) in rows) Names[path] = name;
        }
        var result = new Dictionary<string, string>();
        foreach (var path in paths)
            if (Names.TryGetValue(path, out var name)) result[path] = name;
        return result;
    }
}

internal sealed class UnitDirectory(NpgsqlDataSource db) : IUnitDirectory
{
    public async Task<UnitInfo?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<UnitInfo>(new CommandDefinition(
            "select id, name, kind, region_id, region_path from organization.units where id = @id", new { id },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyDictionary<Guid, UnitInfo>> FindManyAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<Guid, UnitInfo>();
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<UnitInfo>(new CommandDefinition(
            "select id, name, kind, region_id, region_path from organization.units where id = any(@ids)",
            new { ids = ids.Distinct().ToArray() }, cancellationToken: ct))).ToDictionary(u => u.Id);
    }

    public async Task<IReadOnlyList<UnitInfo>> InRegionAsync(Guid regionId, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<UnitInfo>(new CommandDefinition(
            """
            select id, name, kind, region_id, region_path from organization.units where region_id = @regionId
                order by sort, id
            """, new { regionId }, cancellationToken: ct))).ToList();
    }
}
