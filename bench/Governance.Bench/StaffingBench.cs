using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Governance.Organization.Contracts;
using Governance.Staffing;
using Governance.Staffing.Ledger;
using Governance.Staffing.Features;

namespace Governance.Bench;

/// <summary>
/// Staffing at province scale: one county's ledger as of a date through the API against the same SQL (goal ≥ 0.5),
/// the province staffing KPIs of the year so far (goal p95 ≤ 50 ms once the closed months are frozen), and applying
/// 1,000 assessment outcomes in one batch (the time of the one finalizing call, then every invariant checked in SQL).
/// </summary>
internal static class StaffingBench
{
    public static async Task RunAsync(Bench b)
    {
        await using (var c = await b.Db.OpenConnectionAsync())
        {
            var counts = await c.QuerySingleAsync<(long Counties, long Establishments, long People, long Lines)>("""
                select (select count(*) from organization.regions where level = 'county'),
                       (select count(*) from staffing.establishments), (select count(*) from staffing.people),
                       (select count(*) from staffing.ledger_lines)
                """);
            b.Say($"# Staffing benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
            b.Say($"data: {counts.Counties} counties, {counts.Establishments:N0} establishments, " +
                  $"{counts.People:N0} people, {counts.Lines:N0} ledger lines");
        }

        // ---- 1. one county's ledger as of a date (a page of 200 units and the totals): API vs direct SQL ----
        var (bianban, _, countyPath) = await b.PickUserAsync(Roles.EstablishmentOffice, RegionLevels.County);
        await b.Login(bianban);
        var asOf = new DateOnly(DateTime.UtcNow.Year, 6, 30);
        var url = $"/api/v1/staffing/ledger?asOf={asOf:yyyy-MM-dd}&limit=200";
        var args = new
        {
            scope = countyPath + "%", unitId = (Guid?)null, asOf,
            today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)),
            kind = (string?)null, funding = (string?)null,
            afterPath = (string?)null, afterName = "", afterId = Guid.Empty,
            take = 201,
        };
        var (apiRows, directRows) = (0, 0);
        var (api, direct) = await b.TimeSideBySide(async () =>
        {
            using var response = await b.Http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            apiRows = doc.RootElement.GetProperty("items").GetArrayLength();
        }, async () =>
        {
            await using var c = await b.Db.OpenConnectionAsync();
            directRows = Math.Min(200, (await c.QueryAsync(Establishments.LedgerSql, args)).Count());
            await c.QueryAsync(Establishments.TotalsSql, args);
        });
        b.Say("");
        b.Say($"## 1. one county's ledger as of {asOf:yyyy-MM-dd} ({bianban}; {apiRows} units on the page; " +
              $"API rows = direct rows: {apiRows == directRows}), {b.Iterations} requests each, " +
              "alternating with the SQL");
        b.Say("| path | mean ms | p50 ms | p95 ms |");
        b.Say("|---|---|---|---|");
        b.Say($"| API (HTTP, auth, scope, JSON) | {api.Average():0.00} | {Bench.P(api, .5):0.00} | " +
              $"{Bench.P(api, .95):0.00} |");
        b.Say($"| same SQL through Npgsql + Dapper | {direct.Average():0.00} | {Bench.P(direct, .5):0.00} | " +
              $"{Bench.P(direct, .95):0.00} |");
        b.Say($"ratio (direct / API, goal ≥ 0.5): means **{direct.Average() / api.Average():0.00}**, " +
              $"medians {Bench.P(direct, .5) / Bench.P(api, .5):0.00}");

        // ---- 2. the province's staffing KPIs of the year so far ----
        await b.Login("bench_province");
        var kpiUrl = $"/api/v1/staffing/kpis?from={DateTime.UtcNow.Year}-01&to={DateTime.UtcNow:yyyy-MM}";
        var sw = Stopwatch.StartNew();
        (await b.Http.GetAsync(kpiUrl)).EnsureSuccessStatusCode(); // freezes the closed months once
        var freezeMs = sw.Elapsed.TotalMilliseconds;
        var kpis = await b.Time(async () => (await b.Http.GetAsync(kpiUrl)).EnsureSuccessStatusCode(), times: 50);
        b.Say("");
        b.Say($"## 2. province staffing KPIs ({kpiUrl}); the first call froze the closed months in {freezeMs:0} ms");
        b.Say("| p50 ms | p95 ms (goal ≤ 50) |");
        b.Say("|---|---|");
        b.Say($"| {Bench.P(kpis, .5):0.0} | **{Bench.P(kpis, .95):0.0}** |");

        // ---- 3. applying 1,000 assessment outcomes in one batch ----
        await b.Login(bianban);
        await ApplyOutcomesAsync(b, bianban, countyPath);
    }

    /// <summary>Secondees added to the county for the batch (on top of the demo's own of the year).</summary>
    private const int Added = 1000;

    /// <summary>
    /// <see cref="Added"/> staff of the county's units (差额/自收自支 posts first, then 全额) seconded from 1 January
    /// of the year, spread over the townships that have 全额拨款 事业编制 establishments. Eligibility is a rule of
    /// 报名, which this set-up skips; the assessment grades whoever is seconded.
    /// </summary>
    private const string AddSecondees = """
        with townships as (
            select r.id, r.path, (row_number() over (order by r.code) - 1)::int as n
            from organization.regions r
            where r.level = 'township' and r.path like @scope
              and exists (select 1 from staffing.establishments e
                          where e.region_path = r.path and e.kind = 'institution' and e.funding = 'full')),
        staff as (
            select p.id as person_id, h.establishment_id,
                   (row_number() over (order by e.funding = 'full', p.id) - 1)::int as n
            from staffing.people p
            join staffing.holdings h on h.person_id = p.id and h.exited_on is null and h.entered_on < @today
            join staffing.establishments e on e.id = h.establishment_id
            where p.state = 'serving' and e.region_path like @scope
              and e.unit_kind in ('county_department', 'county_institution')
              and not exists (select 1 from staffing.secondees s where s.person_id = p.id and s.state = 'active'))
        insert into staffing.secondees (id, person_id, campaign_id, origin_establishment, township_id, region_path,
            work_area, started_on, state)
        select gen_random_uuid(), s.person_id, null, s.establishment_id, t.id, t.path,
               (@areas::text[])[1 + s.n % cardinality(@areas::text[])], make_date(@year, 1, 1), 'active'
        from staff s join townships t on t.n = s.n % (select count(*) from townships)
        where s.n < @count
        returning id
        """;

    /// <summary>The county's figures on a date (optionally of some establishments only): totals, units over their
    /// posts without a 超编 exception covering it, and ledger figures that disagree with their sources (the health
    /// page's reconciliation: approved = approval documents + transfers, occupied = people holding the post).</summary>
    private static readonly string Figures = $"""
        with f as (
            select e.id, e.reserved, coalesce(sum(l.approved_delta), 0)::int as approved,
                   coalesce(sum(l.occupied_delta), 0)::int as occupied
            from staffing.establishments e
            left join staffing.ledger_lines l on l.establishment_id = e.id and l.effective_on <= @today
            where e.region_path like @scope and (@ids::uuid[] is null or e.id = any(@ids))
            group by e.id)
        select coalesce(sum(approved), 0)::int as approved, coalesce(sum(occupied), 0)::int as occupied,
               count(*) filter (where occupied + reserved > approved + coalesce((
                   select sum(x.posts) from staffing.exceptions x where x.establishment_id = f.id
                   and x.valid_from <= @today and @today <= {LedgerWriter.ExceptionEnd}), 0))::int as over,
               count(*) filter (where approved <> (
                   coalesce((select sum(al.posts) from staffing.approval_lines al
                             join staffing.approvals a on a.id = al.approval_id
                             where al.establishment_id = f.id and a.effective_on <= @today), 0)
                   + coalesce((select sum(case when tl.to_establishment = f.id then tl.posts else -tl.posts end)
                               from staffing.transfer_lines tl join staffing.transfers t on t.id = tl.transfer_id
                               where f.id in (tl.from_establishment, tl.to_establishment)
                                 and t.effective_on <= @today), 0)))::int as approved_mismatch,
               count(*) filter (where occupied <> (
                   select count(*) from staffing.holdings h where h.establishment_id = f.id
                   and h.entered_on <= @today and (h.exited_on is null or h.exited_on > @today)))::int
                   as occupied_mismatch
        from f
        """;

    private sealed record CountyFigures(
        int Approved, int Occupied, int Over, int ApprovedMismatch, int OccupiedMismatch);

    /// <summary>After the batch, per person: what each outcome must have left behind.</summary>
    private const string Outcomes = """
        select count(*) filter (where g.outcome = 'converted')::int as converted,
               count(*) filter (where g.outcome = 'returned')::int as returned,
               count(*) filter (where g.outcome = 'kept')::int as kept,
               -- a secondment active before the batch without an outcome (the others get none)
               count(*) filter (where g.outcome is null and s.id = any(@active))::int as without_outcome,
               -- 优秀: secondment ended today; exactly one post held, a 全额拨款 事业编制 one of the destination
               -- township entered today (the person's record points at it); the origin post left today (调出)
               count(*) filter (where g.outcome = 'converted' and not (
                   g.grade = 'excellent' and s.state = 'converted' and s.ended_on = @today
                   and (select count(*) from staffing.holdings h where h.person_id = s.person_id
                        and h.exited_on is null) = 1
                   and exists (select 1 from staffing.holdings h
                               join staffing.establishments e on e.id = h.establishment_id
                               where h.person_id = s.person_id and h.exited_on is null and h.entered_on = @today
                                 and e.region_path = s.region_path and e.kind = 'institution' and e.funding = 'full'
                                 and p.establishment_id = e.id and p.region_path = s.region_path)
                   and exists (select 1 from staffing.holdings h where h.person_id = s.person_id
                               and h.establishment_id = s.origin_establishment and h.exited_on = @today
                               and h.exit_kind = 'transfer_out')))::int as converted_wrong,
               -- 不合格: secondment ended today; back in (still holding only) the origin post; barred one year
               count(*) filter (where g.outcome = 'returned' and not (
                   g.grade = 'incompetent' and s.state = 'returned' and s.ended_on = @today
                   and p.establishment_id = s.origin_establishment
                   and (select count(*) from staffing.holdings h where h.person_id = s.person_id
                        and h.exited_on is null) = 1
                   and exists (select 1 from staffing.holdings h where h.person_id = s.person_id
                               and h.exited_on is null and h.establishment_id = s.origin_establishment)
                   and (select count(*) from staffing.bars x where x.person_id = s.person_id
                        and x.source_id = g.assessment_id and x.from_date = @today
                        and x.until_date = (@today + interval '1 year')::date) = 1))::int as returned_wrong,
               -- 合格/基本合格/不确定档次: nothing changed (active before, active after)
               count(*) filter (where g.outcome = 'kept' and (s.id = any(@active)) <> (s.state = 'active'))::int
                   as kept_wrong,
               count(*) filter (where g.outcome = 'kept' and g.grade = 'basic')::int as basic
        from staffing.grades g
        join staffing.secondees s on s.id = g.secondee_id
        join staffing.people p on p.id = s.person_id
        where g.assessment_id = @id
        """;

    private sealed record OutcomeCounts(
        int Converted, int Returned, int Kept, int WithoutOutcome, int ConvertedWrong, int ReturnedWrong, int KeptWrong,
        int Basic);

    private static async Task<JsonDocument> Ok(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>The If-Match of a record just returned (the API's ETag is its version).</summary>
    private static string ETag(JsonDocument record) => $"\"v{record.RootElement.GetProperty("version").GetInt32()}\"";

    private static async Task ApplyOutcomesAsync(Bench b, string bianban, string countyPath)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (year, scope) = (today.Year, countyPath + "%");
        await using var c = await b.Db.OpenConnectionAsync();
        b.Say("");
        if (await c.ExecuteScalarAsync<bool>(
                "select exists (select 1 from staffing.assessments where region_path = @countyPath and year = @year)",
                new { countyPath, year }))
        {
            b.Say($"## 3. assessment outcomes: skipped, {countyPath} already has a {year} assessment");
            return;
        }
        var added = (await c.QueryAsync<Guid>(AddSecondees,
            new { scope, today, year, count = Added, areas = PostTypes.WorkAreas.Keys.ToArray() })).ToHashSet();

        // through the API as the 编办: the year's assessment (everyone seconded in the year), one call of grades
        var sw = Stopwatch.StartNew();
        using var created = await Ok(await b.Send(HttpMethod.Post, "/api/v1/staffing/assessments", new { year }),
            "create the assessment");
        var createMs = sw.Elapsed.TotalMilliseconds;
        var id = created.RootElement.GetProperty("id").GetGuid();
        // only secondments still active can be graded (the demo's converted, returned or ended ones are left out)
        var rows = created.RootElement.GetProperty("grades").EnumerateArray()
            .Where(g => g.GetProperty("secondmentState").GetString() == "active")
            .Select(g => (Id: g.GetProperty("secondeeId").GetGuid(),
                Half: g.GetProperty("lessThanHalfYear").GetBoolean()))
            .ToList();
        // the added ones: every 7th 优秀, every 20th 不合格, every 10th 基本合格, the rest 合格; the demo's own of the
        // year 合格 (不确定档次 when seconded less than half of it)
        var i = 0;
        var grades = rows.Select(r => new
        {
            secondeeId = r.Id,
            grade = r.Half ? "none" : !added.Contains(r.Id) ? "competent" : (i++) switch
            {
                var n when n % 7 == 0 => "excellent",
                var n when n % 20 == 3 => "incompetent",
                var n when n % 10 == 5 => "basic",
                _ => "competent",
            },
        }).ToList();
        var excellent = grades.Where(g => g.grade == "excellent").Select(g => g.secondeeId).ToArray();

        // vacancies for them: a 核增 document adding, in each destination township, one 全额拨款 事业编制 per 优秀 to
        // its first such establishment (recorded through the API, so the ledger reconciles with its documents)
        var needs = (await c.QueryAsync<(Guid UnitId, int Posts)>("""
            select (select e.unit_id from staffing.establishments e
                    where e.region_path = s.region_path and e.kind = 'institution' and e.funding = 'full'
                    order by e.unit_name, e.id limit 1), count(*)::int
            from staffing.secondees s where s.id = any(@excellent) group by s.region_path
            """, new { excellent })).ToList();
        using (await Ok(await b.Send(HttpMethod.Post, "/api/v1/staffing/approvals", new
               {
                   kind = "approval", documentNo = $"清编〔{year}〕BENCH号", documentDate = today,
                   issuedBy = "县机构编制委员会", effectiveOn = today,
                   lines = needs.Select(n =>
                       new { unitId = n.UnitId, kind = "institution", funding = "full", posts = n.Posts }),
               }), "approve the vacancies")) { }

        sw.Restart();
        using var graded = await Ok(await b.Send(HttpMethod.Post, $"/api/v1/staffing/assessments/{id}/grades",
            new { grades }, ETag(created)), "grade");
        var gradeMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        using var preview = await Ok(await b.Http.GetAsync($"/api/v1/staffing/assessments/{id}/preview"), "preview");
        var previewMs = sw.Elapsed.TotalMilliseconds;
        var stuck = preview.RootElement.EnumerateArray().Count(o =>
            o.GetProperty("outcome").GetString() == "converted"
            && o.GetProperty("target").ValueKind == JsonValueKind.Null);
        using var published = await Ok(await b.Send(HttpMethod.Post, $"/api/v1/staffing/assessments/{id}/publish",
            new { note = (string?)null }, ETag(graded)), "publish");

        // the 公示 (5 working days) passes: its dates move two weeks back, as the integration tests move their clock
        await c.ExecuteAsync("""
            update staffing.assessments set publicity_from = publicity_from - 14, publicity_until = publicity_until - 14
            where id = @id
            """, new { id });
        var active = (await c.QueryAsync<Guid>(
            "select id from staffing.secondees where region_path like @scope and state = 'active'",
            new { scope })).ToArray();
        var before = await c.QuerySingleAsync<CountyFigures>(Figures, new { scope, today, ids = (Guid[]?)null });

        // ---- the measured call: 确定等次并执行结果, every outcome in one transaction ----
        sw.Restart();
        using var final = await Ok(await b.Send(HttpMethod.Post, $"/api/v1/staffing/assessments/{id}/finalize",
            new { note = "bench" }, ETag(published)), "finalize");
        var finalizeMs = sw.Elapsed.TotalMilliseconds;

        var after = await c.QuerySingleAsync<CountyFigures>(Figures, new { scope, today, ids = (Guid[]?)null });
        var touched = (await c.QueryAsync<Guid>("""
            select distinct l.establishment_id from staffing.ledger_lines l
            where l.document_no = @document and l.effective_on = @today
            """, new { document = $"{year}年度选派人员考核结果", today })).ToArray();
        var touchedAfter = await c.QuerySingleAsync<CountyFigures>(Figures, new { scope, today, ids = touched });
        var o = await c.QuerySingleAsync<OutcomeCounts>(Outcomes, new { id, today, active });
        var state = final.RootElement.GetProperty("state").GetString();

        b.Say($"## 3. applying {rows.Count:N0} assessment outcomes in one batch ({bianban}, {year} assessment of " +
              $"{countyPath}: {added.Count:N0} secondees added to the demo's own, " +
              $"{grades.Count(g => g.grade != "none"):N0} graded — {excellent.Length} 优秀, " +
              $"{grades.Count(g => g.grade == "incompetent")} 不合格, " +
              $"{grades.Count(g => g.grade == "basic")} 基本合格, {grades.Count(g => g.grade == "competent")} 合格, " +
              $"{grades.Count(g => g.grade == "none")} 不确定档次; {needs.Sum(n => n.Posts)} posts 核增 first in " +
              $"{needs.Count} townships for the 优秀)");
        b.Say("| API call | ms |");
        b.Say("|---|---|");
        b.Say($"| create the assessment (grades rows for everyone seconded in the year) | {createMs:0} |");
        b.Say($"| grade all {grades.Count:N0} in one call | {gradeMs:0} |");
        b.Say($"| outcome preview ({stuck} 优秀 without a vacancy) | {previewMs:0} |");
        b.Say($"| **finalize: apply every outcome in one transaction** ({state}) | **{finalizeMs:0}** |");
        b.Say("");
        var checks = new List<(string What, string Figures, bool Ok)>
        {
            ("every grade has its outcome", $"{o.Converted} converted, {o.Returned} returned, {o.Kept} kept, " +
                $"{o.WithoutOutcome} without", o.WithoutOutcome == 0 && o.Converted == excellent.Length
                && o.Returned == grades.Count(g => g.grade == "incompetent")),
            ("no unit over its approved posts (by kind and funding), county",
                $"before {before.Over}, after {after.Over}", after.Over <= before.Over),
            ($"no unit over, among the {touched.Length} establishments the batch changed", $"{touchedAfter.Over}",
                touchedAfter.Over == 0),
            ("statement reconciles: approved = documents, occupied = people holding posts (county)",
                $"mismatches before {before.ApprovedMismatch + before.OccupiedMismatch}, after " +
                $"{after.ApprovedMismatch + after.OccupiedMismatch}; changed establishments " +
                $"{touchedAfter.ApprovedMismatch + touchedAfter.OccupiedMismatch}",
                after.ApprovedMismatch + after.OccupiedMismatch <= before.ApprovedMismatch + before.OccupiedMismatch
                && touchedAfter.ApprovedMismatch + touchedAfter.OccupiedMismatch == 0),
            ("county total unchanged (approved; occupied)", $"{before.Approved:N0} → {after.Approved:N0}; " +
                $"{before.Occupied:N0} → {after.Occupied:N0}", before.Approved == after.Approved
                && before.Occupied == after.Occupied),
            ("each converted person holds exactly one post, the township's 全额拨款 事业编制; origin post left; " +
                "secondment ended", $"{o.ConvertedWrong} wrong of {o.Converted}", o.ConvertedWrong == 0),
            ("each returned person back in (only) the origin post, barred one year from today; secondment ended",
                $"{o.ReturnedWrong} wrong of {o.Returned}", o.ReturnedWrong == 0),
            ("the kept unchanged (active stays active)", $"{o.KeptWrong} wrong of {o.Kept} ({o.Basic} 基本合格)",
                o.KeptWrong == 0),
        };
        b.Say("| invariant after the batch (SQL) | figures | held |");
        b.Say("|---|---|---|");
        foreach (var (what, figures, ok) in checks) b.Say($"| {what} | {figures} | {(ok ? "yes" : "**NO**")} |");
        b.Say($"all invariants held: **{(checks.All(x => x.Ok) ? "yes" : "NO")}**");
    }
}
