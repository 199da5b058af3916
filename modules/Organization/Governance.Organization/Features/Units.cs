using Governance.SharedKernel.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Organization.Features;

public sealed record UnitResponse(Guid Id, Guid RegionId, string RegionName, string Name, string Kind, string KindName);

/// <summary>单位: departments, offices, institutions, service centres and agent points in the caller's scope.</summary>
internal static class UnitEndpoints
{
    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["county_department"] = "县直部门",
        ["county_institution"] = "县直事业单位",
        ["township_office"] = "乡镇内设机构",
        ["township_institution"] = "乡镇事业单位",
        ["service_centre"] = "便民服务中心",
        ["village_agent_point"] = "村级代办点",
    };

    private sealed record Row(Guid Id, Guid RegionId, string RegionName, string Name, string Kind, string Path,
        int Sort);
    private sealed record Key(string Path, int Sort, Guid Id);

    private sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Row, UnitResponse>()
            .Map(d => d.KindName, s => KindNames.GetValueOrDefault(s.Kind, s.Kind));
    }

    public static async Task<Ok<Page<UnitResponse>>> List(
        Guid? regionId, [TextLimit(TextLimits.Search)] string? q, [TextLimit(TextLimits.Code)] string? kind,
        [TextLimit(TextLimits.Cursor)] string? cursor, int? limit, NpgsqlDataSource db, CurrentUser user,
        CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition($"""
            select u.id, u.region_id, r.name as region_name, u.name, u.kind, u.region_path as path, u.sort
            from organization.units u join organization.regions r on r.id = u.region_id
            where {RegionScope.Sql("u.region_path")}
              and (@regionId::uuid is null or u.region_id = @regionId)
              and (@q::text is null or strpos(u.name, @q) > 0)
              and (@kind::text is null or u.kind = @kind)
              and (@afterPath::text is null or (u.region_path, u.sort, u.id) > (@afterPath, @afterSort, @afterId))
            order by u.region_path, u.sort, u.id
            limit @take
            """, new
            {
                scope = user.Scope.Pattern, regionId, q = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
                kind = string.IsNullOrWhiteSpace(kind) ? null : kind, afterPath = after?.Path,
                afterSort = after?.Sort ?? 0, afterId = after?.Id ?? Guid.Empty, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, r => new Key(r.Path, r.Sort, r.Id));
        return TypedResults.Ok(new Page<UnitResponse>(
            page.Items.Select(r => r.Adapt<Row, UnitResponse>(OrganizationModule.MappingConfig)).ToList(),
            page.NextCursor));
    }
}
