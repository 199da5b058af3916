using Governance.Staffing.Secondment;

namespace Governance.Staffing.Demo;

/// <summary>
/// The demo county's 选派 history, 2017 to the demo's today: a campaign a year, run to 聘用 by the rules (only staff of
/// 差额拨款/自收自支 posts of county units, not seconded or barred, ranked by the published rule, posts chosen in rank
/// order), two-year secondments from 1 April, and each year's assessment decided the following January: about one in
/// seven 优秀 (never above the quota) converting into a vacant township post — an exit and an entry on the ledger —
/// a few 不合格 returned and barred for a year. The demo's own year is not assessed yet.
/// </summary>
internal sealed partial class DemoLedger
{
    private sealed record CampaignRow(Guid Id, int Year, int Posts);
    private sealed record PostRow(Guid Id, Guid Campaign, Guid Township, string TownshipPath, string Area, int Posts);
    private sealed record RegistrationRow(
        Guid Id, Guid Campaign, Guid Person, Guid Origin, string State, string? Reason, decimal Written,
        decimal Interview, Guid? Post, DateTime At);
    private sealed record SecondeeRow(Guid Id, Guid Person, Guid Campaign, Guid Origin, Guid Township, string Path,
        string Area, DateOnly Started, string State, DateOnly? Ended);
    private sealed record AssessmentRow(Guid Id, int Year, string State, DateOnly? Decided);
    private sealed record GradeRow(
        Guid Assessment, Guid Secondee, string? Grade, string? Outcome, Guid? Target = null);
    private sealed record EventRow(string Table, Guid Record, DateOnly On, string Action, string? From, string To);

    private readonly List<CampaignRow> _campaigns = [];
    private readonly List<PostRow> _posts = [];
    private readonly List<RegistrationRow> _registrations = [];
    private readonly List<SecondeeRow> _secondees = [];
    private readonly List<AssessmentRow> _assessments = [];
    private readonly List<GradeRow> _grades = [];
    private readonly List<(Guid Person, DateOnly From, DateOnly Until, Guid Source)> _bars = [];
    private readonly List<EventRow> _events = [];

    private static readonly string[] Stages =
        ["announced", "registration", "qualification", "written", "interview", "choosing", "publicity", "hired"];
    private static readonly string[] StageActions =
        ["open-registration", "review", "written", "interview", "choose", "publish", "hire"];

    public int SecondeeCount => _secondees.Count;

    /// <summary>Campaigns <paramref name="from"/>–the demo's year with about <paramref name="perYear"/> posts each over
    /// the townships, and the assessments that follow.</summary>
    public void Second(IReadOnlyList<RegionInfo> townships, int from, int perYear)
    {
        for (var year = from; year <= Today.Year; year++)
        {
            if (year > from) Assess(year - 1, decided: year - 1 < Today.Year - 1 || Today.Month > 1);
            Campaign(year, townships, perYear);
        }
        // this year's assessment is still to be made; last year's is decided in January (above)
    }

    private void Campaign(int year, IReadOnlyList<RegionInfo> townships, int perYear)
    {
        var id = Guid.CreateVersion7();
        var start = new DateOnly(year, 4, 1);
        var posts = new List<PostRow>();
        var left = perYear;
        foreach (var t in townships.OrderBy(_ => Rng.Next()))
        {
            if (left <= 0) break;
            var n = Math.Min(left, Rng.Next(2, 5));
            posts.Add(new PostRow(Guid.CreateVersion7(), id, t.Id, t.Path,
                PostTypes.WorkAreas.Keys.ElementAt(Rng.Next(6)), n));
            left -= n;
        }
        _posts.AddRange(posts);
        _campaigns.Add(new CampaignRow(id, year, posts.Sum(p => p.Posts)));
        for (var i = 0; i < StageActions.Length; i++)
            _events.Add(new EventRow("staffing.campaign_events", id, new DateOnly(year, 2, 10).AddDays(i * 7),
                StageActions[i], Stages[i], Stages[i + 1]));

        // who may register on 1 March: serving in a 差额/自收自支 post of a county unit until the end of the term,
        // not seconded then, not barred
        var day = new DateOnly(year, 3, 1);
        var establishments = _establishments.ToDictionary(e => e.Id);
        var current = _holdings.Where(h => h.Exited is null).ToDictionary(h => h.Person);
        var seconded = _secondees.Where(s => s.Ended is null || s.Ended > day).Select(s => s.Person).ToHashSet();
        var barred = _bars.Where(b => b.From <= day && day < b.Until).Select(b => b.Person).ToHashSet();
        var eligible = People.Where(p => p.Serving && !seconded.Contains(p.Id) && !barred.Contains(p.Id))
            .Select(p => (Person: p, Holding: current[p.Id]))
            .Where(x => x.Holding.Entered <= day && establishments[x.Holding.Establishment] is
                { Funding: "partial" or "self", Unit.Kind: "county_department" or "county_institution" })
            .OrderBy(_ => Rng.Next()).Take((int)(perYear * 1.4)).ToList();
        var registered = eligible.Select((x, i) => new RegistrationRow(Guid.CreateVersion7(), id, x.Person.Id,
            x.Holding.Establishment, Rng.Next(20) == 0 ? "disqualified" : "qualified", null,
            Rng.Next(6000, 9600) / 100m, Rng.Next(6000, 9600) / 100m, null,
            new DateTime(year, 2, 12, 1, 0, 0, DateTimeKind.Utc).AddMinutes(i * 7))).ToList();
        var ranked = SecondmentRules.Rank(registered.Where(r => r.State == "qualified")
            .Select(r => new Candidate(r.Id, r.Written, r.Interview, r.At)), 0.5m);
        var taken = posts.ToDictionary(p => p.Id, _ => 0);
        foreach (var (candidate, _, _) in ranked)
        {
            var open = posts.Where(p => taken[p.Id] < p.Posts).ToList();
            if (open.Count == 0) break;
            var post = open[Rng.Next(open.Count)];
            taken[post.Id]++;
            var i = registered.FindIndex(r => r.Id == candidate.Id);
            registered[i] = registered[i] with { Post = post.Id };
            var r = registered[i];
            var secondee = new SecondeeRow(Guid.CreateVersion7(), r.Person, id, r.Origin, post.Township,
                post.TownshipPath, post.Area, start, "active", null);
            // a two-year term; one that ends before the demo's today has ended
            var end = start.AddYears(2);
            _secondees.Add(end <= Today ? secondee with { State = "ended", Ended = end } : secondee);
            _events.Add(new EventRow(Features.Secondees.EventsTable, secondee.Id, start, "hire", null, "active"));
            if (end <= Today)
                _events.Add(new EventRow(Features.Secondees.EventsTable, secondee.Id, end, "end", "active", "ended"));
        }
        _registrations.AddRange(registered.Select(r => r.State == "disqualified"
            ? r with { Reason = "报名时借调在外，不符合报名条件" } : r));
    }

    /// <summary>Grades every secondee active in <paramref name="year"/>; when decided (January next year), applies the
    /// outcomes.</summary>
    private void Assess(int year, bool decided)
    {
        var id = Guid.CreateVersion7();
        var decidedOn = new DateOnly(year + 1, 1, 20);
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var assessed = _secondees.Where(s => s.Started <= yearEnd && (s.Ended is null || s.Ended > yearStart)).ToList();
        _assessments.Add(new AssessmentRow(id, year, decided ? "final" : "draft", decided ? decidedOn : null));
        _events.Add(new EventRow("staffing.assessment_events", id, decidedOn.AddDays(-12), "create", null, "draft"));
        if (!decided)
        {
            _grades.AddRange(assessed.Select(s => new GradeRow(id, s.Id, null, null)));
            return;
        }
        _events.Add(new EventRow("staffing.assessment_events", id, decidedOn.AddDays(-10), "publish", "draft",
            "publicity"));
        _events.Add(new EventRow("staffing.assessment_events", id, decidedOn, "finalize", "publicity", "final"));
        var graded = assessed.Count(s => !SecondmentRules.LessThanHalfYear(s.Started, s.Ended, year));
        var quota = SecondmentRules.ExcellentQuota(graded, 0.20m);
        var excellent = 0;
        foreach (var s in assessed.OrderBy(_ => Rng.Next()))
        {
            if (SecondmentRules.LessThanHalfYear(s.Started, s.Ended, year))
            {
                _grades.Add(new GradeRow(id, s.Id, "none", "kept"));
                continue;
            }
            var roll = Rng.Next(100);
            var active = s.Ended is null || s.Ended > decidedOn;
            var target = roll < 15 && excellent < quota && active ? Vacancy(s.Path) : null;
            var grade = target is not null ? "excellent"
                : roll >= 98 && active ? "incompetent" : roll >= 92 ? "basic" : "competent";
            var outcome = grade switch { "excellent" => "converted", "incompetent" => "returned", _ => "kept" };
            _grades.Add(new GradeRow(id, s.Id, grade, outcome, target?.Id));
            if (grade == "excellent") { excellent++; Convert(s, target!, decidedOn, year); }
            if (grade == "incompetent") Return(s, decidedOn, id);
        }
    }

    /// <summary>A township 全额拨款 事业编 establishment with a post never filled by the generated hires.</summary>
    private Establishment? Vacancy(string townshipPath) =>
        _establishments.Where(e => e.Unit.RegionPath == townshipPath && e is { Kind: "institution", Funding: "full" }
                                   && _slack.GetValueOrDefault(e.Id) > 0)
            .OrderByDescending(e => _slack[e.Id]).FirstOrDefault();

    private void Convert(SecondeeRow s, Establishment target, DateOnly on, int year)
    {
        _slack[target.Id]--;
        var document = $"{year}年度选派人员考核结果";
        var h = _holdings.FindIndex(x => x.Person == s.Person && x.Exited is null);
        var origin = _holdings[h];
        _holdings[h] = origin with { Exited = on, ExitKind = "transfer_out", ExitDocument = document };
        var holding = new Holding(Guid.CreateVersion7(), s.Person, target.Id, on, "transfer_in", document, null, null,
            null);
        _holdings.Add(holding);
        _lines.Add(new Line(origin.Establishment, on, "exit", 0, -1, document, origin.Id, "选派考核优秀，转入乡镇"));
        _lines.Add(new Line(target.Id, on, "entry", 0, 1, document, holding.Id, "选派考核优秀转编"));
        var p = People.FindIndex(x => x.Id == s.Person);
        People[p] = People[p] with { Establishment = target.Id, RegionPath = target.Unit.RegionPath };
        End(s, on, "converted", "convert");
    }

    private void Return(SecondeeRow s, DateOnly on, Guid assessment)
    {
        _bars.Add((s.Person, on, on.AddYears(1), assessment));
        End(s, on, "returned", "return");
    }

    private void End(SecondeeRow s, DateOnly on, string state, string action)
    {
        var i = _secondees.FindIndex(x => x.Id == s.Id);
        _events.RemoveAll(e => e.Record == s.Id && e.Action == "end"); // no longer ending at the term's close
        _secondees[i] = _secondees[i] with { State = state, Ended = on };
        _events.Add(new EventRow(Features.Secondees.EventsTable, s.Id, on, action, "active", state));
    }

    private async Task WriteSecondmentAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string countyPath, CancellationToken ct)
    {
        Task Run(string sql, object args) =>
            c.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        if (_campaigns.Count == 0) return;
        await Run("""
            insert into staffing.campaigns (id, region_path, year, name, state, written_weight, publicity_from,
                publicity_until, created_at, created_by)
            select id, @countyPath, y, y || '年度县直单位人员选派', 'hired', 0.5,
                   make_date(y, 3, 17), make_date(y, 3, 23),
                   make_timestamptz(y, 2, 10, 9, 0, 0, 'Asia/Shanghai'), 'demo'
            from unnest(@ids, @years) x(id, y);
            insert into staffing.campaign_posts (id, campaign_id, township_id, township_path, work_area, posts)
            select * from unnest(@postIds, @postCampaigns, @townships, @paths, @areas, @posts);
            """, new
            {
                countyPath, ids = _campaigns.Select(x => x.Id).ToArray(),
                years = _campaigns.Select(x => x.Year).ToArray(),
                postIds = _posts.Select(p => p.Id).ToArray(), postCampaigns = _posts.Select(p => p.Campaign).ToArray(),
                townships = _posts.Select(p => p.Township).ToArray(),
                paths = _posts.Select(p => p.TownshipPath).ToArray(),
                areas = _posts.Select(p => p.Area).ToArray(), posts = _posts.Select(p => p.Posts).ToArray(),
            });
        var r = _registrations;
        await Run("""
            insert into staffing.registrations (id, campaign_id, person_id, origin_establishment, state, reason,
                written, interview, chosen_post, registered_at)
            select * from unnest(@ids, @campaigns, @people, @origins, @states, @reasons, @written, @interview, @posts,
                @at)
            """, new
            {
                ids = r.Select(x => x.Id).ToArray(), campaigns = r.Select(x => x.Campaign).ToArray(),
                people = r.Select(x => x.Person).ToArray(), origins = r.Select(x => x.Origin).ToArray(),
                states = r.Select(x => x.State).ToArray(), reasons = r.Select(x => x.Reason).ToArray(),
                written = r.Select(x => x.Written).ToArray(), interview = r.Select(x => x.Interview).ToArray(),
                posts = r.Select(x => x.Post).ToArray(), at = r.Select(x => x.At).ToArray(),
            });
        var s = _secondees;
        await Run("""
            insert into staffing.secondees (id, person_id, campaign_id, origin_establishment, township_id, region_path,
                work_area, started_on, state, ended_on)
            select * from unnest(@ids, @people, @campaigns, @origins, @townships, @paths, @areas, @started, @states,
                @ended)
            """, new
            {
                ids = s.Select(x => x.Id).ToArray(), people = s.Select(x => x.Person).ToArray(),
                campaigns = s.Select(x => x.Campaign).ToArray(), origins = s.Select(x => x.Origin).ToArray(),
                townships = s.Select(x => x.Township).ToArray(), paths = s.Select(x => x.Path).ToArray(),
                areas = s.Select(x => x.Area).ToArray(), started = s.Select(x => x.Started).ToArray(),
                states = s.Select(x => x.State).ToArray(), ended = s.Select(x => x.Ended).ToArray(),
            });
        var a = _assessments;
        await Run("""
            insert into staffing.assessments (id, region_path, year, state, excellent_share, publicity_from,
                publicity_until, decided_on, created_at, created_by)
            select id, @countyPath, y, st, 0.2, case when d is null then null else d - 10 end,
                   case when d is null then null else d - 4 end, d,
                   make_timestamptz(y + 1, 1, 8, 9, 0, 0, 'Asia/Shanghai'),
                   'demo'
            from unnest(@ids, @years, @states, @decided) x(id, y, st, d);
            insert into staffing.grades (assessment_id, secondee_id, grade, outcome, target_establishment)
            select * from unnest(@gradeAssessments, @gradeSecondees, @grades, @outcomes, @targets);
            -- the vacancies a conversion found: those on the decision day plus that day's conversions into the post
            update staffing.grades g set target_vacant = greatest(1, (
                select coalesce(sum(l.approved_delta - l.occupied_delta), 0)::int - e.reserved
                       + (select count(*) from staffing.grades o where o.assessment_id = g.assessment_id
                          and o.target_establishment = g.target_establishment)::int
                from staffing.establishments e
                left join staffing.ledger_lines l on l.establishment_id = e.id and l.effective_on <= a.decided_on
                where e.id = g.target_establishment group by e.id))
            from staffing.assessments a
            where a.id = g.assessment_id and a.id = any(@ids) and g.target_establishment is not null;
            insert into staffing.bars (id, person_id, from_date, until_date, reason, source_id)
            select gen_random_uuid(), p, f, u, '年度考核不合格，一年内不得参加选派和专项招聘', s
            from unnest(@barPeople, @barFrom, @barUntil, @barSource) x(p, f, u, s);
            """, new
            {
                countyPath, ids = a.Select(x => x.Id).ToArray(), years = a.Select(x => x.Year).ToArray(),
                states = a.Select(x => x.State).ToArray(), decided = a.Select(x => x.Decided).ToArray(),
                gradeAssessments = _grades.Select(g => g.Assessment).ToArray(),
                gradeSecondees = _grades.Select(g => g.Secondee).ToArray(),
                grades = _grades.Select(g => g.Grade).ToArray(),
                outcomes = _grades.Select(g => g.Outcome).ToArray(), targets = _grades.Select(g => g.Target).ToArray(),
                barPeople = _bars.Select(b => b.Person).ToArray(),
                barFrom = _bars.Select(b => b.From).ToArray(), barUntil = _bars.Select(b => b.Until).ToArray(),
                barSource = _bars.Select(b => b.Source).ToArray(),
            });
        foreach (var table in _events.Select(e => e.Table).Distinct())
        {
            var e = _events.Where(x => x.Table == table).ToList();
            await Run($"""
                insert into {table} (id, record_id, at, actor, action, from_state, to_state, note)
                select gen_random_uuid(), r, (d + time '01:00') at time zone 'UTC', 'demo', a, f, t, null
                from unnest(@records, @days, @actions, @froms, @tos) x(r, d, a, f, t)
                """, new
                {
                    records = e.Select(x => x.Record).ToArray(), days = e.Select(x => x.On).ToArray(),
                    actions = e.Select(x => x.Action).ToArray(), froms = e.Select(x => x.From).ToArray(),
                    tos = e.Select(x => x.To).ToArray(),
                });
        }
    }
}
