global using Dapper;
global using Governance.SharedKernel.Auditing;
global using Governance.SharedKernel.Security;
global using Npgsql;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Builder;
global using Governance.Audit.Contracts;
global using Governance.SharedKernel;
