using System.Buffers.Text;
using System.Text.Json;
using Governance.SharedKernel.Errors;

namespace Governance.SharedKernel.Paging;

/// <summary>A keyset page: the rows and an opaque cursor for the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Opaque keyset cursors (base64url JSON of the last row's sort key) and bounded page sizes.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Limit(int? requested) => requested switch
    {
        null => DefaultLimit,
        < 1 => throw new ValidationException("limit", "每页条数至少为 1。"),
        > MaxLimit => throw new ValidationException("limit", $"每页条数不能超过 {MaxLimit}。"),
        _ => requested.Value,
    };

    public static string Encode<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <param name="field">The query parameter the cursor came in, named in the 400.</param>
    public static TKey? Decode<TKey>(string? cursor, string field = "cursor") where TKey : class
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var json = Base64Url.DecodeFromChars(cursor);
            // a forged cursor may hide a NUL (U+0000) the host's guard cannot see; PostgreSQL cannot compare with it
            if (HoldsNul(json)) throw new ValidationException(field, "分页游标无效。");
            return JsonSerializer.Deserialize<TKey>(json) ?? throw new ValidationException(field, "分页游标无效。");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ValidationException(field, "分页游标无效。");
        }
    }

    /// <summary>Whether a string or property name of the JSON holds a NUL (JSON can only carry one escaped).</summary>
    private static bool HoldsNul(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                && reader.GetString()!.Contains('\0')) return true;
        return false;
    }

    /// <summary>Turns limit+1 fetched rows into a page: the extra row only signals that more exist.</summary>
    public static Page<T> ToPage<T, TKey>(IReadOnlyList<T> rows, int limit, Func<T, TKey> key)
    {
        if (rows.Count <= limit) return new Page<T>(rows, null);
        var items = rows.Take(limit).ToList();
        return new Page<T>(items, Encode(key(items[^1])));
    }
}
