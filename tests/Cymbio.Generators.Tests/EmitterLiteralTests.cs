using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>The emitter writes the scope tables' string literals itself for plain text; they must be what Roslyn's formatter writes.</summary>
public sealed class EmitterLiteralTests
{
    public static TheoryData<string> Values()
    {
        var data = new TheoryData<string>
        {
            string.Empty,
            "GetAsync\tGET\tread:orders write:orders\t/v3/items/{id}?a=1&b=\"x\"\n",
            "Op\tPUT\t!\t/a\\\\b\\t\\n\n",
            "\"\\\"",
            "caf\u00e9\t\u2028\u0085\r\0\a\b\f\v\u007f\ud800",
        };
        foreach (var c in Enumerable.Range(0, 0x80))
        {
            data.Add("a" + (char)c + "b");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void AppendLiteral_IsSymbolDisplayFormatLiteral(string value)
    {
        var writer = new SourceWriter();
        Emitter.AppendLiteral(writer, value);

        Assert.Equal(SymbolDisplay.FormatLiteral(value, quote: true), writer.ToString());

        var fromBuffer = new SourceWriter();
        Emitter.AppendLiteral(fromBuffer, new StringBuilder(value));
        Assert.Equal(SymbolDisplay.FormatLiteral(value, quote: true), fromBuffer.ToString());
    }
}
