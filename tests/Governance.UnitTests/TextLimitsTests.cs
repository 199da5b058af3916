using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Governance.SharedKernel;
using Governance.SharedKernel.Errors;

namespace Governance.UnitTests;

public class TextLimitsTests
{
    public sealed record Basis([TextLimit(5)] string? Law);

    public sealed record Line([TextLimit(3)] string? Kind, int Count);

    public sealed record Body(
        [TextLimit(4)] string? Name, [TextLimit(2)] IReadOnlyList<string>? Codes, Basis? Basis,
        IReadOnlyList<Line>? Lines);

    public sealed record Filter([TextLimit(3)] string? State);

    private static void Handler(Body body, [TextLimit(6)] string? q, [AsParameters] Filter filter) { }

    private static void Untouched(Guid id, string? unlimited) { }

    private static EndpointFilterFactoryContext Context(string handler) => new()
    {
        MethodInfo = typeof(TextLimitsTests).GetMethod(handler, BindingFlags.NonPublic | BindingFlags.Static)!,
        ApplicationServices = new ServiceCollection().BuildServiceProvider(),
    };

    /// <summary>Runs the filter the factory builds for <paramref name="handler"/> on these arguments.</summary>
    private static bool Passes(string handler, params object?[] arguments)
    {
        var reached = false;
        var filtered = TextLimits.Filter(Context(handler),
            _ => { reached = true; return ValueTask.FromResult<object?>(null); });
        filtered(new DefaultEndpointFilterInvocationContext(new DefaultHttpContext(), arguments)).AsTask().Wait();
        return reached;
    }

    private static IDictionary<string, string[]> Errors(params object?[] arguments) =>
        Assert.Throws<ValidationException>(() => Passes(nameof(Handler), arguments))!.Errors;

    private static readonly Body Fine = new("四个字符", ["ab"], new Basis("12345"), [new Line("abc", 1)]);

    [Test]
    public void Texts_at_their_limits_pass() => Assert.That(Passes(nameof(Handler), Fine, "123456", new Filter("abc")));

    [Test]
    public void Counts_code_points_so_an_extension_B_character_is_one() =>
        Assert.That(Passes(nameof(Handler), Fine with { Name = "𠀀𠀀𠀀𠀀" }, null, new Filter(null)));

    [Test]
    public void Names_every_field_over_its_limit_by_its_JSON_path()
    {
        var errors = Errors(
            new Body("五个字符了", ["ab", "abc"], new Basis("123456"), [new Line("abc", 1), new Line("abcd", 2)]),
            "1234567", new Filter("abcd"));
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "name", "codes[1]", "basis.law", "lines[1].kind", "q",
            "state" }));
        Assert.That(errors["name"], Is.EqualTo(new[] { TextLimits.Message(4, 5) }));
        Assert.That(errors["name"][0], Is.EqualTo("最多 4 个字符（现有 5 个）。"));
    }

    [Test]
    public void A_handler_without_limited_text_gets_no_filter()
    {
        EndpointFilterDelegate next = _ => ValueTask.FromResult<object?>(null);
        Assert.That(TextLimits.Filter(Context(nameof(Untouched)), next), Is.SameAs(next));
    }
}
