using Governance.OpenData.Contracts;
using Governance.SharedKernel.Database;
using Governance.Staffing.Features;
using static Governance.OpenData.Contracts.OpenDataValues;

namespace Governance.Staffing.OpenData;

/// <summary>
/// 数据开放包 · 编制: the county's establishments (编制台账) on the month's last day and the month's ledger movements
/// summed per establishment and movement — counts only, never the people (实名) behind them. The figures are the
/// ledger's own (<see cref="Establishments.Figures"/>), so the package and the 台账 page agree on every date.
/// </summary>
internal sealed class StaffingOpenData(ReportingDatabase reporting, IRegionDirectory regions, TimeProvider clock)
    : IOpenDataSource
{
    public string Module => StaffingKpis.ModuleName;

    private sealed record EstablishmentRow(
        Guid UnitId, string UnitName, string RegionPath, string Kind, string Funding, int Approved, int Occupied,
        int Reserved, int ExceptionPosts, int LeaderPosts, int LeadersHeld);

    private sealed record MovementRow(
        Guid UnitId, string UnitName, string RegionPath, string Kind, string Funding, string Movement, int Lines,
        int ApprovedDelta, int OccupiedDelta, int LeadersApprovedDelta, int LeadersHeldDelta);

    // an establishment is listed once it has a line on or before the day: one opened later is no part of the month;
    // (unit, kind, funding) is unique, so the order is total
    private const string EstablishmentsSql = $"""
        select e.unit_id, e.unit_name, e.region_path, e.kind, e.funding, {Establishments.Figures}
        from staffing.establishments e
        where e.region_path like @scope
          and exists (select 1 from staffing.ledger_lines l
                      where l.establishment_id = e.id and l.effective_on <= @asOf)
        order by e.region_path, e.unit_name, e.unit_id, e.kind, e.funding
        """;

    private const string MovementsSql = """
        select e.unit_id, e.unit_name, e.region_path, e.kind, e.funding, l.movement, count(*)::int as lines,
               sum(l.approved_delta)::int as approved_delta, sum(l.occupied_delta)::int as occupied_delta,
               sum(l.leaders_approved_delta)::int as leaders_approved_delta,
               sum(l.leaders_held_delta)::int as leaders_held_delta
        from staffing.ledger_lines l join staffing.establishments e on e.id = l.establishment_id
        where e.region_path like @scope and l.effective_on between @month and @asOf
        group by e.id, l.movement
        order by e.region_path, e.unit_name, e.unit_id, e.kind, e.funding, l.movement
        """;

    public async Task<IReadOnlyList<OpenDataFile>> FilesAsync(OpenDataScope scope, CancellationToken ct)
    {
        // reservations count only today (the ledger keeps none for past days): a closed month shows none
        var args = new
        {
            scope = new RegionScope(scope.CountyPath).Pattern, month = scope.Month, asOf = scope.LastDay,
            today = CountyClock.Today(clock),
        };
        List<EstablishmentRow> establishments;
        List<MovementRow> movements;
        await using (var c = await reporting.Db.OpenConnectionAsync(ct))
        {
            establishments = (await c.QueryAsync<EstablishmentRow>(
                new CommandDefinition(EstablishmentsSql, args, cancellationToken: ct))).ToList();
            movements = (await c.QueryAsync<MovementRow>(
                new CommandDefinition(MovementsSql, args, cancellationToken: ct))).ToList();
        }
        var names = await regions.NamesByPathAsync(
            establishments.Select(e => e.RegionPath).Concat(movements.Select(m => m.RegionPath)).Distinct().ToList(),
            ct);
        string Code(string path) => path.TrimEnd('/').Split('/')[^1];
        string? Name(string path) => names.GetValueOrDefault(path);

        return
        [
            new("staffing_establishments.csv", "机构编制台账（月末）", "Establishment ledger at the month's end",
                StaffingOpenDataColumns.Establishments,
                establishments.Select(e => (IReadOnlyList<string?>)
                [
                    Date(scope.LastDay), e.UnitId.ToString(), e.UnitName, Code(e.RegionPath), Name(e.RegionPath),
                    e.Kind, e.Funding, Count(e.Approved), Count(e.LeaderPosts), Count(e.Occupied),
                    Count(e.Reserved), Count(e.Approved - e.Occupied - e.Reserved),
                ]).ToList()),
            new("staffing_movements.csv", "机构编制变动（当月汇总）", "Establishment movements of the month, summed",
                StaffingOpenDataColumns.Movements,
                movements.Select(m => (IReadOnlyList<string?>)
                [
                    Date(scope.Month), m.UnitId.ToString(), m.UnitName, Code(m.RegionPath), Name(m.RegionPath),
                    m.Kind, m.Funding, m.Movement, Count(m.Lines), Count(m.ApprovedDelta), Count(m.OccupiedDelta),
                    Count(m.LeadersApprovedDelta), Count(m.LeadersHeldDelta),
                ]).ToList()),
        ];
    }
}
