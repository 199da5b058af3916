namespace Governance.Kpis.Contracts;

/// <summary>Whether a KPI is better high, low, or is a plain count without a target.</summary>
public static class KpiDirections
{
    public const string Higher = "higher";
    public const string Lower = "lower";
    public const string None = "none";
}

/// <summary>The region levels a KPI is computed at.</summary>
public static class KpiLevels
{
    public const string County = "county";
    public const string Township = "township";
    public const string Village = "village";
}

/// <summary>
/// One KPI as its module defines it. <see cref="Numerator"/> and <see cref="Denominator"/> describe it in words;
/// <see cref="NumeratorCounters"/> and <see cref="DenominatorCounters"/> say how the figure derives from the module's
/// additive counters: the sum of the named counters, a name prefixed with <c>-</c> subtracted. No denominator counters:
/// the KPI is a count (its value is the numerator).
/// </summary>
public sealed record KpiDefinition(
    string Code,
    string Name,
    string Module,
    string Numerator,
    string Denominator,
    string Unit,
    decimal? Target,
    string Direction,
    IReadOnlyList<string> Levels,
    string Version,
    IReadOnlyList<string> NumeratorCounters,
    IReadOnlyList<string> DenominatorCounters);

/// <summary>
/// A KPI's figure from counters: numerator, denominator, value (rounded to 4 places) and whether the target is met.
/// </summary>
public sealed record KpiValue(string Code, decimal? Value, long Numerator, long Denominator, bool? Met);

public static class KpiFormula
{
    /// <summary>The sum of the named counters (a missing counter is 0; <c>-name</c> is subtracted).</summary>
    public static long Sum(IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> counters) =>
        terms.Sum(t => t.StartsWith('-') ? -counters.GetValueOrDefault(t[1..]) : counters.GetValueOrDefault(t));

    public static KpiValue Evaluate(KpiDefinition d, IReadOnlyDictionary<string, long> counters)
    {
        var numerator = Sum(d.NumeratorCounters, counters);
        if (d.DenominatorCounters.Count == 0) return new KpiValue(d.Code, numerator, numerator, 0, null);
        var denominator = Sum(d.DenominatorCounters, counters);
        decimal? value = denominator == 0 ? null : Math.Round((decimal)numerator / denominator, 4);
        bool? met = value is null || d.Target is null || d.Direction == KpiDirections.None ? null
            : d.Direction == KpiDirections.Lower ? value <= d.Target : value >= d.Target;
        return new KpiValue(d.Code, value, numerator, denominator, met);
    }

    /// <summary>Adds <paramref name="add"/> into <paramref name="into"/>, counter by counter.</summary>
    public static void Add(IDictionary<string, long> into, IReadOnlyDictionary<string, long> add)
    {
        foreach (var (k, v) in add) into[k] = into.TryGetValue(k, out var have) ? have + v : v;
    }
}

/// <summary>A module's definitions share its name, definition version and levels: <see cref="Define"/> adds the
/// rest of each.</summary>
public sealed record KpiDefiner(string Module, string Version, IReadOnlyList<string> Levels)
{
    public KpiDefinition Define(
        string code, string name, string numerator, string denominator, string unit, decimal? target, string direction,
        string[] numeratorCounters, string[] denominatorCounters) =>
        new(code, name, Module, numerator, denominator, unit, target, direction, Levels, Version, numeratorCounters,
            denominatorCounters);
}
