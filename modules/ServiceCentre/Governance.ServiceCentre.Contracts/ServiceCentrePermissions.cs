namespace Governance.ServiceCentre.Contracts;

/// <summary>便民服务 permissions.</summary>
public static class ServiceCentrePermissions
{
    // 便民服务事项目录 (县政务服务管理), 差评申诉裁定
    public const string ServicesManage = "services.manage";
    // 差评整改: call-back, rectification, appeal
    public const string RatingsRectify = "ratings.rectify";
    // 办件登记: windows, village agents, the online portal
    public const string ApplicationsRegister = "applications.register";
    // 办件办理 and 窗口评价; may see applicants' personal data
    public const string ApplicationsHandle = "applications.handle";
    // 叫号 and ticket steps at a window
    public const string QueueCall = "queue.call";

    public static readonly IReadOnlyList<string> All = [ServicesManage, RatingsRectify, ApplicationsRegister,
        ApplicationsHandle, QueueCall];
}
