namespace Governance.IntegrationTests;

/// <summary>综合行政执法大队 and 执法人员: one team per township, certificates with their history, strength against the
/// population's minimum, scope, and the health check.</summary>
public sealed class EnforcementTeamTests : EnforcementTest
{
    [Test]
    public async Task A_township_has_one_team_whose_certified_officers_are_counted_against_its_population()
    {
        var team = await TeamAsync(Township1, population: 30_000);
        var again = await Problem(await CreateTeamAsync(Admin, Township1, 1), HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("code").GetString(), Is.EqualTo("enforcement.team_exists"));

        for (var i = 0; i < 9; i++) await OfficerAsync(team);
        await OfficerAsync(team, until: Today.AddDays(-1)); // lapsed yesterday: serving, not certified
        var strength = (await Read<JsonElement>(await Admin.GetAsync($"/api/v1/enforcement/teams/{team}")))
            .GetProperty("strength");
        Assert.That((strength.GetProperty("serving").GetInt32(), strength.GetProperty("certified").GetInt32(),
            strength.GetProperty("expired").GetInt32(), strength.GetProperty("required").GetInt32(),
            strength.GetProperty("sufficient").GetBoolean()), Is.EqualTo((10, 9, 1, 10, false)));

        await OfficerAsync(team);
        var get = await Admin.GetAsync($"/api/v1/enforcement/teams/{team}");
        Assert.That((await Read<JsonElement>(get)).GetProperty("strength").GetProperty("sufficient").GetBoolean());
        // 50,000 residents or more need 15
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enforcement/teams/{team}")
        {
            Content = JsonContent.Create(new { name = "城关镇综合行政执法大队", population = 50_000 }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.Tag);
        var updated = await Read<JsonElement>(await Admin.SendAsync(put));
        Assert.That((updated.GetProperty("strength").GetProperty("required").GetInt32(),
            updated.GetProperty("strength").GetProperty("sufficient").GetBoolean()), Is.EqualTo((15, false)));
        Assert.That(updated.GetProperty("leaderName").ValueKind, Is.EqualTo(JsonValueKind.Null), "a PUT replaces");
    }

    [Test]
    public async Task A_certificate_ending_within_the_warning_window_is_expiring_and_a_renewal_keeps_the_old_one()
    {
        var team = await TeamAsync();
        var officer = await OfficerAsync(team, Today.AddDays(30), "CG", "SC");
        Assert.That((officer.GetProperty("status").GetString(), officer.GetProperty("daysLeft").GetInt32()),
            Is.EqualTo(("expiring", 30)));
        Assert.That(officer.GetProperty("domainNames").EnumerateArray().Select(d => d.GetString()),
            Is.EqualTo(new[] { "城市管理", "市场监管" }));
        var id = officer.GetProperty("id").GetGuid();
        var expiring = await Read<JsonElement>(await Admin.GetAsync("/api/v1/enforcement/officers?status=expiring"));
        Assert.That(expiring.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()),
            Is.EqualTo(new[] { id }));

        var renewed = await Read<JsonElement>(await PostIfMatch(Admin,
            $"/api/v1/enforcement/officers/{id}/certificates",
            "\"v1\"", Certificate(Today, Today.AddYears(5).AddDays(-1), "99019999")));
        Assert.That(renewed.GetProperty("officer").GetProperty("status").GetString(), Is.EqualTo("certified"));
        Assert.That(renewed.GetProperty("officer").GetProperty("certificate").GetProperty("number").GetString(),
            Is.EqualTo("99019999"));
        Assert.That(renewed.GetProperty("certificates").GetArrayLength(), Is.EqualTo(2));

        // a number already on record is refused and changes nothing
        var other = await OfficerAsync(team);
        var taken = await Problem(await PostIfMatch(Admin,
            $"/api/v1/enforcement/officers/{other.GetProperty("id")}/certificates", "\"v1\"",
            Certificate(Today, Today.AddYears(5), "99019999")), HttpStatusCode.Conflict);
        Assert.That(taken.GetProperty("code").GetString(), Is.EqualTo("enforcement.certificate_number_taken"));
        var unchanged = await Read<JsonElement>(
            await Admin.GetAsync($"/api/v1/enforcement/officers/{other.GetProperty("id")}"));
        Assert.That((unchanged.GetProperty("officer").GetProperty("version").GetInt32(),
            unchanged.GetProperty("certificates").GetArrayLength()), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task An_officer_who_left_is_no_longer_counted_and_cannot_be_given_a_certificate()
    {
        var team = await TeamAsync();
        var id = (await OfficerAsync(team)).GetProperty("id").GetGuid();
        var path = $"/api/v1/enforcement/officers/{id}/leave";
        var body = new { leftOn = Today.ToString("yyyy-MM-dd"), reason = "调任县司法局" };
        Assert.That((await PostIfMatch(Admin, path, null, body)).StatusCode,
            Is.EqualTo(HttpStatusCode.PreconditionRequired));
        Assert.That((await PostIfMatch(Admin, path, "\"v7\"", body)).StatusCode,
            Is.EqualTo(HttpStatusCode.PreconditionFailed));
        var left = await Read<JsonElement>(await PostIfMatch(Admin, path, "\"v1\"", body));
        Assert.That(left.GetProperty("officer").GetProperty("status").GetString(), Is.EqualTo("left"));

        var renew = await Problem(await PostIfMatch(Admin, $"/api/v1/enforcement/officers/{id}/certificates", "\"v2\"",
            Certificate(Today, Today.AddYears(5))), HttpStatusCode.Conflict);
        Assert.That(renew.GetProperty("code").GetString(), Is.EqualTo("enforcement.officer_left"));
        var strength = (await Read<JsonElement>(await Admin.GetAsync($"/api/v1/enforcement/teams/{team}")))
            .GetProperty("strength");
        Assert.That((strength.GetProperty("serving").GetInt32(), strength.GetProperty("certified").GetInt32()),
            Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task Invalid_officers_are_refused_field_by_field_and_nothing_is_stored()
    {
        var team = await TeamAsync();
        var problem = await Problem(await AddOfficerAsync(Admin, team, ["XX", "CG", "CG"],
            Certificate(Today, Today.AddYears(11))), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.GetProperty("domains").GetArrayLength(), Is.EqualTo(2), "unknown code, repeated code");
        Assert.That(errors.GetProperty("domains")[0].GetString(), Does.Contain("CG（城市管理）"));
        Assert.That(errors.TryGetProperty("certificate.validUntil", out _), "ten years at most");
        var blank = await Problem(await Admin.PostAsJsonAsync($"/api/v1/enforcement/teams/{team}/officers",
            new { name = " " }), HttpStatusCode.BadRequest);
        Assert.That(blank.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.SupersetOf(new[] { "name", "domains", "certificate" }));
        Assert.That(await Scalar<long>("select count(*) from enforcement.officers"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_township_leader_manages_only_the_own_township_team_and_staff_cannot_change_it()
    {
        var leader = await App.LoginAsync("t01_leader");
        var own = (await Read<JsonElement>(await CreateTeamAsync(leader, Township1, 20_000), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Problem(await CreateTeamAsync(leader, Township2, 20_000), HttpStatusCode.NotFound);
        var other = await TeamAsync(Township2);
        await OfficerAsync(other);
        var mine = await Read<JsonElement>(
            await AddOfficerAsync(leader, own, ["SC"], Certificate(Today, Today.AddYears(5))), HttpStatusCode.Created);

        await Problem(await leader.GetAsync($"/api/v1/enforcement/teams/{other}"), HttpStatusCode.NotFound);
        await Problem(await AddOfficerAsync(leader, other, ["SC"], Certificate(Today, Today.AddYears(5))),
            HttpStatusCode.NotFound);
        var listed = await Read<JsonElement>(await leader.GetAsync("/api/v1/enforcement/officers"));
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()),
            Is.EqualTo(new[] { mine.GetProperty("officer").GetProperty("id").GetGuid() }));
        var teams = await Read<JsonElement>(await leader.GetAsync("/api/v1/enforcement/teams"));
        Assert.That(teams.GetProperty("items").GetArrayLength(), Is.EqualTo(1));

        var staff = await App.LoginAsync("t01_staff");
        await Problem(await AddOfficerAsync(staff, own, ["SC"], Certificate(Today, Today.AddYears(5))),
            HttpStatusCode.Forbidden);
        Assert.That(await Scalar<long>("select count(*) from enforcement.officers"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_health_check_names_townships_without_a_team_short_teams_and_lapsed_certificates()
    {
        var team = await TeamAsync(Township1, 60_000);
        await OfficerAsync(team);
        var lapsing = await OfficerAsync(team, Today.AddDays(10));
        var report = await TeamHealthAsync();
        var flags = report.GetProperty("flags").EnumerateArray().ToList();
        var townships = await Scalar<long>("select count(*) from organization.regions where level = 'township'");
        Assert.That(flags.Count(f => f.GetProperty("kind").GetString() == "no_team"), Is.EqualTo(townships - 1));
        var mine = flags.Where(f => f.GetProperty("teamId").ValueKind != JsonValueKind.Null)
            .Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.That(mine, Is.EquivalentTo(new[] { "undersized", "certificate_expiring" }));
        Assert.That(flags.Single(f => f.GetProperty("kind").GetString() == "undersized").GetProperty("message")
            .GetString(), Does.Contain("不少于 15 名，现有 2 名"));

        // eleven days on, that certificate has lapsed: the officer may not act
        var later = await TeamHealthAsync(asOf: Today.AddDays(11));
        var lapsed = later.GetProperty("flags").EnumerateArray()
            .Single(f => f.GetProperty("kind").GetString() == "certificate_expired");
        Assert.That(lapsed.GetProperty("officerId").GetGuid(), Is.EqualTo(lapsing.GetProperty("id").GetGuid()));
    }
}
