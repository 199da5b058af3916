namespace Governance.IntegrationTests;

/// <summary>Enforcement tests: the county administrator's session and the verbs of teams and officers.</summary>
public abstract class EnforcementTest : IntegrationTest
{
    protected HttpClient Admin { get; private set; } = null!;
    protected static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [SetUp]
    public async Task SignInAsync() => Admin = await App.LoginAsync("admin");

    protected async Task<HttpResponseMessage> CreateTeamAsync(HttpClient client, string townshipCode, int population) =>
        await client.PostAsJsonAsync("/api/v1/enforcement/teams",
            new { townshipId = await RegionId(townshipCode), population, leaderName = "李队长" });

    protected async Task<Guid> TeamAsync(string townshipCode = Township1, int population = 30_000) =>
        (await Read<JsonElement>(await CreateTeamAsync(Admin, townshipCode, population), HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    private static int _seq;

    /// <summary>A certificate valid from <paramref name="from"/> to <paramref name="until"/> with a fresh
    /// number.</summary>
    protected static object Certificate(DateOnly from, DateOnly until, string? number = null) => new
    {
        number = number ?? $"9901{Interlocked.Increment(ref _seq):000000}", issuingBody = "县人民政府",
        validFrom = from.ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd"),
    };

    protected Task<HttpResponseMessage> AddOfficerAsync(
        HttpClient client, Guid team, string[] domains, object certificate, string name = "王执法") =>
        client.PostAsJsonAsync($"/api/v1/enforcement/teams/{team}/officers", new
        {
            name, domains, joinedOn = Today.AddYears(-2).ToString("yyyy-MM-dd"), certificate,
        });

    /// <summary>An officer certified in <paramref name="domains"/> until <paramref name="until"/> (five years by
    /// default).</summary>
    protected async Task<JsonElement> OfficerAsync(Guid team, DateOnly? until = null, params string[] domains) =>
        (await Read<JsonElement>(await AddOfficerAsync(Admin, team, domains.Length == 0 ? ["CG"] : domains,
                Certificate(Today.AddYears(-1), until ?? Today.AddYears(4))), HttpStatusCode.Created))
        .GetProperty("officer");

    protected async Task<JsonElement> TeamHealthAsync(HttpClient? client = null, DateOnly? asOf = null) =>
        await Read<JsonElement>(await (client ?? Admin).GetAsync(
            "/api/v1/enforcement/health" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : "")));
}
