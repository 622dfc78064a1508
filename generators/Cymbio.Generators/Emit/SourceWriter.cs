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
    private readonly StringBuilder _builder;
    private int _indent;

    /// <summary>A writer whose buffer starts with room for <paramref name="capacity"/> characters (it grows as needed).</summary>
    public SourceWriter(int capacity = 16) => _builder = new StringBuilder(capacity);

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
}
