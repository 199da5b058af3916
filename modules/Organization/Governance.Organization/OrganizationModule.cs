using Governance.Organization.Auth;
using Governance.Organization.Features;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Organization;

/// <summary>组织机构 module: regions, units, users, roles, credentials (sessions, API tokens) and the scope they carry.</summary>
public static class OrganizationModule
{
    public static readonly ModuleMigrations Migrations = new("organization", typeof(OrganizationModule).Assembly);

    /// <summary>
    /// The module's row → response mapping (<see cref="ModuleMapping"/>), compiled on first use (not by this class's
    /// initialiser, so a broken mapping fails its own test and requests, not the module's registration).
    /// </summary>
    internal static TypeAdapterConfig MappingConfig => ModuleMapping.For(typeof(OrganizationModule).Assembly);

    public static IServiceCollection AddOrganizationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OrganizationOptions>(configuration.GetSection("Organization"));
        services.AddScoped<IRegionDirectory, RegionDirectory>();
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddScoped<Demo.DemoOrganizationGenerator>();
        services.AddSingleton<CredentialCache>();
        services.AddHostedService<CredentialListener>();
        services.AddAuthentication(GovAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, GovAuthenticationHandler>(GovAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var permission in Roles.AllPermissions)
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireClaim(GovClaims.Permission, permission));
        });
        return services;
    }

    /// <summary>Creates the demo organisation for <paramref name="counties"/> counties (idempotent).</summary>
    public static Task<int> GenerateDemoAsync(IServiceProvider services, int counties, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoOrganizationGenerator>().GenerateAsync(counties, ct);

    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth 登录");
        auth.MapPost("/login", AuthEndpoints.Login).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem();
        auth.MapPost("/logout", AuthEndpoints.Logout).RequireAuthorization();
        auth.MapGet("/me", AuthEndpoints.Me).RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        var org = app.MapGroup("/api/v1/organization").WithTags("Organization 组织机构").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        org.MapGet("/roles", UserEndpoints.ListRoles);
        org.MapGet("/regions", RegionEndpoints.List).ProducesProblem(StatusCodes.Status404NotFound);
        org.MapGet("/regions/{id:guid}", RegionEndpoints.Get).ProducesProblem(StatusCodes.Status404NotFound);
        org.MapGet("/units", UnitEndpoints.List);
        org.MapGet("/users", UserEndpoints.List).RequireAuthorization(OrganizationPermissions.UsersRead);
        org.MapPost("/users", UserEndpoints.Create).RequireAuthorization(OrganizationPermissions.UsersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        org.MapPost("/users/{id:guid}/disable", UserEndpoints.Disable).RequireAuthorization(OrganizationPermissions.UsersManage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        org.MapPost("/users/{id:guid}/enable", UserEndpoints.Enable).RequireAuthorization(OrganizationPermissions.UsersManage)
            .ProducesProblem(StatusCodes.Status404NotFound);
        org.MapGet("/api-tokens", ApiTokenEndpoints.List).RequireAuthorization(OrganizationPermissions.TokensManage);
        org.MapPost("/api-tokens", ApiTokenEndpoints.Issue).RequireAuthorization(OrganizationPermissions.TokensManage).ProducesValidationProblem();
        org.MapDelete("/api-tokens/{id:guid}", ApiTokenEndpoints.Revoke).RequireAuthorization(OrganizationPermissions.TokensManage)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
