using Governance.PowerLists.Contracts;
using Governance.Calendar.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Enforcement.Demo;

/// <summary>
/// The demo county's enforcement teams at the source's scale: one 综合行政执法大队 per township (16), 719 serving
/// officers in all, each assigned one to three of the 12 执法领域 with a five-year certificate (a few ending within the
/// warning window, a few already lapsed), and a few who left; two years of cases (<see cref="DemoCases"/>) and of
/// quarterly satisfaction surveys (<see cref="DemoSurveys"/>) and the 双向考核 rounds (<see cref="DemoAssessments"/>).
/// One
/// deliberate problem for the health page: the last
/// township's team is below the minimum for its population. Names are invented. Idempotent per county.
/// </summary>
internal sealed class DemoEnforcementGenerator(
    NpgsqlDataSource db, IRegionDirectory regions, IUnitDirectory units, IPowerLists powers, TimeProvider clock,
    IWorkingCalendar calendar, IOptions<EnforcementOptions> options, ILogger<DemoEnforcementGenerator> logger)
{
    private const int OfficersPerCounty = 719;

    private static readonly string[] Surnames =
        ["张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
         "马", "罗"];
    private static readonly string[] Given =
        ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "斌", "宇",
         "浩", "凯", "芳", "静", "丽", "敏", "燕", "红", "建国", "志强", "海涛", "晓明"];

    private sealed record Team(
        Guid Id, Guid TownshipId, string Path, Guid? UnitId, string Name, int Population, string Address);

    private sealed record Officer(Guid Id, Guid TeamId, string Path, string Name, string Phone, string[] Domains,
        DateOnly JoinedOn, DateOnly? LeftOn, string? LeftReason, string Number, DateOnly ValidFrom,
        DateOnly ValidUntil);

    public async Task<int> GenerateAsync(CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var domainNames = await Features.Domains.NamesAsync(powers, ct);
        var domains = domainNames.Keys.ToArray();
        var workingDays = await calendar.CurrentAsync(ct);
        var (created, cases) = (0, 0);
        foreach (var county in await regions.ByLevelAsync(RegionLevels.County, ct))
        {
            await using var c = await db.OpenConnectionAsync(ct);
            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select exists (select 1 from enforcement.teams where region_path like @path)",
                    new { path = county.Path + "%" }, cancellationToken: ct)))
                continue;
            var rng = new Random(int.Parse(county.Code[..6], System.Globalization.CultureInfo.InvariantCulture));
            var townships = await regions.ChildrenAsync(county.Id, ct);
            if (townships.Count == 0) continue;
            var teams = new List<Team>();
            foreach (var t in townships)
            {
                var unit = (await units.InRegionAsync(t.Id, ct)).FirstOrDefault(u => u.Name == "综合行政执法大队");
                // the address is where its hearings are held (the 听证告知书 prints it)
                teams.Add(new Team(Guid.CreateVersion7(), t.Id, t.Path, unit?.Id, $"{t.Name}综合行政执法大队",
                    rng.Next(18, 90) * 1000, $"{t.Name}综合执法办公楼一楼"));
            }
            var officers = Officers(rng, county.Code[..6], teams, domains, today);
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await WriteAsync(c, teams, officers, now, ct);
            var names = townships.ToDictionary(t => t.Id, t => t.Name);
            cases += await new DemoCases(powers, rng, today, now, workingDays, options.Value, domainNames)
                .WriteAsync(c, county.Path, county.Code[..6],
                teams.Select(t => new DemoCases.Team(t.Id, t.TownshipId, t.Path, t.Name, names[t.TownshipId],
                        t.Address))
                    .ToList(),
                officers.Select(o => new DemoCases.Officer(o.Id, o.TeamId, o.Domains, o.JoinedOn, o.LeftOn, o.Number,
                    o.ValidFrom, o.ValidUntil)).ToList(), ct);
            // the surveys, then the assessment rounds computed from the cases and surveys
            await DemoSurveys.WriteMissingAsync(c, tx, today, now, ct);
            var departments = (await units.InRegionAsync(county.Id, ct)).Where(u => u.Kind == "county_department")
                .Select(u => new DemoAssessments.Party(u.Id, "department", u.Name, u.RegionPath)).ToList();
            await DemoAssessments.WriteAsync(c, tx, workingDays, county.Path,
                townships.Select(t => new DemoAssessments.Party(t.Id, "township", t.Name, t.Path)).ToList(),
                departments, today, now, rng, ct);
            await tx.CommitAsync(ct);
            created++;
        }
        await using (var c = await db.OpenConnectionAsync(ct))
            await DemoSurveys.WriteMissingAsync(c, null, today, clock.GetUtcNow().UtcDateTime, ct);
        if (created > 0) logger.LogInformation("Demo enforcement: {Counties} counties, {Cases} cases", created, cases);
        return created;
    }

    private static List<Officer> Officers(
        Random rng, string countyCode, List<Team> teams, string[] domains, DateOnly today)
    {
        var list = new List<Officer>();
        // the last team is short: 14 serving, 3 of them with lapsed certificates, in a township needing 15
        var last = teams[^1] with { Population = 62_000 };
        teams[^1] = last;
        var others = teams.Count - 1;
        var rest = OfficersPerCounty - 14;
        for (var t = 0; t < teams.Count; t++)
        {
            var team = teams[t];
            var serving = t == teams.Count - 1 ? 14 : rest / others + (t < rest % others ? 1 : 0);
            for (var n = 0; n < serving + 1; n++) // one more who left
            {
                var left = n == serving;
                var joined = today.AddDays(-rng.Next(200, 3000));
                // five-year certificates issued at joining or renewed since; a few lapse or are about to
                var from = joined.AddDays(rng.Next(0, 30));
                while (from.AddYears(5) < today) from = from.AddYears(5);
                var until = from.AddYears(5).AddDays(-1);
                var roll = rng.Next(100);
                if (!left && (t == teams.Count - 1 ? n < 3 : roll == 0)) until = today.AddDays(-rng.Next(1, 90));
                else if (!left && roll is 1 or 2) until = today.AddDays(rng.Next(1, 55));
                if (until < from) from = until.AddYears(-5).AddDays(1);
                var picked = domains.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToArray();
                list.Add(new Officer(Guid.CreateVersion7(), team.Id, team.Path,
                    Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)],
                    $"1{rng.Next(30, 90)}{rng.Next(10000000, 99999999)}", picked, joined,
                    left ? today.AddDays(-rng.Next(10, 150)) : null, left ? "调离执法岗位" : null,
                    $"{countyCode}{t + 1:00}{n + 1:0000}", from, until));
            }
        }
        return list;
    }

    private static async Task WriteAsync(
        NpgsqlConnection c, List<Team> teams, List<Officer> officers, DateTime now, CancellationToken ct)
    {
        await using (var w = await c.BeginBinaryImportAsync("""
            copy enforcement.teams (id, township_id, region_path, unit_id, name, population, address, created_at,
                created_by)
            from stdin (format binary)
            """, ct))
        {
            foreach (var t in teams)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(t.Id, ct); await w.WriteAsync(t.TownshipId, ct); await w.WriteAsync(t.Path, ct);
                if (t.UnitId is { } unit) await w.WriteAsync(unit, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(t.Name, ct); await w.WriteAsync(t.Population, ct); await w.WriteAsync(t.Address, ct);
                await w.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct); await w.WriteAsync("demo", ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await c.BeginBinaryImportAsync("""
            copy enforcement.officers (id, team_id, region_path, name, phone, domains, joined_on, left_on, left_reason,
                created_at, created_by) from stdin (format binary)
            """, ct))
        {
            foreach (var o in officers)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(o.Id, ct); await w.WriteAsync(o.TeamId, ct); await w.WriteAsync(o.Path, ct);
                await w.WriteAsync(o.Name, ct); await w.WriteAsync(o.Phone, ct); await w.WriteAsync(o.Domains, ct);
                await w.WriteAsync(o.JoinedOn, ct);
                if (o.LeftOn is { } leftOn) await w.WriteAsync(leftOn, ct); else await w.WriteNullAsync(ct);
                if (o.LeftReason is { } reason) await w.WriteAsync(reason, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct); await w.WriteAsync("demo", ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await c.BeginBinaryImportAsync("""
            copy enforcement.certificates (id, officer_id, number, issuing_body, valid_from, valid_until, recorded_at,
                recorded_by) from stdin (format binary)
            """, ct))
        {
            foreach (var o in officers)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(Guid.CreateVersion7(), ct); await w.WriteAsync(o.Id, ct);
                await w.WriteAsync(o.Number, ct); await w.WriteAsync("县人民政府", ct);
                await w.WriteAsync(o.ValidFrom, ct); await w.WriteAsync(o.ValidUntil, ct);
                await w.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct); await w.WriteAsync("demo", ct);
            }
            await w.CompleteAsync(ct);
        }
    }
}
