using Governance.Organization.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>Documents with many lines look their units (and the units' regions) up in one batch, not line by line.
/// The unit and region directories are wrapped to count the calls.</summary>
public sealed class StaffingLookupTests : StaffingTest
{
    private sealed class Calls
    {
        public int UnitFind, UnitFindMany, RegionFind, RegionFindMany;
    }

    private static readonly Calls Count = new();

    private sealed class CountingUnits(IUnitDirectory inner) : IUnitDirectory
    {
        public Task<UnitInfo?> FindAsync(Guid id, CancellationToken ct)
        {
            Interlocked.Increment(ref Count.UnitFind);
            return inner.FindAsync(id, ct);
        }

        public Task<IReadOnlyDictionary<Guid, UnitInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids,
            CancellationToken ct)
        {
            Interlocked.Increment(ref Count.UnitFindMany);
            return inner.FindManyAsync(ids, ct);
        }

        public Task<IReadOnlyList<UnitInfo>> InRegionAsync(Guid regionId, CancellationToken ct) =>
            inner.InRegionAsync(regionId, ct);
    }

    private sealed class CountingRegions(IRegionDirectory inner) : IRegionDirectory
    {
        public Task<RegionInfo?> FindAsync(Guid id, CancellationToken ct)
        {
            Interlocked.Increment(ref Count.RegionFind);
            return inner.FindAsync(id, ct);
        }

        public Task<IReadOnlyDictionary<Guid, RegionInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids,
            CancellationToken ct)
        {
            Interlocked.Increment(ref Count.RegionFindMany);
            return inner.FindManyAsync(ids, ct);
        }

        public Task<IReadOnlyList<RegionInfo>> ByLevelAsync(string level, CancellationToken ct) =>
            inner.ByLevelAsync(level, ct);

        public Task<IReadOnlyList<RegionInfo>> ChildrenAsync(Guid parentId, CancellationToken ct) =>
            inner.ChildrenAsync(parentId, ct);

        public Task<IReadOnlyDictionary<string, RegionInfo>> ByPathAsync(IReadOnlyCollection<string> paths,
            CancellationToken ct) => inner.ByPathAsync(paths, ct);

        public Task<IReadOnlyDictionary<string, string>> NamesByPathAsync(IReadOnlyCollection<string> paths,
            CancellationToken ct) => inner.NamesByPathAsync(paths, ct);
    }

    /// <summary>Replaces a registration with a wrapper around what it registered.</summary>
    private static void Wrap<T>(IServiceCollection s, Func<T, T> wrap) where T : class
    {
        var d = s.Last(x => x.ServiceType == typeof(T));
        s.Remove(d);
        s.Add(new ServiceDescriptor(typeof(T), sp => wrap((T)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!))), d.Lifetime));
    }

    protected override TestApp CreateApp() => TestApp.Get("staffing-counting-directories", services: s =>
    {
        Wrap<IUnitDirectory>(s, u => new CountingUnits(u));
        Wrap<IRegionDirectory>(s, r => new CountingRegions(r));
    });

    private static (int, int, int, int) Snapshot() =>
        (Count.UnitFind, Count.UnitFindMany, Count.RegionFind, Count.RegionFindMany);

    [Test]
    public async Task An_approval_and_a_transfer_look_their_units_up_in_one_batch_each()
    {
        var (market, water) = (await Unit("县市场监督管理局"), await Unit("县水利局"));
        var (team1, team2) = (await Unit("综合行政执法大队", Township1), await Unit("综合行政执法大队", Township2));

        var before = Snapshot();
        var approval = await Read<JsonElement>(await Bianban.PostAsJsonAsync("/api/v1/staffing/approvals", new
        {
            kind = "opening", documentNo = "县编办〔2019〕1号", documentDate = "2019-01-01",
            issuedBy = "县机构编制委员会",
            effectiveOn = "2019-01-01",
            lines = new object[]
            {
                new { unitId = market, kind = "institution", funding = "full", posts = 30 },
                new { unitId = water, kind = "institution", funding = "full", posts = 20 },
                new { unitId = team1, kind = "institution", funding = "full", posts = 2 },
            },
        }), HttpStatusCode.Created);
        Assert.That(approval.GetProperty("lines").GetArrayLength(), Is.EqualTo(3));
        var afterApproval = Snapshot();
        Assert.That((afterApproval.Item1 - before.Item1, afterApproval.Item2 - before.Item2), Is.EqualTo((0, 1)),
            "three lines: no single lookups, one batch");

        await Read<JsonElement>(await TransferAsync(null,
            new { fromUnitId = market, toUnitId = team1, kind = "institution", funding = "full", posts = 3 },
            new { fromUnitId = water, toUnitId = team2, kind = "institution", funding = "full", posts = 2 },
            new { fromUnitId = market, toUnitId = team2, kind = "institution", funding = "full", posts = 1 }),
            HttpStatusCode.Created);
        var afterTransfer = Snapshot();
        Assert.That((afterTransfer.Item1 - afterApproval.Item1, afterTransfer.Item2 - afterApproval.Item2,
                afterTransfer.Item3 - afterApproval.Item3, afterTransfer.Item4 - afterApproval.Item4),
            Is.EqualTo((0, 1, 0, 1)), "six unit references: one batch of units, one of their regions");
    }

    [Test]
    public async Task The_batch_answers_the_known_ids_and_leaves_unknown_ones_out()
    {
        var (market, team1) = (await Unit("县市场监督管理局"), await Unit("综合行政执法大队", Township1));
        using var scope = App.Services.CreateScope();
        var units = scope.ServiceProvider.GetRequiredService<IUnitDirectory>();
        var found = await units.FindManyAsync([market, team1, market, Guid.NewGuid()], CancellationToken.None);
        Assert.That(found.Keys, Is.EquivalentTo(new[] { market, team1 }));
        Assert.That(found[team1].RegionPath, Does.StartWith(found[market].RegionPath));
        Assert.That(await units.FindManyAsync([], CancellationToken.None), Is.Empty);
    }
}
