using System.Globalization;

namespace Governance.SharedKernel.Security;

/// <summary>
/// What an evaluator's grant (评估任务) opens beyond its region scope: the modules and the period of data (county
/// dates, inclusive). Read from the caller's claims; null for everyone who is not an evaluator.
/// </summary>
public sealed record EvaluationGrant(Guid Id, IReadOnlySet<string> Modules, DateOnly From, DateOnly To)
{
    public bool Opens(string module) => Modules.Contains(module);

    /// <summary>True when the month overlaps the grant's period.</summary>
    public bool Covers(DateOnly month) =>
        month <= To && month.AddMonths(1).AddDays(-1) >= From;

    /// <summary>The first month the period touches.</summary>
    public DateOnly FirstMonth => new(From.Year, From.Month, 1);

    /// <summary>The last month the period touches.</summary>
    public DateOnly LastMonth => new(To.Year, To.Month, 1);

    /// <summary>SQL: a record's county date (a <c>date</c> column or expression) within the period. The bounds are
    /// the grant's own dates, written as literals.</summary>
    public string Sql(string date) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{date} between date '{From:yyyy-MM-dd}' and date '{To:yyyy-MM-dd}'");

    /// <summary>The period as instants: from the first day's start to the day after the last, in county time.</summary>
    public (DateTime From, DateTime Until) Instants =>
        (CountyClock.StartOfDayUtc(From), CountyClock.StartOfDayUtc(To.AddDays(1)));
}
