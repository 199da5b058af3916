using Governance.OpenData.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.IntegrationTests;

/// <summary>Reading a module's open-data files (数据开放包) for the demo county as the package builder does: the
/// source from DI, its files, and their rows as header → value.</summary>
internal static class OpenDataFiles
{
    public static async Task<IReadOnlyList<OpenDataFile>> ReadAsync(TestApp app, string module, DateOnly month)
    {
        await using var c = await app.Db.OpenConnectionAsync();
        var county = await c.QuerySingleAsync<(Guid Id, string Path, string Name)>(
            "select id, path, name from organization.regions where code = '990101000000'");
        using var scope = app.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IOpenDataSource>().Single(s => s.Module == module);
        return await source.FilesAsync(
            new OpenDataScope(county.Id, county.Path, "990101000000", county.Name, month), CancellationToken.None);
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(
        this IReadOnlyList<OpenDataFile> files, string name)
    {
        var file = files.Single(f => f.Name == name);
        Assert.That(file.Rows, Has.All.Count.EqualTo(file.Columns.Count), $"{name}: a value for every column");
        return file.Rows.Select(r => (IReadOnlyDictionary<string, string?>)file.Columns
            .Select((col, i) => (col.Name, r[i])).ToDictionary(x => x.Name, x => x.Item2)).ToList();
    }

    /// <summary>The files as text: what the package would hold, to compare two reads.</summary>
    public static string Text(IReadOnlyList<OpenDataFile> files) => string.Join("\n", files.Select(f =>
        $"{f.Name}|{f.Title}|{f.TitleEnglish}|{string.Join(',', f.Columns)}\n" +
        string.Join("\n", f.Rows.Select(r => string.Join('|', r)))));
}
