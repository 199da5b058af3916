namespace Governance.PowerLists.Contracts;

/// <summary>How a township exercises a power (行使方式).</summary>
public static class ExerciseModes
{
    public const string Statutory = "statutory"; // 法定
    public const string Granted = "granted";     // 赋权 (by a higher-level decision)
    public const string Entrusted = "entrusted"; // 委托 (under an entrustment agreement in force)
}

/// <summary>The answer to "may township T exercise power P on date D, and how?".</summary>
/// <param name="Allowed">True only when the township's list has the item on that date as a duty it carries, the item is
/// in force and not withdrawn, and — for 委托 — an agreement covering the item is in force on that date.</param>
/// <param name="Reason">Why not, in the users' words, when not allowed.</param>
public sealed record ExerciseAnswer(bool Allowed, string? Mode, string? ListKind, Guid? AgreementId,
    string? AgreementNumber, string? Reason);

/// <summary>A catalogue item as of a date: its type (<c>CF</c> 行政处罚, <c>QZ</c> 行政强制, <c>JC</c> 行政检查 …), its
/// 执法领域 and the county department that exercises it (实施主体) — where a case goes when a township may
/// not — and its 设定依据 as one line (a decision cites it).</summary>
public sealed record PowerItem(
    string Code, string Name, string Type, string Domain, Guid? DepartmentId, string? DepartmentName,
    string? LegalBasis = null);

/// <summary>A power a township exercises on a date.</summary>
public sealed record TownshipPower(Guid ItemId, string Code, string Name, string Type, string Domain, string Mode,
    string ListKind, Guid? AgreementId);

/// <summary>A 执法领域 (the county's enforcement domains, e.g. <c>CG</c> 城市管理), reference data of the
/// catalogue.</summary>
public sealed record PowerDomain(string Code, string Name);

/// <summary>What other modules (Enforcement, ServiceCentre) may ask the PowerLists module.</summary>
public interface IPowerLists
{
    /// <summary>The 执法领域 in their official order.</summary>
    Task<IReadOnlyList<PowerDomain>> DomainsAsync(CancellationToken ct);

    Task<ExerciseAnswer> CanExerciseAsync(Guid townshipId, Guid itemId, DateOnly date, CancellationToken ct);

    /// <summary>
    /// The powers a township exercises on <paramref name="date"/>, optionally in one domain (执法领域).
    /// </summary>
    Task<IReadOnlyList<TownshipPower>> TownshipPowersAsync(Guid townshipId, string? domain, DateOnly date,
        CancellationToken ct);

    /// <summary>The item as of <paramref name="date"/>, if it belongs to the county at
    /// <paramref name="countyPath"/> and is in force.</summary>
    Task<PowerItem?> FindItemAsync(Guid itemId, string countyPath, DateOnly date, CancellationToken ct);

    /// <summary><see cref="FindItemAsync"/> for many items in one query: those found, by id.</summary>
    Task<IReadOnlyDictionary<Guid, PowerItem>> FindItemsAsync(IReadOnlyCollection<Guid> itemIds, string countyPath,
        DateOnly date, CancellationToken ct);
}
