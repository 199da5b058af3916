global using Dapper;
global using Governance.OpenData.Contracts;
global using Governance.SharedKernel;
global using Governance.SharedKernel.Errors;
global using Governance.SharedKernel.Security;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Npgsql;
