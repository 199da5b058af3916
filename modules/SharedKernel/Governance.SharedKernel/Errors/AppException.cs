namespace Governance.SharedKernel.Errors;

/// <summary>
/// An expected failure that becomes an RFC 9457 problem: a stable <see cref="Code"/>, a status and a Chinese message
/// for the user. Anything else thrown is an unexpected 500 whose details are logged, never returned.
/// </summary>
public class AppException(int status, string code, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}

/// <summary>404: missing, or outside the caller's scope — the two are indistinguishable on purpose.</summary>
public sealed class NotFoundException(string detail = "记录不存在或无权访问。")
    : AppException(404, "not_found", "未找到", detail);

public sealed class ConflictException(string code, string detail)
    : AppException(409, code, "状态冲突", detail);

/// <summary>403. Every one is audited once, by the host's exception handler: as <see cref="Audit"/> says when the
/// denial concerns a record, else as a denied call of the endpoint.</summary>
public sealed class ForbiddenException(string detail = "当前角色无权执行此操作。")
    : AppException(403, "forbidden", "无权操作", detail)
{
    public DeniedAction? Audit { get; init; }
}

/// <summary>
/// The audit line of a denied action on a record: e.g. <c>admission_request.approve</c> on one request.
/// </summary>
public sealed record DeniedAction(string Action, string RecordType, string RecordId, string? RegionPath);

/// <summary>400 with field-level messages (field names are the camelCase names of the request body).</summary>
public sealed class ValidationException : AppException
{
    public ValidationException(IDictionary<string, string[]> errors)
        : base(400, "validation_failed", "请求参数有误", "请检查标注的字段。") => Errors = errors;

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public IDictionary<string, string[]> Errors { get; }
}

/// <summary>Collects field errors and throws one <see cref="ValidationException"/> with all of them.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validator Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
            list.Add(message);
        }
        return this;
    }

    /// <summary>A text that must not be blank. How long it may be is the field's <see cref="TextLimitAttribute"/>,
    /// checked before the handler runs.</summary>
    public Validator Required(string? value, string field, string label) =>
        Check(!string.IsNullOrWhiteSpace(value), field, $"{label}不能为空。");

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
