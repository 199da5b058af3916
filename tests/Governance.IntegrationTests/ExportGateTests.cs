using Governance.SharedKernel.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>One caller's streamed downloads run two at a time (<see cref="ExportGate"/>): the next is refused with a
/// 429 problem and Retry-After before any work, while other callers export as usual.</summary>
public class ExportGateTests : ServiceCentreTest
{
    private const string Export = "/api/v1/service-centre/applications/export?format=csv";

    [Test]
    public async Task A_caller_whose_export_slots_are_taken_is_refused_and_others_are_not()
    {
        var clerk = await App.LoginAsync("t01_window");
        var gate = App.Services.GetRequiredService<ExportGate>();
        var caller = $"user:{await UserId("t01_window")}";
        // two exports of the clerk's in flight (held here as the streaming would hold them)
        var inFlight = new[] { gate.Enter(caller), gate.Enter(caller) };
        Assert.That(inFlight.All(l => l.IsAcquired));

        const string Exported = "select count(*) from audit.entries where action = 'applications.exported'";
        var exportedBefore = await Scalar<long>(Exported);
        var refused = await clerk.GetAsync(Export);
        var p = await Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.That((p.GetProperty("code").GetString(), refused.Headers.RetryAfter?.Delta),
            Is.EqualTo(("export.too_many", (TimeSpan?)TimeSpan.FromSeconds(5))));
        Assert.That(await Scalar<long>(Exported), Is.EqualTo(exportedBefore),
            "refused before the handler: no export ran, none is audited");
        var other = await (await App.LoginAsync("t01_leader")).GetAsync(Export);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another caller's export runs");

        inFlight[0].Dispose();
        var again = await clerk.GetAsync(Export);
        Assert.That((again.StatusCode, again.Content.Headers.ContentType?.MediaType),
            Is.EqualTo((HttpStatusCode.OK, "text/csv")), "a slot freed: the clerk's next export runs");
        inFlight[1].Dispose();
        Assert.That(gate.Enter(caller).IsAcquired, "the finished exports gave their slots back");
    }
}
