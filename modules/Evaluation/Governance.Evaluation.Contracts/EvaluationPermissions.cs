namespace Governance.Evaluation.Contracts;

/// <summary>评估意见 permissions: evaluators post findings, the agencies answer them, both read the threads.</summary>
public static class EvaluationPermissions
{
    public const string FindingsRead = "findings.read";
    public const string FindingsPost = "findings.post";
    public const string FindingsAnswer = "findings.answer";

    public static readonly IReadOnlyList<string> All = [FindingsRead, FindingsPost, FindingsAnswer];
}
