namespace Governance.IntegrationTests;

/// <summary>The public landing page's region list: every county with its townships, without logging in.</summary>
public sealed class PublicCountiesTests : IntegrationTest
{
    [Test]
    public async Task The_public_lists_each_county_with_its_townships_in_order_and_no_villages()
    {
        await App.GenerateDemoAsync(counties: 2);
        var counties = await Read<JsonElement>(await App.Anonymous().GetAsync("/api/v1/public/organization/counties"));

        Assert.That(counties.GetArrayLength(), Is.EqualTo(2));
        var first = counties[0];
        Assert.That(first.GetProperty("id").GetGuid(), Is.EqualTo(await RegionId(County)));
        Assert.That(first.GetProperty("name").GetString(), Is.EqualTo("清河县"));
        var townships = first.GetProperty("townships").EnumerateArray().ToList();
        Assert.That(townships.Select(t => t.GetProperty("id").GetGuid()).Take(2),
            Is.EqualTo(new[] { await RegionId(Township1), await RegionId(Township2) }));
        Assert.That(townships[0].GetProperty("name").GetString(), Is.EqualTo("城关镇"));
        var villages = new[] { await RegionId(Village1_1), await RegionId(Village2_1) };
        var listed = counties.EnumerateArray().SelectMany(c => c.GetProperty("townships").EnumerateArray())
            .Select(t => t.GetProperty("id").GetGuid());
        Assert.That(listed.Intersect(villages), Is.Empty, "villages are not listed");
        Assert.That(counties[1].GetProperty("townships").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "name", "townships" }),
            "names only: no codes, paths or counts");
    }
}
