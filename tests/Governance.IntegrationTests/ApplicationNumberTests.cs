using Microsoft.Extensions.DependencyInjection;
using Governance.ServiceCentre.Features;
using Governance.SharedKernel.Database;

namespace Governance.IntegrationTests;

/// <summary>
/// 办件编号: one gap-free series per county and year, shown everywhere, searchable, typed by citizens.
/// </summary>
public class ApplicationNumberTests : ServiceCentreTest
{
    private const string Ratings = "/api/v1/public/service-centre/ratings";

    [Test]
    public async Task Twenty_parallel_registrations_take_1_to_20_of_the_county_year_without_gaps_or_duplicates()
    {
        Clock.SetCountyDay("2026-03-02");
        var item = await ItemAsync("SX-NUM", "promised", 3);
        var clerk = await App.LoginAsync("t01_window");
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Register(clerk, item)));
        var numbers = created.Select(a => a.GetProperty("number").GetString()).Order().ToList();
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, 20).Select(n => $"2026-0101-{n:000000}")));
        Assert.That(await Scalar<int>("select last from service_centre.application_sequences"), Is.EqualTo(20));
    }

    [Test]
    public async Task A_refused_or_rolled_back_registration_takes_no_number()
    {
        Clock.SetCountyDay("2026-03-02");
        var item = await ItemAsync("SX-NUM", "promised", 3);
        var clerk = await App.LoginAsync("t01_window");
        await Problem(await clerk.PostAsJsonAsync("/api/v1/service-centre/applications", new
        {
            itemId = Guid.NewGuid(), channel = "window", applicantKind = "person", applicantName = "张三",
            applicantIdNumber = "110101199003070011", applicantPhone = "13812345678",
        }), HttpStatusCode.BadRequest);
        // a write that fails after taking its number (here: rolled back) gives it back
        await using (var c = await App.Db.OpenConnectionAsync())
        await using (var tx = await c.BeginTransactionAsync())
        {
            Assert.That(await NumberSequences.TakeAsync(c, tx, ApplicationNumbers.Sequence,
                "/990000000000/990101000000/", 2026, default), Is.EqualTo(1));
            await tx.RollbackAsync();
        }
        var first = await Register(clerk, item);
        Assert.That(first.GetProperty("number").GetString(), Is.EqualTo("2026-0101-000001"));
    }

    [Test]
    public async Task The_number_is_in_every_answer_and_the_list_finds_it_whole_or_by_its_start()
    {
        Clock.SetCountyDay("2026-03-02");
        var item = await ItemAsync("SX-NUM", "immediate", null);
        var clerk = await App.LoginAsync("t01_window");
        var first = await Register(clerk, item);
        await Register(clerk, item, name: "李四");
        var (id, number) = (first.GetProperty("id").GetGuid(), first.GetProperty("number").GetString()!);
        var detail = await Read<JsonElement>(await clerk.GetAsync($"/api/v1/service-centre/applications/{id}"));
        Assert.That(detail.GetProperty("number").GetString(), Is.EqualTo(number));

        async Task<string[]> Search(string term) =>
            [.. (await Read<JsonElement>(await clerk.GetAsync(
                    $"/api/v1/service-centre/applications?applicant={Uri.EscapeDataString(term)}")))
                .GetProperty("items").EnumerateArray().Select(a => a.GetProperty("number").GetString()!)];
        Assert.That(await Search(number), Is.EqualTo(new[] { number }));
        Assert.That(await Search("2026-0101-00000"), Is.EqualTo(new[] { "2026-0101-000002", number }));
        Assert.That(await Search("2026-0102"), Is.Empty, "another county's numbers");
        Assert.That(await Search("张三"), Is.EqualTo(new[] { number }), "names are still searched");

        var csv = await clerk.GetStringAsync("/api/v1/service-centre/applications/export?format=csv");
        Assert.That(csv.Split('\n')[1], Does.StartWith("2026-0101-000002,SX-NUM"));
        Assert.That(csv, Does.Contain(id.ToString()), "the id stays, as the last column");

        var done = await Act(clerk, id, "complete", detail.GetProperty("version").GetInt32(),
            new { outcome = "approved" });
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rating = await Read<JsonElement>(await clerk.PostAsJsonAsync(
            $"/api/v1/service-centre/applications/{id}/ratings", new { level = 1, comment = "等太久" }),
            HttpStatusCode.Created);
        Assert.That(rating.GetProperty("applicationNumber").GetString(), Is.EqualTo(number));
        var leader = await App.LoginAsync("t01_leader");
        var rectification = (await Read<JsonElement>(await leader.GetAsync("/api/v1/service-centre/rectifications")))
            .GetProperty("items")[0];
        Assert.That(rectification.GetProperty("applicationNumber").GetString(), Is.EqualTo(number));
    }

    [Test]
    public async Task The_public_rating_takes_the_number_but_only_with_the_registered_phone()
    {
        Clock.SetCountyDay("2026-03-02");
        var item = await ItemAsync("SX-NUM", "immediate", null);
        var clerk = await App.LoginAsync("t01_window");
        var app = await Register(clerk, item);
        var (id, number) = (app.GetProperty("id").GetGuid(), app.GetProperty("number").GetString()!);
        await Act(clerk, id, "complete", app.GetProperty("version").GetInt32(), new { outcome = "approved" });

        var anonymous = App.Anonymous();
        var wrong = await Problem(await anonymous.PostAsJsonAsync(Ratings,
            new { applicationNumber = number, phone = "13900000000", channel = "qr", level = 5 }),
            HttpStatusCode.NotFound);
        var unknown = await Problem(await anonymous.PostAsJsonAsync(Ratings,
            new { applicationNumber = "2026-0101-000099", phone = "13812345678", channel = "qr", level = 5 }),
            HttpStatusCode.NotFound);
        Assert.That(wrong.GetProperty("detail").GetString(), Is.EqualTo(unknown.GetProperty("detail").GetString()),
            "a wrong phone and an unknown number answer alike");
        Assert.That(await Scalar<long>("select count(*) from audit.entries where action = 'rating.refused'"),
            Is.EqualTo(2));
        var rated = await Read<JsonElement>(await anonymous.PostAsJsonAsync(Ratings,
            new { applicationNumber = $" {number} ", phone = "13812345678", channel = "qr", level = 5 }),
            HttpStatusCode.Created);
        Assert.That((rated.GetProperty("applicationId").GetGuid(), rated.GetProperty("applicationNumber").GetString()),
            Is.EqualTo((id, number)));
    }

    [Test]
    public async Task Migration_0012_numbers_existing_applications_in_order_of_registration_per_county_and_year()
    {
        await App.GenerateDemoAsync(2);
        var mine = await ItemAsync("SX-NUM", "promised", 3);
        var theirs = await ItemAsync("SX-NUM", "promised", 3, admin: "c002_zwfw");
        var (clerk, other) = (await App.LoginAsync("t01_window"), await App.LoginAsync("c002_t01_window"));
        var registered = new List<JsonElement>();
        foreach (var (day, client, item) in new[]
                 {
                     ("2025-12-31", clerk, mine), ("2026-01-05", other, theirs), ("2026-01-05", clerk, mine),
                     ("2026-01-06", clerk, mine),
                 })
        {
            Clock.SetCountyDay(day);
            registered.Add(await Register(client, item));
        }
        var numbers = registered.Select(a => a.GetProperty("number").GetString()).ToArray();
        Assert.That(numbers,
            Is.EqualTo(new[] { "2025-0101-000001", "2026-0102-000001", "2026-0101-000001", "2026-0101-000002" }));

        // back to before 0012 and run it again over these rows: it writes the numbers registration gave them
        await using var c = new NpgsqlConnection(TestDatabase.OwnerConnectionString);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await c.ExecuteAsync("""
            drop table service_centre.application_sequences;
            alter table service_centre.applications drop column number;
            """, transaction: tx);
        var script = Governance.ServiceCentre.ServiceCentreModule.Migrations.Scripts()
            .Single(s => s.Name.StartsWith("0012_", StringComparison.Ordinal)).Sql;
        await c.ExecuteAsync(script, transaction: tx);
        var backfilled = await c.QueryAsync<string>("""
            select a.number from unnest(@ids) with ordinality as r (id, n)
            join service_centre.applications a on a.id = r.id order by r.n
            """, new { ids = registered.Select(a => a.GetProperty("id").GetGuid()).ToArray() }, tx);
        Assert.That(backfilled, Is.EqualTo(numbers));
        var counters = await c.QueryAsync<(string, int, int)>(
            "select county_path, year, last from service_centre.application_sequences order by 1, 2", transaction: tx);
        Assert.That(counters, Is.EqualTo(new[]
        {
            ("/990000000000/990101000000/", 2025, 1), ("/990000000000/990101000000/", 2026, 2),
            ("/990000000000/990102000000/", 2026, 1),
        }));
        await tx.RollbackAsync();
    }

    [Test]
    public async Task Demo_applications_are_numbered_like_registrations_and_the_counters_continue_from_them()
    {
        Clock.SetCountyDay("2026-02-16");
        using (var scope = App.Services.CreateScope())
            await Governance.ServiceCentre.ServiceCentreModule.GenerateDemoAsync(scope.ServiceProvider, 3, 40, default);
        // per county and year: 1..n in order of receipt, and the counter at n
        var wrong = await Scalar<long>("""
            with n as (
                select county_path, extract(year from received_on)::int as year, number,
                       row_number() over (partition by county_path, extract(year from received_on)
                                          order by received_at, id) as expected
                from service_centre.applications)
            select count(*) from n
            where number <> year || '-0101-' || lpad(expected::text, 6, '0')
               or expected = (select max(expected) from n m where m.county_path = n.county_path and m.year = n.year)
                  and expected <> (select last from service_centre.application_sequences s
                                   where s.county_path = n.county_path and s.year = n.year)
            """);
        Assert.That(await Scalar<long>("select count(distinct extract(year from received_on)) from " +
            "service_centre.applications"), Is.EqualTo(2), "three months across the new year");
        Assert.That(wrong, Is.Zero);
        var item = await Scalar<Guid>("select item_id from service_centre.applications limit 1");
        var next = await Register(await App.LoginAsync("t01_window"), item);
        var last = await Scalar<int>("select last from service_centre.application_sequences where year = 2026");
        Assert.That(next.GetProperty("number").GetString(), Is.EqualTo($"2026-0101-{last:000000}"));
    }

    [TestCase("{year}-{county}-{seq:000000}", "2026-0101-000123")]
    [TestCase("QH{year}{seq:0000}", "QH20260123")]
    [TestCase("{county}/{year}/{seq}", "0101/2026/123")]
    public void The_format_places_year_county_code_and_padded_number(string format, string expected)
    {
        Assert.That(ApplicationNumbers.Problem(format), Is.Null);
        Assert.That(ApplicationNumbers.Format(format, 2026, "/990000000000/990101000000/990101001000/", 123),
            Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("{county}-{seq}")]
    [TestCase("{year}-{county}")]
    [TestCase("{year}-{seq}-{seq}")]
    public void A_format_that_could_repeat_a_number_stops_start_up(string format)
    {
        var result = new ServiceCentreOptionsValidator().Validate(null,
            new ServiceCentreOptions { ApplicationNumberFormat = format });
        Assert.That(result.Failed, Is.True);
    }

    [TestCase("2026-0101-000123", true)]
    [TestCase("2026-01", true)]
    [TestCase("2026", false)]
    [TestCase("13812345678", false)]
    [TestCase("张三", false)]
    [TestCase("2026-01%", false)]
    public void A_term_with_a_dash_and_no_wildcards_searches_numbers(string term, bool number) =>
        Assert.That(ApplicationNumbers.LooksLikeNumber(term), Is.EqualTo(number));
}
