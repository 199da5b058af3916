using System.Text;

namespace Governance.IntegrationTests;

public class CatalogueTransferTests : IntegrationTest
{
    private const string Header =
        "基本编码,事项名称,权力类型,执法领域,实施主体,监管单位,设定依据,条款,依据内容,责任事项,追责情形,生效日期," +
        "变更说明\n";

    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, "text/csv");

    [Test]
    public async Task A_valid_file_is_imported_and_exports_back_the_same_rows()
    {
        var office = await App.LoginAsync("bianban");
        var csv = Header +
                  "CF00100000,对占道经营的处罚,行政处罚,城市管理,县城市管理局,,《城市市容和环境卫生管理条例》," +
                  "第三十六条,,立案责任；调查取证责任,不依法履职,2026-01-01,\n" +
                  "JC00100000,\"对食品摊贩的检查, 日常\",JC,SC,县市场监督管理局,县市场监督管理局,《食品安全法》；" +
                  "《某省食品小作坊条例》,第一百一十条；第二十条,,,,2026-02-01,首次发布\n";
        var dry = await Read<JsonElement>(await office.PostAsync("/api/v1/power-lists/items/import?dryRun=true",
            CsvBody(csv)));
        Assert.That((dry.GetProperty("created").GetInt32(), dry.GetProperty("dryRun").GetBoolean()),
            Is.EqualTo((2, true)));
        Assert.That(await Scalar<long>("select count(*) from power_lists.items"), Is.Zero, "a dry run writes nothing");

        var result = await Read<JsonElement>(await office.PostAsync("/api/v1/power-lists/items/import", CsvBody(csv)));
        Assert.That(result.GetProperty("created").GetInt32(), Is.EqualTo(2));

        var exported = await office.GetAsync("/api/v1/power-lists/items/export?asOf=2026-03-01");
        Assert.That(exported.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM for Excel");
        var rows = Governance.SharedKernel.Csv.Parse(Encoding.UTF8.GetString(bytes));
        Assert.That(rows.Count, Is.EqualTo(3));
        Assert.That(rows[2][..6],
            Is.EqualTo(new[] { "JC00100000", "对食品摊贩的检查, 日常", "行政检查", "市场监管", "县市场监督管理局",
                "县市场监督管理局" }));
        Assert.That(rows[2][6], Is.EqualTo("《食品安全法》；《某省食品小作坊条例》"));

        // the exported file, edited, imports back as new versions
        var edited = string.Join("",
            rows.Select((r, i) => Governance.SharedKernel.Csv.Line(
                i == 0 ? r : r[..11].Concat(new[] { "2026-07-01", "年中修订" }))));
        var again = await Read<JsonElement>(await office.PostAsync("/api/v1/power-lists/items/import",
            CsvBody(edited)));
        Assert.That((again.GetProperty("created").GetInt32(), again.GetProperty("revised").GetInt32()),
            Is.EqualTo((0, 2)));
        Assert.That(await Scalar<long>("select count(*) from power_lists.item_versions"), Is.EqualTo(4));
    }

    [Test]
    public async Task Any_bad_cell_rejects_the_whole_file_with_a_row_and_column_report()
    {
        var office = await App.LoginAsync("bianban");
        var csv = Header +
                  "CF00100000,对占道经营的处罚,行政处罚,城市管理,县城市管理局,,,,,,,2026-01-01,\n" +
                  "CF00100000,重复编码,行政处罚,城市管理,县城市管理局,,,,,,,2026-01-01,\n" +
                  "XK00100000,类型不符,行政处罚,火星管理,不存在的局,,,,,,,2026-13-01,\n";
        var p = await Problem(await office.PostAsync("/api/v1/power-lists/items/import", CsvBody(csv)),
            HttpStatusCode.BadRequest);
        var report = p.GetProperty("report").EnumerateArray()
            .Select(i => $"{i.GetProperty("row").GetInt32()}:{i.GetProperty("column").GetString()}").ToList();
        Assert.That(report,
            Is.EquivalentTo(new[] { "3:基本编码", "4:基本编码", "4:执法领域", "4:实施主体", "4:生效日期" }));
        Assert.That(await Scalar<long>("select count(*) from power_lists.items"), Is.Zero, "all or nothing");
    }

    [Test]
    public async Task A_file_without_the_required_columns_or_as_the_wrong_type_is_refused()
    {
        var office = await App.LoginAsync("bianban");
        var p = await Problem(await office.PostAsync("/api/v1/power-lists/items/import",
            CsvBody("编码,名称\nCF1,甲\n")), HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("report").GetArrayLength(), Is.EqualTo(6));
        await Problem(await office.PostAsync("/api/v1/power-lists/items/import",
            new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.UnsupportedMediaType);
        var leader = await App.LoginAsync("t01_leader");
        await Problem(await leader.PostAsync("/api/v1/power-lists/items/import", CsvBody(Header)),
            HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_catalogue_goes_out_and_comes_back_as_Excel()
    {
        var office = await App.LoginAsync("bianban");
        var csv = Header
            + "CF00100000,对占道经营的处罚,行政处罚,城市管理,县城市管理局,,《城市市容和环境卫生管理条例》,第三十六条," +
                ",立案责任,不依法履职,2026-01-01,\n";
        await Read<JsonElement>(await office.PostAsync("/api/v1/power-lists/items/import", CsvBody(csv)));

        var response = await office.GetAsync("/api/v1/power-lists/items/export?asOf=2026-03-01&format=xlsx");
        Assert.That(response.Content.Headers.ContentType!.MediaType,
            Is.EqualTo(Governance.SharedKernel.Xlsx.ContentType));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = Governance.SharedKernel.Xlsx.Read(new MemoryStream(bytes));
        Assert.That(rows[1][..5],
            Is.EqualTo(new[] { "CF00100000", "对占道经营的处罚", "行政处罚", "城市管理", "县城市管理局" }));

        // edit the sheet's effective date and note, import the workbook back: a second version
        rows[1][11] = "2026-08-01";
        rows[1][12] = "Excel 修订";
        using var edited = new MemoryStream();
        await Governance.SharedKernel.Xlsx.WriteAsync(edited, "目录", rows[0],
            rows.Skip(1).Select(r => (IReadOnlyList<string?>)r).ToAsyncEnumerable(), CancellationToken.None);
        var content = new ByteArrayContent(edited.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
            Governance.SharedKernel.Xlsx.ContentType);
        var result = await Read<JsonElement>(await office.PostAsync("/api/v1/power-lists/items/import", content));
        Assert.That(result.GetProperty("revised").GetInt32(), Is.EqualTo(1));
        Assert.That(await Scalar<string>("select change_note from power_lists.item_versions where version = 2"),
            Is.EqualTo("Excel 修订"));

        var broken = new ByteArrayContent([1, 2, 3]);
        broken.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
            Governance.SharedKernel.Xlsx.ContentType);
        var p = await Problem(await office.PostAsync("/api/v1/power-lists/items/import", broken),
            HttpStatusCode.BadRequest);
        Assert.That(p.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain("xlsx"));
    }
}
