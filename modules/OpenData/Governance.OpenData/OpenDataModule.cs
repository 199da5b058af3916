using Governance.SharedKernel.Database;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.OpenData;

/// <summary>
/// 数据开放 module: a county's monthly open-data package — the CSVs every module supplies through
/// <see cref="IOpenDataSource"/>, a README data dictionary, and a manifest of SHA-256 hashes signed with the
/// deployment's key.
/// </summary>
public static class OpenDataModule
{
    public static readonly ModuleMigrations Migrations = new("open_data", typeof(OpenDataModule).Assembly);

    public static IServiceCollection AddOpenDataModule(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder app) => app;
}
