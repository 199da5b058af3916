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

/// <summary>
/// 组织机构 module: regions, units, users, roles, credentials (sessions, API tokens) and the scope they carry.
/// </summary>
public static class OrganizationModule
{
    public static readonly ModuleMigrations Migrations = new("organization", typeof(OrganizationModule).Assembly);

    /// <summary>
    /// The module's row → response mapping (<see cref="ModuleMapping"/>), compiled on first use (not by this class's
    /// initialiser, so a broken mapping fails its own test and requests, not the module's registration).
    /// </summary>
    internal static TypeAdapterConfig MappingConfig => ModuleMapping.For(typeof(OrganizationModule).Assembly);

    public static IServiceCollection AddOrganizationModule(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OrganizationOptions>(configuration.GetSection("Organization"));
        services.AddScoped<IRegionDirectory, RegionDirectory>();
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<Demo.DemoOrganizationGenerator>();
        services.AddSingleton<CredentialCache>();
        services.AddHostedService<CredentialListener>();
        services.AddAuthentication(GovAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, GovAuthenticationHandler>(
                GovAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var permission in Roles.AllPermissions)
                o.AddPolicy(permission,
                    p => p.RequireAuthenticatedUser().RequireClaim(GovClaims.Permission, permission));
        });
        return services;
    }

    /// <summary>Evaluators' grants at the door of every call (<see cref="EvaluationGate"/>): after authentication,
    /// before authorization (a closed module is 404 before any 403).</summary>
    public static IApplicationBuilder UseEvaluationGrants(this IApplicationBuilder app) =>
        app.UseMiddleware<EvaluationGate>();

    /// <summary>Creates the demo organisation for <paramref name="counties"/> counties (idempotent).</summary>
    public static Task<int> GenerateDemoAsync(IServiceProvider services, int counties, CancellationToken ct) =>
        services.GetRequiredService<Demo.DemoOrganizationGenerator>().GenerateAsync(counties, ct);

    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth 登录");
        auth.MapPost("/login", AuthEndpoints.Login)
            .WithName("Login").WithSummary("登录：用户名和密码换取会话 Cookie 与 CSRF 令牌")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", AuthEndpoints.Logout)
            .WithName("Logout").WithSummary("退出登录：结束当前会话")
            .RequireAuthorization();
        auth.MapGet("/me", AuthEndpoints.Me)
            .WithName("GetCurrentUser").WithSummary("当前用户：身份、角色、权限与管辖范围")
            .RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPut("/scope", AuthEndpoints.SwitchScope)
            .WithName("SwitchEvaluationScope").WithSummary("切换评估范围：评估机构在评估任务的区划之间切换")
            .RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        var org = app.MapGroup("/api/v1/organization").WithTags("Organization 组织机构").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        org.MapGet("/roles", UserEndpoints.ListRoles)
            .WithName("ListRoles").WithSummary("角色及其权限");
        org.MapGet("/regions", RegionEndpoints.List)
            .WithName("ListRegions").WithSummary("行政区划：某区划的下级（缺省为本人所在区划）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        org.MapGet("/regions/{id:guid}", RegionEndpoints.Get)
            .WithName("GetRegion").WithSummary("行政区划详情及其上级区划")
            .ProducesProblem(StatusCodes.Status404NotFound);
        org.MapGet("/units", UnitEndpoints.List)
            .WithName("ListUnits").WithSummary("管辖范围内的单位（部门、科室、事业单位、服务中心、代办点）");
        org.MapGet("/users", UserEndpoints.List)
            .WithName("ListUsers").WithSummary("管辖范围内的用户")
            .RequireAuthorization(OrganizationPermissions.UsersRead);
        org.MapPost("/users", UserEndpoints.Create)
            .WithName("CreateUser").WithSummary("新建用户")
            .RequireAuthorization(OrganizationPermissions.UsersManage)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        org.MapPost("/users/{id:guid}/disable", UserEndpoints.Disable)
            .WithName("DisableUser").WithSummary("停用用户")
            .RequireAuthorization(OrganizationPermissions.UsersManage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        org.MapPost("/users/{id:guid}/enable", UserEndpoints.Enable)
            .WithName("EnableUser").WithSummary("启用用户")
            .RequireAuthorization(OrganizationPermissions.UsersManage)
            .ProducesProblem(StatusCodes.Status404NotFound);
        org.MapGet("/api-tokens", ApiTokenEndpoints.List)
            .WithName("ListApiTokens").WithSummary("API 令牌列表")
            .RequireAuthorization(OrganizationPermissions.TokensManage);
        org.MapPost("/api-tokens", ApiTokenEndpoints.Issue)
            .WithName("IssueApiToken").WithSummary("签发 API 令牌（令牌明文只显示这一次）")
            .RequireAuthorization(OrganizationPermissions.TokensManage).ProducesValidationProblem();
        org.MapDelete("/api-tokens/{id:guid}", ApiTokenEndpoints.Revoke)
            .WithName("RevokeApiToken").WithSummary("吊销 API 令牌")
            .RequireAuthorization(OrganizationPermissions.TokensManage)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var grants = org.MapGroup("/evaluation-grants").RequireAuthorization(OrganizationPermissions.GrantsManage);
        grants.MapGet("", EvaluationGrantEndpoints.List)
            .WithName("ListEvaluationGrants").WithSummary("评估任务列表（状态、机构或事项筛选）")
            .ProducesValidationProblem();
        grants.MapGet("/{id:guid}", EvaluationGrantEndpoints.Get)
            .WithName("GetEvaluationGrant").WithSummary("评估任务详情：范围、期间、模块、账户与令牌")
            .ProducesProblem(StatusCodes.Status404NotFound);
        grants.MapPost("", EvaluationGrantEndpoints.Create)
            .WithName("CreateEvaluationGrant").WithSummary("新建评估任务：授权评估机构查阅一次评估所需的数据")
            .ProducesValidationProblem();
        grants.MapPut("/{id:guid}", EvaluationGrantEndpoints.Change)
            .WithName("ChangeEvaluationGrant").WithSummary("修改评估任务（If-Match）：乡镇、期间、模块、到期时间")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesValidationProblem();
        grants.MapPost("/{id:guid}/revoke", EvaluationGrantEndpoints.Revoke)
            .WithName("RevokeEvaluationGrant").WithSummary("撤销评估任务（If-Match）：其账户和令牌立即失效")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesValidationProblem();

        var pub = app.MapGroup("/api/v1/public/organization").WithTags("Public 公开").AllowAnonymous();
        pub.MapGet("/counties", RegionEndpoints.PublicCounties)
            .WithName("ListPublicCounties").WithSummary("公开：各县及其乡镇（公开页面的县、乡镇选择）");
        return app;
    }
}
