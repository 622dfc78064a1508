using System;
using System.Globalization;
using System.Text;

namespace Cymbio;

/// <summary>
/// Makes text a server sent (an OAuth <c>error_description</c>, a <c>{"message"}</c> body, a challenge's
/// <c>error</c>, an excerpt of a body) safe to put in an exception message or a log line: ANSI escape sequences,
/// control characters, Unicode format characters (bidi overrides and isolates, zero-width characters) and lone
/// surrogates are removed, line and paragraph separators and runs of white space become one space, and the result is
/// at most a bounded number of characters (ending in <c>…</c> when cut).
/// </summary>
public static class ServerText
{
    /// <summary>The default bound: 512 characters.</summary>
    public const int DefaultMaxLength = 512;

    private const char Escape = '\u001B';
    private const char ControlSequenceIntroducer = '\u009B';

    /// <summary>Cleans and bounds <paramref name="text"/>.</summary>
    /// <param name="text">The server's text.</param>
    /// <param name="maxLength">The most characters kept, at least 1; <see cref="DefaultMaxLength"/> by default.</param>
    /// <returns>The cleaned text, or <see langword="null"/> when <paramref name="text"/> is null or nothing printable is left.</returns>
    public static string? Printable(string? text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var cut = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is Escape or ControlSequenceIntroducer)
            {
                i = SkipEscapeSequence(text, i);
                continue;
            }

            string? append;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                append = text.Substring(i, 2);
                i++;
                if (CharUnicodeInfo.GetUnicodeCategory(append, 0) == UnicodeCategory.Format)
                {
                    continue; // tag characters and other supplementary format characters
                }
            }
            else if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (builder.Length == 0 || builder[^1] == ' ')
                {
                    continue;
                }

                append = " ";
            }
            else
            {
                append = c.ToString();
            }

            if (builder.Length + append.Length > maxLength)
            {
                cut = true;
                break;
            }

            builder.Append(append);
        }

        var cleaned = builder.ToString().TrimEnd();
        if (cut)
        {
            // Room for the ellipsis without splitting a surrogate pair.
            var keep = Math.Min(cleaned.Length, maxLength - 1);
            if (keep > 0 && char.IsHighSurrogate(cleaned[keep - 1]))
            {
                keep--;
            }

            cleaned = cleaned[..keep].TrimEnd() + "…";
        }

        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>
    /// The index of the last character of the escape sequence starting at <paramref name="start"/>: CSI
    /// (<c>ESC [</c> or U+009B, parameters, then a final byte), OSC/DCS/SOS/PM/APC strings (up to BEL or <c>ESC \</c>),
    /// or a two-character escape.
    /// </summary>
    private static int SkipEscapeSequence(string text, int start)
    {
        var i = start;
        bool csi;
        if (text[i] == ControlSequenceIntroducer)
        {
            csi = true;
        }
        else
        {
            if (i + 1 >= text.Length)
            {
                return i;
            }

            i++;
            var kind = text[i];
            if (kind is ']' or 'P' or 'X' or '^' or '_')
            {
                // A string: ends at BEL or ST (ESC \); an unterminated one runs to the end of the text.
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '\u0007')
                    {
                        return i;
                    }

                    if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '\\')
                    {
                        return i + 1;
                    }
                }

                return text.Length - 1;
            }

            csi = kind == '[';
            if (!csi)
            {
                return i; // ESC followed by one character (for example ESC c, ESC 7)
            }
        }

        // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, then one final byte 0x40–0x7E.
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\u0040' and <= '\u007E')
            {
                return i;
            }

            if (c is not (>= '\u0020' and <= '\u003F'))
            {
                return i - 1; // malformed: drop what was read, keep the rest
            }
        }

        return text.Length - 1;
    }
}
