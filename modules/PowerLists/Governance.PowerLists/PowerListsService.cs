using Governance.PowerLists.Features;

namespace Governance.PowerLists;

/// <summary>
/// The PowerLists contract other modules call in-process. Computed at query time for any date, past or future.
/// </summary>
internal sealed class PowerListsService(NpgsqlDataSource db) : IPowerLists
{
    private sealed record Row(
        string Mode, string ListKind, Guid? AgreementId, string? AgreementNo, bool AgreementInForce, string? Name,
        bool? Withdrawn);

    public async Task<ExerciseAnswer> CanExerciseAsync(Guid townshipId, Guid itemId, DateOnly date,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var e = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            select e.mode, e.list_kind, e.agreement_id, a.document_no as agreement_no,
                   {Agreements.BacksEntry} as agreement_in_force,
                   v.name, v.withdrawn
            from power_lists.entries e
            left join power_lists.item_versions v on v.item_id = e.item_id and v.valid @> @date
            left join power_lists.agreements a on a.id = e.agreement_id
            where e.township_id = @townshipId and e.item_id = @itemId and e.valid @> @date
            """, new { townshipId, itemId, date }, cancellationToken: ct));
        if (e is null)
            return new ExerciseAnswer(false, null, null, null, null,
                "该事项不在本乡镇（街道）当日的权责清单中，应移送县级主管部门。");
        if (e.Name is null) return No(e, "该事项当日尚未生效。");
        if (e.Withdrawn == true) return No(e, "该事项已取消。");
        if (e.ListKind == "withdrawn") return No(e, "该事项已由上级部门收回。");
        if (e.Mode == ExerciseModes.Entrusted && !e.AgreementInForce)
            return No(e, $"委托协议（{e.AgreementNo}）当日不在有效期内或已撤销。");
        return new ExerciseAnswer(true, e.Mode, e.ListKind, e.AgreementId, e.AgreementNo, null);
    }

    private static ExerciseAnswer No(Row e, string reason) =>
        new(false, e.Mode, e.ListKind, e.AgreementId, e.AgreementNo, reason);

    private sealed record PowerRow(Guid ItemId, string Code, string Name, string Type, string DomainCode, string Mode,
        string ListKind, Guid? AgreementId, bool AgreementInForce, bool Withdrawn);

    public async Task<IReadOnlyList<PowerDomain>> DomainsAsync(CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<PowerDomain>(new CommandDefinition(
            "select code, name from power_lists.domains order by sort", cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<TownshipPower>> TownshipPowersAsync(Guid townshipId, string? domain, DateOnly date,
        CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<PowerRow>(new CommandDefinition($"""
            select e.item_id, i.code, v.name, v.type, v.domain_code, e.mode, e.list_kind, e.agreement_id,
                   {Agreements.BacksEntry} as agreement_in_force,
                   v.withdrawn
            from power_lists.entries e
            join power_lists.items i on i.id = e.item_id
            join power_lists.item_versions v on v.item_id = e.item_id and v.valid @> @date
            left join power_lists.agreements a on a.id = e.agreement_id
            where e.township_id = @townshipId and e.valid @> @date and e.list_kind <> 'withdrawn' and not v.withdrawn
              and (@domain::text is null or v.domain_code = @domain)
            order by i.code
            """, new { townshipId, date, domain }, cancellationToken: ct));
        return rows.Where(r => r.Mode != ExerciseModes.Entrusted || r.AgreementInForce)
            .Select(r => new TownshipPower(r.ItemId, r.Code, r.Name, r.Type, r.DomainCode, r.Mode, r.ListKind,
                r.AgreementId)).ToList();
    }

    public async Task<PowerItem?> FindItemAsync(
        Guid itemId, string countyPath, DateOnly date, CancellationToken ct) =>
        (await FindItemsAsync([itemId], countyPath, date, ct)).GetValueOrDefault(itemId);

    public async Task<IReadOnlyDictionary<Guid, PowerItem>> FindItemsAsync(
        IReadOnlyCollection<Guid> itemIds, string countyPath, DateOnly date, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Guid, PowerItem, (Guid Id, PowerItem Item)>(new CommandDefinition("""
            select i.id, i.code, v.name, v.type, v.domain_code as domain, v.department_id, v.department_name,
                   (select string_agg(concat_ws(' ', b->>'law', b->>'article'), '；')
                    from jsonb_array_elements(v.legal_basis) b) as legal_basis
            from power_lists.items i
            join power_lists.item_versions v on v.item_id = i.id and v.valid @> @date and not v.withdrawn
            where i.id = any(@ids) and i.county_path = @countyPath
            """, new { ids = itemIds.ToArray(), countyPath, date }, cancellationToken: ct),
            (id, item) => (id, item), splitOn: "code")).ToDictionary(x => x.Id, x => x.Item);
    }
}
