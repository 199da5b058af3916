using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using NpgsqlTypes;

namespace Governance.Organization.Demo;

/// <summary>
/// The fictional demo county (清河县) at the source's scale: 16 townships (3 of them streets), 454 villages,
/// ~40 county departments and institutions, each township's 7 offices and 5 institutions, a village agent point per
/// village, and users for every role. <c>counties</c> is the size knob for benchmarks (a province is ~100).
/// Idempotent: a county that already exists is left alone. Names are invented; every demo user's password is
/// <see cref="Password"/>.
/// </summary>
internal sealed class DemoOrganizationGenerator(NpgsqlDataSource db, ILogger<DemoOrganizationGenerator> logger)
{
    public const string Password = "Demo@2026";
    public const string ProvinceCode = "990000000000";

    private static readonly string[] TownshipNames =
        ["城关镇", "河口镇", "柳林镇", "石桥镇", "白云乡", "青山镇", "双河镇", "马庄乡", "杨柳镇", "龙泉镇", "桃园乡",
         "新集镇", "高庄乡", "东城街道", "西城街道", "南湖街道"];
    private const int Streets = 3; // the last three are 街道
    private const int VillagesPerCounty = 454;

    private static readonly string[] CountyDepartments =
        ["县政府办公室", "县发展和改革局", "县教育局", "县科学技术局", "县工业和信息化局", "县公安局", "县民政局",
         "县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源局", "县生态环境分局", "县住房和城乡建设局",
         "县交通运输局", "县水利局", "县农业农村局", "县商务局", "县文化和旅游局", "县卫生健康委员会",
         "县退役军人事务局", "县应急管理局", "县审计局", "县市场监督管理局", "县统计局", "县医疗保障局", "县林业局",
         "县城市管理局", "县乡村振兴局", "县信访局", "县行政审批服务局", "县机构编制委员会办公室", "县数据资源管理局",
         "县人民防空办公室", "县消防救援大队", "县税务局", "县自然资源和规划执法大队"];
    private static readonly string[] CountyInstitutions = ["县融媒体中心", "县不动产登记中心", "县社会保险事业中心",
        "县综合检验检测中心"];
    private static readonly string[] TownshipOffices =
        ["党政办公室", "党建工作办公室", "经济发展办公室", "社会事务办公室", "平安建设办公室",
         "自然资源和生态环境办公室", "综合行政执法办公室"];
    private static readonly string[] TownshipInstitutions =
        // + 党政综合便民服务中心 (a service centre)
        ["综合行政执法大队", "农业综合服务中心", "社会治安综合治理中心", "退役军人服务站"];
    private static readonly string[] Surnames = ["张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] VillageSuffixes = ["家庄", "家湾", "家沟", "庄", "营", "河", "坪", "岭", "寨",
        "集", "店", "桥", "堡", "屯", "洼", "家岗"];
    private static readonly string[] CommunityNames =
        ["东关", "西街", "南门", "北苑", "新华", "建设", "人民", "解放", "和平", "文化", "幸福", "光明", "春晖", "滨河",
         "花园", "锦绣", "朝阳", "振兴", "育才", "长青", "金桥", "银杏", "翠湖", "民主", "团结", "友谊", "紫荆", "丰收",
         "凤鸣", "新城"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
        "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平"];

    private sealed record Region(Guid Id, Guid? ParentId, string Code, string Name, string Level, string Kind,
        string Path, int Sort);
    private sealed record Unit(Guid Id, Guid RegionId, string RegionPath, string Name, string Kind, int Sort);
    private sealed record User(Guid Id, string Username, string DisplayName, string Role, Guid RegionId,
        string RegionPath, Guid? UnitId, string Phone)
    {
        public Guid? GrantId { get; init; }
    }

    public static string CountyCode(int k) => $"99{(k - 1) / 20 + 1:00}{(k - 1) % 20 + 1:00}000000";

    /// <summary>Username prefix: none for the first county (admin, t01_leader, v0101_agent …), c002_ … after.</summary>
    public static string UserPrefix(int k) => k == 1 ? "" : $"c{k:000}_";

    public async Task<int> GenerateAsync(int counties, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(7402312)", transaction: tx,
            cancellationToken: ct));
        var existing = (await c.QueryAsync<string>(new CommandDefinition(
            "select code from organization.regions where level in ('province', 'county')", transaction: tx,
            cancellationToken: ct))).ToHashSet();

        var regions = new List<Region>();
        var units = new List<Unit>();
        var users = new List<User>();
        var provinceId = existing.Contains(ProvinceCode)
            ? await c.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                select id from organization.regions where code = @ProvinceCode
                """, new { ProvinceCode }, tx, cancellationToken: ct))
            : Guid.CreateVersion7();
        if (!existing.Contains(ProvinceCode))
            regions.Add(new Region(provinceId, null, ProvinceCode, "演示省", "province", "province",
                $"/{ProvinceCode}/", 0));

        var created = 0;
        for (var k = 1; k <= counties; k++)
        {
            if (existing.Contains(CountyCode(k))) continue;
            BuildCounty(k, provinceId, regions, units, users);
            created++;
        }
        if (regions.Count > 0)
        {
            // One password hash for all demo users (hashing ~500 users per county would take minutes); demo data only.
            var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
            await CopyAsync(c, regions, units, users, hash, ct);
        }
        await tx.CommitAsync(ct);
        if (created > 0)
            await c.ExecuteAsync(new CommandDefinition("""
                analyze organization.regions, organization.units, organization.users
                """, cancellationToken: ct));
        if (created > 0)
            logger.LogInformation(
                "Demo organisation: created {Counties} counties ({Regions} regions, {Units} units, {Users} users)",
                created, regions.Count, units.Count, users.Count);
        return created;
    }

    private static void BuildCounty(int k, Guid provinceId, List<Region> regions, List<Unit> units, List<User> users)
    {
        var rng = new Random(k); // deterministic per county
        var prefix = UserPrefix(k);
        var countyCode = CountyCode(k);
        var county = new Region(Guid.CreateVersion7(), provinceId, countyCode, k == 1 ? "清河县" : $"演示{k:000}县",
            "county", "county", $"/{ProvinceCode}/{countyCode}/", k);
        regions.Add(county);

        var sort = 0;
        foreach (var name in CountyDepartments)
            units.Add(new Unit(Guid.CreateVersion7(), county.Id, county.Path, name, "county_department", sort++));
        foreach (var name in CountyInstitutions)
            units.Add(new Unit(Guid.CreateVersion7(), county.Id, county.Path, name, "county_institution", sort++));
        units.Add(new Unit(Guid.CreateVersion7(), county.Id, county.Path, "县政务服务中心", "service_centre", sort));
        var market = units.First(u => u.RegionId == county.Id && u.Name == "县市场监督管理局");
        var office = units.First(u => u.RegionId == county.Id && u.Name == "县机构编制委员会办公室");
        var gov = units.First(u => u.RegionId == county.Id && u.Name == "县政府办公室");

        users.Add(Person(rng, prefix + "admin", Roles.CountyAdmin, county, gov.Id));
        users.Add(Person(rng, prefix + "leader", Roles.CountyLeader, county, gov.Id));
        users.Add(Person(rng, prefix + "bianban", Roles.EstablishmentOffice, county, office.Id));
        users.Add(Person(rng, prefix + "dept_scjg", Roles.CountyDepartment, county, market.Id));
        // the demo evaluator works under a grant for the whole county (评估任务; its grant id is the county's id)
        users.Add(Person(rng, prefix + "evaluator", Roles.Evaluator, county, null) with { GrantId = county.Id });
        var hall = units.First(u => u.RegionId == county.Id && u.Name == "县政务服务中心");
        users.Add(Person(rng, prefix + "zwfw", Roles.ServiceAdmin, county, hall.Id));
        // the county hall's window: 转报 from townships land here
        users.Add(Person(rng, prefix + "window", Roles.WindowClerk, county, hall.Id));

        for (var t = 1; t <= TownshipNames.Length; t++)
        {
            var isStreet = t > TownshipNames.Length - Streets;
            var tCode = countyCode[..6] + $"{t:000}000";
            var township = new Region(Guid.CreateVersion7(), county.Id, tCode, TownshipNames[t - 1], "township",
                isStreet ? "street" : "township", $"{county.Path}{tCode}/", t);
            regions.Add(township);

            var s = 0;
            foreach (var name in TownshipOffices)
                units.Add(new Unit(Guid.CreateVersion7(), township.Id, township.Path, name, "township_office", s++));
            var centre = new Unit(Guid.CreateVersion7(), township.Id, township.Path, "党政综合便民服务中心",
                "service_centre", s++);
            units.Add(centre);
            foreach (var name in TownshipInstitutions)
                units.Add(new Unit(Guid.CreateVersion7(), township.Id, township.Path, name,
                    "township_institution", s++));
            var team = units.First(u => u.RegionId == township.Id && u.Name == "综合行政执法大队");
            var partyOffice = units.First(u => u.RegionId == township.Id && u.Name == "党政办公室");

            var tp = $"{prefix}t{t:00}_";
            users.Add(Person(rng, tp + "leader", Roles.TownshipLeader, township, partyOffice.Id));
            users.Add(Person(rng, tp + "staff", Roles.TownshipStaff, township, partyOffice.Id));
            users.Add(Person(rng, tp + "window", Roles.WindowClerk, township, centre.Id));
            users.Add(Person(rng, tp + "officer", Roles.EnforcementOfficer, township, team.Id));
            // 法制审核: the township's 司法所 sits in its 平安建设办公室
            var safetyOffice = units.First(u => u.RegionId == township.Id && u.Name == "平安建设办公室");
            users.Add(Person(rng, tp + "legal", Roles.LegalReviewer, township, safetyOffice.Id));

            // 454 villages over 16 townships: the first (454 mod 16) townships get one more
            var count = VillagesPerCounty / TownshipNames.Length
                + (t <= VillagesPerCounty % TownshipNames.Length ? 1 : 0);
            var names = VillageNames(rng, count, isStreet);
            for (var v = 1; v <= count; v++)
            {
                    var vCode = tCode[..9] + $"{v:000}";
                var village = new Region(Guid.CreateVersion7(), township.Id, vCode, names[v - 1], "village",
                    isStreet ? "community" : "village", $"{township.Path}{vCode}/", v);
                regions.Add(village);
                var point = new Unit(Guid.CreateVersion7(), village.Id, village.Path, $"{names[v - 1]}代办点",
                    "village_agent_point", 0);
                units.Add(point);
                users.Add(Person(rng, $"{prefix}v{t:00}{v:00}_agent", Roles.VillageAgent, village, point.Id));
            }
        }
    }

    private static List<string> VillageNames(Random rng, int count, bool community)
    {
        var pool = community
            ? CommunityNames.Select(n => n + "社区")
            : Surnames.SelectMany(s => VillageSuffixes.Select(x => s + x + "村"));
        return pool.OrderBy(_ => rng.Next()).Take(count).ToList();
    }

    private static User Person(Random rng, string username, string role, Region region, Guid? unitId)
    {
        var name = Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];
        var phone = $"1{rng.Next(30, 90)}{rng.Next(0, 100_000_000):00000000}";
        return new User(Guid.CreateVersion7(), username, name, role, region.Id, region.Path, unitId, phone);
    }

    private static async Task CopyAsync(NpgsqlConnection c, List<Region> regions, List<Unit> units, List<User> users,
        string hash, CancellationToken ct)
    {
        await using (var w = await c.BeginBinaryImportAsync(
            """
            copy organization.regions (id, parent_id, code, name, level, kind, path, sort) from stdin (format binary)
            """, ct))
        {
            foreach (var r in regions)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                if (r.ParentId is { } p) await w.WriteAsync(p, NpgsqlDbType.Uuid, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(r.Code, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Name, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Level, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Kind, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Path, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Sort, NpgsqlDbType.Integer, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await c.BeginBinaryImportAsync(
            "copy organization.units (id, region_id, region_path, name, kind, sort) from stdin (format binary)", ct))
        {
            foreach (var u in units)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(u.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(u.RegionId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(u.RegionPath, NpgsqlDbType.Text, ct);
                await w.WriteAsync(u.Name, NpgsqlDbType.Text, ct);
                await w.WriteAsync(u.Kind, NpgsqlDbType.Text, ct);
                await w.WriteAsync(u.Sort, NpgsqlDbType.Integer, ct);
            }
            await w.CompleteAsync(ct);
        }
        var now = DateTime.UtcNow;
        var grants = users.Where(u => u.GrantId is not null).ToList();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into organization.evaluation_grants (id, organisation, purpose, region_id, region_path, period_from,
                                                        period_to, modules, expires_at, created_at)
            select g.id, '华信第三方评估有限公司（演示）', '乡镇（街道）管理体制改革成效第三方评估（演示）',
                   g.id, g.path,
                   make_date(extract(year from @now)::int - 1, 1, 1), make_date(extract(year from @now)::int, 12, 31),
                   @modules, @now + interval '1 year', @now
            from unnest(@ids, @paths) as g (id, path)
            """, new
            {
                ids = grants.Select(u => u.GrantId!.Value).ToArray(),
                paths = grants.Select(u => u.RegionPath).ToArray(),
                modules = EvaluationModules.All.ToArray(), now,
            }, cancellationToken: ct));
        await using (var w = await c.BeginBinaryImportAsync(
            """
            copy organization.users (id, username, display_name, password_hash, role, region_id, region_path, unit_id,
                phone, created_at, updated_at, grant_id) from stdin (format binary)
            """, ct))
        {
            foreach (var u in users)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(u.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(u.Username, NpgsqlDbType.Text, ct);
                await w.WriteAsync(u.DisplayName, NpgsqlDbType.Text, ct);
                await w.WriteAsync(hash, NpgsqlDbType.Text, ct);
                await w.WriteAsync(u.Role, NpgsqlDbType.Text, ct);
                await w.WriteAsync(u.RegionId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(u.RegionPath, NpgsqlDbType.Text, ct);
                if (u.UnitId is { } unitId) await w.WriteAsync(unitId, NpgsqlDbType.Uuid, ct);
                else await w.WriteNullAsync(ct);
                await w.WriteAsync(u.Phone, NpgsqlDbType.Text, ct);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                if (u.GrantId is { } grantId) await w.WriteAsync(grantId, NpgsqlDbType.Uuid, ct);
                else await w.WriteNullAsync(ct);
            }
            await w.CompleteAsync(ct);
        }
    }
}
