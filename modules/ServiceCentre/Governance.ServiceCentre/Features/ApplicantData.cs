namespace Governance.ServiceCentre.Features;

/// <summary>
/// 个人信息查看留痕: who may see an applicant's full ID number, name and phone, and the audit line every unmasking
/// writes — the one rule behind the application's detail and the rectification's call-back contact.
/// </summary>
internal static class ApplicantData
{
    /// <summary>
    /// Those who handle applications may reveal applicants' personal data (audited); everyone else never sees it.
    /// </summary>
    internal static bool MayReveal(CurrentUser user) => user.Has(ServiceCentrePermissions.ApplicationsHandle);

    /// <summary>
    /// 403 for a caller who may not; otherwise one <c>application.personal_data_revealed</c> line naming the
    /// application (and <paramref name="context"/>, where it was shown). No line, no unmasking: a trail that cannot
    /// be written fails the request (503).
    /// </summary>
    internal static async Task RevealAsync(CurrentUser user, IAuditTrail audit, Guid applicationId, string originPath,
        object? context, CancellationToken ct)
    {
        if (!MayReveal(user)) throw new ForbiddenException("当前角色不能查看申请人完整的个人信息。");
        await audit.RecordOrFailAsync(new AuditRecord("application.personal_data_revealed", "application",
            applicationId.ToString(), originPath, After: context), ct);
    }
}
