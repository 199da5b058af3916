using Governance.PowerLists.Contracts;
using NpgsqlTypes;

namespace Governance.Enforcement.Demo;

/// <summary>
/// The demo county's last month of cases (about 150, as the source's ≈ 150 a month): leads from patrols, complaints,
/// the grid, departments and higher levels; most filed on a power the township may exercise that day (PowerLists is
/// asked for each) with two officers certified that day for the domain, some declined, some transferred to the
/// item's department, the newest still waiting. Older cases come with the later steps of the case workflow.
/// </summary>
internal sealed class DemoCases(IPowerLists powers, Random rng, DateOnly today, DateTime now)
{
    internal sealed record Team(Guid Id, Guid TownshipId, string Path);

    internal sealed record Officer(Guid Id, Guid TeamId, string[] Domains, DateOnly JoinedOn, DateOnly? LeftOn,
        string Number, DateOnly ValidFrom, DateOnly ValidUntil);

    private sealed record Case(
        Guid Id, Team Team, string State, string Source, string Domain, DateOnly OccurredOn, string Place,
        string Description, string PartyKind, string PartyName, string PartyId, DateTime ReceivedAt,
        PowerItem? Item, Guid? ItemId, string? Mode, string? AgreementNo, DateOnly? FiledOn, string? Transferred,
        Guid? TransferredId, string? Note, (Officer, string)[] Officers);

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
        var cases = new List<Case>();
        _townships.AddRange(teams.Select(t => t.TownshipId));
        foreach (var team in teams)
        {
            var own = officers.Where(o => o.TeamId == team.Id).ToList();
            var count = 8 + rng.Next(4);
            for (var n = 0; n < count; n++) cases.Add(await CaseAsync(team, own, countyPath, countyCode, ct));
        }
        await CopyAsync(c, cases, ct);
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

    private async Task<Case> CaseAsync(
        Team team, List<Officer> own, string countyPath, string countyCode, CancellationToken ct)
    {
        var received = today.AddDays(-rng.Next(0, 31));
        var receivedAt = received.ToDateTime(new TimeOnly(1 + rng.Next(8), rng.Next(60)), DateTimeKind.Utc);
        if (receivedAt > now) receivedAt = now;
        var source = Pick();
        var occurred = received.AddDays(-rng.Next(0, 10));
        var person = rng.Next(10) < 6;
        var party = person ? Surnames[rng.Next(Surnames.Length)] + "某" + "甲乙丙丁"[rng.Next(4)] : "某某商贸有限公司";
        var partyId = person ? PersonId() : $"91{countyCode}{rng.NextInt64(1_000_000_000, 9_999_999_999)}";
        var place = $"{Streets[rng.Next(Streets.Length)]} {rng.Next(1, 200)} 号";
        var filedOn = received.AddDays(rng.Next(0, 3));
        var roll = rng.Next(100);
        var powersThen = (await powers.TownshipPowersAsync(team.TownshipId, null, filedOn <= today ? filedOn : today,
            ct)).Where(p => p.Type is "CF" or "QZ" or "JC").ToList();
        Case Lead(string state, string domain) =>
            New(team, state, source, domain, occurred, place, person, party, partyId, receivedAt);
        if (powersThen.Count == 0 || received > today.AddDays(-5) && roll < 60 || filedOn > today)
            return Lead("lead", rng.Next(2) == 0 ? "CG" : "SC");
        var power = powersThen[rng.Next(powersThen.Count)];
        var item = await powers.FindItemAsync(power.ItemId, countyPath, filedOn, ct);
        var domain = power.Domain;
        if (roll < 10)
            return Lead("declined", domain) with
            {
                FiledOn = filedOn, Note = "经核查，未发现违法事实，不予立案。",
            };
        if (roll < 20 && item?.DepartmentName is not null)
            return Lead("transferred", domain) with
            {
                FiledOn = filedOn, Transferred = item.DepartmentName, TransferredId = item.DepartmentId,
                Note = $"属{item.DepartmentName}管辖，依法移送。",
            };
        var answer = await powers.CanExerciseAsync(team.TownshipId, power.ItemId, filedOn, ct);
        var pair = own.Where(o => o.Domains.Contains(domain) && o.JoinedOn <= filedOn
                                  && (o.LeftOn is null || o.LeftOn > filedOn)
                                  && o.ValidFrom <= filedOn && filedOn <= o.ValidUntil)
            .OrderBy(_ => rng.Next()).Take(2).ToArray();
        if (!answer.Allowed || pair.Length < 2)
            return Lead("lead", domain);
        return Lead("filed", domain) with
        {
            Item = item, ItemId = power.ItemId, Mode = answer.Mode, AgreementNo = answer.AgreementNumber,
            FiledOn = filedOn, Officers = pair.Select(o => (o, o.Number)).ToArray(),
        };
    }

    private Case New(Team team, string state, string source, string domain, DateOnly occurred, string place,
        bool person, string party, string partyId, DateTime receivedAt)
    {
        var facts = Facts.GetValueOrDefault(domain) ?? Facts["CG"];
        return new Case(Guid.CreateVersion7(), team, state, source, domain, occurred, place,
            facts[rng.Next(facts.Length)], person ? "person" : "organisation", party, partyId, receivedAt, null, null,
            null, null, null, null, null, null, []);
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

    private async Task CopyAsync(NpgsqlConnection c, List<Case> cases, CancellationToken ct)
    {
        await using (var w = await c.BeginBinaryImportAsync("""
            copy enforcement.cases (id, team_id, region_path, state, source, domain, occurred_on, place, description,
                party_kind, party_name, party_id_number, received_at, item_id, item_code, item_name, exercise_mode,
                agreement_no, severe_harm, filed_on, decision_due_on, transferred_to_id, transferred_to_name,
                created_by_id, created_by, version) from stdin (format binary)
            """, ct))
        {
            foreach (var k in cases)
            {
                await w.StartRowAsync(ct);
                object?[] values =
                [
                    k.Id, k.Team.Id, k.Team.Path, k.State, k.Source, k.Domain, k.OccurredOn, k.Place, k.Description,
                    k.PartyKind, k.PartyName, k.PartyId, k.ReceivedAt, k.ItemId, k.Item?.Code, k.Item?.Name, k.Mode,
                    k.AgreementNo, k.ItemId is null ? null : (object)false, k.ItemId is null ? null : k.FiledOn,
                    k.ItemId is null ? null : k.FiledOn!.Value.AddDays(90), k.TransferredId, k.Transferred,
                    Guid.Empty, "demo", k.State == "lead" ? 1 : 2,
                ];
                foreach (var v in values) await WriteAsync(w, v, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await c.BeginBinaryImportAsync("""
            copy enforcement.case_events (id, record_id, at, actor, action, from_state, to_state, note)
            from stdin (format binary)
            """, ct))
        {
            foreach (var k in cases)
            {
                object?[][] rows = k.State == "lead"
                    ? [[Guid.CreateVersion7(), k.Id, k.ReceivedAt, "demo", "register", null, "lead", null]]
                    :
                    [
                        [Guid.CreateVersion7(), k.Id, k.ReceivedAt, "demo", "register", null, "lead", null],
                        [Guid.CreateVersion7(), k.Id, k.FiledOn!.Value.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                         "demo", k.State == "filed" ? "file" : k.State == "declined" ? "decline" : "transfer", "lead",
                         k.State, k.Note],
                    ];
                foreach (var row in rows)
                {
                    await w.StartRowAsync(ct);
                    foreach (var v in row) await WriteAsync(w, v, ct);
                }
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await c.BeginBinaryImportAsync("""
            copy enforcement.case_officers (case_id, officer_id, certificate_number, assigned_on)
            from stdin (format binary)
            """, ct))
        {
            foreach (var k in cases)
                foreach (var (o, number) in k.Officers)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(k.Id, ct); await w.WriteAsync(o.Id, ct); await w.WriteAsync(number, ct);
                    await w.WriteAsync(k.FiledOn!.Value, ct);
                }
            await w.CompleteAsync(ct);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter w, object? v, CancellationToken ct) => v switch
    {
        null => w.WriteNullAsync(ct),
        Guid g => w.WriteAsync(g, ct),
        string s => w.WriteAsync(s, ct),
        DateOnly d => w.WriteAsync(d, ct),
        DateTime t => w.WriteAsync(t, NpgsqlDbType.TimestampTz, ct),
        bool b => w.WriteAsync(b, ct),
        int i => w.WriteAsync(i, ct),
        _ => throw new ArgumentException($"no COPY writer for {v.GetType()}"),
    };
}
