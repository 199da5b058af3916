using System.Text;
using Governance.SharedKernel;

namespace Governance.IntegrationTests;

/// <summary>事项目录 import (CSV/XLSX, all-or-nothing with a row/column report) and export, round trip.</summary>
public class ServiceCatalogueTransferTests : IntegrationTest
{
    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, "text/csv");

    private const string Header =
        "事项编码,事项名称,层级,办件类型,设定依据,受理条件,申请材料,法定时限,承诺时限,收费金额,收费依据,办理流程," +
        "咨询电话,办理渠道,生效日期,变更说明";

    [Test]
    public async Task A_valid_file_imports_all_rows_and_exports_back_to_the_same_file()
    {
        var zwfw = await App.LoginAsync("zwfw");
        const string township = "SX-IMP-1,低保申请,乡镇,承诺件,社会救助暂行办法,本乡镇户籍," +
            "身份证|原件和复印件|1|必要；户口簿|复印件|1|必要,20,10,,,受理；审核；审批；办结," +
            "0391-1234567,窗口；村代办点,2026-01-01,";
        const string village = "SX-IMP-2,居住证明,村级,即办件,村民委员会组织法,本村居民,无需材料,1,,,," +
            "受理；办结,0391-7654321,村代办点,2026-01-01,";
        var csv = $"""
            {Header}
            {township}
            {village}
            """;
        var dry = await Read<JsonElement>(await zwfw.PostAsync("/api/v1/service-centre/items/import?dryRun=true",
            CsvBody(csv)));
        Assert.That((dry.GetProperty("created").GetInt32(), dry.GetProperty("dryRun").GetBoolean()),
            Is.EqualTo((2, true)));
        Assert.That(await Scalar<long>("select count(*) from service_centre.items"), Is.Zero,
            "a dry run writes nothing");
        var done = await Read<JsonElement>(await zwfw.PostAsync("/api/v1/service-centre/items/import", CsvBody(csv)));
        Assert.That(done.GetProperty("created").GetInt32(), Is.EqualTo(2));
        Assert.That(await Scalar<string>("""
            select materials::text from service_centre.item_versions v join service_centre.items i on i.id = v.item_id
                where i.code = 'SX-IMP-1'
            """),
            Does.Contain("户口簿").And.Contain("\"form\": \"both\""));

        var exported = await zwfw.GetAsync("/api/v1/service-centre/items/export?format=csv");
        var text = (await exported.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo(Header));
        Assert.That(lines[1],
            Does.StartWith("SX-IMP-1,低保申请,乡镇,承诺件").And.Contain(
                "身份证|原件和复印件|1|必要；户口簿|复印件|1|必要"));
        Assert.That(lines[2], Does.Contain("无需材料"));
        // edited and imported back: a new version from a later date
        var edited = text.Replace("SX-IMP-1,低保申请,", "SX-IMP-1,最低生活保障申请,")
            .Replace("2026-01-01,批量导入", "2026-03-01,改名");
        var again = await Read<JsonElement>(await zwfw.PostAsync("/api/v1/service-centre/items/import",
            CsvBody(edited)));
        Assert.That(again.GetProperty("revised").GetInt32(), Is.EqualTo(2),
            "both rows now carry 2026-03-01: each gets a version 2");
        Assert.That(await Scalar<string>("""
            select v.name from service_centre.item_versions v join service_centre.items i on i.id = v.item_id
                where i.code = 'SX-IMP-1' and v.version = 2
            """), Is.EqualTo("最低生活保障申请"));
        var stale = await Problem(await zwfw.PostAsync("/api/v1/service-centre/items/import", CsvBody(edited)),
            HttpStatusCode.BadRequest);
        Assert.That(stale.GetProperty("report")[0].GetProperty("column").GetString(), Is.EqualTo("生效日期"),
            "the same date again is not later than the version in force");
    }

    [Test]
    public async Task Bad_cells_are_reported_by_row_and_column_and_nothing_is_written()
    {
        var zwfw = await App.LoginAsync("zwfw");
        var csv = $"""
            {Header}
            SX-BAD-1,事项一,乡镇,承诺件,依据,条件,身份证|原件|1|必要,5,10,,,受理；办结,0391-1,窗口,2026-01-01,
            SX-BAD-2,事项二,乡镇,即办件,依据,条件,,1,,,,一；二；三；四；五,0391-2,窗口,2026-01-01,
            SX-OK-3,事项三,乡镇,即办件,依据,条件,无需材料,1,,,,受理,0391-3,窗口,2026-13-01,
            """;
        var p = await Problem(await zwfw.PostAsync("/api/v1/service-centre/items/import", CsvBody(csv)),
            HttpStatusCode.BadRequest);
        var report = p.GetProperty("report").EnumerateArray()
            .Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString())).ToList();
        Assert.That(report, Does.Contain((2, "承诺时限")), "promised 10 > statutory 5");
        Assert.That(report, Does.Contain((3, "办理流程")), "five steps");
        Assert.That(report, Does.Contain((3, "申请材料")), "no materials and no 无需材料");
        Assert.That(report, Does.Contain((4, "生效日期")));
        Assert.That(await Scalar<long>("select count(*) from service_centre.items"), Is.Zero);

        var xlsx = new MemoryStream();
        await Xlsx.WriteAsync(xlsx, "事项", Header.Split(','), Rows(), CancellationToken.None);
        static async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
        {
            yield return ["SX-X-1", "事项", "乡镇", "即办件", "依据", "条件", "无需材料", "1", "", "", "", "受理；办结",
                "0391-1", "窗口", "2026-01-01", ""];
            await Task.CompletedTask;
        }
        var content = new ByteArrayContent(xlsx.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Xlsx.ContentType);
        Assert.That((await Read<JsonElement>(await zwfw.PostAsync("/api/v1/service-centre/items/import", content)))
            .GetProperty("created").GetInt32(), Is.EqualTo(1));
        await Problem(await (await App.LoginAsync("t01_leader")).PostAsync("/api/v1/service-centre/items/import",
            CsvBody(csv)), HttpStatusCode.Forbidden);
    }
}
