using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Audit.Features;

/// <summary>The trail's modules, actions and record types with their Chinese and English labels.</summary>
public sealed record AuditCodes(
    IReadOnlyList<AuditCode> Modules, IReadOnlyList<AuditCode> Actions, IReadOnlyList<AuditCode> RecordTypes);

internal static class ListCodes
{
    private static readonly AuditCodes All =
        new(AuditCatalogue.Modules, AuditCatalogue.Actions, AuditCatalogue.RecordTypes);

    public static Ok<AuditCodes> Handle() => TypedResults.Ok(All);
}
