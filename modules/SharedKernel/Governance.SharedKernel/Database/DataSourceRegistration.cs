using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// The optional read replica for reports (<see cref="ReportingDatabase"/>): a hot standby of the primary, reached
    /// as the same login. Without <paramref name="connectionString"/> every read goes to the primary. A replica that
    /// does not answer within 2 s is left out until it answers a poll again.
    /// </summary>
    public static IServiceCollection AddGovernanceReadReplica(this IServiceCollection services,
        string? connectionString)
    {
        services.AddOptions<ReplicaOptions>().BindConfiguration("Database:Replica")
            .Validate(o => o.MaxLagSeconds > 0 && o.PollMilliseconds > 0,
                "Database:Replica:MaxLagSeconds and PollMilliseconds must be positive.");
        var source = string.IsNullOrWhiteSpace(connectionString) ? null
            : new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 2 }
                .ConnectionString) { Name = "governance-replica" }.Build();
        services.AddSingleton(sp => new ReadReplica(sp.GetRequiredService<NpgsqlDataSource>(), source,
            sp.GetRequiredService<IOptions<ReplicaOptions>>(),
            sp.GetRequiredService<ILogger<ReadReplica>>()));
        return services.AddHostedService(sp => sp.GetRequiredService<ReadReplica>())
            .AddSingleton<RecentWriters>().AddScoped<ReportingDatabase>();
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
