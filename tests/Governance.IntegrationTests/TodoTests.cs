using Governance.SharedKernel;

namespace Governance.IntegrationTests;

/// <summary>
/// 待办 on the home page: each user sees the lines of the work its permissions act on, counted within its own
/// region — a window clerk its township's overdue applications, never the neighbour's; an evaluator nothing.
/// </summary>
public class TodoTests : IntegrationTest
{
    private const string Todo = "/api/v1/notifications/todo";

    private async Task<Dictionary<string, JsonElement>> TodoOf(HttpClient client) =>
        (await Read<JsonElement>(await client.GetAsync(Todo))).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("code").GetString()!);

    private Task<long> OverdueIn(string township) => Scalar<long>("""
        select count(*) from service_centre.applications
        where origin_path like (select path from organization.regions where code = @township) || '%'
          and state in ('received', 'accepted') and due_on < @today
        """, new { township, today = CountyClock.Today(TimeProvider.System) });

    [Test]
    public async Task Each_user_sees_the_lines_its_permissions_act_on_counted_in_its_own_township()
    {
        await App.GenerateModuleDemosAsync(applicationMonths: 2, applicationsPerMonth: 300);
        var t01 = await TodoOf(await App.LoginAsync("t01_window"));
        var t02 = await TodoOf(await App.LoginAsync("t02_window"));
        Assert.That(t01.Keys, Is.EquivalentTo(new[]
            { "applications.overdue", "applications.due_soon", "rectifications.waiting" }));
        var overdue = t01["applications.overdue"].GetProperty("count").GetInt32();
        Assert.That(overdue, Is.EqualTo(await OverdueIn(Township1)));
        Assert.That(t02["applications.overdue"].GetProperty("count").GetInt32(),
            Is.EqualTo(await OverdueIn(Township2)));
        Assert.That(t01["applications.overdue"].GetProperty("link").GetString(),
            Is.EqualTo("/services/applications?overdue=true"));

        // one more overdue application in township 01 moves its count only
        await Scalar<int>("""
            update service_centre.applications set state = 'accepted', due_on = date '2000-01-03'
            where id = (select id from service_centre.applications
                        where origin_path like (select path from organization.regions where code = @t) || '%'
                          and not (state in ('received', 'accepted') and due_on < @today) limit 1)
            returning 1
            """, new { t = Township1, today = CountyClock.Today(TimeProvider.System) });
        Assert.That((await TodoOf(await App.LoginAsync("t01_window")))["applications.overdue"].GetProperty("count")
            .GetInt32(), Is.EqualTo(overdue + 1));
        Assert.That((await TodoOf(await App.LoginAsync("t02_window")))["applications.overdue"].GetProperty("count")
            .GetInt32(), Is.EqualTo(t02["applications.overdue"].GetProperty("count").GetInt32()));

        Assert.That((await TodoOf(await App.LoginAsync("bianban"))).Keys, Is.EquivalentTo(new[]
            { "admissions.to_review", "agreements.expiring", "post_requests.to_approve" }));
        Assert.That((await TodoOf(await App.LoginAsync("t01_leader"))).Keys, Is.EquivalentTo(new[]
            { "rectifications.waiting", "certificates.expiring", "cases.due" }));
        Assert.That(await TodoOf(await App.LoginAsync("evaluator")), Is.Empty, "an evaluator acts on nothing");
    }

    [Test]
    public async Task Anonymous_callers_get_401() =>
        await Problem(await App.Anonymous().GetAsync(Todo), HttpStatusCode.Unauthorized);
}
