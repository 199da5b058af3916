using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Governance.IntegrationTests.Fixtures.Network;

namespace Governance.IntegrationTests;

/// <summary>
/// Each 503 <c>database_unavailable</c> answer is counted (<c>governance_database_unavailable_total</c>), so an outage
/// shows on the dashboards as the answers users got. The API host reaches the database through its own
/// <see cref="TcpSwitch"/>, cut for one request.
/// </summary>
public class DatabaseUnavailableMetricTests : IntegrationTest
{
    private const string ScrapeToken = "test-scrape-token";

    private static readonly Lazy<TcpSwitch> Switch = new(() =>
    {
        var cs = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        return new TcpSwitch(cs.Host!, cs.Port);
    });

    protected override TestApp CreateApp()
    {
        var cs = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Port = Switch.Value.Port };
        return TestApp.Get("database-unavailable-metric", new Dictionary<string, string?>
        {
            ["ConnectionStrings:Governance"] = cs.ConnectionString,
            ["Metrics:ScrapeToken"] = ScrapeToken,
        });
    }

    [TearDown]
    public void Reconnect() => Switch.Value.Restore();

    [Test]
    public async Task A_503_database_unavailable_answer_is_counted()
    {
        var before = await UnavailableAnswersAsync();
        Switch.Value.Cut();
        // a session the credential cache has not seen must be looked up in the database
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", "gov_session=never-issued");
        var p = await Problem(await App.Anonymous().SendAsync(request), HttpStatusCode.ServiceUnavailable);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("database_unavailable"));
        Switch.Value.Restore();

        Assert.That(await UnavailableAnswersAsync(), Is.GreaterThan(before));
    }

    private async Task<double> UnavailableAnswersAsync()
    {
        var scraper = App.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        var text = await scraper.GetStringAsync("/metrics");
        return Regex.Matches(text, @"^governance_database_unavailable_total(\{.*\})? (\S+)$", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}
