using System;
using System.Linq;
using System.Net;
using Xunit;

namespace Cymbio.Client.Tests;

/// <summary><see cref="ServerText"/>: what server text may bring into an exception message or a log line.</summary>
public sealed class ServerTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("\u001b[31mred\u001b[0m and \u001b[1;4mbold\u001b[m", "red and bold")] // SGR colours
    [InlineData("a\u001b[2J\u001b[Hb", "ab")] // clear screen, cursor home
    [InlineData("\u009b31mC1 CSI", "C1 CSI")] // the one-character CSI
    [InlineData("x\u001b]0;pwned title\u0007y", "xy")] // OSC window title, BEL-terminated
    [InlineData("x\u001b]8;;https://evil.test\u001b\\link\u001b]8;;\u001b\\y", "xlinky")] // OSC 8 hyperlink, ST-terminated
    [InlineData("x\u001bcy", "xy")] // ESC c (reset)
    [InlineData("user\u202Egnp.exe", "usergnp.exe")] // right-to-left override
    [InlineData("\u2066iso\u2069late \u200Bzero\u200Dwidth \uFEFFbom", "isolate zerowidth bom")]
    [InlineData("line one\r\nline two\ttab\u2028sep\u0000nul\u0007bel", "line one line two tab sep nul bel")]
    [InlineData("   padded   ", "padded")]
    [InlineData("tag\U000E0041chars", "tagchars")] // supplementary format characters (Unicode tags)
    [InlineData("emoji \U0001F600 kept", "emoji \U0001F600 kept")]
    public void Printable_RemovesWhatATerminalOrAnEditorWouldInterpret(string text, string expected)
    {
        Assert.Equal(expected, ServerText.Printable(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u001b[31m\u202E\r\n\t ")]
    public void Printable_IsNullWhenNothingPrintableIsLeft(string? text)
    {
        Assert.Null(ServerText.Printable(text));
    }

    [Fact]
    public void Printable_IsBounded_WithAnEllipsis_AndNeverSplitsASurrogatePair()
    {
        var cut = ServerText.Printable(new string('x', 5000));
        var emoji = ServerText.Printable(string.Concat(Enumerable.Repeat("\U0001F600", 100)), 11);
        var unterminated = ServerText.Printable("ok\u001b]0;" + new string('t', 5000));

        Assert.Equal(ServerText.DefaultMaxLength, cut!.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 5)) + "…", emoji);
        Assert.Equal("ok", unterminated);
        Assert.Equal("short", ServerText.Printable("short", 5));
        Assert.Equal("lone surrogates", ServerText.Printable("lone \uD800 surro\uDC00gates")); // built here: test data serialization would replace them
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerText.Printable("x", 0));
    }

    [Fact]
    public void ExceptionsBuiltFromServerText_CarryItCleaned()
    {
        const string Hostile = "\u001b[31mbad\u202E\r\nthing\u0007";
        var oauth = new OAuthErrorException("invalid_\u001b[1mgrant\u2066", Hostile + new string('d', 2000), HttpStatusCode.BadRequest);
        var unauthorized = new CymbioUnauthorizedException("ISupplierApi.ListAsync", "invalid_token\u001b]0;title\u0007\r\n");

        Assert.Equal("invalid_grant", oauth.Error);
        Assert.StartsWith("bad thing", oauth.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal(ServerText.DefaultMaxLength, oauth.ErrorDescription!.Length);
        Assert.Contains("invalid_grant (bad thing", oauth.Message, StringComparison.Ordinal);
        Assert.Equal("invalid_token", unauthorized.Error);
        Assert.Contains("(invalid_token)", unauthorized.Message, StringComparison.Ordinal);
        foreach (var message in new[] { oauth.Message, unauthorized.Message })
        {
            Assert.DoesNotContain(message, static c => char.IsControl(c) || c is '\u202E' or '\u2066');
        }
    }
}
