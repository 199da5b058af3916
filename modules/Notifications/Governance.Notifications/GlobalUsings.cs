global using Governance.SharedKernel;
