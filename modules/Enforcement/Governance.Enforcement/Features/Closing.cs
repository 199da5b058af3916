namespace Governance.Enforcement.Features;

/// <param name="On">送达: the day of delivery; 执行: the day paid or carried out (default today).</param>
/// <param name="DeliveryMethod">送达方式: <c>direct</c>, <c>left</c>, <c>post</c>, <c>electronic</c>,
/// <c>entrusted</c>, <c>public</c>.</param>
/// <param name="PaidAmount">执行: the amount paid (the fine plus any 加处罚款).</param>
public sealed record CaseClosingRequest(DateOnly? On, [TextLimit(TextLimits.Code)] string? DeliveryMethod,
    decimal? PaidAmount, [TextLimit(TextLimits.Note)] string? Note);

/// <summary>
/// After the decision: 送达 (61, within 7 working days — a late delivery is recorded, and the response shows the
/// due day), 执行 (67: the fine within 15 days of delivery; 72: 3 % a day late, capped at the fine), 结案 and 归档.
/// An archived case is read-only: no action leads out of <c>archived</c>.
/// </summary>
internal static class Closing
{
    public static async Task<Ok<CaseResponse>> Act(
        Guid id, CaseClosingRequest r, CaseServices cs, [AsParameters] WorkflowServices s)
    {
        await using var step = await CaseStep.StartAsync(id, s, cs);
        var (k, today, action) = (step.K, step.Today, step.Action);
        var on = r.On ?? today;
        var since = action == "execute" ? k.DeliveredOn : k.DecidedOn;
        new Validator()
            .Check(action is "deliver" or "execute" || r.On is null, "on", "结案、归档的日期即今天。")
            .Check(on <= today && (since is null || on >= since), "on", $"日期须在 {since:yyyy-MM-dd} 与今天之间。")
            .Check(action != "deliver" || r.DeliveryMethod is { } m && m != "on_spot"
                && PenaltyRules.DeliveryMethods.ContainsKey(m), "deliveryMethod", "请选择送达方式。")
            .Check(action != "execute" || k.FineAmount is null || r.PaidAmount is not null, "paidAmount",
                "请填写缴纳金额。")
            .Check(r.PaidAmount is null or >= 0m and <= 2_000_000_000m, "paidAmount", "缴纳金额无效。")
            .Check(action != "execute" || k.FineAmount is not null || !string.IsNullOrWhiteSpace(r.Note), "note",
                "请写明处罚的履行情况。")
            .ThrowIfInvalid();
        object after;
        switch (action)
        {
            case "deliver":
                await step.RequireOfficersAsync(on);
                await step.UpdateAsync("delivered_on = @on, delivery_method = @DeliveryMethod",
                    new { id, on, r.DeliveryMethod });
                after = new { DeliveredOn = on, r.DeliveryMethod };
                break;
            case "execute":
                var lateFee = k.FineAmount is { } fine
                    ? PenaltyRules.LateFee(fine, PenaltyRules.PaymentDue(k.DeliveredOn!.Value, step.Options), on,
                        step.Options)
                    : (decimal?)null;
                if (k.FineAmount is { } owed && r.PaidAmount < owed + lateFee)
                    throw new ValidationException("paidAmount", lateFee > 0
                        ? $"应缴 {owed + lateFee:0.##} 元（罚款 {owed:0.##} 元，逾期加处罚款 {lateFee:0.##} 元）。"
                        : $"应缴罚款 {owed:0.##} 元。");
                await step.UpdateAsync("""
                    paid_on = @on, paid_amount = @PaidAmount, late_fee = @lateFee, execution_note = @note
                    """, new { id, on, r.PaidAmount, lateFee, note = TextInput.Blank(r.Note) });
                after = new { On = on, r.PaidAmount, LateFee = lateFee };
                break;
            case "close":
                await step.UpdateAsync("closed_on = @today", new { id, today });
                after = new { ClosedOn = today };
                break;
            default:
                await step.UpdateAsync("archived_on = @today", new { id, today });
                after = new { ArchivedOn = today };
                break;
        }
        return await step.FinishAsync(r.Note, after);
    }
}
