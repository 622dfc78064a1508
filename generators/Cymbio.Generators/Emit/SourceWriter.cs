using System;
using System.Globalization;
using System.Text;

namespace Cymbio.Generators;

/// <summary>An indented text writer for generated C# (LF line endings, four-space indents).</summary>
/// <remarks>
/// A line is written whole with <see cref="Line"/>, or in pieces: <see cref="StartLine"/>, <see cref="Append(string)"/>
/// and <see cref="EndLine"/>, which spares building each line as a string first (the scope tables' per-operation lines
/// were a third of the generator's allocations).
/// </remarks>
internal sealed class SourceWriter
{
    /// <summary>The largest buffer kept for reuse, in characters.</summary>
    private const int MaxSpareCapacity = 256 * 1024;

    /// <summary>A buffer given back by <see cref="ToStringAndRelease"/>, for the next writer on this thread.</summary>
    [ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder _builder;
    private int _indent;

    /// <summary>
    /// A writer whose buffer has room for at least <paramref name="capacity"/> characters (it grows as needed): the
    /// buffer a writer on this thread released, if it is large enough, otherwise a new one.
    /// </summary>
    public SourceWriter(int capacity = 16)
    {
        var spare = t_spare;
        if (spare is not null && spare.Capacity >= capacity)
        {
            t_spare = null;
            _builder = spare.Clear();
        }
        else
        {
            _builder = new StringBuilder(capacity);
        }
    }

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Starts a non-empty line: its indentation. Finish it with <see cref="EndLine"/>.</summary>
    public SourceWriter StartLine()
    {
        _builder.Append(' ', _indent * 4);
        return this;
    }

    public SourceWriter Append(string text)
    {
        _builder.Append(text);
        return this;
    }

    public SourceWriter Append(char c)
    {
        _builder.Append(c);
        return this;
    }

    public SourceWriter Append(int value)
    {
        _builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public SourceWriter EndLine()
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>
    /// The text, giving the buffer back for the next writer on this thread (the scope tables are written one after
    /// another, and a buffer per file was a tenth of a cold run's allocations). The writer cannot be used afterwards.
    /// </summary>
    public string ToStringAndRelease()
    {
        var text = _builder.ToString();
        if (_builder.Capacity <= MaxSpareCapacity)
        {
            t_spare = _builder;
        }

        _builder = null!;
        return text;
    }
}
