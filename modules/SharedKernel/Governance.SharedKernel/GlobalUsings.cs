global using Dapper;
global using Microsoft.Extensions.DependencyInjection;
global using Npgsql;
global using Microsoft.AspNetCore.Http;
