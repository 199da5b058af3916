namespace Governance.Staffing.Demo;

/// <summary>
/// Builds one county's demo ledger in memory — establishments, the opening approval, the 2019 transfer, people with
/// their holdings, and a ledger line for every one of those movements — then writes it with one statement per table.
/// The figures hold by construction: hires before the transfer fit the posts a unit keeps after it, hires after it fit
/// the posts received.
/// </summary>
internal sealed partial class DemoLedger(Random rng, string countyCode)
{
    private static readonly DateOnly Opening = new(2000, 1, 1);
    private static readonly DateOnly TransferDay = new(2019, 7, 1);
    private static readonly DateOnly Today = new(2026, 6, 30);

    public Random Rng { get; } = rng;

    private sealed record Establishment(Guid Id, UnitInfo Unit, string Kind, string Funding, int Base, int Out, int In);

    private sealed record Line(
        Guid Establishment, DateOnly On, string Movement, int Approved, int Occupied, string Document, Guid Source,
        string? Note);

    public sealed record Person(
        Guid Id, string Name, string IdNumber, string Gender, DateOnly Birth, string Education, bool Professional,
        string? Title, Guid Establishment, string RegionPath, bool Serving);

    private sealed record Holding(
        Guid Id, Guid Person, Guid Establishment, DateOnly Entered, string EntryKind, string EntryDocument,
        DateOnly? Exited, string? ExitKind, string? ExitDocument);

    private readonly List<Establishment> _establishments = [];
    private readonly List<Line> _lines = [];
    private readonly List<Holding> _holdings = [];
    private readonly Dictionary<Guid, int> _slack = [];
    private readonly HashSet<string> _idNumbers = [];
    private readonly List<(Guid From, Guid To, int Posts, string Purpose)> _transfer = [];
    private (Guid Establishment, string Path)? _exception;
    private readonly Guid _approval = Guid.CreateVersion7();
    private readonly Guid _transferId = Guid.CreateVersion7();
    private const string OpeningDocument = "县编委〔2000〕1号";
    private const string TransferDocument = "县编委〔2019〕5号";

    public List<Person> People { get; } = [];

    /// <summary>A unit's posts of one kind: <paramref name="keep"/> it keeps, <paramref name="out2019"/> it gives in
    /// 2019, <paramref name="in2019"/> it receives then.</summary>
    public void Open(UnitInfo unit, string kind, string funding, int keep, int out2019, int in2019 = 0)
    {
        var e = new Establishment(Guid.CreateVersion7(), unit, kind, funding, keep, out2019, in2019);
        _establishments.Add(e);
        _lines.Add(new Line(e.Id, Opening, "opening", keep + out2019, 0, OpeningDocument, _approval, null));
    }

    public void Transfer(IEnumerable<(Guid FromUnit, Guid ToUnit, int Posts, string Purpose)> lines)
    {
        foreach (var (fromUnit, toUnit, posts, purpose) in lines)
        {
            var from = _establishments.Single(e =>
                e.Unit.Id == fromUnit && e is { Kind: "institution", Funding: "full" });
            var to = _establishments.Single(e => e.Unit.Id == toUnit && e is { Kind: "institution", Funding: "full" });
            _transfer.Add((from.Id, to.Id, posts, purpose));
            _lines.Add(new Line(from.Id, TransferDay, "transfer_out", -posts, 0, TransferDocument, _transferId,
                $"划入{to.Unit.Name}"));
            _lines.Add(new Line(to.Id, TransferDay, "transfer_in", posts, 0, TransferDocument, _transferId,
                $"自{from.Unit.Name}划入"));
        }
    }

    /// <summary>Fills most posts: before 2019 up to what a unit keeps, after the transfer the posts it received. People
    /// retire at 60; most retired posts are filled again within months.</summary>
    public void HirePeople(string[] surnames, string[] given, string[] titles)
    {
        foreach (var e in _establishments)
        {
            if (e.Id == _exception?.Establishment)
            {
                // every post filled and nobody retiring, then one more: exactly one over since 2023
                for (var i = 0; i < e.Base; i++)
                    Hire(e, Day(new DateOnly(2000, 3, 1), new DateOnly(2019, 6, 1)), surnames, given, titles, false);
                Hire(e, new DateOnly(2023, 3, 1), surnames, given, titles, retire: false);
                continue;
            }
            var before = (int)Math.Floor(e.Base * (0.85 + Rng.NextDouble() * 0.15));
            var after = (int)Math.Floor(e.In * 0.85);
            // posts never filled by these hires (or their replacements): what 优秀 conversions may take later
            _slack[e.Id] = Math.Min(e.Base - before, e.Base + e.In - before - after);
            var starts = Enumerable.Range(0, before)
                .Select(_ => Day(new DateOnly(2000, 3, 1), new DateOnly(2019, 6, 1)))
                .Concat(Enumerable.Range(0, after)
                    .Select(_ => Day(new DateOnly(2019, 8, 1), new DateOnly(2025, 12, 1))));
            foreach (var start in starts)
            {
                for (DateOnly? entered = start; entered is { } on && on < Today;)
                {
                    var exited = Hire(e, on, surnames, given, titles, retire: true);
                    entered = exited?.AddDays(Rng.Next(30, 240));
                }
            }
        }
    }

    /// <summary>Marks the establishment that will hold one more person than posts since 2023 (see
    /// <see cref="HirePeople"/>), under an exception whose 消化期限 has passed.</summary>
    public void OverdueException(UnitInfo unit)
    {
        var e = _establishments.Single(x => x.Unit.Id == unit.Id);
        _exception = (e.Id, e.Unit.RegionPath);
    }

    private DateOnly Day(DateOnly from, DateOnly to) => from.AddDays(Rng.Next(to.DayNumber - from.DayNumber));

    /// <summary>Hires one person on <paramref name="entered"/>, aged 22–45; returns the day their post is free again
    /// when they retire (at 60) before the demo's today.</summary>
    private DateOnly? Hire(
        Establishment e, DateOnly entered, string[] surnames, string[] given, string[] titles, bool retire)
    {
        var male = Rng.Next(2) == 0;
        var birth = Day(entered.AddYears(-45), entered.AddYears(-22));
        string id;
        do
        {
            var first = $"{countyCode}{birth:yyyyMMdd}{Rng.Next(500) * 2 + (male ? 1 : 0):000}";
            id = first + IdNumbers.Check(first);
        } while (!_idNumbers.Add(id));
        var professional = Rng.NextDouble() < (e.Kind == "institution" ? 0.7 : 0.25);
        var education = Rng.Next(100) switch
        {
            < 6 => "postgraduate", < 62 => "bachelor", < 90 => "college", < 97 => "secondary", _ => "other",
        };
        var exited = retire && birth.AddYears(60) < Today ? birth.AddYears(60) : (DateOnly?)null;
        var person = new Person(Guid.CreateVersion7(),
            surnames[Rng.Next(surnames.Length)] + given[Rng.Next(given.Length)],
            id, male ? "male" : "female", birth, education, professional,
            professional && titles.Length > 0 ? titles[Rng.Next(titles.Length)] : null, e.Id, e.Unit.RegionPath,
            exited is null);
        People.Add(person);
        var holding = new Holding(Guid.CreateVersion7(), person.Id, e.Id, entered,
            entered < TransferDay ? "recruitment" : new[] { "recruitment", "transfer_in", "selection" }[Rng.Next(3)],
            $"入编审批表〔{entered.Year}〕{Rng.Next(1, 400)}号", exited, exited is null ? null : "retirement",
            exited is null ? null : $"退休审批〔{exited.Value.Year}〕{Rng.Next(1, 90)}号");
        _holdings.Add(holding);
        _lines.Add(new Line(e.Id, entered, "entry", 0, 1, holding.EntryDocument, holding.Id, null));
        if (exited is { } x) _lines.Add(new Line(e.Id, x, "exit", 0, -1, holding.ExitDocument!, holding.Id, "退休"));
        return exited;
    }

    /// <summary>09:00 in the county.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);

    public async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string countyPath, CancellationToken ct)
    {
        Task Run(string sql, object args) =>
            c.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        var es = _establishments;
        await Run("""
            insert into staffing.establishments (id, unit_id, unit_name, unit_kind, region_path, kind, funding)
            select * from unnest(@id, @unit, @name, @unitKind, @path, @kind, @funding)
            """, new
            {
                id = es.Select(e => e.Id).ToArray(), unit = es.Select(e => e.Unit.Id).ToArray(),
                name = es.Select(e => e.Unit.Name).ToArray(), unitKind = es.Select(e => e.Unit.Kind).ToArray(),
                path = es.Select(e => e.Unit.RegionPath).ToArray(), kind = es.Select(e => e.Kind).ToArray(),
                funding = es.Select(e => e.Funding).ToArray(),
            });
        await Run("""
            insert into staffing.approvals (id, region_path, document_no, document_date, issued_by, effective_on, kind,
                note, recorded_at, recorded_by)
            values (@id, @countyPath, @document, @on, '县机构编制委员会', @on, 'opening',
                '机构编制实名制台账期初核定', @at, 'demo');
            insert into staffing.approval_lines (approval_id, establishment_id, posts)
            select @id, unnest(@establishments), unnest(@posts);
            insert into staffing.transfers (id, region_path, document_no, document_date, approved_by, effective_on,
                note, recorded_at, recorded_by)
            values (@transferId, @countyPath, @transferDocument, @transferDate, '县机构编制委员会', @transferDay,
                '减县补乡：执法和便民服务编制下沉乡镇（街道）', @transferAt, 'demo');
            insert into staffing.transfer_lines (transfer_id, line, from_establishment, to_establishment, posts,
                purpose)
            select @transferId, n, f, t, p, u
            from unnest(@froms, @tos, @transferPosts, @purposes) with ordinality x(f, t, p, u, n);
            """, new
            {
                id = _approval, countyPath, document = OpeningDocument, on = Opening, at = At(Opening),
                establishments = es.Select(e => e.Id).ToArray(), posts = es.Select(e => e.Base + e.Out).ToArray(),
                transferId = _transferId, transferDocument = TransferDocument, transferDate = TransferDay.AddDays(-20),
                transferDay = TransferDay, transferAt = At(TransferDay),
                froms = _transfer.Select(t => t.From).ToArray(),
                tos = _transfer.Select(t => t.To).ToArray(), transferPosts = _transfer.Select(t => t.Posts).ToArray(),
                purposes = _transfer.Select(t => t.Purpose).ToArray(),
            });
        var p = People;
        await Run("""
            insert into staffing.people (id, name, id_number, gender, birth_date, education, professional, title,
                establishment_id, region_path, state, created_at, created_by)
            select id, name, idn, g, b, ed, pro, title, e, path, case when serving then 'serving' else 'exited' end,
                   @at, 'demo'
            from unnest(@id, @name, @idNumber, @gender, @birth, @education, @professional, @title, @establishment,
                @path, @serving) x(id, name, idn, g, b, ed, pro, title, e, path, serving)
            """, new
            {
                at = At(Opening), id = p.Select(x => x.Id).ToArray(), name = p.Select(x => x.Name).ToArray(),
                idNumber = p.Select(x => x.IdNumber).ToArray(), gender = p.Select(x => x.Gender).ToArray(),
                birth = p.Select(x => x.Birth).ToArray(), education = p.Select(x => x.Education).ToArray(),
                professional = p.Select(x => x.Professional).ToArray(), title = p.Select(x => x.Title).ToArray(),
                establishment = p.Select(x => x.Establishment).ToArray(), path = p.Select(x => x.RegionPath).ToArray(),
                serving = p.Select(x => x.Serving).ToArray(),
            });
        var h = _holdings;
        await Run("""
            insert into staffing.holdings (id, person_id, establishment_id, entered_on, entry_kind, entry_document,
                exited_on, exit_kind, exit_document)
            select * from unnest(@id, @person, @establishment, @entered, @entryKind, @entryDocument, @exited,
                @exitKind, @exitDocument)
            """, new
            {
                id = h.Select(x => x.Id).ToArray(), person = h.Select(x => x.Person).ToArray(),
                establishment = h.Select(x => x.Establishment).ToArray(), entered = h.Select(x => x.Entered).ToArray(),
                entryKind = h.Select(x => x.EntryKind).ToArray(),
                entryDocument = h.Select(x => x.EntryDocument).ToArray(),
                exited = h.Select(x => x.Exited).ToArray(), exitKind = h.Select(x => x.ExitKind).ToArray(),
                exitDocument = h.Select(x => x.ExitDocument).ToArray(),
            });
        var lines = _lines.OrderBy(x => x.On).ToList();
        await Run("""
            insert into staffing.ledger_lines (id, establishment_id, effective_on, movement, approved_delta,
                occupied_delta, document_no, source_id, note, recorded_at, recorded_by)
            select gen_random_uuid(), e, o, m, a, occ, d, s, n, (o + time '01:00') at time zone 'UTC', 'demo'
            from unnest(@establishment, @on, @movement, @approved, @occupied, @document, @source, @note)
                x(e, o, m, a, occ, d, s, n)
            """, new
            {
                establishment = lines.Select(x => x.Establishment).ToArray(), on = lines.Select(x => x.On).ToArray(),
                movement = lines.Select(x => x.Movement).ToArray(), approved = lines.Select(x => x.Approved).ToArray(),
                occupied = lines.Select(x => x.Occupied).ToArray(), document = lines.Select(x => x.Document).ToArray(),
                source = lines.Select(x => x.Source).ToArray(), note = lines.Select(x => x.Note).ToArray(),
            });
        await WriteSecondmentAsync(c, tx, countyPath, ct);
        if (_exception is { } ex)
            await Run("""
                insert into staffing.exceptions (id, establishment_id, region_path, posts, document_no, reason,
                    valid_from, valid_until, recorded_at, recorded_by)
                values (@id, @establishment, @path, 1, '县编委〔2023〕3号', '乡镇机构改革中安置人员暂时超编，逐步消化',
                    date '2023-03-01', date '2025-12-31', @at, 'demo')
                """, new
                {
                    id = Guid.CreateVersion7(), establishment = ex.Establishment, path = ex.Path,
                    at = At(new DateOnly(2023, 3, 1)),
                });
    }
}
