using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Governance.IntegrationTests;

/// <summary>
/// 数据开放包 (<c>GET /api/v1/open-data/packages/{county}/{month}</c>): a closed month's CSVs with a README data
/// dictionary, a SHA-256 manifest and its ECDSA signature; byte-identical while the data is the same, changed by a
/// KPI correction; closed months of the caller's county only.
/// </summary>
public class OpenDataPackageTests : ServiceCentreTest
{
    private static Dictionary<string, byte[]> Unzip(byte[] zip, out List<string> order)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        order = archive.Entries.Select(e => e.FullName).ToList();
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var ms = new MemoryStream();
            using (var s = e.Open()) s.CopyTo(ms);
            return ms.ToArray();
        });
    }

    private static List<Dictionary<string, string>> Csv(byte[] bytes)
    {
        var rows = Governance.SharedKernel.Csv.Parse(Encoding.UTF8.GetString(bytes));
        return rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    [Test]
    public async Task A_closed_months_package_is_complete_signed_and_the_same_bytes_until_a_correction()
    {
        // October: two applications at a village point of township 1, one forwarded at once (SC_FORWARDED 1/2)
        Clock.SetCountyDay("2026-10-12");
        var item = await ItemAsync("OD-1", "promised", 3);
        var agent = await App.LoginAsync("v0101_agent");
        await Read<JsonElement>(await Act(agent,
            (await Register(agent, item, channel: "village_point")).GetProperty("id").GetGuid(), "forward", 1));
        var late = (await Register(agent, item, channel: "village_point", idNumber: "110101199003070038"))
            .GetProperty("id").GetGuid();

        Clock.SetCountyDay("2026-11-03");
        agent = await App.LoginAsync("v0101_agent");
        var admin = await App.LoginAsync("admin");
        var url = $"/api/v1/open-data/packages/{await RegionId(County)}/2026-10";
        var first = await admin.GetAsync(url);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/zip"));
        var zip = await first.Content.ReadAsByteArrayAsync();
        Assert.That(await (await admin.GetAsync(url)).Content.ReadAsByteArrayAsync(), Is.EqualTo(zip),
            "a second download is byte-identical");
        using (var cached = new HttpRequestMessage(HttpMethod.Get, url))
        {
            cached.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.That((await admin.SendAsync(cached)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        }

        var files = Unzip(zip, out var order);
        Assert.That(order[0], Is.EqualTo("README.md"));
        Assert.That(order[^2..], Is.EqualTo(new[] { "manifest.sha256", "manifest.sig" }));
        Assert.That(order, Does.Contain("kpis.csv"));
        // the manifest hashes every other file, in order, as sha256sum writes it; the signature covers the manifest
        var manifest = files["manifest.sha256"];
        Assert.That(Encoding.UTF8.GetString(manifest), Is.EqualTo(string.Concat(order[..^2].Select(name =>
            $"{Convert.ToHexStringLower(SHA256.HashData(files[name]))}  {name}\n"))));
        var pem = await (await App.Anonymous().GetAsync("/.well-known/governance-open-data-key.pem"))
            .Content.ReadAsStringAsync();
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        Assert.That(key.VerifyData(manifest, files["manifest.sig"], HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence), Is.True);
        Assert.That(key.VerifyData(Encoding.UTF8.GetBytes("tampered"), files["manifest.sig"],
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), Is.False);
        // the README is the data dictionary: every column of every CSV is described
        var readme = Encoding.UTF8.GetString(files["README.md"]);
        foreach (var csv in order.Where(n => n.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.That(readme, Does.Contain($"### {csv} "));
            foreach (var column in Governance.SharedKernel.Csv.Parse(Encoding.UTF8.GetString(files[csv]))[0])
                Assert.That(readme, Does.Contain($"| {column} |"), $"{csv}: {column}");
        }
        static (string, string, string, string, string, string) Forwarded(Dictionary<string, string> r) =>
            (r["region_code"], r["revision"], r["latest"], r["numerator"], r["denominator"], r["revision_reason"]);
        var kpis = Csv(files["kpis.csv"]).Where(r => r["kpi_code"] == "SC_FORWARDED").ToList();
        Assert.That(kpis.Where(r => r["region_code"] == Township1).Select(Forwarded),
            Is.EqualTo(new[] { (Township1, "1", "true", "1", "2", "") }));

        // the late forward is corrected into October: the package now holds both revisions, so its bytes change
        await Read<JsonElement>(await Act(agent, late, "forward", 1));
        await Read<JsonElement>(await admin.PostAsJsonAsync(
            "/api/v1/kpis/revisions?module=service_centre&month=2026-10", new { reason = "村代办点补报转报" }));
        var revised = await (await admin.GetAsync(url)).Content.ReadAsByteArrayAsync();
        Assert.That(revised, Is.Not.EqualTo(zip));
        kpis = Csv(Unzip(revised, out _)["kpis.csv"]).Where(r => r["kpi_code"] == "SC_FORWARDED").ToList();
        Assert.That(kpis.Where(r => r["region_code"] == Township1).Select(Forwarded), Is.EqualTo(new[]
        {
            (Township1, "1", "false", "1", "2", ""), (Township1, "2", "true", "2", "2", "村代办点补报转报"),
        }));
    }

    [Test]
    public async Task Only_closed_months_of_a_county_in_scope_are_given()
    {
        Clock.SetCountyDay("2026-11-03");
        var admin = await App.LoginAsync("admin");
        var county = await RegionId(County);
        foreach (var month in new[] { "2026-11", "2027-01", "2026-13", "x" })
        {
            var refused = await Problem(await admin.GetAsync($"/api/v1/open-data/packages/{county}/{month}"),
                HttpStatusCode.BadRequest);
            Assert.That(refused.GetProperty("errors").TryGetProperty("month", out _), Is.True, month);
        }
        var leader = await App.LoginAsync("t01_leader");
        await Problem(await leader.GetAsync($"/api/v1/open-data/packages/{county}/2026-10"), HttpStatusCode.NotFound);
        await Problem(await admin.GetAsync($"/api/v1/open-data/packages/{await RegionId(Township1)}/2026-10"),
            HttpStatusCode.NotFound);
        await Problem(await admin.GetAsync($"/api/v1/open-data/packages/{Guid.NewGuid()}/2026-10"),
            HttpStatusCode.NotFound);
        await Problem(await App.Anonymous().GetAsync($"/api/v1/open-data/packages/{county}/2026-10"),
            HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Without_a_signing_key_the_package_and_the_key_answer_503()
    {
        var app = TestApp.Get("open-data-no-key", new Dictionary<string, string?> { ["OpenData:SigningKey"] = "" });
        var admin = await app.LoginAsync("admin");
        var missing = await Problem(await admin.GetAsync(
            $"/api/v1/open-data/packages/{await RegionId(County)}/2026-10"), HttpStatusCode.ServiceUnavailable);
        Assert.That(missing.GetProperty("code").GetString(), Is.EqualTo("open_data.no_signing_key"));
        await Problem(await app.Anonymous().GetAsync("/.well-known/governance-open-data-key.pem"),
            HttpStatusCode.ServiceUnavailable);
    }
}
