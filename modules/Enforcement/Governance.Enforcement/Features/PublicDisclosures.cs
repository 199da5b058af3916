namespace Governance.Enforcement.Features;

/// <param name="RetractionReason">Set when the decision was revoked or changed: the entry then shows only its number,
/// dates and the reason.</param>
public sealed record PublicDisclosure(
    Guid Id, string State, string DecisionNo, DateOnly DecidedOn, DateOnly PublishedOn, string? TownshipName,
    string? DomainName, string? PartyDisplay, string? CreditCode, string? Facts, string? Penalty, string? LegalBasis,
    DateOnly? RetractedOn, string? RetractionReason);

/// <summary>
/// The public's 行政执法公示 list (no login): a county's or a township's published decisions, newest first, by domain.
/// What was retracted shows only the reason; an entry leaves the list <see cref="EnforcementOptions.DisclosureYears"/>
/// years after publication (<see cref="EnforcementOptions.PersonDisclosureYears"/> where the party is a person) —
/// decided in the query, so no job has to run. Answers carry a weak ETag of what they show (304 to a client that holds
/// it) and may be cached for a minute.
/// </summary>
internal static class PublicDisclosures
{
    private sealed record Key(DateOnly PublishedOn, Guid Id);

    public static async Task<Results<Ok<Page<PublicDisclosure>>, StatusCodeHttpResult>> List(
        Guid regionId, [TextLimit(10)] string? domain, [TextLimit(TextLimits.Cursor)] string? cursor, int? limit,
        [AsParameters] EnforcementServices s)
    {
        var ct = s.Cancellation;
        domain = TextInput.Blank(domain);
        var region = await s.Regions.FindAsync(regionId, ct);
        if (region is null || region.Level is not (RegionLevels.County or RegionLevels.Township))
            throw new NotFoundException();
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode<Key>(cursor);
        var o = s.Settings;
        await using var c = await s.Db.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<Disclosures.Row>(new CommandDefinition($"""
            {Disclosures.Select}
            where d.region_path like @path and d.published_on is not null
              and (@domain::text is null or d.domain = @domain)
              and d.published_on > case when d.party_kind = 'person' then @personSince else @since end
              and (@afterId::uuid is null or (d.published_on, d.id) < (@afterOn, @afterId))
            order by d.published_on desc, d.id desc limit @take
            """, new
            {
                path = region.Path + "%", domain, since = s.Today.AddYears(-o.DisclosureYears),
                personSince = s.Today.AddYears(-o.PersonDisclosureYears), afterOn = after?.PublishedOn,
                afterId = after?.Id, take = take + 1,
            }, cancellationToken: ct))).ToList();
        var page = Cursor.ToPage(rows, take, d => new Key(d.PublishedOn!.Value, d.Id));
        var shown = page.Items.Select(d => $"{d.Id}:{d.Version}").Append(page.NextCursor ?? "");
        if (HttpCaching.NotModified(s.Http, shown))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(new Page<PublicDisclosure>(page.Items.Select(ToPublic).ToList(), page.NextCursor));
    }

    private static PublicDisclosure ToPublic(Disclosures.Row d) => d.State == "retracted"
        ? new(d.Id, d.State, d.DecisionNo, d.DecidedOn, d.PublishedOn!.Value, d.TownshipName, d.DomainName, null, null,
            null, null, null, d.RetractedOn, d.RetractionReason)
        : new(d.Id, d.State, d.DecisionNo, d.DecidedOn, d.PublishedOn!.Value, d.TownshipName, d.DomainName,
            d.PartyDisplay, d.CreditCode, d.Facts, d.Penalty, d.LegalBasis, null, null);
}
