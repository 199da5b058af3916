namespace Governance.Enforcement.Features;

/// <summary>
/// An officer's standing on a day (<c>@today</c>), from the certificate history: <c>certified</c> (持证在岗),
/// <c>expiring</c> (its certificate ends within <c>@warnDays</c>), <c>expired</c> (no certificate valid that day — may
/// not act) or <c>left</c> (调离/退休). One SQL definition, used by the lists, the team figures and the health check.
/// </summary>
internal static class OfficerStatus
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["certified"] = "持证在岗", ["expiring"] = "执法证即将到期", ["expired"] = "无有效执法证", ["left"] = "已调离",
    };

    /// <summary>Officers with their current certificate (the one in force that day ending last, else the last one
    /// that ended) and status, filtered by <paramref name="where"/> (on <c>o</c>, the officer row).</summary>
    public static string Select(string where) => $"""
        select o.id, o.team_id, o.region_path, o.person_id, o.name, o.phone, o.domains, o.joined_on, o.left_on,
               o.left_reason, o.version, c.id as certificate_id, c.number as certificate_number, c.issuing_body,
               c.valid_from, c.valid_until,
               case when o.left_on <= @today then 'left'
                    when c.valid_until is null or c.valid_until < @today then 'expired'
                    when c.valid_until < @today + @warnDays then 'expiring'
                    else 'certified' end as status
        from enforcement.officers o
        left join lateral (
            select c.id, c.number, c.issuing_body, c.valid_from, c.valid_until from enforcement.certificates c
            where c.officer_id = o.id and c.valid_from <= @today
            order by c.valid_until desc limit 1) c on true
        where {where}
        """;

    /// <summary>A certificate valid on <c>@date</c> held by an officer serving that day (SQL on <c>o</c>).</summary>
    public const string CertifiedOn = """
        (o.joined_on <= @date and (o.left_on is null or o.left_on > @date)
         and exists (select 1 from enforcement.certificates c
                     where c.officer_id = o.id and @date between c.valid_from and c.valid_until))
        """;
}
