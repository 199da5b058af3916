using Governance.Enforcement.Features;
using Governance.OpenData.Contracts;
using Governance.SharedKernel.Database;
using Microsoft.Extensions.Options;
using static Governance.OpenData.Contracts.OpenDataValues;

namespace Governance.Enforcement.OpenData;

/// <summary>
/// 数据开放包 · 综合行政执法: the month's 行政执法公示 still published — exactly what the public pages show
/// (<see cref="PublicDisclosures"/>: the snapshot taken at publication, a person's name masked, never an ID number) —
/// and per township the cases filed (立案), decided and closed (结案) in the month, counts only.
/// </summary>
internal sealed class EnforcementOpenData(
    ReportingDatabase reporting, IRegionDirectory regions, IOptions<EnforcementOptions> options, TimeProvider clock)
    : IOpenDataSource
{
    public string Module => EnforcementKpis.ModuleName;

    private sealed record DisclosureRow(
        string DecisionNo, DateOnly DecidedOn, DateOnly PublishedOn, string? TownshipName, string? DomainName,
        string? PartyDisplay, string? CreditCode, string? Facts, string? Penalty, string? LegalBasis);

    // 撤回 ones are left out; one past its years on the public pages (2 for a person) is left out as there
    private const string DisclosuresSql = """
        select d.decision_no, d.decided_on, d.published_on, d.township_name, d.domain_name, d.party_display,
               d.credit_code, d.facts, d.penalty, d.legal_basis
        from enforcement.disclosures d
        where d.region_path like @scope and d.state = 'published' and d.published_on between @month and @lastDay
          and d.published_on > case when d.party_kind = 'person' then @personSince else @since end
        order by d.published_on, d.decided_on, d.decision_no, d.id
        """;

    // the counters of the KPIs (EnforcementKpis): 立案 by filed_on, 结案 of filed cases by closed_on
    private const string CasesSql = """
        select region_path,
               count(*) filter (where filed_on between @month and @lastDay)::int as filed,
               count(*) filter (where decided_on between @month and @lastDay)::int as decided,
               count(*) filter (where closed_on between @month and @lastDay and filed_on is not null)::int as closed
        from enforcement.cases
        where region_path like @scope
          and (filed_on between @month and @lastDay or decided_on between @month and @lastDay
               or closed_on between @month and @lastDay)
        group by region_path
        """;

    public async Task<IReadOnlyList<OpenDataFile>> FilesAsync(OpenDataScope scope, CancellationToken ct)
    {
        var today = CountyClock.Today(clock);
        var o = options.Value;
        var args = new
        {
            scope = new RegionScope(scope.CountyPath).Pattern, month = scope.Month, lastDay = scope.LastDay,
            since = today.AddYears(-o.DisclosureYears), personSince = today.AddYears(-o.PersonDisclosureYears),
        };
        List<DisclosureRow> disclosures;
        Dictionary<string, (int Filed, int Decided, int Closed)> cases;
        await using (var c = await reporting.Db.OpenConnectionAsync(ct))
        {
            disclosures = (await c.QueryAsync<DisclosureRow>(
                new CommandDefinition(DisclosuresSql, args, cancellationToken: ct))).ToList();
            cases = (await c.QueryAsync<(string Path, int Filed, int Decided, int Closed)>(
                    new CommandDefinition(CasesSql, args, cancellationToken: ct)))
                .ToDictionary(r => r.Path, r => (r.Filed, r.Decided, r.Closed));
        }

        // every township of the county, those without a case too; ordinal by path (= by administrative code)
        var townships = (await regions.ChildrenAsync(scope.CountyId, ct))
            .Where(r => r.Level == RegionLevels.Township).Select(r => r.Path);
        var paths = townships.Concat(cases.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var names = await regions.NamesByPathAsync(paths, ct);

        return
        [
            new("enforcement_disclosures.csv", "行政执法公示（当月公示且未撤回的决定）",
                "Enforcement decisions disclosed in the month and not retracted",
                EnforcementOpenDataColumns.Disclosures,
                disclosures.Select(d => (IReadOnlyList<string?>)
                [
                    d.DecisionNo, Date(d.DecidedOn), Date(d.PublishedOn), d.TownshipName, d.DomainName, d.PartyDisplay,
                    d.CreditCode, d.Facts, d.Penalty, d.LegalBasis,
                ]).ToList()),
            new("enforcement_cases_by_township.csv", "执法案件数（按乡镇、按月）",
                "Enforcement cases by township and month", EnforcementOpenDataColumns.CasesByTownship,
                paths.Select(p =>
                {
                    var (filed, decided, closed) = cases.GetValueOrDefault(p);
                    return (IReadOnlyList<string?>)
                    [
                        Date(scope.Month), p.TrimEnd('/').Split('/')[^1], names.GetValueOrDefault(p), Count(filed),
                        Count(decided), Count(closed),
                    ];
                }).ToList()),
        ];
    }
}
