using Governance.Organization.Contracts;

namespace Governance.IntegrationTests;

/// <summary>
/// Every role × every state-changing operation of the OpenAPI document that names its permission (<c>x-permission</c>):
/// a role without the permission gets 403, a role with it never does (forged ids answer 404, empty bodies 400). The
/// expected answers come from <see cref="Roles"/>, the one role → permission table, so a route guarded by the wrong
/// permission, or by none, fails here.
/// </summary>
public class AuthorizationMatrixTests : IntegrationTest
{
    private static readonly HashSet<string> Unsafe = ["post", "put", "patch", "delete"];

    private sealed record Operation(string Method, string Path, string Permission, string ContentType);

    /// <summary>
    /// The body's media type as documented (an upload takes CSV, not JSON: routing answers 415 to any other).
    /// </summary>
    private static string ContentTypeOf(JsonElement op) =>
        op.TryGetProperty("requestBody", out var body) && body.GetProperty("content").EnumerateObject()
            .Select(c => c.Name).ToList() is { Count: > 0 } types
            && !types.Contains("application/json") ? types[0] : "application/json";

    private static IReadOnlyList<Operation> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => Unsafe.Contains(op.Name) && op.Value.TryGetProperty("x-permission", out _))
                .Select(op => new Operation(op.Name.ToUpperInvariant(), path.Name,
                    op.Value.GetProperty("x-permission").GetString()!, ContentTypeOf(op.Value))))
            .ToList();

    /// <summary>Route parameters filled with values that pass the route constraints and match no record.</summary>
    private static string Concrete(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}]+)\}", m => m.Groups[1].Value switch
        {
            "year" => "2099",
            "date" => "2099-01-01",
            _ => Guid.NewGuid().ToString(),
        });

    private async Task<HttpClient> CallerFor(Role role, HttpClient admin)
    {
        var level = role.Levels.Contains(RegionLevels.County) ? County : role.Levels.Contains(RegionLevels.Township)
            ? Township1 : Village1_1;
        var regionId = await RegionId(level);
        // an evaluator works under an evaluation grant (the demo county's)
        var grantId = role.Code == Roles.Evaluator ? await DemoGrantId() : (Guid?)null;
        if (role.MachineOnly)
        {
            var issued = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/api-tokens",
                new { name = $"矩阵 {role.Code}", role = role.Code, regionId, grantId,
                    expiresAt = DateTimeOffset.UtcNow.AddDays(1) }), HttpStatusCode.Created);
            return App.WithToken(issued.GetProperty("token").GetString()!);
        }
        var username = $"matrix_{role.Code}";
        // a department's staff belong to a department (they submit 职责准入 in its name)
        var unitId = role.Code == Roles.CountyDepartment
            ? await Scalar<Guid>("""
                select id from organization.units where kind = 'county_department' order by name limit 1
                """)
            : (Guid?)null;
        await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/organization/users", new
        {
            username, displayName = role.Name, password = "Matrix@2026", role = role.Code, regionId, unitId, grantId,
        }), HttpStatusCode.Created);
        return await App.LoginAsync(username, "Matrix@2026");
    }

    /// <summary>The only changes open to any signed-in user or to the public.</summary>
    private static readonly string[] OpenToAll =
    [
        "POST /api/v1/auth/login", "POST /api/v1/auth/logout", "PUT /api/v1/auth/scope",
        "POST /api/v1/notifications/{id}/read",
        "POST /api/v1/public/service-centre/centres/{id}/tickets", "POST /api/v1/public/service-centre/ratings",
    ];

    [Test]
    public async Task Every_change_names_its_permission_except_the_few_open_to_all()
    {
        var doc = JsonDocument.Parse(await App.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var unguarded = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => Unsafe.Contains(op.Name) && !op.Value.TryGetProperty("x-permission", out _))
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"));
        Assert.That(unguarded, Is.EquivalentTo(OpenToAll));
    }

    /// <summary>
    /// The matrix as a committed document (docs/authorization-matrix.md): which role may make which change. A
    /// permission changed on a route or in a role shows up as a diff to review; regenerate with UPDATE_MATRIX=1.
    /// </summary>
    [Test]
    public async Task The_committed_authorization_matrix_is_current()
    {
        var doc = JsonDocument.Parse(await App.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var roles = Roles.All;
        var lines = new List<string>
        {
            "# Who may change what (generated by AuthorizationMatrixTests; UPDATE_MATRIX=1 regenerates)",
            "",
            "Every state-changing operation of the API and the permission it requires; ✓ marks the roles that hold it.",
            "A role without it gets 403 (audited once). Open to every signed-in user or the public: " +
            string.Join(", ", OpenToAll.Select(o => $"`{o}`")) + ".",
            "",
            $"| operation | permission | {string.Join(" | ", roles.Select(r => r.Code))} |",
            $"|---|---|{string.Concat(roles.Select(_ => "---|"))}",
        };
        lines.AddRange(Operations(doc).OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method).Select(o =>
            $"| `{o.Method} {o.Path}` | {o.Permission} | " +
            $"{string.Join(" | ", roles.Select(r => r.Permissions.Contains(o.Permission) ? "✓" : ""))} |"));
        var text = string.Join('\n', lines) + "\n";
        var file = Path.Combine(TestDatabase.RepoRoot, "docs/authorization-matrix.md");
        if (Environment.GetEnvironmentVariable("UPDATE_MATRIX") == "1") await File.WriteAllTextAsync(file, text);
        Assert.That(File.Exists(file) ? await File.ReadAllTextAsync(file) : "", Is.EqualTo(text),
            "a permission changed: review it, then run with UPDATE_MATRIX=1 and commit docs/authorization-matrix.md");
    }

    [Test]
    public async Task Every_role_is_refused_exactly_the_changes_its_permissions_do_not_cover()
    {
        var doc = JsonDocument.Parse(await App.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = Operations(doc);
        Assert.That(operations, Has.Count.GreaterThan(40), "the document names the permission of every guarded change");
        Assert.That(operations.Select(o => o.Permission).Except(Roles.AllPermissions), Is.Empty,
            "every x-permission is a known permission");

        var admin = await App.LoginAsync("admin");
        var failures = new List<string>();
        var calls = 0;
        foreach (var role in Roles.All)
        {
            var caller = await CallerFor(role, admin);
            foreach (var op in operations)
            {
                using var request = new HttpRequestMessage(new HttpMethod(op.Method), Concrete(op.Path))
                {
                    Content = op.ContentType == "application/json" ? JsonContent.Create(new { })
                        : new ByteArrayContent([]) { Headers = { ContentType = new(op.ContentType) } },
                };
                request.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");
                using var response = await caller.SendAsync(request);
                calls++;
                var allowed = role.Permissions.Contains(op.Permission);
                var forbidden = response.StatusCode == HttpStatusCode.Forbidden;
                if (allowed == forbidden)
                    failures.Add($"{role.Code} {op.Method} {op.Path} ({op.Permission}): {(int)response.StatusCode}");
                Assert.That((int)response.StatusCode, Is.LessThan(500), $"{role.Code} {op.Method} {op.Path}");
            }
        }
        TestContext.Out.WriteLine($"{Roles.All.Count} roles × {operations.Count} operations = {calls} calls");
        foreach (var failure in failures) TestContext.Out.WriteLine(failure);
        Assert.That(failures, Is.Empty);
    }
}
