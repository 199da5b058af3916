namespace Governance.Organization.Auth;

/// <summary>
/// What an evaluation grant (评估任务) adds to an evaluator's region scope at the door of every API call: a module the
/// grant does not open answers 404, as anything outside a scope does, and every read the evaluator makes is audited
/// (the county lists them by grant: record type evaluation_grant, action evaluation.read) — before it is served, so a
/// read that cannot be audited is not served (503). The period of data is applied by the reads themselves (KPIs, the
/// audit trail, open-data packages).
/// </summary>
internal sealed class EvaluationGate(RequestDelegate next)
{
    public const string ReadAction = "evaluation.read";
    // signing in and out, one's own notifications: not reads of evaluated data
    private static readonly string[] Unaudited = ["/api/v1/auth/", "/api/v1/notifications"];

    public async Task InvokeAsync(HttpContext http, CurrentUser user, IAuditTrail audit)
    {
        var path = http.Request.Path.Value ?? "";
        if (user.Grant is not { } grant || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            || Unaudited.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(http);
            return;
        }
        var what = new { method = http.Request.Method, path = Cut(path + http.Request.QueryString, 1000) };
        var ct = http.RequestAborted;
        if (EvaluationModules.OfPath(path) is { } module && !grant.Opens(module))
        {
            await audit.RecordAttemptAsync(new AuditRecord(ReadAction, "evaluation_grant", grant.Id.ToString(),
                user.Scope.Path, After: what, Outcome: AuditOutcome.Denied), ct);
            throw new NotFoundException();
        }
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            await audit.RecordOrFailAsync(new AuditRecord(ReadAction, "evaluation_grant", grant.Id.ToString(),
                user.Scope.Path, After: what), ct);
        await next(http);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
