namespace Governance.Organization.Features;

/// <summary>
/// The module's row → response mapping (<see cref="ModuleMapping"/>: its registers sit next to the endpoints they serve)
/// and the derived values several of them share.
/// </summary>
internal static class OrganizationMapping
{
    public static readonly TypeAdapterConfig Config = ModuleMapping.For(typeof(OrganizationMapping).Assembly);

    /// <summary>The role's Chinese name; the code itself for a role this build does not know.</summary>
    public static string RoleName(string role) => Roles.Find(role)?.Name ?? role;

    /// <summary>The role's permissions; none for a role this build does not know.</summary>
    public static IReadOnlyList<string> Permissions(string role) => Roles.Find(role)?.Permissions ?? [];
}
