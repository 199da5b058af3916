using System.Text.Json.Nodes;
using Governance.Organization.Contracts;
using Governance.SharedKernel.Security;

namespace Governance.IntegrationTests;

/// <summary>
/// The responses that are mapped from row records (Mapster, see <c>ModuleMapping</c>) equal, member for member and in
/// order, what is built here straight from the database by the rules the hand-written mappings had: role name and
/// permissions from <see cref="Roles"/>, the unit kind's label, the masked phone, timestamps as UTC offsets.
/// (Written before the conversion and run against the hand-written mappings too.)
/// </summary>
public class MappedResponsesTests : IntegrationTest
{
    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
    private static DateTimeOffset? Utc(DateTime? d) => d is { } v ? Utc(v) : null;
    private static string RoleName(string role) => Roles.Find(role)?.Name ?? role;

    /// <summary>Every item of a keyset-paged list.</summary>
    private static async Task<List<JsonElement>> AllPages(HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await Read<JsonElement>(
                await client.GetAsync(
                    $"{url}?limit=200{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        return items;
    }

    private static void AssertSame(JsonElement actual, object expected) =>
        Assert.That(JsonNode.Parse(actual.GetRawText())!.ToJsonString(),
            Is.EqualTo(JsonSerializer.SerializeToNode(expected, Json)!.ToJsonString()));

    private sealed record MeRow(Guid Id, string Username, string DisplayName, string Role, Guid RegionId,
        string RegionName, string RegionLevel, Guid? UnitId, string? UnitName);

    [Test]
    public async Task Me()
    {
        var client = await App.LoginAsync("t01_leader");
        var me = await Read<JsonElement>(await client.GetAsync("/api/v1/auth/me"));
        await using var c = await App.Db.OpenConnectionAsync();
        var r = await c.QuerySingleAsync<MeRow>("""
            select u.id, u.username, u.display_name, u.role, u.region_id, r.name as region_name,
                   r.level as region_level, u.unit_id, n.name as unit_name
            from organization.users u join organization.regions r on r.id = u.region_id
            left join organization.units n on n.id = u.unit_id
            where u.username = 't01_leader'
            """);
        Assert.That(Roles.Find(r.Role)!.Permissions, Is.Not.Empty);
        AssertSame(me, new
        {
            r.Id, r.Username, r.DisplayName, r.Role, RoleName = RoleName(r.Role), r.RegionId, r.RegionName,
            r.RegionLevel, r.UnitId, r.UnitName, Roles.Find(r.Role)!.Permissions, Grant = (object?)null,
        });
    }

    private sealed record UserRow(
        Guid Id, string Username, string DisplayName, string Role, Guid RegionId, string RegionName, Guid? UnitId,
        string? UnitName, string? Phone, bool Disabled, DateTime? LockedUntil, DateTime CreatedAt, Guid? GrantId);

    [Test]
    public async Task Users_created_listed_and_disabled()
    {
        var admin = await App.LoginAsync("admin");
        var created = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username = "mapped_user", displayName = "映射", password = "Secret123", role = "window_clerk",
            regionId = await RegionId(Township1), unitId = await Scalar<Guid?>("""
                select id from organization.units where region_id = (select id from organization.regions
                    where code = @code) limit 1
                """, new { code = Township1 }),
            phone = "13912345678",
        }), HttpStatusCode.Created);
        await Scalar<int>("""
            insert into organization.login_failures (key, failures, last_failed_at, blocked_until)
            values ('account:t01_leader', 21, now(), now() + interval '1 minute') returning 1
            """);
        var items = await AllPages(admin, "/api/v1/organization/users");
        var disabled = await Read<JsonElement>(
            await admin.PostAsync($"/api/v1/organization/users/{created.GetProperty("id").GetGuid()}/disable", null));

        await using var c = await App.Db.OpenConnectionAsync();
        var rows = (await c.QueryAsync<UserRow>("""
            select u.id, u.username, u.display_name, u.role, u.region_id, r.name as region_name, u.unit_id,
                   un.name as unit_name, u.phone, u.disabled, lf.blocked_until as locked_until, u.created_at,
                   u.grant_id
            from organization.users u join organization.regions r on r.id = u.region_id left join organization.units un
                on un.id = u.unit_id
            left join organization.login_failures lf on lf.key = 'account:' || lower(u.username)
            """)).ToDictionary(r => r.Id);
        object Expected(UserRow r) => new
        {
            r.Id, r.Username, r.DisplayName, r.Role, RoleName = RoleName(r.Role), r.RegionId, r.RegionName, r.UnitId,
            r.UnitName, Phone = Masking.Phone(r.Phone), r.Disabled, LockedUntil = Utc(r.LockedUntil),
            CreatedAt = Utc(r.CreatedAt), r.GrantId,
        };
        var mine = rows[created.GetProperty("id").GetGuid()];
        Assert.That(mine.UnitName, Is.Not.Null);
        AssertSame(disabled, Expected(mine));
        AssertSame(created, Expected(mine with { Disabled = false }));
        Assert.That(items, Has.Count.EqualTo(rows.Count));
        Assert.That(items.Where(i => i.GetProperty("lockedUntil").ValueKind != JsonValueKind.Null).Count(),
            Is.EqualTo(1));
        foreach (var item in items.Where(i => i.GetProperty("id").GetGuid() != mine.Id))
            AssertSame(item, Expected(rows[item.GetProperty("id").GetGuid()]));
    }

    private sealed record TokenRow(
        Guid Id, string Name, string Role, Guid RegionId, string RegionName, string Prefix, DateTime CreatedAt,
        DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, Guid? GrantId);

    [Test]
    public async Task Api_tokens_issued_and_listed()
    {
        var admin = await App.LoginAsync("admin");
        var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "映射", role = "evaluator", regionId = await RegionId(County),
            expiresAt = DateTimeOffset.UtcNow.AddDays(3), grantId = await DemoGrantId(),
        }), HttpStatusCode.Created);
        var other = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens", new
        {
            name = "撤销", role = "kpi_reader", regionId = await RegionId(Township1),
            expiresAt = DateTimeOffset.UtcNow.AddDays(3),
        }), HttpStatusCode.Created);
        await admin.DeleteAsync($"/api/v1/organization/api-tokens/{other.GetProperty("id").GetGuid()}");
        await App.WithToken(issued.GetProperty("token").GetString()!).GetAsync("/api/v1/audit/entries");
        var list = await Read<JsonElement>(await admin.GetAsync("/api/v1/organization/api-tokens"));

        await using var c = await App.Db.OpenConnectionAsync();
        var rows = (await c.QueryAsync<TokenRow>("""
            select t.id, t.name, t.role, t.region_id, r.name as region_name, t.prefix, t.created_at, t.expires_at,
                t.revoked_at, t.last_used_at, t.grant_id
            from organization.api_tokens t join organization.regions r on r.id = t.region_id
            """)).ToDictionary(r => r.Id);
        var mine = rows[issued.GetProperty("id").GetGuid()];
        AssertSame(issued, new
        {
            mine.Id, mine.Name, mine.Role, RoleName = RoleName(mine.Role), mine.RegionId, mine.RegionName, mine.Prefix,
            CreatedAt = Utc(mine.CreatedAt), ExpiresAt = Utc(mine.ExpiresAt),
            Token = issued.GetProperty("token").GetString(),
        });
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items, Has.Count.EqualTo(2));
        Assert.That(rows.Values.Count(r => r.RevokedAt is not null) + rows.Values.Count(r => r.LastUsedAt is not null),
            Is.EqualTo(2));
        foreach (var item in items)
        {
            var r = rows[item.GetProperty("id").GetGuid()];
            AssertSame(item, new
            {
                r.Id, r.Name, r.Role, RoleName = RoleName(r.Role), r.RegionId, r.RegionName, r.Prefix,
                CreatedAt = Utc(r.CreatedAt), ExpiresAt = Utc(r.ExpiresAt), RevokedAt = Utc(r.RevokedAt),
                LastUsedAt = Utc(r.LastUsedAt), r.GrantId,
            });
        }
    }

    private sealed record UnitRow(Guid Id, Guid RegionId, string RegionName, string Name, string Kind);

    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["county_department"] = "县直部门", ["county_institution"] = "县直事业单位",
        ["township_office"] = "乡镇内设机构", ["township_institution"] = "乡镇事业单位",
        ["service_centre"] = "便民服务中心", ["village_agent_point"] = "村级代办点",
    };

    [Test]
    public async Task Units()
    {
        var admin = await App.LoginAsync("admin");
        var items = await AllPages(admin, "/api/v1/organization/units");
        await using var c = await App.Db.OpenConnectionAsync();
        var rows = (await c.QueryAsync<UnitRow>("""
            select u.id, u.region_id, r.name as region_name, u.name, u.kind from organization.units u
                join organization.regions r on r.id = u.region_id
            """)).ToDictionary(r => r.Id);
        Assert.That(items, Has.Count.EqualTo(rows.Count));
        Assert.That(rows.Values.Select(r => r.Kind).Distinct().Count(), Is.GreaterThan(1));
        foreach (var item in items)
        {
            var r = rows[item.GetProperty("id").GetGuid()];
            AssertSame(item, new { r.Id, r.RegionId, r.RegionName, r.Name, r.Kind, KindName = KindNames[r.Kind] });
        }
    }

    private sealed record RegionRow(Guid Id, Guid? ParentId, string Code, string Name, string Level, string Kind,
        int ChildCount, int UnitCount, int UserCount);
    private sealed record RefRow(Guid Id, string Name, string Level);

    [Test]
    public async Task Region_detail()
    {
        var admin = await App.LoginAsync("admin");
        var detail = await Read<JsonElement>(
            await admin.GetAsync($"/api/v1/organization/regions/{await RegionId(Village1_1)}"));
        await using var c = await App.Db.OpenConnectionAsync();
        var r = await c.QuerySingleAsync<RegionRow>("""
            select r.id, r.parent_id, r.code, r.name, r.level, r.kind,
                   (select count(*) from organization.regions ch where ch.parent_id = r.id)::int as child_count,
                   (select count(*) from organization.units u where u.region_id = r.id)::int as unit_count,
                   (select count(*) from organization.users u where u.region_id = r.id)::int as user_count
            from organization.regions r where r.code = @code
            """, new { code = Village1_1 });
        var ancestors = (await c.QueryAsync<RefRow>("""
            select a.id, a.name, a.level from organization.regions a, organization.regions r
            where r.code = @code and r.path like a.path || '%' and a.path <> r.path order by length(a.path)
            """, new { code = Village1_1 })).ToList();
        Assert.That(ancestors.Select(a => a.Id),
            Is.SupersetOf(new[] { await RegionId(County), await RegionId(Township1) }));
        AssertSame(detail, new { r.Id, r.ParentId, r.Code, r.Name, r.Level, r.Kind, r.ChildCount, Ancestors = ancestors,
            r.UnitCount, r.UserCount });
    }

    private sealed record YearRow(int Year, string Source, DateTime LoadedAt, string LoadedBy);

    [Test]
    public async Task Loaded_years()
    {
        var admin = await App.LoginAsync("admin");
        var loaded = await Read<JsonElement>(await admin.GetAsync("/api/v1/calendar/years"));
        await using var c = await App.Db.OpenConnectionAsync();
        var rows = (await c.QueryAsync<YearRow>("""
            select year, source, loaded_at, loaded_by from calendar.loaded_years order by year
            """)).ToList();
        Assert.That(rows, Is.Not.Empty);
        AssertSame(loaded.GetProperty("years"),
            rows.Select(r => new { r.Year, r.Source, LoadedAt = Utc(r.LoadedAt), r.LoadedBy }));
    }

    private sealed record NoticeRow(Guid Id, string Title, string Body, string? Link, DateTime CreatedAt);

    [Test]
    public async Task Notices()
    {
        var client = await App.LoginAsync("t01_leader");
        await using var c = await App.Db.OpenConnectionAsync();
        Assert.That(await c.ExecuteAsync("""
            insert into notifications.notices (id, region_path, title, body, link, created_at)
            select gen_random_uuid(), u.region_path, t.title, '正文', t.link, now() - t.age
            from organization.users u, (values ('甲', '/x', interval '1 hour'), ('乙', null, interval '2 hours'))
                as t(title, link, age)
            where u.username = 't01_leader'
            """), Is.EqualTo(2));
        var first = (await Read<JsonElement>(await client.GetAsync("/api/v1/notifications"))).GetProperty("items");
        Assert.That((await client.PostAsync($"/api/v1/notifications/{first[0].GetProperty("id").GetGuid()}/read",
            null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var page = await Read<JsonElement>(await client.GetAsync("/api/v1/notifications"));
        var rows = (await c.QueryAsync<NoticeRow>("""
            select id, title, body, link, created_at from notifications.notices order by created_at desc, id desc
            """)).ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        AssertSame(page.GetProperty("items"),
            rows.Select((r, i) => new { r.Id, r.Title, r.Body, r.Link, CreatedAt = Utc(r.CreatedAt), Read = i == 0 }));
    }
}
