using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Governance.PowerLists.Demo;

/// <summary>
/// The demo county's power lists: ~300 county items over the 12 domains and the ten types (some with a second version),
/// ~150 delegated to every township — ~46 of them entrusted under agreements with the competent departments (one
/// department's agreements expiring within weeks, one agreement already expired) — and the lists published.
/// Names are invented but read like the real catalogue. Idempotent per county.
/// </summary>
internal sealed class DemoPowerListsGenerator(NpgsqlDataSource db, IRegionDirectory regions, IUnitDirectory units,
    TimeProvider clock, ILogger<DemoPowerListsGenerator> logger)
{
    private sealed record Domain(string Code, string Department, string[] Subjects);

    private static readonly Domain[] Domains =
    [
        new("CG", "县城市管理局", ["占道经营", "违法建设", "乱贴乱画", "渣土运输", "户外广告设置", "餐饮服务油烟排放",
            "违规饲养犬只", "损坏市政设施", "擅自占用城市绿地", "生活垃圾分类投放", "擅自挖掘城市道路",
            "夜间施工噪声"]),
        new("SC", "县市场监督管理局", ["无照经营", "销售过期食品", "小餐饮卫生", "计量器具使用", "虚假宣传", "价格违法",
            "特种设备使用", "食品摊贩经营", "农贸市场秩序", "产品质量", "网络交易", "商品明码标价"]),
        new("ZR", "县自然资源局", ["非法占用耕地", "非法采矿", "毁坏林木", "擅自改变林地用途", "非法开垦",
            "违法用地建设", "滥伐林木", "擅自移动测量标志", "野生植物采集", "农村宅基地违法占用", "地质灾害隐患",
            "森林防火"]),
        new("ST", "县生态环境分局", ["秸秆露天焚烧", "畜禽养殖污染", "噪声污染", "扬尘污染", "废水直排", "危险废物处置",
            "农村生活污水排放", "露天烧烤", "散乱污企业", "建设项目环评", "饮用水水源保护区", "固体废物倾倒"]),
        new("NY", "县农业农村局", ["农药经营使用", "兽药经营", "种子经营", "动物防疫", "农机安全", "生猪屠宰",
            "渔业捕捞", "农产品质量安全", "化肥经营", "动物检疫", "农村宅基地审批", "耕地保护"]),
        new("WL", "县文化和旅游局", ["网吧经营", "娱乐场所经营", "文物保护", "旅游经营", "出版物经营", "演出经营",
            "广播电视设施", "非物质文化遗产", "导游服务", "印刷经营", "文化市场秩序", "旅行社经营"]),
        new("WS", "县卫生健康委员会", ["公共场所卫生", "生活饮用水卫生", "无证行医", "控烟", "医疗废物处置",
            "传染病防治", "母婴保健", "学校卫生", "职业卫生", "放射卫生", "消毒产品", "计划生育服务"]),
        new("YJ", "县应急管理局", ["安全生产", "烟花爆竹经营", "危险化学品储存", "有限空间作业", "消防安全", "防汛物资",
            "小微企业安全", "应急预案", "特种作业", "工贸企业安全", "粉尘涉爆", "隐患排查"]),
        new("JT", "县交通运输局", ["非法营运", "公路路政", "超限运输", "农村公路保护", "道路运输经营", "客运站管理",
            "水路运输", "公路用地占用", "擅自设置非公路标志", "货运车辆", "驾培机构", "出租汽车经营"]),
        new("SL", "县水利局", ["河道采砂", "河道管理范围建设", "水土保持", "取水许可", "水利工程保护", "防洪安全",
            "河道垃圾倾倒", "地下水开采", "入河排污口", "农村饮水工程", "堤防保护", "水域占用"]),
        new("ZJ", "县住房和城乡建设局", ["建筑施工安全", "房屋租赁", "物业管理", "燃气经营", "建筑市场", "农村自建房",
            "城镇排水", "房地产经纪", "建筑垃圾处置", "装修工程", "质量安全", "城市供水"]),
        new("MZ", "县民政局", ["社会组织", "殡葬管理", "养老机构", "地名管理", "婚姻登记", "慈善募捐", "困难群众救助",
            "未成年人保护", "村务公开", "流浪乞讨救助", "残疾人两项补贴", "孤儿基本生活"]),
    ];

    // type code and name template per position in a domain's subject list
    private static readonly (string Type, string Template)[] Shapes =
    [
        ("CF", "对{0}违法行为的行政处罚"), ("JC", "对{0}的行政检查"), ("CF", "对{0}违规行为的处罚"),
        ("QZ", "对{0}涉案物品的查封、扣押"), ("XK", "{0}许可"), ("QR", "{0}情况确认"),
        ("CF", "对拒不整改{0}问题的处罚"), ("JF", "{0}补助发放"), ("JL", "对{0}工作突出者的奖励"),
        ("ZS", "{0}相关费用征收"), ("CJ", "{0}纠纷裁决"), ("QT", "{0}日常管理"),
    ];

    private static readonly string[] Responsibilities = ["受理责任", "审查责任", "决定责任", "送达责任", "事后监管责任",
        "其他法律法规规章文件规定应履行的责任"];
    private static readonly string[] Accountabilities = ["不依法履行职责", "滥用职权", "玩忽职守", "徇私舞弊"];

    public async Task<int> GenerateAsync(CancellationToken ct)
    {
        var counties = await regions.ByLevelAsync(RegionLevels.County, ct);
        var today = CountyClock.Today(clock);
        var created = 0;
        foreach (var county in counties)
        {
            await using var c = await db.OpenConnectionAsync(ct);
            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition("""
                select exists (select 1 from power_lists.items where county_path = @path)
                """,
                    new { path = county.Path }, cancellationToken: ct)))
                continue;
            var departments = (await units.InRegionAsync(county.Id, ct)).ToDictionary(u => u.Name);
            var townships = await regions.ChildrenAsync(county.Id, ct);
            await using var tx = await c.BeginTransactionAsync(ct);
            await GenerateCountyAsync(c, tx, county, townships, departments, today, ct);
            await tx.CommitAsync(ct);
            created++;
        }
        if (created > 0)
        {
            // fresh statistics after a bulk load, so the first queries are planned on what is really there
            await using var c = await db.OpenConnectionAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(
                """
                analyze power_lists.items, power_lists.item_versions, power_lists.entries, power_lists.agreements,
                    power_lists.agreement_items
                """, cancellationToken: ct));
            logger.LogInformation("Demo power lists: created for {Counties} counties", created);
        }
        return created;
    }

    private static async Task GenerateCountyAsync(NpgsqlConnection c, NpgsqlTransaction tx, RegionInfo county,
        IReadOnlyList<RegionInfo> townships, Dictionary<string, UnitInfo> departments, DateOnly today,
        CancellationToken ct)
    {
        var start = new DateOnly(today.Year - 2, 1, 1);
        var items = new List<(Guid Id, string Code, string Domain, string Type, string Department, int Index)>();
        var versions = new List<object>();
        var main = 0;
        foreach (var d in Domains)
        {
            var dept = departments[d.Department];
            for (var i = 0; i < 25; i++)
            {
                var (type, template) = Shapes[i % Shapes.Length];
                var subject = d.Subjects[i % d.Subjects.Length];
                var name = string.Format(template, subject)
                    + (i >= Shapes.Length * 2 ? "（二）" : i >= Shapes.Length ? "（一）" : "");
                main++;
                var code = $"{type}{main:00000}000";
                var id = Guid.CreateVersion7();
                items.Add((id, code, d.Code, type, d.Department, i));
                if (d.Code == "MZ" && i == 1)
                {
                    // delegated, then withdrawn by the county three weeks ago without the township lists being adjusted
                    versions.Add(Version(id, 1, start, today.AddDays(-21), name, type, d.Code, dept, true, "首次公布"));
                    versions.Add(Version(id, 2, today.AddDays(-21), null, name, type, d.Code, dept, true,
                        "上级决定取消", withdrawn: true));
                    continue;
                }
                var revised = main % 7 == 0; // some items have a revision
                // deliberate problems for the health dashboard: two domains' licences have no named supervisor
                var supervised = !(type == "XK" && d.Code is "WL" or "JT");
                versions.Add(Version(id, 1, start, revised ? start.AddMonths(14) : null, name, type, d.Code, dept,
                    supervised, "首次公布"));
                if (revised)
                    versions.Add(Version(id, 2, start.AddMonths(14), null, name, type, d.Code, dept, supervised,
                        "依据法律修订调整实施依据"));
            }
        }
        await c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.items (id, county_id, county_path, code, created_at, created_by)
            select unnest(@ids), @countyId, @countyPath, unnest(@codes), now(), 'demo'
            """, new { ids = items.Select(i => i.Id).ToArray(), codes = items.Select(i => i.Code).ToArray(),
                countyId = county.Id, countyPath = county.Path },
            tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.item_versions (id, item_id, version, valid, name, type, domain_code, legal_basis,
                department_id, department_name, supervisor_id, supervisor_name, responsibilities, accountabilities,
                change_note, created_at, created_by, withdrawn)
            values (@Id, @ItemId, @Version, daterange(@From, @To), @Name, @Type, @Domain, @Basis::jsonb, @DepartmentId,
                @DepartmentName, @SupervisorId, @SupervisorName, @Responsibilities, @Accountabilities, @Note, now(),
                'demo', @Withdrawn)
            """, versions, tx, cancellationToken: ct));

        // ~150 delegated: the first 12 of every domain's 25 items (plus a few); 46 of them entrusted
        var delegated = items
            .Where(i => i.Index < 12 || (i.Index == 12 && i.Domain is "CG" or "SC" or "ZR" or "ST" or "NY" or "YJ"))
            .ToList();
        var entrusted = delegated.Where(i => i.Type is "CF" or "QZ")
            .Take(46).ToList();
        var granted = delegated.Except(entrusted).ToList();
        var entries = new List<object>();
        var agreements = new List<object>();
        var agreementItems = new List<object>();
        foreach (var (t, tIndex) in townships.Select((t, i) => (t, i)))
        {
            var offered = granted.Where(i => !(tIndex == 8 && i.Domain == "WL" && i.Type is "JC" or "CF" or "QZ"));
            foreach (var item in offered)
                entries.Add(Entry(t, item.Id, item.Index % 5 == 4 ? "supporting" : "basic",
                    item.Index % 3 == 0 ? ExerciseModes.Statutory : ExerciseModes.Granted,
                    item.Index % 3 == 0 ? null : $"清政发〔{start.Year}〕12号", null, start));
            foreach (var group in entrusted.Where(i => !(tIndex == 8 && i.Domain == "WL")).GroupBy(i => i.Department))
            {
                var agreementId = Guid.CreateVersion7();
                // the market regulator's agreements expire within weeks; one township's urban-management agreement has
                // expired
                var ends = group.Key == "县市场监督管理局" ? today.AddDays(18 + tIndex % 10)
                    : group.Key == "县城市管理局" && tIndex == 5 ? today.AddDays(-40)
                    : new DateOnly(today.Year + 2, 12, 31);
                agreements.Add(new
                {
                    Id = agreementId,
                    DocumentNo = $"{county.Name.TrimEnd('县')}{group.First().Domain}委〔{start.Year}〕{tIndex + 1}号",
                    DepartmentId = departments[group.Key].Id, DepartmentName = group.Key, TownshipId = t.Id,
                    TownshipPath = t.Path, SignedOn = start.AddDays(-10), StartsOn = start, EndsOn = ends,
                });
                foreach (var item in group)
                {
                    agreementItems.Add(new { AgreementId = agreementId, ItemId = item.Id });
                    entries.Add(Entry(t, item.Id, "basic", ExerciseModes.Entrusted, null, agreementId, start));
                }
            }
        }
        await c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.agreements (id, document_no, department_id, department_name, township_id,
                township_path, signed_on, starts_on, ends_on, created_at, created_by)
            values (@Id, @DocumentNo, @DepartmentId, @DepartmentName, @TownshipId, @TownshipPath, @SignedOn, @StartsOn,
                @EndsOn, now(), 'demo')
            """, agreements, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "insert into power_lists.agreement_items (agreement_id, item_id) values (@AgreementId, @ItemId)",
            agreementItems, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("""
            insert into power_lists.entries (id, township_id, township_path, item_id, mode, list_kind, decision_no,
                agreement_id, valid, published_at, created_at, created_by)
            values (@Id, @TownshipId, @TownshipPath, @ItemId, @Mode, @ListKind, @DecisionNo, @AgreementId,
                daterange(@From, null), least(now(), @From::timestamp at time zone 'Asia/Shanghai'), now(), 'demo')
            """, entries, tx, cancellationToken: ct)); // published (公布) when it took effect: past months show it

        await AdmissionRequestsAsync(c, tx, county, townships, departments, items.Where(i => i.Index >= 13).ToList(),
            delegated[0], today, ct);
    }

    /// <summary>A few 职责准入 requests in every state, and a 收回 awaiting the leadership's decision.</summary>
    private static async Task AdmissionRequestsAsync(NpgsqlConnection c, NpgsqlTransaction tx, RegionInfo county,
        IReadOnlyList<RegionInfo> townships, Dictionary<string, UnitInfo> departments,
        List<(Guid Id, string Code, string Domain, string Type, string Department, int Index)> candidates,
        (Guid Id, string Code, string Domain, string Type, string Department, int Index) delegatedItem, DateOnly today,
        CancellationToken ct)
    {
        (string Kind, string State, string[] Steps, int Item, string Reason)[] requests =
        [
            ("admission", "submitted", ["submit"], 0, "该类检查点多面广，由乡镇就近实施更及时。"),
            ("admission", "returned", ["submit", "return"], 1, "乡镇已有相应执法力量，建议赋权。"),
            ("admission", "under_decision", ["submit", "forward"], 2, "群众反映集中，需要乡镇直接处置。"),
            ("admission", "rejected", ["submit", "forward", "reject"], 3, "拟将日常巡查职责交由乡镇承担。"),
            ("admission", "approved", ["submit", "return", "resubmit", "forward", "approve"], 4,
                "配合省级改革要求下放。"),
            ("withdrawal", "under_decision", ["submit", "forward"], -1, "评估显示乡镇专业力量不足，接不住，建议收回。"),
        ];
        var comments = new Dictionary<string, string>
        {
            ["return"] = "请补充乡镇承接能力评估和经费测算。", ["resubmit"] = "已补充评估报告。",
            ["forward"] = "经审核，报县政府决定。", ["reject"] = "乡镇暂不具备承接条件，不予准入。",
            ["approve"] = "同意。",
        };
        var effective = today.AddDays(30);
        var affected = townships.Take(2).ToList();
        foreach (var (kind, state, steps, itemIndex, reason) in requests)
        {
            var item = itemIndex >= 0 ? candidates[itemIndex * 7 % candidates.Count] : delegatedItem;
            var department = departments[item.Department];
            var id = Guid.CreateVersion7();
            await c.ExecuteAsync(new CommandDefinition("""
                insert into power_lists.admission_requests (id, kind, state, county_path, department_id,
                    department_name, item_id, mode, list_kind, effective_from, legal_basis, reason, posts_offered,
                    funds_offered, decision_no, decision_note, created_at, created_by)
                values (@id, @kind, @state, @countyPath, @departmentId, @departmentName, @itemId, 'statutory', 'basic',
                    @effective, '《中华人民共和国行政处罚法》第二十四条', @reason, @posts, @funds, @decisionNo,
                    @decisionNote, now() - interval '10 days', 'dept_demo');
                insert into power_lists.admission_townships (request_id, township_id, township_path) select @id,
                    unnest(@townshipIds), unnest(@townshipPaths);
                """, new
                {
                    id, kind, state, countyPath = county.Path, departmentId = department.Id,
                    departmentName = department.Name, itemId = item.Id, effective, reason,
                    posts = kind == "admission" ? 2 : 0, funds = kind == "admission" ? 50000m : 0m,
                    decisionNo = state == "approved" ? $"{county.Name.TrimEnd('县')}政复〔{today.Year}〕5号" : null,
                    decisionNote = state is "approved" or "rejected" ? comments[steps[^1]] : null,
                    townshipIds = affected.Select(t => t.Id).ToArray(),
                    townshipPaths = affected.Select(t => t.Path).ToArray(),
                }, tx, cancellationToken: ct));
            var at = DateTime.UtcNow.AddDays(-10);
            string? from = null;
            foreach (var step in steps)
            {
                var to = step switch { "submit" or "resubmit" => "submitted", "return" => "returned",
                    "forward" => "under_decision", "approve" => "approved", _ => "rejected" };
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into power_lists.admission_events (id, record_id, at, actor, action, from_state, to_state,
                        note)
                    values (@eventId, @id, @at, @actor, @step, @from, @to, @comment)
                    """, new
                    {
                        eventId = Guid.CreateVersion7(), id, at = at = at.AddDays(1), step, from, to,
                        comment = comments.GetValueOrDefault(step),
                        actor = step is "submit" or "resubmit" ? "dept_demo" : step is "approve" or "reject" ? "leader"
                            : "bianban",
                    }, tx, cancellationToken: ct));
                from = to;
            }
            if (state == "approved")
                await c.ExecuteAsync(new CommandDefinition("""
                    insert into power_lists.entries (id, township_id, township_path, item_id, mode, list_kind, valid,
                        note, published_at, created_at, created_by)
                    select gen_random_uuid(), unnest(@townshipIds), unnest(@townshipPaths), @itemId, 'statutory',
                           'basic', daterange(@effective, null), '职责准入', now(), now(), 'leader'
                    """, new { townshipIds = affected.Select(t => t.Id).ToArray(),
                        townshipPaths = affected.Select(t => t.Path).ToArray(), itemId = item.Id, effective },
                    tx, cancellationToken: ct));
        }
    }

    private static object Version(Guid itemId, int version, DateOnly from, DateOnly? to, string name, string type,
        string domain, UnitInfo dept, bool supervised, string note, bool withdrawn = false) => new
    {
        Withdrawn = withdrawn,
        Id = Guid.CreateVersion7(), ItemId = itemId, Version = version, From = from, To = to, Name = name, Type = type,
        Domain = domain,
        Basis = JsonSerializer.Serialize(
            new[] { new { law = "《中华人民共和国行政处罚法》", article = "第二十四条",
                text = "省、自治区、直辖市根据当地实际情况，可以决定将基层管理迫切需要的县级人民政府部门的行政处罚权" +
                    "交由能够有效承接的乡镇人民政府、街道办事处行使。" } }),
        DepartmentId = dept.Id, DepartmentName = dept.Name, SupervisorId = supervised ? dept.Id : (Guid?)null,
        SupervisorName = supervised ? dept.Name : null, Responsibilities = Responsibilities,
        Accountabilities = Accountabilities, Note = note,
    };

    private static object Entry(RegionInfo township, Guid itemId, string listKind, string mode, string? decisionNo,
        Guid? agreementId, DateOnly from) => new
    {
        Id = Guid.CreateVersion7(), TownshipId = township.Id, TownshipPath = township.Path, ItemId = itemId,
        Mode = mode, ListKind = listKind, DecisionNo = decisionNo, AgreementId = agreementId, From = from,
    };
}
