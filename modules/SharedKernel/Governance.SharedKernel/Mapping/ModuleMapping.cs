using System.Collections.Concurrent;
using System.Reflection;
using Mapster;

namespace Governance.SharedKernel.Mapping;

/// <summary>
/// Row record → response record mapping with Mapster: one <see cref="TypeAdapterConfig"/> per module, built from the
/// module assembly's <see cref="IRegister"/> classes (nested next to the endpoints whose rows they map). Never
/// Mapster's static global config, so one module cannot change another's mapping. Map through it with
/// <c>row.Adapt&lt;Row, XResponse&gt;(config)</c>.
/// <para>
/// Strict, so that the configuration is checked: a pair maps only if a register declares it
/// (<see cref="TypeAdapterConfig.RequireExplicitMapping"/>), and every destination member needs a source member of the
/// same name or an explicit <c>Map</c> (<see cref="TypeAdapterConfig.RequireDestinationMemberSource"/>).
/// <see cref="TypeAdapterConfig.Compile()"/> throws on a response member nobody fills; the unit tests compile every
/// module's configuration. Derived values (a role's name, a kind's label, masking) are spelled out in the register.
/// </para>
/// <para>
/// A member whose source already has the destination's type (e.g. a list of response records read by a second query)
/// is passed on as it is, not deep-copied.
/// One convention for every module: Dapper reads <c>timestamptz</c> as a UTC <see cref="DateTime"/>; a response carries
/// it as a <see cref="DateTimeOffset"/> at offset 0 (also when the kind is unspecified, never the server's zone).
/// </para>
/// </summary>
public static class ModuleMapping
{
    private static readonly ConcurrentDictionary<Assembly, TypeAdapterConfig> Compiled = new();

    /// <summary>The module's configuration, built and compiled once per process.</summary>
    public static TypeAdapterConfig For(Assembly module) => Compiled.GetOrAdd(module, m =>
    {
        var config = Create(m);
        config.Compile();
        return config;
    });

    /// <summary>A new, not yet compiled configuration from the registers in <paramref name="module"/>.</summary>
    public static TypeAdapterConfig Create(Assembly module)
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        // a member already of the response's type (a list of records) is passed on, not copied
        config.Default.ShallowCopyForSameType(true);
        config.NewConfig<DateTime, DateTimeOffset>()
            .MapWith(d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)));
        config.Scan(module);
        return config;
    }
}
