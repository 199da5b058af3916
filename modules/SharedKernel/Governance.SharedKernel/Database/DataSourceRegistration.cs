using System.Data;

namespace Governance.SharedKernel.Database;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> of the process (Npgsql.DependencyInjection is not restorable here).
/// </summary>
public static class DataSourceRegistration
{
    public static IServiceCollection AddGovernanceDataSource(this IServiceCollection services, string connectionString)
    {
        ConfigureDapper();
        // the name Npgsql's metrics label the pool with (by default the connection string: host, user, database)
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "governance" };
        services.AddSingleton(builder.Build());
        return services;
    }

    /// <summary>snake_case columns onto PascalCase members; <c>date</c> columns as <see cref="DateOnly"/>.</summary>
    public static void ConfigureDapper()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateOnly"),
        };
    }
}
