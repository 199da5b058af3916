namespace Governance.Organization.Contracts;

/// <summary>Who a user is to a reader: the display name and the unit (单位), or the region when it has none.</summary>
public sealed record UserCard(Guid Id, string DisplayName, string Unit);

/// <summary>What other modules may ask the Organization module about users (e.g. who did what in the trail).</summary>
public interface IUserDirectory
{
    /// <summary>The cards of a set of user ids, in one query (missing ids are absent from the answer).</summary>
    Task<IReadOnlyDictionary<Guid, UserCard>> CardsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Ids of the users whose display name or username contains <paramref name="text"/> (at most
    /// <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<Guid>> MatchingAsync(string text, int limit, CancellationToken ct);
}
