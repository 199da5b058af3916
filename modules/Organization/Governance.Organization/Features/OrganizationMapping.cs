namespace Governance.Organization.Features;

/// <summary>
/// Derived values that several of the module's mapping registers share (the registers sit next to the endpoints they
/// serve; the config is <see cref="OrganizationModule.MappingConfig"/>).
/// </summary>
internal static class OrganizationMapping
{
    /// <summary>The role's Chinese name; the code itself for a role this build does not know.</summary>
    public static string RoleName(string role) => Roles.Find(role)?.Name ?? role;

    /// <summary>The role's permissions; none for a role this build does not know.</summary>
    public static IReadOnlyList<string> Permissions(string role) => Roles.Find(role)?.Permissions ?? [];
}
