namespace Governance.IntegrationTests.Fuzzing;

/// <summary>
/// Ids the fuzzer has seen in responses, so that generated requests reach real records and not only 404: an <c>id</c>
/// is kept under the collection it was read from (<c>/api/v1/service-centre/applications</c>), any other
/// <c>…Id</c> under its property name (<c>itemId</c>).
/// </summary>
public sealed class IdPool
{
    private readonly Dictionary<string, List<string>> _ids = new(StringComparer.OrdinalIgnoreCase);

    public void Harvest(ApiOperation op, JsonElement body) => Walk(CollectionOf(op.Path), body, depth: 0);

    /// <summary>An id for a path parameter or a body property, from what was seen; null when nothing fits.</summary>
    public string? For(string path, string name, Random rng)
    {
        var key = name == "id" ? CollectionOf(path) : name;
        return _ids.TryGetValue(key, out var ids) && ids.Count > 0 ? ids[rng.Next(ids.Count)] : null;
    }

    /// <summary>The collection of a route: its path up to the last <c>{id}</c> (or the whole path).</summary>
    private static string CollectionOf(string path) =>
        path.LastIndexOf("/{id}", StringComparison.Ordinal) is var i and >= 0 ? path[..i] : path;

    private void Walk(string collection, JsonElement e, int depth)
    {
        if (depth > 4) return;
        if (e.ValueKind == JsonValueKind.Array)
            foreach (var item in e.EnumerateArray().Take(20)) Walk(collection, item, depth + 1);
        if (e.ValueKind != JsonValueKind.Object) return;
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out _))
            {
                // an object's own id belongs to the collection only at the top or in its items
                var key = p.Name == "id" ? depth <= 2 ? collection : null
                    : p.Name.EndsWith("Id", StringComparison.Ordinal) ? p.Name : null;
                if (key is not null) Add(key, p.Value.GetString()!);
            }
            else Walk(collection, p.Value, depth + 1);
        }
    }

    private void Add(string key, string id)
    {
        if (!_ids.TryGetValue(key, out var ids)) _ids[key] = ids = [];
        if (ids.Count < 50 && !ids.Contains(id)) ids.Add(id);
    }
}
