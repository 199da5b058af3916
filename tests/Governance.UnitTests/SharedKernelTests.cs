using Npgsql;
using Governance.SharedKernel.Errors;
using Governance.SharedKernel.Paging;
using Governance.SharedKernel.Security;

namespace Governance.UnitTests;

public class MaskingTests
{
    [TestCase("13812345678", "138****5678")]
    [TestCase("12345", "*****")]
    [TestCase(null, null)]
    public void Masks_phone_numbers(string? phone, string? expected) =>
        Assert.That(Masking.Phone(phone), Is.EqualTo(expected));

    [TestCase("410102199001011234", "4101**********1234")]
    [TestCase("41010219900101123X", "4101**********123X")]
    public void Masks_id_numbers(string id, string expected) => Assert.That(Masking.IdNumber(id), Is.EqualTo(expected));
}

public class CursorTests
{
    private sealed record Key(string Name, Guid Id);

    [Test]
    public void A_cursor_round_trips_and_is_opaque()
    {
        var key = new Key("张三", Guid.CreateVersion7());
        var cursor = Cursor.Encode(key);
        Assert.That(cursor, Does.Not.Contain("张三"));
        Assert.That(Cursor.Decode<Key>(cursor), Is.EqualTo(key));
    }

    [TestCase("not-base64!!")]
    [TestCase("bm90IGpzb24")] // "not json"
    public void A_bad_cursor_is_a_validation_error_on_the_cursor_field(string cursor)
    {
        var e = Assert.Throws<ValidationException>(() => Cursor.Decode<Key>(cursor))!;
        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }

    [TestCase(null, 50)]
    [TestCase(1, 1)]
    [TestCase(200, 200)]
    public void Limits_default_and_bound_the_page_size(int? requested, int expected) =>
        Assert.That(Cursor.Limit(requested), Is.EqualTo(expected));

    [TestCase(0)]
    [TestCase(201)]
    public void Out_of_range_limits_are_refused(int requested) =>
        Assert.Throws<ValidationException>(() => Cursor.Limit(requested));

    [Test]
    public void The_extra_row_becomes_a_cursor_and_is_not_returned()
    {
        var rows = Enumerable.Range(1, 4).Select(i => new Key($"u{i}", Guid.Empty)).ToList();
        var page = Cursor.ToPage(rows, 3, r => r);
        Assert.That(page.Items, Has.Count.EqualTo(3));
        Assert.That(Cursor.Decode<Key>(page.NextCursor), Is.EqualTo(rows[2]));
        Assert.That(Cursor.ToPage(rows, 4, r => r).NextCursor, Is.Null);
    }
}

public class ValidatorTests
{
    [Test]
    public void Collects_every_field_error_before_throwing()
    {
        var e = Assert.Throws<ValidationException>(() => new Validator()
            .Required(null, "name", "名称")
            .Required(" ", "code", "编码")
            .Check(false, "name", "second")
            .ThrowIfInvalid())!;
        Assert.That(e.Errors["name"], Is.EqualTo(new[] { "名称不能为空。", "second" }));
        Assert.That(e.Errors["code"], Is.EqualTo(new[] { "编码不能为空。" }));
    }

    [Test]
    public void Passes_when_everything_holds() =>
        Assert.DoesNotThrow(() => new Validator().Required("ok", "name", "名称").Check(true, "x", "never")
            .ThrowIfInvalid());
}

public class RegionScopeTests
{
    [Test]
    public void A_scope_contains_its_subtree_only()
    {
        var township = new RegionScope("/990000000000/990101000000/990101001000/");
        Assert.Multiple(() =>
        {
            Assert.That(township.Contains("/990000000000/990101000000/990101001000/990101001003/"), Is.True);
            Assert.That(township.Contains("/990000000000/990101000000/990101001000/"), Is.True);
            Assert.That(township.Contains("/990000000000/990101000000/990101002000/"), Is.False);
            Assert.That(township.Contains("/990000000000/990101000000/"), Is.False, "the parent county is outside");
            Assert.That(township.Pattern, Is.EqualTo("/990000000000/990101000000/990101001000/%"));
        });
    }
}

public class CsvTests
{
    [Test]
    public void Round_trips_commas_quotes_and_line_breaks()
    {
        var fields = new[] { "CF00123000", "对\"无照经营\"的处罚, 一般情形", "第一行\n第二行", "", "普通" };
        var rows = Governance.SharedKernel.Csv.Parse(
            Governance.SharedKernel.Csv.Line(fields) + Governance.SharedKernel.Csv.Line(["a", "b"]));
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0], Is.EqualTo(fields));
        Assert.That(rows[1], Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Skips_the_BOM_and_blank_lines_and_accepts_LF_only()
    {
        var rows = Governance.SharedKernel.Csv.Parse("\uFEFF编码,名称\n\nCF1,甲\n");
        Assert.That(rows, Is.EqualTo(new[] { new[] { "编码", "名称" }, new[] { "CF1", "甲" } }));
    }

    [Test]
    public void Neutralises_spreadsheet_formulas() =>
        Assert.That(Governance.SharedKernel.Csv.Line(["=HYPERLINK(\"x\")", "-1+cmd|' /C calc'!A0", "@SUM(A1)"]),
            Is.EqualTo("\"'=HYPERLINK(\"\"x\"\")\",'-1+cmd|' /C calc'!A0,'@SUM(A1)\r\n"));

    [Test]
    public void Keeps_negative_numbers_numbers() =>
        Assert.That(Governance.SharedKernel.Csv.Line(["-1", "-2.5", "+3", "-"]), Is.EqualTo("-1,-2.5,+3,'-\r\n"));
}

/// <summary>Which database failures are an outage (503, Retry-After) and which are not (a bug or bad input).</summary>
public class DatabaseOutageTests
{
    private static PostgresException Pg(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [TestCase("08006")] // connection_failure
    [TestCase("57P01")] // admin_shutdown: PostgreSQL is stopping
    [TestCase("57P03")] // cannot_connect_now: starting up or in recovery
    [TestCase("53300")] // too_many_connections
    public void Connection_states_are_an_outage(string sqlState) =>
        Assert.That(Governance.SharedKernel.Http.ProblemExceptionHandler.DatabaseUnavailable(
            new InvalidOperationException("wrapped", Pg(sqlState))), Is.Not.Null);

    [TestCase("23505")] // unique_violation
    [TestCase("40P01")] // deadlock: Npgsql calls it transient, but it is not the database being away
    [TestCase("42P01")] // undefined_table: a bug
    public void Other_errors_are_not(string sqlState) =>
        Assert.That(Governance.SharedKernel.Http.ProblemExceptionHandler.DatabaseUnavailable(Pg(sqlState)), Is.Null);

    [Test]
    public void A_socket_or_pool_timeout_is_an_outage_a_plain_exception_is_not()
    {
        Assert.That(Governance.SharedKernel.Http.ProblemExceptionHandler.DatabaseUnavailable(
            new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))), Is.Not.Null);
        Assert.That(Governance.SharedKernel.Http.ProblemExceptionHandler.DatabaseUnavailable(
            new NpgsqlException("The connection pool has been exhausted", new TimeoutException())), Is.Not.Null);
        Assert.That(Governance.SharedKernel.Http.ProblemExceptionHandler.DatabaseUnavailable(
            new InvalidOperationException("bug")), Is.Null);
    }
}
