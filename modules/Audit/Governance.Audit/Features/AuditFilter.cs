using Governance.Organization.Contracts;
using Governance.SharedKernel;
using Governance.SharedKernel.Errors;

namespace Governance.Audit.Features;

/// <summary>The trail's filters, shared by the list and the export: who (操作人: username, id, or part of a name),
/// what, on which record, with which outcome, in which period.</summary>
internal sealed record AuditFilter(
    DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? RecordType, string? RecordId, string? Action,
    string? Outcome)
{
    /// <summary>How many users a name search may stand for (a name that matches more is too vague to filter by).
    /// </summary>
    private const int MatchedActors = 200;

    /// <summary>The entries in scope that pass the filters (bind <see cref="ParametersAsync"/>).</summary>
    public static readonly string Where = $"""
        {RegionScope.Sql("region_path")}
          and (@from::timestamptz is null or occurred_at >= @from)
          and (@to::timestamptz is null or occurred_at < @to)
          and (@actor::text is null or actor_name = @actor or actor_id::text = @actor or actor_id = any(@actorIds))
          and (@recordType::text is null or record_type = @recordType)
          and (@recordId::text is null or record_id = @recordId)
          and (@action::text is null or action = @action)
          and (@outcome::text is null or outcome = @outcome)
        """;

    /// <summary>Trims and checks the filters; an evaluator's period is narrowed to its grant's.</summary>
    public static AuditFilter Check(
        DateTimeOffset? from, DateTimeOffset? to, string? actor, string? recordType, string? recordId, string? action,
        string? outcome, CurrentUser user)
    {
        var f = new AuditFilter(from, to, TextInput.Blank(actor), TextInput.Blank(recordType),
            TextInput.Blank(recordId), TextInput.Blank(action), TextInput.Blank(outcome));
        new Validator()
            .Check(f.Outcome is null or AuditOutcome.Success or AuditOutcome.Denied or AuditOutcome.Failed, "outcome",
                "结果只能是 success、denied 或 failed。")
            .Check(f.From is null || f.To is null || f.From < f.To, "to", "结束时间须晚于开始时间。")
            .ThrowIfInvalid();
        if (user.Grant is not { } grant) return f;
        // an evaluator reads the trail of its grant's period only
        var (start, until) = grant.Instants;
        DateTimeOffset first = new(start, TimeSpan.Zero), last = new(until, TimeSpan.Zero);
        return f with
        {
            From = f.From is null || f.From < first ? first : f.From, To = f.To is null || f.To > last ? last : f.To,
        };
    }

    /// <summary>The parameters of <see cref="Where"/>: a name is looked up once among the users.</summary>
    public async Task<DynamicParameters> ParametersAsync(CurrentUser user, IUserDirectory users, CancellationToken ct)
    {
        var actorIds = Actor is null ? [] : await users.MatchingAsync(Actor, MatchedActors, ct);
        return new DynamicParameters(new
        {
            scope = user.Scope.Pattern, from = From?.UtcDateTime, to = To?.UtcDateTime, actor = Actor,
            actorIds = actorIds.ToArray(), recordType = RecordType, recordId = RecordId, action = Action,
            outcome = Outcome,
        });
    }
}
