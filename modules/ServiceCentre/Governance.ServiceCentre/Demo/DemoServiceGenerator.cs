using System.Text.Json;
using Governance.Calendar.Contracts;
using Governance.PowerLists.Contracts;
using Governance.ServiceCentre.Features;
using Governance.SharedKernel.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace Governance.ServiceCentre.Demo;

/// <summary>
/// The demo county's service network: ~150 township and 36 village service items with full guides, the county hall, the
/// township centres (each with windows and most items offered) and a point in every village, and — when asked — months
/// of applications at about <c>perMonth</c> a month per county with realistic shares: most 即办件 done on the spot,
/// some 补正, a few late and a few still open, village registrations forwarded, delivery by pickup or post, ratings
/// mostly good with bad ones and their rectifications. Bulk-loaded with binary COPY; the KPI rollup triggers fire once
/// per COPY. Idempotent per county (the catalogue) and per county and month (applications). Deterministic per county.
/// </summary>
internal sealed class DemoServiceGenerator(NpgsqlDataSource db, IRegionDirectory regions, IWorkingCalendar calendar,
    IPowerLists powers, IOptions<ServiceCentreOptions> options, TimeProvider clock,
    ILogger<DemoServiceGenerator> logger)
{
    private static readonly string[] TownshipSubjects =
    [
        "城乡居民基本养老保险参保登记", "城乡居民养老保险待遇领取", "城乡居民医疗保险参保登记", "最低生活保障申请",
        "特困人员救助供养申请", "临时救助申请", "残疾人两项补贴申请", "高龄津贴申请", "80周岁以上老年人补贴",
        "计划生育家庭特别扶助", "独生子女父母奖励", "生育登记服务", "农村宅基地建房申请", "农村土地承包经营权流转备案",
        "耕地地力保护补贴", "农机购置补贴申请", "退役军人优待证办理", "优抚对象抚恤补助", "就业失业登记",
        "灵活就业人员社保登记", "创业担保贷款申请", "职业技能培训补贴", "个体工商户登记代办", "食品小作坊登记",
        "流动人口居住登记", "婚育情况证明", "困难群众医疗救助", "医保异地就医备案", "城乡居民医保缴费",
        "门诊慢特病认定申请", "残疾人证办理代办", "孤儿基本生活费申请", "事实无人抚养儿童认定", "殡葬补贴申请",
        "法律援助申请", "人民调解申请",
    ];

    private static readonly string[] Suffixes = ["", "（变更）", "（注销）", "（补办）", "（续办）"];

    private static readonly string[] VillageSubjects =
    [
        "居住证明", "亲属关系证明", "家庭经济状况证明", "无犯罪记录申请代办", "养老保险认证代办", "医保缴费代办",
        "低保申请代办", "临时救助代办", "残疾人补贴代办", "高龄津贴代办", "农业补贴信息采集", "宅基地建房初审",
        "户籍迁移代办", "身份证办理代办", "社保卡申领代办", "就业登记代办", "土地流转登记代办", "村民纠纷调解",
        "村级公益岗申请", "困难群众排查登记", "退役军人信息采集", "计生服务登记", "出生登记代办", "死亡登记代办",
        "林权证明", "种植面积证明", "收入证明", "独生子女证明", "婚姻状况证明", "房屋权属证明", "务工证明",
        "助学贷款证明", "供水报装代办", "电费缴纳代办", "快递代收代办", "法律咨询预约",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
        "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建国", "春梅", "志强"];
    private static readonly string[] Companies = ["农业专业合作社", "家庭农场", "商贸有限公司", "种植专业合作社",
        "建材经营部", "餐饮店", "养殖有限公司"];
    private static readonly string[] BadComments = ["等候时间太长", "工作人员态度不好", "材料一次没说清楚，跑了两次",
        "办理进度没人通知"];

    private sealed record Item(Guid Id, string Code, string Level, string Kind, int PromisedDays, Guid? PowerItemId);

    public async Task GenerateAsync(int months, int perMonth, CancellationToken ct)
    {
        var counties = await regions.ByLevelAsync(RegionLevels.County, ct);
        var working = await calendar.CurrentAsync(ct);
        var today = CountyClock.Today(clock);
        var touched = false;
        foreach (var county in counties)
        {
            await using var c = await db.OpenConnectionAsync(ct);
            var rng = new Random(county.Code.GetHashCode(StringComparison.Ordinal) ^ 0x5c);
            var items = await CatalogueAsync(c, county, rng, ct);
            if (months <= 0 || items is null) continue;
            touched |= await ApplicationsAsync(c, county, items, working, today, months, perMonth, rng, ct);
        }
        if (touched)
        {
            await using var c = await db.OpenConnectionAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(
                """
                analyze service_centre.applications, service_centre.application_events, service_centre.ratings,
                    service_centre.rectifications, service_centre.kpi_rollups
                """, cancellationToken: ct, commandTimeout: 0));
        }
    }

    /// <summary>The catalogue and the network of one county; returns its items (existing or new).</summary>
    private async Task<List<Item>?> CatalogueAsync(NpgsqlConnection c, RegionInfo county, Random rng,
        CancellationToken ct)
    {
        var existing = (await c.QueryAsync<Item>(new CommandDefinition("""
            select i.id, i.code, v.level, v.kind, coalesce(v.promised_days, 0) as promised_days, v.power_item_id
            from service_centre.items i join service_centre.item_versions v on v.item_id = i.id and v.version = 1
            where i.county_path = @path order by i.code
            """, new { path = county.Path }, cancellationToken: ct))).ToList();
        if (existing.Count > 0) return existing;

        var start = new DateOnly(CountyClock.Today(clock).Year - 2, 1, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        // some township items implement a delegated licence or confirmation power (许可/确认) of the county's lists:
        // their applications tell PowerLists whether townships use those powers (接不住, 正常开展率)
        var townships0 = await regions.ChildrenAsync(county.Id, ct);
        var delegated = townships0.Count == 0 ? []
            : (await powers.TownshipPowersAsync(townships0[0].Id, null, CountyClock.Today(clock), ct))
                .Where(p => p.Type is "XK" or "QR").Select(p => p.ItemId).ToList();
        var items = new List<Item>();
        await using var tx = await c.BeginTransactionAsync(ct);
        await using (var itemsCopy = await c.BeginBinaryImportAsync(
            """
            copy service_centre.items (id, county_id, county_path, code, created_at, created_by)
                from stdin (format binary)
            """, ct))
        {
            void Add(string level, int n)
            {
                var immediate = level == "village" || rng.NextDouble() < 0.55;
                // every 7th
                var power = level == "township" && n % 7 == 4 && n / 7 < delegated.Count
                    ? delegated[n / 7] : (Guid?)null;
                var item = new Item(Guid.CreateVersion7(), $"{(level == "village" ? "CJ" : "XZ")}{n:000}", level,
                    immediate ? "immediate" : "promised",
                    immediate ? 0 : rng.Next(1, 5) * (rng.NextDouble() < 0.3 ? 5 : 1), power);
                items.Add(item);
            }
            for (var n = 1; n <= 150; n++) Add("township", n);
            for (var n = 1; n <= VillageSubjects.Length; n++) Add("village", n);
            foreach (var i in items)
            {
                await itemsCopy.StartRowAsync(ct);
                await itemsCopy.WriteAsync(i.Id, NpgsqlDbType.Uuid, ct);
                await itemsCopy.WriteAsync(county.Id, NpgsqlDbType.Uuid, ct);
                await itemsCopy.WriteAsync(county.Path, NpgsqlDbType.Text, ct);
                await itemsCopy.WriteAsync(i.Code, NpgsqlDbType.Text, ct);
                await itemsCopy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await itemsCopy.WriteAsync("demo", NpgsqlDbType.Text, ct);
            }
            await itemsCopy.CompleteAsync(ct);
        }
        var versions = items.Select((i, index) =>
        {
            var village = i.Level == "village";
            var name = village ? VillageSubjects[index - 150] : TownshipSubjects[index % TownshipSubjects.Length]
                + Suffixes[index / TownshipSubjects.Length % Suffixes.Length];
            var materials = village ? [new Material("申请人身份证", "original", 1, true)]
                : new[] { new Material("申请人身份证", "both", 1, true), new Material("户口簿", "copy", 1, true),
                    new Material("相关证明材料", "copy", 1, index % 3 == 0) };
            return new
            {
                id = Guid.CreateVersion7(), itemId = i.Id, valid = $"[{start:yyyy-MM-dd},)", name, i.Level, i.Kind,
                legalBasis = village
                    ? "《村民委员会组织法》及县便民服务事项清单"
                    : $"《{(index % 2 == 0 ? "社会救助暂行办法" : "社会保险法")}》第{index % 40 + 3}条",
                conditions = village ? "本村（社区）户籍或常住居民" : "符合政策规定条件的本乡镇居民",
                materials = JsonSerializer.Serialize(materials, JsonSerializerOptions.Web),
                statutory = i.Kind == "immediate" ? 1 : i.PromisedDays * 2,
                promised = i.Kind == "immediate" ? (int?)null : i.PromisedDays, powerItemId = i.PowerItemId,
                steps = i.Kind == "immediate" ? new[] { "受理", "办结" } : ["受理", "审核", "审批", "办结"],
                phone = $"0391-{6100000 + index}", channels = village ? new[] { "village_point" } : ["window", "online",
                    "mobile", "village_point"],
                now,
            };
        }).ToList();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.item_versions (id, item_id, version, valid, name, level, kind, legal_basis,
                conditions, materials, statutory_days, promised_days, steps, phone, channels, power_item_id,
                change_note, published_at, created_at, created_by)
            values (@id, @itemId, 1, @valid::daterange, @name, @level, @kind, @legalBasis, @conditions,
                @materials::jsonb, @statutory, @promised, @steps, @phone, @channels, @powerItemId, '初始发布',
                least(@now, lower(@valid::daterange)::timestamp at time zone 'Asia/Shanghai'), @now, 'demo')
            """, versions, tx, cancellationToken: ct)); // published when in force: past months' packages show it

        // the network: the county hall, each township's centre, a point in every village; windows; most items offered
        var townships = await regions.ChildrenAsync(county.Id, ct);
        var centres = new List<(Guid Id, RegionInfo Region, string Tier)> { (Guid.CreateVersion7(), county, "county") };
        foreach (var township in townships)
        {
            centres.Add((Guid.CreateVersion7(), township, "township"));
            centres.AddRange((await regions.ChildrenAsync(township.Id, ct))
                .Select(v => (Guid.CreateVersion7(), v, "village")));
        }
        await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.centres (id, region_id, region_path, tier, name, address, phone, hours,
                created_at)
            select * from unnest(@ids, @regionIds, @paths, @tiers, @names, @addresses, @phones, @hours, @created)
            """, new
            {
                ids = centres.Select(x => x.Id).ToArray(), regionIds = centres.Select(x => x.Region.Id).ToArray(),
                paths = centres.Select(x => x.Region.Path).ToArray(), tiers = centres.Select(x => x.Tier).ToArray(),
                names = centres.Select(x => x.Tier switch
                {
                    "county" => $"{county.Name}政务服务中心", "township" => $"{x.Region.Name}便民服务中心", _ =>
                        $"{x.Region.Name}便民服务代办点",
                }).ToArray(),
                addresses =
                    centres.Select(
                        x => $"{x.Region.Name}{(x.Tier == "village" ? "村委会" : "人民路")}{rng.Next(1, 200)}号")
                            .ToArray(),
                phones = centres.Select((_, i) => $"0391-{7000000 + i}").ToArray(),
                hours = centres.Select(
                    x => x.Tier == "village" ? "周一至周五 9:00–17:00" : "工作日 8:30–12:00，14:00–17:30").ToArray(),
                created = centres.Select(_ => now).ToArray(),
            }, tx, cancellationToken: ct));
        var township150 = items.Where(i => i.Level == "township").ToList();
        var village36 = items.Where(i => i.Level == "village").ToList();
        var offers = new List<(Guid Centre, Guid Item)>();
        foreach (var (id, _, tier) in centres)
            offers.AddRange((tier == "village" ? village36 : township150)
                .Where(_ => tier == "county" || rng.NextDouble() < 0.94).Select(i => (id, i.Id)));
        await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.centre_items (centre_id, item_id) select * from unnest(@centres, @items)
            """, new { centres = offers.Select(o => o.Centre).ToArray(), items = offers.Select(o => o.Item).ToArray() },
            tx, cancellationToken: ct));
        var windows = centres.Where(x => x.Tier != "village")
            .SelectMany(x => Enumerable.Range(1, x.Tier == "county" ? 20 : 6).Select(n => (Centre: x.Id, Number: n,
                Name: n == 1 ? "综合窗口" : n == 2 ? "社保医保窗口" : $"{n}号窗口")))
            .ToList();
        await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.windows (id, centre_id, number, name) select gen_random_uuid(), *
                from unnest(@centres, @numbers, @names)
            """, new { centres = windows.Select(w => w.Centre).ToArray(),
                numbers = windows.Select(w => w.Number).ToArray(), names = windows.Select(w => w.Name).ToArray() },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo service catalogue for {County}: {Items} items, {Centres} centres", county.Name,
            items.Count, centres.Count);
        return items;
    }

    private sealed record Pause(Guid Application, DateOnly From, DateOnly To);
    private sealed record Event(Guid Application, DateTime At, string Actor, string Action, string? From, string To,
        string? Note);
    private sealed record Rating(Guid Id, Guid Application, string OriginPath, string Channel, int Level,
        string? Comment, DateTime At, DateOnly On);

    private sealed class App
    {
        public Guid Id; public string Number = ""; public Item Item = null!; public Guid RegionId;
        public string RegionPath = "", OriginPath = "", Channel = "", Kind = "person";
        public string Name = "", IdNumber = "", Phone = "", State = "received"; public DateTime ReceivedAt;
        public DateOnly ReceivedOn, DueOn;
        public string? Outcome, Delivery, Tracking; public DateTime? CompletedAt, DeliveredAt;
        public DateOnly? CompletedOn, SuspendedOn;
        public bool OnTheSpot, Forwarded; public int Visits;
    }

    /// <summary>
    /// Applications for each missing month of the last <paramref name="months"/> (the current month up to yesterday).
    /// </summary>
    private async Task<bool> ApplicationsAsync(NpgsqlConnection c, RegionInfo county, List<Item> items,
        WorkingDayCalendar working, DateOnly today, int months, int perMonth, Random rng, CancellationToken ct)
    {
        var townships = await regions.ChildrenAsync(county.Id, ct);
        var villages = new Dictionary<Guid, IReadOnlyList<RegionInfo>>();
        foreach (var t in townships) villages[t.Id] = await regions.ChildrenAsync(t.Id, ct);
        var townshipItems = items.Where(i => i.Level == "township").ToArray();
        var villageItems = items.Where(i => i.Level == "village").ToArray();
        // 接不住 in the demo: the county's last township never uses the first item that implements a delegated power
        var (quietItem, quietTownship) = (townshipItems.FirstOrDefault(i => i.PowerItemId is not null),
            townships.Count > 0 ? townships[^1].Id : Guid.Empty);
        var any = false;
        for (var m = months - 1; m >= 0; m--)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-m);
            var last = m == 0 ? today.AddDays(-1) : first.AddMonths(1).AddDays(-1);
            var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)
                .Where(working.IsWorkingDay).ToArray();
            if (days.Length == 0) continue;
            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition("""
                    select exists (select 1 from service_centre.applications where county_path = @path
                        and received_on between @first and @last)
                    """, new { path = county.Path, first, last }, cancellationToken: ct)))
                continue;
            var count = (int)(perMonth * days.Length / 21.5);
            var apps = new List<App>(count);
            var events = new List<Event>(count * 3);
            var pauses = new List<Pause>();
            var ratings = new List<Rating>();
            for (var n = 0; n < count; n++)
            {
                var day = days[rng.Next(days.Length)];
                var township = townships[rng.Next(townships.Count)];
                var at = Utc(day, new TimeOnly(8, 30)).AddMinutes(rng.Next(0, 540));
                var a = new App { Id = Guid.CreateVersion7(), ReceivedAt = at, ReceivedOn = day };
                var roll = rng.NextDouble();
                if (roll < 0.15)
                {
                    // at a village point: a village item handled there, or a township item forwarded (转报) to the
                    // township
                    var village = villages[township.Id][rng.Next(villages[township.Id].Count)];
                    a.OriginPath = village.Path;
                    a.Channel = "village_point";
                    a.Item = rng.NextDouble() < 0.6 ? villageItems[rng.Next(villageItems.Length)]
                        : townshipItems[rng.Next(townshipItems.Length)];
                    (a.RegionId, a.RegionPath) = a.Item.Level == "village"
                        ? (village.Id, village.Path) : (township.Id, township.Path);
                    a.Forwarded = a.Item.Level == "township";
                }
                else if (roll < 0.18)
                {
                    a.OriginPath = county.Path; a.RegionId = county.Id; a.RegionPath = county.Path;
                    a.Channel = "window";
                    a.Item = townshipItems[rng.Next(townshipItems.Length)];
                }
                else
                {
                    a.OriginPath = township.Path;
                    a.Channel = roll < 0.70 ? "window" : roll < 0.85 ? "online" : roll < 0.95 ? "mobile" : "kiosk";
                    a.Item = townshipItems[rng.Next(townshipItems.Length)];
                    a.Forwarded = rng.NextDouble() < 0.02; // 转报 to the county hall
                    (a.RegionId, a.RegionPath) = a.Forwarded ? (county.Id, county.Path) : (township.Id, township.Path);
                }
                if (a.Item == quietItem && township.Id == quietTownship) a.Item = townshipItems[0];
                a.Visits = a.Channel is "window" or "kiosk" ? 1 : 0;
                Applicant(a, rng);
                a.DueOn = working.AddWorkingDays(day, a.Item.PromisedDays);
                var actor = $"demo_{(a.Channel == "village_point" ? "agent" : "window")}";
                events.Add(new Event(a.Id, at, actor, "register", null, "received", null));
                if (a.Forwarded)
                    events.Add(new Event(a.Id, at.AddMinutes(5), actor, "forward", "received", "received", "转报上级"));
                Handle(a, working, today, rng, events, pauses);
                if (a.CompletedOn is not null && rng.NextDouble() < 0.6) ratings.Add(Rate(a, rng));
                apps.Add(a);
                any = true;
            }
            await CopyAsync(c, county, apps, events, pauses, ratings, working, today, rng,
                options.Value.ApplicationNumberFormat, ct);
            logger.LogInformation("Demo applications for {County} {Month}: {Count}", county.Name,
                first.ToString("yyyy-MM"), apps.Count);
        }
        return any;
    }

    private static void Applicant(App a, Random rng)
    {
        if (rng.NextDouble() < 0.08)
        {
            a.Kind = "organisation";
            a.Name = $"{Surnames[rng.Next(Surnames.Length)]}氏{Companies[rng.Next(Companies.Length)]}";
            a.IdNumber = $"92{rng.Next(100000, 999999)}MA{rng.Next(10000000, 99999999):D8}";
        }
        else
        {
            a.Name = Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];
            var body =
                $"4107{rng.Next(10, 99)}{rng.Next(1950, 2005)}{rng.Next(1, 13):00}{rng.Next(1, 29):00}" +
                $"{rng.Next(100, 999)}";
            a.IdNumber = body + IdNumbers.Check(body);
        }
        a.Phone = $"1{new[] { 3, 5, 7, 8, 9 }[rng.Next(5)]}{rng.Next(100000000, 999999999)}";
    }

    /// <summary>
    /// The application's life: 即办件 mostly done on the spot; 承诺件 accepted, sometimes 补正, done in time or
    /// (rarely) late.
    /// </summary>
    private static void Handle(App a, WorkingDayCalendar working, DateOnly today, Random rng, List<Event> events,
        List<Pause> pauses)
    {
        const string Clerk = "demo_window";
        var t = a.ReceivedAt;
        if (rng.NextDouble() < 0.01)
        {
            events.Add(new Event(a.Id, t.AddMinutes(10), Clerk, "refuse", "received", "refused",
                "不属于本中心受理范围"));
            a.State = "refused";
            return;
        }
        DateOnly done;
        if (a.Item.Kind == "immediate")
        {
            done = rng.NextDouble() < 0.97 ? a.ReceivedOn : working.AddWorkingDays(a.ReceivedOn, 1);
        }
        else
        {
            events.Add(new Event(a.Id, t.AddMinutes(8), Clerk, "accept", "received", "accepted", null));
            var due = a.DueOn;
            if (rng.NextDouble() < 0.05)
            {
                // 补正: the applicant brings the missing material a few working days later, in person
                var from = working.AddWorkingDays(a.ReceivedOn, 1);
                var to = working.AddWorkingDays(from, rng.Next(1, 4));
                if (to >= today) { a.State = "suspended"; a.SuspendedOn = from; events.Add(Step(a, from, "suspend",
                    "accepted", "suspended", "缺少户口簿复印件")); return; }
                pauses.Add(new Pause(a.Id, from, to));
                events.Add(Step(a, from, "suspend", "accepted", "suspended", "缺少户口簿复印件"));
                events.Add(Step(a, to, "resume", "suspended", "accepted", "材料已补齐"));
                a.Visits++;
                due = working.AddWorkingDays(a.ReceivedOn, a.Item.PromisedDays + working.CountWorkingDays(from, to));
                a.DueOn = due;
            }
            var late = rng.NextDouble() < 0.008;
            done = late ? working.AddWorkingDays(due, rng.Next(1, 4)) : working.AddWorkingDays(a.ReceivedOn,
                rng.Next(0, Math.Max(1, a.Item.PromisedDays)));
            if (done > due && !late) done = due;
        }
        // still being handled
        if (done >= today) { a.State = a.Item.Kind == "immediate" ? "received" : "accepted"; return; }
        a.CompletedOn = done;
        a.CompletedAt = done == a.ReceivedOn ? t.AddMinutes(15 + (t.Minute % 20)) : Utc(done, new TimeOnly(10, 0));
        a.Outcome = rng.NextDouble() < 0.97 ? "approved" : "rejected";
        a.OnTheSpot = done == a.ReceivedOn && a.Visits <= 1;
        a.State = "completed";
        events.Add(new Event(a.Id, a.CompletedAt.Value, Clerk, "complete",
            a.Item.Kind == "immediate" ? "received" : "accepted", "completed",
            a.Outcome == "approved" ? "准予" : "不予"));
        if (rng.NextDouble() < 0.9)
        {
            a.State = "delivered";
            a.Delivery = a.OnTheSpot || rng.NextDouble() < 0.8 ? "pickup" : "post";
            a.Tracking = a.Delivery == "post" ? $"EMS{rng.Next(100000000, 999999999)}" : null;
            a.DeliveredAt = a.CompletedAt.Value.AddMinutes(a.OnTheSpot ? 2 : 60 * 24);
            if (a.Delivery == "pickup" && !a.OnTheSpot) a.Visits++;
            events.Add(new Event(a.Id, a.DeliveredAt.Value, Clerk, "deliver", "completed", "delivered",
                a.Delivery == "post" ? $"邮寄 {a.Tracking}" : "窗口领取"));
        }
    }

    private static Event Step(App a, DateOnly on, string action, string from, string to, string note) =>
        new(a.Id, Utc(on, new TimeOnly(9, 30)), "demo_window", action, from, to, note);

    /// <summary>A county wall-clock time (UTC+8, no daylight saving) as UTC.</summary>
    private static DateTime Utc(DateOnly day, TimeOnly time) => DateTime.SpecifyKind(day.ToDateTime(time).AddHours(-8),
        DateTimeKind.Utc);

    private static Rating Rate(App a, Random rng)
    {
        var roll = rng.NextDouble();
        var level = roll < 0.76 ? 5 : roll < 0.93 ? 4 : roll < 0.98 ? 3 : roll < 0.995 ? 2 : 1;
        var at = (a.DeliveredAt ?? a.CompletedAt!.Value).AddMinutes(3);
        return new Rating(Guid.CreateVersion7(), a.Id, a.OriginPath,
            a.Channel == "window" ? "window" : rng.NextDouble() < 0.5 ? "sms" : "online", level,
            level <= 2 ? BadComments[rng.Next(BadComments.Length)] : null, at, DateOnly.FromDateTime(at.AddHours(8)));
    }

    private static async Task CopyAsync(NpgsqlConnection c, RegionInfo county, List<App> apps, List<Event> events,
        List<Pause> pauses, List<Rating> ratings, WorkingDayCalendar working, DateOnly today, Random rng,
        string numberFormat, CancellationToken ct)
    {
        await using var tx = await c.BeginTransactionAsync(ct);
        // 办件编号 as registration takes them: one block of the county's year counter, in order of receipt
        foreach (var year in apps.GroupBy(a => a.ReceivedOn.Year))
        {
            var seq = await NumberSequences.TakeAsync(c, tx, ApplicationNumbers.Sequence, county.Path, year.Key, ct,
                year.Count());
            foreach (var a in year.OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id))
                a.Number = ApplicationNumbers.Format(numberFormat, year.Key, county.Path, seq++);
        }
        await using (var w = await c.BeginBinaryImportAsync("""
            copy service_centre.applications (id, number, item_id, item_version, region_id, region_path, origin_path,
                county_path, channel, applicant_kind, applicant_name, applicant_id_number, applicant_phone, state,
                received_at, received_on, promised_days, due_on, suspended_on, outcome, completed_at, completed_on,
                on_the_spot, visits, forwarded, delivery_method, tracking_number, delivered_at, version)
                    from stdin (format binary)
            """, ct))
        {
            foreach (var a in apps)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(a.Number, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.Item.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(a.RegionId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(a.RegionPath, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.OriginPath, NpgsqlDbType.Text, ct);
                await w.WriteAsync(county.Path, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.Channel, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.Kind, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.Name, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.IdNumber, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.Phone, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.State, NpgsqlDbType.Text, ct);
                await w.WriteAsync(a.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(a.ReceivedOn, NpgsqlDbType.Date, ct);
                await w.WriteAsync(a.Item.PromisedDays, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(a.DueOn, NpgsqlDbType.Date, ct);
                await Nullable(w, a.SuspendedOn, NpgsqlDbType.Date, ct);
                await Nullable(w, a.Outcome, NpgsqlDbType.Text, ct);
                await Nullable(w, a.CompletedAt, NpgsqlDbType.TimestampTz, ct);
                await Nullable(w, a.CompletedOn, NpgsqlDbType.Date, ct);
                await w.WriteAsync(a.OnTheSpot, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(a.Visits, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(a.Forwarded, NpgsqlDbType.Boolean, ct);
                await Nullable(w, a.Delivery, NpgsqlDbType.Text, ct);
                await Nullable(w, a.Tracking, NpgsqlDbType.Text, ct);
                await Nullable(w, a.DeliveredAt, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await c.BeginBinaryImportAsync(
            """
            copy service_centre.application_events (id, record_id, at, actor, action, from_state, to_state, note)
                from stdin (format binary)
            """, ct))
        {
            foreach (var e in events)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(e.Application, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(e.Actor, NpgsqlDbType.Text, ct);
                await w.WriteAsync(e.Action, NpgsqlDbType.Text, ct);
                await Nullable(w, e.From, NpgsqlDbType.Text, ct);
                await w.WriteAsync(e.To, NpgsqlDbType.Text, ct);
                await Nullable(w, e.Note, NpgsqlDbType.Text, ct);
            }
            await w.CompleteAsync(ct);
        }
        if (pauses.Count > 0)
            await c.ExecuteAsync(new CommandDefinition("""
                insert into service_centre.application_pauses select * from unnest(@ids, @froms, @tos)
                """, new { ids = pauses.Select(p => p.Application).ToArray(),
                    froms = pauses.Select(p => p.From).ToArray(), tos = pauses.Select(p => p.To).ToArray() },
                tx, cancellationToken: ct));
        await using (var w = await c.BeginBinaryImportAsync(
            """
            copy service_centre.ratings (id, application_id, origin_path, channel, level, comment, rated_at, rated_on)
                from stdin (format binary)
            """, ct))
        {
            foreach (var r in ratings)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(r.Application, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(r.OriginPath, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Channel, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Level, NpgsqlDbType.Integer, ct);
                await Nullable(w, r.Comment, NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.At, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(r.On, NpgsqlDbType.Date, ct);
            }
            await w.CompleteAsync(ct);
        }
        // 差评整改: most rectified in time and closed, some still open (a few overdue), the odd appeal upheld
        var byId = apps.ToDictionary(a => a.Id);
        var bad = ratings.Where(r => r.Level <= 2).Select(r =>
        {
            var due = working.AddWorkingDays(r.On, 15);
            var roll = rng.NextDouble();
            var rectifiedOn = roll < 0.85 ? working.AddWorkingDays(r.On, rng.Next(2, 14)) : (DateOnly?)null;
            if (rectifiedOn >= today) rectifiedOn = null;
            var state = rectifiedOn is not null ? (rng.NextDouble() < 0.8 ? "closed" : "rectified") : roll < 0.9
                ? "voided" : "open";
            return new
            {
                id = Guid.CreateVersion7(), ratingId = r.Id, applicationId = r.Application, origin = r.OriginPath,
                region = byId[r.Application].RegionPath, ratedOn = r.On, due, state,
                callback = "已电话回访，向申请人致歉并说明情况", rectifiedOn,
                rectification = rectifiedOn is null ? null : "已对窗口人员开展服务规范培训，优化叫号流程",
                response = state == "closed" ? "satisfied" : null,
                appeal = state == "voided" ? "经查看监控录像，窗口服务规范，申请人诉求不属本事项" : null,
                decision = state == "voided" ? "upheld" : null,
            };
        }).ToList();
        if (bad.Count > 0)
            await c.ExecuteAsync(new CommandDefinition("""
                insert into service_centre.rectifications (id, rating_id, application_id, origin_path, region_path,
                    rated_on, opened_on, due_on, state, callback_note, rectification_note, rectified_on, rater_response,
                    appeal_reason, appeal_decision)
                values (@id, @ratingId, @applicationId, @origin, @region, @ratedOn, @ratedOn, @due, @state, @callback,
                    @rectification, @rectifiedOn, @response, @appeal, @decision)
                """, bad, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type,
        CancellationToken ct) where T : struct =>
        value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);

    private static Task Nullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? w.WriteAsync(value, type, ct) : w.WriteNullAsync(ct);
}
