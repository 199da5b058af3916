using Microsoft.Extensions.Logging;

namespace Governance.Staffing.Demo;

/// <summary>
/// The demo county's establishment ledger at the source's scale: every county unit and township office and
/// institution with approved posts from the 2000 opening approval; the 233 posts moved down to the 16 townships in
/// 2019 (enforcement and service posts from the enforcement departments, one township below and one above the 10–15
/// guidance); about 3,000 named staff entering over the years (a few retired), each entry and exit a ledger line;
/// 选派 campaigns from 2017 with about 45 posts a year and their assessments (<see cref="DemoLedger"/>); and one
/// deliberate problem for the health page: an overdue, unresolved 超编 exception. Every figure reconciles with its
/// sources. Names are invented. Idempotent per county.
/// </summary>
internal sealed class DemoStaffingGenerator(
    NpgsqlDataSource db, IRegionDirectory regions, IUnitDirectory units, ILogger<DemoStaffingGenerator> logger)
{
    /// <summary>Departments whose enforcement (and approval-service) posts move down to the townships.</summary>
    private static readonly string[] Donors =
    [
        "县城市管理局", "县市场监督管理局", "县自然资源局", "县农业农村局", "县生态环境分局", "县住房和城乡建设局",
        "县文化和旅游局", "县卫生健康委员会", "县应急管理局", "县交通运输局", "县水利局", "县行政审批服务局",
    ];

    /// <summary>Posts each township receives in 2019: 233 in all, one township below the guidance and one
    /// above.</summary>
    private static readonly int[] Received = [15, 15, 14, 15, 9, 15, 14, 15, 15, 17, 15, 14, 15, 15, 15, 15];

    private static readonly string[] Surnames =
        [
            "张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        ];
    private static readonly string[] Given =
        [
            "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
            "刚", "桂英", "建华", "晓东", "文博", "思远", "雨欣", "子涵", "浩然", "欣怡",
        ];
    private static readonly string[] Titles =
        [
            "助理工程师", "工程师", "高级工程师", "助理农艺师", "农艺师",
            "助理会计师", "会计师", "主治医师", "经济师", "助理经济师",
        ];

    public async Task<int> GenerateAsync(CancellationToken ct)
    {
        var created = 0;
        var people = 0;
        foreach (var county in await regions.ByLevelAsync(RegionLevels.County, ct))
        {
            await using var c = await db.OpenConnectionAsync(ct);
            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select exists (select 1 from staffing.establishments where region_path like @path)",
                    new { path = county.Path + "%" }, cancellationToken: ct)))
                continue;
            var townships = await regions.ChildrenAsync(county.Id, ct);
            var townshipUnits = new List<IReadOnlyList<UnitInfo>>();
            foreach (var t in townships) townshipUnits.Add(await units.InRegionAsync(t.Id, ct));
            var seed = int.Parse(county.Code[..6], System.Globalization.CultureInfo.InvariantCulture);
            var ledger = new DemoLedger(new Random(seed), county.Code[..6]);
            Build(ledger, await units.InRegionAsync(county.Id, ct), townshipUnits);
            ledger.Second(townships, 2017, 45);
            await using var tx = await c.BeginTransactionAsync(ct);
            await ledger.WriteAsync(c, tx, county.Path, ct);
            await tx.CommitAsync(ct);
            created++;
            people += ledger.People.Count;
        }
        if (created > 0)
            logger.LogInformation("Demo staffing: {Counties} counties, {People} people on the ledger", created, people);
        return created;
    }

    private static void Build(
        DemoLedger l, IReadOnlyList<UnitInfo> countyUnits, List<IReadOnlyList<UnitInfo>> townships)
    {
        var r = l.Rng;
        // what the donors give, line by line, decides the donors' opening figures: 2019 leaves them with their base
        var lines = new List<(UnitInfo To, int Posts, string Purpose)>();
        for (var t = 0; t < townships.Count; t++)
        {
            var received = Received[t % Received.Length];
            var team = townships[t].First(u => u.Name == "综合行政执法大队");
            var centre = townships[t].First(u => u.Kind == "service_centre");
            lines.Add((team, received - 3, "enforcement"));
            lines.Add((centre, 3, "service"));
        }
        var donors = countyUnits.Where(u => Donors.Contains(u.Name)).ToList();
        var given = new Dictionary<Guid, int>();
        var transfer = new List<(Guid From, Guid To, int Posts, string Purpose)>();
        var receivedBy = new Dictionary<Guid, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (to, posts, purpose) = lines[i];
            var donor = purpose == "service" ? donors.Last() : donors[i % (donors.Count - 1)];
            given[donor.Id] = given.GetValueOrDefault(donor.Id) + posts;
            receivedBy[to.Id] = receivedBy.GetValueOrDefault(to.Id) + posts;
            transfer.Add((donor.Id, to.Id, posts, purpose));
        }

        foreach (var u in countyUnits)
        {
            if (u.Kind == "county_department")
            {
                l.Open(u, "administrative", "full", r.Next(15, 41), 0);
                // 下属事业编: the donors' institution posts include what moves down in 2019
                if (given.TryGetValue(u.Id, out var out2019)) l.Open(u, "institution", "full", r.Next(8, 20), out2019);
                else l.Open(u, "institution", r.Next(2) == 0 ? "partial" : "self", r.Next(8, 21), 0);
            }
            else
            {
                var funding = u.Kind == "service_centre" ? "full" : new[] { "full", "partial", "self" }[r.Next(3)];
                l.Open(u, "institution", funding, r.Next(30, 91), 0);
            }
        }
        foreach (var u in townships.SelectMany(t => t))
        {
            if (u.Kind == "township_office") l.Open(u, "administrative", "full", r.Next(4, 10), 0);
            else if (u.Kind is "township_institution" or "service_centre")
                l.Open(u, "institution", "full", u.Kind == "service_centre" ? 6 : r.Next(5, 13), 0,
                    receivedBy.GetValueOrDefault(u.Id));
        }
        l.Transfer(transfer);
        // the health page's deliberate problem: one more person than posts, under an exception now overdue
        l.OverdueException(townships[0].First(u => u.Name == "党政办公室"));
        l.HirePeople(Surnames, Given, Titles);
    }
}
