namespace Governance.ServiceCentre.Contracts;

/// <summary>事项 kinds: 即办件 (completed on the spot) and 承诺件 (completed within promised working days).</summary>
public static class ServiceKinds
{
    public const string Immediate = "immediate"; // 即办件
    public const string Promised = "promised";   // 承诺件
}
