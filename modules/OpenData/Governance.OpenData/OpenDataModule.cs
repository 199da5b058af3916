using Governance.OpenData.Features;
using Governance.OpenData.Packages;
using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Governance.OpenData;

/// <summary>
/// 数据开放 module: a county's monthly open-data package — the CSVs every module supplies through
/// <see cref="IOpenDataSource"/>, a README data dictionary, and a manifest of SHA-256 hashes signed with the
/// deployment's key (OpenData:SigningKey or OpenData:SigningKeyFile).
/// </summary>
public static class OpenDataModule
{
    public static readonly ModuleMigrations Migrations =
        new("open_data", typeof(OpenDataModule).Assembly) { AppendOnly = ["signatures"] };

    /// <summary>Where anyone fetches the public key that checks a package's signature.</summary>
    public const string PublicKeyPath = "/.well-known/governance-open-data-key.pem";

    public static IServiceCollection AddOpenDataModule(this IServiceCollection services)
    {
        services.AddOptions<OpenDataOptions>().BindConfiguration("OpenData");
        return services.AddSingleton<SigningKey>().AddScoped<PackageBuilder>();
    }

    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/open-data").WithTags("OpenData 数据开放").RequireAuthorization()
            .MapGet("/packages/{countyId:guid}/{month}", PackageEndpoints.Get)
            .WithName("GetOpenDataPackage").WithSummary("数据开放包：某县某个已结束月份的数据（ZIP，已签名）")
            .WithDescription("A county's open-data package for a closed month (yyyy-MM): the CSVs of every module "
                + "(KPIs with every revision, township power lists and their changes, the service catalogue, "
                + "applications by item, staffing establishments and movements, enforcement disclosures and case "
                + "counts), README.md (the data dictionary in Chinese and English), manifest.sha256 and "
                + "manifest.sig (ECDSA P-256/SHA-256, DER; public key at " + PublicKeyPath + "). The same data is "
                + "byte-identical on every download; ETag is the manifest's hash (If-None-Match ⇒ 304).")
            .Produces(Status200OK, contentType: "application/zip").Produces(Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(Status401Unauthorized).ProducesProblem(Status404NotFound)
            .ProducesProblem(Status503ServiceUnavailable);
        app.MapGet(PublicKeyPath, PackageEndpoints.PublicKey).AllowAnonymous().WithTags("OpenData 数据开放")
            .WithName("GetOpenDataPublicKey").WithSummary("数据开放包签名公钥（PEM）")
            .WithDescription("The public key (PEM, SubjectPublicKeyInfo) that verifies every package's manifest.sig.")
            .Produces<string>(Status200OK, "application/x-pem-file").ProducesProblem(Status503ServiceUnavailable);
        return app;
    }
}
