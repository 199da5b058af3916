global using Dapper;
global using Governance.Audit.Contracts;
global using Governance.Organization.Contracts;
global using Governance.SharedKernel.Errors;
global using Governance.SharedKernel.Security;
global using Npgsql;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Builder;
