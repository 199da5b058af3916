namespace Governance.IntegrationTests;

/// <summary>数据开放包 · 综合行政执法: the month's published disclosures as the public pages show them (a retracted one
/// and another month's left out), and the cases filed, decided and closed per township.</summary>
public sealed class EnforcementOpenDataTests : EnforcementCaseTest
{
    /// <summary>Last month: closed, and within the two years a person's disclosure stays public.</summary>
    private static readonly DateOnly Month = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

    /// <summary>Three penalties decided on the spot and published (A, B, C); B retracted. Dates moved into place:
    /// A filed and decided on the 5th, closed on the 6th, published on the 10th; B filed, decided and published in
    /// the month, closed the next; C filed the month before, decided on the 3rd, closed on the 21st and published
    /// the month before too (its disclosure is another month's).</summary>
    private async Task<(string A, string B, string C)> ArrangeAsync()
    {
        var cases = new[]
        {
            await DecidedOnTheSpotAsync("CF00009501"), await DecidedOnTheSpotAsync("CF00009502"),
            await DecidedOnTheSpotAsync("CF00009503"),
        };
        var disclosures = (await Read<JsonElement>(await Leader.GetAsync("/api/v1/enforcement/disclosures")))
            .GetProperty("items").EnumerateArray().ToDictionary(d => d.GetProperty("caseId").GetGuid());
        for (var i = 0; i < cases.Length; i++)
        {
            var d = await Read<JsonElement>(await Act(Leader, disclosures[cases[i].GetProperty("id").GetGuid()],
                "publish", new { }, "disclosures"));
            if (i == 1)
                await Read<JsonElement>(await Act(Leader, d, "retract",
                    new { revokedOn = Today.ToString("yyyy-MM-dd"), reason = "原处罚决定被撤销" }, "disclosures"));
        }
        async Task Move(JsonElement k, int filed, int decided, int closed, int published) =>
            await Scalar<int>("""
                with k as (update enforcement.cases set filed_on = @filed, decided_on = @decided, closed_on = @closed
                           where id = @id returning id)
                update enforcement.disclosures set decided_on = @decided, published_on = @published
                where case_id = (select id from k) returning 1
                """, new
            {
                id = k.GetProperty("id").GetGuid(), filed = Month.AddDays(filed - 1),
                decided = Month.AddDays(decided - 1), closed = Month.AddDays(closed - 1),
                published = Month.AddDays(published - 1),
            });
        await Move(cases[0], 5, 5, 6, 10);
        await Move(cases[1], 9, 9, 40, 12);
        await Move(cases[2], -20, 3, 21, -5);
        string No(JsonElement k) => k.GetProperty("decision").GetProperty("decisionNo").GetString()!;
        return (No(cases[0]), No(cases[1]), No(cases[2]));
    }

    [Test]
    public async Task The_months_disclosures_still_published_are_listed_as_the_public_pages_show_them()
    {
        var (a, b, c) = await ArrangeAsync();
        var files = await OpenDataFiles.ReadAsync(App, "enforcement", Month);
        var rows = files.Rows("enforcement_disclosures.csv");

        Assert.That(rows.Select(r => r["decision_no"]), Is.EqualTo(new[] { a }),
            $"not the retracted {b}, nor {c} of another month");
        var row = rows[0];
        var township = await Scalar<string>("select name from organization.regions where code = @Township1",
            new { Township1 });
        Assert.That((row["decided_on"], row["published_on"], row["township_name"], row["party"], row["penalty"],
                row["credit_code"]),
            Is.EqualTo((Month.AddDays(4).ToString("yyyy-MM-dd"), Month.AddDays(9).ToString("yyyy-MM-dd"), township,
                "张*", "罚款 100 元", (string?)null)));
        Assert.That(row["facts"], Is.EqualTo("占道经营，堵塞人行道"));
        var text = OpenDataFiles.Text(files);
        Assert.That(text, Does.Not.Contain("张三").And.Not.Contain("110101199003070011"), "no name or ID number");
        Assert.That(files.Single(f => f.Name == "enforcement_disclosures.csv").TitleEnglish,
            Does.Contain("not retracted"));
    }

    [Test]
    public async Task The_cases_filed_decided_and_closed_are_counted_per_township_each_township_listed()
    {
        await ArrangeAsync();
        var rows = (await OpenDataFiles.ReadAsync(App, "enforcement", Month))
            .Rows("enforcement_cases_by_township.csv");

        var first = rows.First(r => r["township_code"] == Township1);
        Assert.That((first["month"], first["cases_filed"], first["cases_decided"], first["cases_closed"]),
            Is.EqualTo((Month.ToString("yyyy-MM-dd"), "2", "3", "2")), "A and B filed; A, B, C decided; A, C closed");
        var second = rows.Single(r => r["township_code"] == Township2);
        Assert.That((second["cases_filed"], second["cases_decided"], second["cases_closed"]),
            Is.EqualTo(("0", "0", "0")), "a township without cases has its row");
        var codes = rows.Select(r => r["township_code"]!).ToList();
        Assert.That(codes, Is.EqualTo(codes.Distinct().Order(StringComparer.Ordinal)), "by code, once each");
    }

    [Test]
    public async Task The_files_are_the_same_on_every_read()
    {
        var (_, _, c) = await ArrangeAsync();
        var first = await OpenDataFiles.ReadAsync(App, "enforcement", Month);
        var second = await OpenDataFiles.ReadAsync(App, "enforcement", Month);

        Assert.That(OpenDataFiles.Text(second), Is.EqualTo(OpenDataFiles.Text(first)));
        Assert.That(first.Select(f => f.Name), Is.EqualTo(new[]
        {
            "enforcement_disclosures.csv", "enforcement_cases_by_township.csv",
        }));
        Assert.That((await OpenDataFiles.ReadAsync(App, "enforcement", Month.AddMonths(-1)))
            .Rows("enforcement_disclosures.csv").Select(r => r["decision_no"]), Is.EqualTo(new[] { c }),
            "C in its own month");
    }
}
