using Governance.Calendar.Contracts;
using Governance.Enforcement.Features;
using Governance.PowerLists.Contracts;

namespace Governance.Enforcement.Demo;

/// <summary>
/// The demo county's cases over the last <see cref="Months"/> months (about 150 a month, as the source's): leads from
/// patrols, complaints, the grid, departments and higher levels; most filed on a power the township may exercise
/// that day (PowerLists is asked for each) with two officers certified that day for the domain, some declined, some
/// transferred to the item's department, some decided on the spot (简易程序); filed cases go on as far as their age
/// allows (<see cref="DemoCaseFlow"/>); decisions are numbered gap-free per team and year and disclosed, mostly on
/// time. The newest leads still wait.
/// </summary>
internal sealed class DemoCases(
    IPowerLists powers, Random rng, DateOnly today, DateTime now, WorkingDayCalendar calendar, EnforcementOptions o,
    IReadOnlyDictionary<string, string> domainNames)
{
    public const int Months = 24;

    internal sealed record Team(
        Guid Id, Guid TownshipId, string Path, string Name, string TownshipName, string Address);

    internal sealed record Officer(Guid Id, Guid TeamId, string[] Domains, DateOnly JoinedOn, DateOnly? LeftOn,
        string Number, DateOnly ValidFrom, DateOnly ValidUntil);

    private readonly DemoCaseFlow _flow = new(rng, today, calendar, o);
    private readonly Dictionary<(Guid, DateOnly), List<TownshipPower>> _powers = [];
    private readonly Dictionary<(Guid, DateOnly), PowerItem?> _items = [];

    private readonly List<Guid> _townships = [];

    private static readonly (string Source, int Weight)[] Sources =
        [("patrol", 40), ("complaint", 25), ("grid", 25), ("referral", 5), ("assigned", 5)];

    private static readonly string[] Streets = ["人民路", "解放路", "建设路", "中山街", "新华街", "文化路", "滨河路"];

    private static readonly Dictionary<string, string[]> Facts = new()
    {
        ["CG"] = ["占道经营，堵塞人行道", "店外堆放杂物", "未经批准设置户外广告"],
        ["SC"] = ["销售过期食品", "无证经营小餐饮", "价格标示不规范"],
        ["ST"] = ["露天焚烧垃圾", "餐饮油烟直排"], ["ZR"] = ["未经批准占用耕地建房"],
        ["ZJ"] = ["未取得施工许可擅自施工"], ["NY"] = ["销售假劣农药"], ["WL"] = ["网吧接纳未成年人"],
        ["WS"] = ["未取得健康证从事公共场所服务"], ["YJ"] = ["违规储存易燃易爆物品"], ["JT"] = ["非法营运"],
        ["SL"] = ["河道内违法采砂"], ["MZ"] = ["殡葬用品违规销售"],
    };

    private static readonly string[] Surnames = ["张", "李", "王", "刘", "陈", "杨", "赵", "黄"];

    public async Task<int> WriteAsync(
        NpgsqlConnection c, string countyPath, string countyCode, IReadOnlyList<Team> teams,
        IReadOnlyList<Officer> officers, CancellationToken ct)
    {
        var cases = new List<DemoCase>();
        _townships.AddRange(teams.Select(t => t.TownshipId));
        foreach (var team in teams)
        {
            var own = officers.Where(x => x.TeamId == team.Id).ToList();
            for (var month = Months - 1; month >= 0; month--)
            {
                var count = 8 + rng.Next(4);
                for (var n = 0; n < count; n++)
                {
                    var received = today.AddMonths(-month).AddDays(-rng.Next(0, 31));
                    cases.Add(await CaseAsync(team, own, countyPath, countyCode, received, ct));
                }
            }
        }
        var disclosures = DemoDisclosures.Number(cases, rng, today, calendar, o, domainNames);
        await DemoCaseCopy.WriteAsync(c, cases, disclosures, now, ct);
        await BenchmarksAsync(c, countyPath, ct);
        return cases.Count;
    }

    /// <summary>Demo 裁量基准 for every 行政处罚 item the townships hold (one generic scale; a county sets its own per
    /// item).</summary>
    private async Task BenchmarksAsync(NpgsqlConnection c, string countyPath, CancellationToken ct)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var township in _townships)
            foreach (var p in await powers.TownshipPowersAsync(township, null, today, ct))
                if (p.Type == "CF") codes.Add(p.Code);
        (string Degree, string Description, string[] Kinds, decimal Min, decimal Max)[] scale =
        [
            ("minor", "初次违法，危害后果轻微并及时改正", ["warning", "fine"], 0m, 1_000m),
            ("general", "违法行为一般，有一定危害后果", ["warning", "fine", "confiscation"], 1_000m, 5_000m),
            ("serious", "多次违法或危害后果较重", ["fine", "confiscation", "suspend_licence"], 5_000m, 20_000m),
            ("severe", "拒不改正或造成严重危害后果", ["fine", "confiscation", "revoke_licence", "stop_production"],
                20_000m, 50_000m),
        ];
        await c.ExecuteAsync(new CommandDefinition("""
            insert into enforcement.discretion_benchmarks
                (id, county_path, item_code, degree, description, kinds, min_fine, max_fine)
            select gen_random_uuid(), @countyPath, code, s.degree, s.description, string_to_array(s.kinds, ','),
                   s.min_fine, s.max_fine
            from unnest(@codes) code,
                 unnest(@degrees, @descriptions, @kinds, @mins, @maxes)
                     s (degree, description, kinds, min_fine, max_fine);
            insert into enforcement.discretion_benchmark_sets (county_path, item_code, version, updated_at, updated_by)
            select @countyPath, code, 1, @now, '演示数据' from unnest(@codes) code
            """, new
            {
                countyPath, codes = codes.ToArray(), degrees = scale.Select(x => x.Degree).ToArray(),
                descriptions = scale.Select(x => x.Description).ToArray(),
                kinds = scale.Select(x => string.Join(',', x.Kinds)).ToArray(),
                mins = scale.Select(x => x.Min).ToArray(),
                maxes = scale.Select(x => x.Max).ToArray(), now,
            }, cancellationToken: ct));
    }

    private async Task<DemoCase> CaseAsync(
        Team team, List<Officer> own, string countyPath, string countyCode, DateOnly received, CancellationToken ct)
    {
        var receivedAt = received.ToDateTime(new TimeOnly(1 + rng.Next(8), rng.Next(60)), DateTimeKind.Utc);
        if (receivedAt > now) receivedAt = now;
        var person = rng.Next(10) < 6;
        var k = new DemoCase(team, receivedAt)
        {
            Source = Pick(), OccurredOn = received.AddDays(-rng.Next(0, 10)),
            Place = $"{Streets[rng.Next(Streets.Length)]} {rng.Next(1, 200)} 号",
            PartyKind = person ? "person" : "organisation",
            PartyName = person
                ? Surnames[rng.Next(Surnames.Length)] + "某" + "甲乙丙丁"[rng.Next(4)]
                : "某某商贸有限公司",
            PartyId = person ? PersonId() : $"91{countyCode}{rng.NextInt64(1_000_000_000, 9_999_999_999)}",
        };
        Describe(k, rng.Next(2) == 0 ? "CG" : "SC");
        var filedOn = received.AddDays(rng.Next(0, 3));
        var roll = rng.Next(100);
        if (received > today.AddDays(-5) && roll < 60 || filedOn > today) return k;
        var held = await PowersAsync(team.TownshipId, filedOn, ct);
        if (held.Count == 0) return k;
        var power = held[rng.Next(held.Count)];
        var item = await ItemAsync(power.ItemId, countyPath, filedOn, ct);
        Describe(k, power.Domain);
        if (roll < 8)
        {
            k.Steps.Add(new DemoCase.Step(filedOn, "decline", "lead", "declined",
                "经核查，未发现违法事实，不予立案。"));
            k.State = "declined";
            return k;
        }
        if (roll < 16 && item?.DepartmentName is not null)
        {
            (k.TransferredTo, k.TransferredToId) = (item.DepartmentName, item.DepartmentId);
            k.Steps.Add(new DemoCase.Step(filedOn, "transfer", "lead", "transferred",
                $"属{item.DepartmentName}管辖，依法移送。"));
            k.State = "transferred";
            return k;
        }
        var answer = await powers.CanExerciseAsync(team.TownshipId, power.ItemId, filedOn, ct);
        var pair = own.Where(x => x.Domains.Contains(power.Domain) && x.JoinedOn <= filedOn
                                  && (x.LeftOn is null || x.LeftOn > filedOn)
                                  && x.ValidFrom <= filedOn && filedOn <= x.ValidUntil)
            .OrderBy(_ => rng.Next()).Take(2).ToArray();
        if (!answer.Allowed || pair.Length < 2 || item is null) return k;
        (k.Item, k.ItemId, k.Mode, k.AgreementNo, k.FiledOn) =
            (item, power.ItemId, answer.Mode, answer.AgreementNumber, filedOn);
        k.Officers = pair.Select(x => (x, x.Number)).ToArray();
        if (roll < 30 && k.Source == "patrol" || roll < 24) _flow.Simple(k, filedOn);
        else _flow.General(k);
        return k;
    }

    private void Describe(DemoCase k, string domain)
    {
        var facts = Facts.GetValueOrDefault(domain) ?? Facts["CG"];
        (k.Domain, k.Description) = (domain, facts[rng.Next(facts.Length)]);
    }

    /// <summary>The 行政处罚 powers a township held on the first of the month (a case's own day is checked with
    /// <see cref="IPowerLists.CanExerciseAsync"/>); remembered, since the demo asks thousands of times.</summary>
    private async Task<List<TownshipPower>> PowersAsync(Guid township, DateOnly on, CancellationToken ct)
    {
        var month = new DateOnly(on.Year, on.Month, 1);
        if (!_powers.TryGetValue((township, month), out var list))
            _powers[(township, month)] = list = (await powers.TownshipPowersAsync(township, null, month, ct))
                .Where(p => p.Type == "CF").ToList();
        return list;
    }

    private async Task<PowerItem?> ItemAsync(Guid id, string countyPath, DateOnly on, CancellationToken ct)
    {
        var month = new DateOnly(on.Year, on.Month, 1);
        if (!_items.TryGetValue((id, month), out var item))
            _items[(id, month)] = item = await powers.FindItemAsync(id, countyPath, on, ct);
        return item;
    }

    private string Pick()
    {
        var r = rng.Next(Sources.Sum(s => s.Weight));
        foreach (var (source, weight) in Sources)
            if ((r -= weight) < 0) return source;
        return "patrol";
    }

    /// <summary>A valid ID number (GB 11643 check character) of someone born 1960–2000.</summary>
    private string PersonId()
    {
        var body = $"110101{new DateOnly(1960, 1, 1).AddDays(rng.Next(14_600)):yyyyMMdd}{rng.Next(100, 999)}";
        return body + IdNumbers.Check(body);
    }
}
