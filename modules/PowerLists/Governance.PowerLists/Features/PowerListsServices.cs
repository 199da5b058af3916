using Microsoft.Extensions.Options;

namespace Governance.PowerLists.Features;

/// <summary>
/// What PowerLists' larger handlers take from the request and the container, bound as one parameter
/// (<c>[AsParameters]</c>, as eShop's <c>CatalogServices</c>): services only, so the OpenAPI document is unchanged.
/// </summary>
internal sealed record PowerListsServices(
    NpgsqlDataSource Db, CurrentUser User, IAuditTrail Audit, ScopeGuard Guard, IUnitDirectory Units,
    IRegionDirectory Regions, IOptions<PowerListsOptions> Options, TimeProvider Clock, HttpContext Http,
    CancellationToken Cancellation);
