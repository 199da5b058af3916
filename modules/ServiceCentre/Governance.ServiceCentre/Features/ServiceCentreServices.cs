using Governance.Calendar.Contracts;
using Microsoft.Extensions.Options;

namespace Governance.ServiceCentre.Features;

/// <summary>
/// What ServiceCentre's larger handlers take from the request and the container, bound as one parameter
/// (<c>[AsParameters]</c>, as eShop's <c>CatalogServices</c>): services only, so the OpenAPI document is unchanged.
/// </summary>
internal sealed record ServiceCentreServices(
    NpgsqlDataSource Db, CurrentUser User, ScopeGuard Guard, IAuditTrail Audit, IWorkingCalendar Calendar,
    IRegionDirectory Regions, IOptions<ServiceCentreOptions> Options, TimeProvider Clock, HttpContext Http,
    CancellationToken Cancellation);
