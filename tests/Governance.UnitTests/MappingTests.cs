using System.Reflection;
using Governance.Api;
using Governance.SharedKernel.Mapping;
using Mapster;

namespace Governance.UnitTests;

/// <summary>
/// Every module's Mapster configuration (<see cref="ModuleMapping"/>) compiles: each response member has a source
/// member or an explicit rule. The modules come from the one list of them, <see cref="Startup.Migrations"/>, so a
/// module that adds registers later is checked without touching this test.
/// </summary>
public class MappingTests
{
    private static IEnumerable<TestCaseData> Modules() => Startup.Migrations
        .Select(m => new TestCaseData(m.Assembly).SetArgDisplayNames(m.Assembly.GetName().Name!));

    [TestCaseSource(nameof(Modules))]
    public void Every_modules_mapping_configuration_compiles(Assembly module) =>
        Assert.DoesNotThrow(() => ModuleMapping.Create(module).Compile());

    [Test]
    public void The_modules_that_map_by_mapster_declare_their_pairs()
    {
        // so that the test above cannot pass by finding no register at all
        var destinations = Startup.Migrations.ToDictionary(m => m.Assembly.GetName().Name!,
            m => ModuleMapping.Create(m.Assembly).RuleMap.Keys
            .Where(k => k.Source != typeof(DateTime)).Select(k => k.Destination.Name).ToList());
        Assert.Multiple(() =>
        {
            Assert.That(destinations["Governance.Organization"], Is.SupersetOf(new[]
                { "UserResponse", "ApiTokenResponse", "IssuedApiTokenResponse", "UnitResponse", "MeResponse",
                    "RegionDetailResponse" }));
            Assert.That(destinations["Governance.Calendar"], Does.Contain("LoadedYearResponse"));
            Assert.That(destinations["Governance.Notifications"], Does.Contain("NoticeResponse"));
        });
    }

    // The check must be able to fail: a register in this assembly forgets a member.

    public sealed record Row(Guid Id, string Name);
    public sealed record Response(Guid Id, string Name, string KindName);
    public sealed record Other(Guid Id);

    private sealed class Forgetful : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Row, Response>();
    }

    [Test]
    public void Compiling_fails_on_a_response_member_without_a_source()
    {
        var e = Assert.Throws<CompileException>(() => ModuleMapping.Create(typeof(MappingTests).Assembly).Compile());
        Assert.That(e!.InnerException?.Message, Does.Contain("KindName"));
    }

    [Test]
    public void A_pair_no_register_declares_does_not_map()
    {
        var config = ModuleMapping.Create(typeof(MappingTests).Assembly);
        Assert.Throws<CompileException>(() => new Row(Guid.NewGuid(), "x").Adapt<Row, Other>(config));
    }

    [TestCase(DateTimeKind.Utc)]
    [TestCase(DateTimeKind.Unspecified)]
    public void Timestamps_read_as_DateTime_become_UTC_offsets(DateTimeKind kind)
    {
        var config = ModuleMapping.Create(typeof(MappingTests).Assembly);
        var read = new DateTime(2026, 12, 5, 8, 30, 0, kind);
        var expected = new DateTimeOffset(2026, 12, 5, 8, 30, 0, TimeSpan.Zero);
        Assert.That(read.Adapt<DateTime, DateTimeOffset>(config),
            Is.EqualTo(expected).And.Property("Offset").EqualTo(TimeSpan.Zero));
        Assert.That(((DateTime?)read).Adapt<DateTime?, DateTimeOffset?>(config), Is.EqualTo(expected));
        Assert.That(((DateTime?)null).Adapt<DateTime?, DateTimeOffset?>(config), Is.Null);
    }
}
