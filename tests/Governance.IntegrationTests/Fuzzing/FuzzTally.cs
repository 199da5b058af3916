using System.Text;
using System.Text.RegularExpressions;

namespace Governance.IntegrationTests.Fuzzing;

/// <summary>
/// What the fuzzer asks of every answer, and the counts it reports: no 5xx; every error an
/// <c>application/problem+json</c> with a stable code and its own status; no stack frames, SQL or driver messages;
/// the status documented for the operation; a JSON success body that conforms to its documented schema.
/// </summary>
public sealed partial class FuzzTally(ApiDocument doc, string caller)
{
    private readonly SortedDictionary<int, int> _byStatus = [];
    private readonly SortedDictionary<string, int> _byKind = [];
    private readonly List<string> _failures = [];

    public int Requests { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>What internals look like when they leak: .NET stack frames, driver and PostgreSQL messages.</summary>
    [GeneratedRegex(@"\bat Governance\.|\bat System\.|\bat Npgsql\.|\.cs:line \d|Npgsql|SQLSTATE|" +
        @"syntax error at or near|violates (foreign key|unique|check) constraint|relation ""|" +
        @"System\.[A-Z]\w+Exception|Microsoft\.AspNetCore\.")]
    private static partial Regex Internals();

    public void Check(ApiOperation op, FuzzCase fuzz, HttpResponseMessage response, byte[] body)
    {
        Requests++;
        var status = (int)response.StatusCode;
        _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
        _byKind[fuzz.Kind] = _byKind.GetValueOrDefault(fuzz.Kind) + 1;
        var media = response.Content.Headers.ContentType?.MediaType;
        var text = media is not null && (media.Contains("json") || media.StartsWith("text/", StringComparison.Ordinal))
            ? Encoding.UTF8.GetString(body) : null;

        if (status >= 500) Fail(fuzz, status, text);
        if (text is not null && Internals().Match(text) is { Success: true } leak)
            Fail(fuzz, status, $"leaks internals ('{leak.Value}'): {text}");
        if (!op.Responses.ContainsKey(status.ToString()))
            Fail(fuzz, status, $"status not documented for {op} (documented: {string.Join(", ", op.Responses.Keys)})");

        if (status >= 400) CheckProblem(fuzz, status, media, text);
        else if (status is >= 200 and < 300 && media == "application/json" && text is { Length: > 0 }
            && op.Responses.TryGetValue(status.ToString(), out var documented)
            && documented.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            && SchemaCheck.Mismatch(doc, schema, JsonDocument.Parse(text).RootElement) is { } mismatch)
            Fail(fuzz, status, $"body departs from its documented schema at {mismatch}");
    }

    private void CheckProblem(FuzzCase fuzz, int status, string? media, string? text)
    {
        if (media != "application/problem+json" || text is null)
        {
            Fail(fuzz, status, $"an error answered as {media ?? "no body"}");
            return;
        }
        var problem = JsonDocument.Parse(text).RootElement;
        if (!problem.TryGetProperty("code", out var code) || string.IsNullOrEmpty(code.GetString()))
            Fail(fuzz, status, $"problem without a code: {text}");
        if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status)
            Fail(fuzz, status, $"problem's status differs: {text}");
    }

    private void Fail(FuzzCase fuzz, int status, string? detail)
    {
        var request = fuzz.ToString();
        var line = $"{(request.Length > 200 ? request[..200] + "…" : request)} → {status}: {detail}";
        _failures.Add(line.Length > 600 ? line[..600] + "…" : line);
    }

    public string Summary() =>
        $"fuzz {caller}: {Requests} requests; by status " +
        string.Join(", ", _byStatus.Select(s => $"{s.Key}×{s.Value}")) + "; by input " +
        string.Join(", ", _byKind.Select(k => $"{k.Key}×{k.Value}")) + $"; failures {_failures.Count}";
}
