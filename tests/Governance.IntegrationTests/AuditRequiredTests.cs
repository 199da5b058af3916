using Governance.SharedKernel.Auditing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>
/// An audit trail whose insert fails at the database for one action: the record reaches PostgreSQL with a NUL in its
/// region path (22021), so the real insert runs and fails, as when the trail is unavailable.
/// </summary>
internal sealed class FailingAuditTrail(IAuditTrail inner, string failingAction) : IAuditTrail
{
    private AuditRecord Poison(AuditRecord r) => r.Action == failingAction ? r with { RegionPath = "\0" } : r;

    public Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditRecord record,
        CancellationToken ct) =>
        inner.RecordAsync(connection, transaction, Poison(record), ct);

    public Task RecordAttemptAsync(AuditRecord record, CancellationToken ct) =>
        inner.RecordAttemptAsync(Poison(record), ct);

    public Task RecordOrFailAsync(AuditRecord record, CancellationToken ct) =>
        inner.RecordOrFailAsync(Poison(record), ct);

    /// <summary>Wraps the registered trail (an internal type of the Audit module) in this decorator.</summary>
    public static void Decorate(IServiceCollection services, string failingAction)
    {
        var real = services.Single(d => d.ServiceType == typeof(IAuditTrail)).ImplementationType!;
        services.AddScoped<IAuditTrail>(sp =>
            new FailingAuditTrail((IAuditTrail)ActivatorUtilities.CreateInstance(sp, real), failingAction));
    }
}

public class AuditRequiredTests : ServiceCentreTest
{
    protected override TestApp CreateApp() => TestApp.Get("failing-reveal-audit", services: s =>
    {
        s.AddSingleton<TimeProvider>(Clock);
        FailingAuditTrail.Decorate(s, "application.personal_data_revealed");
    });

    [Test]
    public async Task Personal_data_is_not_revealed_when_its_audit_row_cannot_be_written()
    {
        Clock.SetCountyDay("2026-11-20");
        var item = await ItemAsync("SX-004", "promised", 5);
        var window = await App.LoginAsync("t01_window");
        var id = (await Register(window, item)).GetProperty("id").GetGuid();

        var response = await window.GetAsync($"/api/v1/service-centre/applications/{id}?reveal=true");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain("110101199003070011").And.Not.Contain("13812345678"), "nothing unmasked");
        var p = await Problem(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("audit_unavailable"));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'application.personal_data_revealed'
            """),
            Is.Zero);

        // the masked view needs no audit row and still works
        var masked = await Read<JsonElement>(await window.GetAsync($"/api/v1/service-centre/applications/{id}"));
        Assert.That(masked.GetProperty("applicantIdNumber").GetString(), Is.EqualTo("1101**********0011"));
    }

    [Test]
    public async Task A_rectifications_call_back_contact_is_not_revealed_when_its_audit_row_cannot_be_written()
    {
        Clock.SetCountyDay("2026-11-20");
        var window = await App.LoginAsync("t01_window");
        var id = (await Register(window, await ItemAsync("SX-005", "immediate", null))).GetProperty("id").GetGuid();
        await Read<JsonElement>(await Act(window, id, "complete", 1, new { outcome = "approved" }));
        var rid = (await Read<JsonElement>(await window.PostAsJsonAsync(
            $"/api/v1/service-centre/applications/{id}/ratings", new { level = 1, comment = "态度差" }),
            HttpStatusCode.Created)).GetProperty("rectificationId").GetGuid();

        var response = await window.GetAsync($"/api/v1/service-centre/rectifications/{rid}?reveal=true");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain("张三").And.Not.Contain("13812345678"), "nothing unmasked");
        var p = await Problem(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(p.GetProperty("code").GetString(), Is.EqualTo("audit_unavailable"));
        Assert.That(await Scalar<long>("""
            select count(*) from audit.entries where action = 'application.personal_data_revealed'
            """),
            Is.Zero);
    }
}
