using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Package.Tests;

/// <summary>
/// The fenced <c>```csharp</c> blocks of a Markdown file, turned into source files of one consumer project, with
/// <c>#line</c> directives so that the compiler reports a snippet's error at its line and column in the Markdown file.
/// </summary>
/// <remarks>
/// A block is a whole C# file as a reader would paste it. One with top-level statements is kept as it is except that
/// its statements become the body of an async method (a project has one file of top-level statements at most, and
/// <c>args</c> is that method's parameter); its using directives, assembly attributes and type declarations stay where
/// a file puts them. Blocks are never run.
/// </remarks>
internal static class ReadmeSnippets
{
    private const string Fence = "```";

    /// <summary>The <c>```csharp</c> blocks of <paramref name="markdown"/>.</summary>
    public static IReadOnlyList<Snippet> Extract(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var snippets = new List<Snippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != Fence + "csharp")
            {
                continue;
            }

            var first = i + 1;
            var end = first;
            while (end < lines.Length && lines[end].Trim() != Fence)
            {
                end++;
            }

            snippets.Add(new Snippet(first + 1, string.Join("\n", lines[first..end])));
            i = end;
        }

        return snippets;
    }

    /// <summary>The source file of <paramref name="snippet"/>, its lines mapped to <paramref name="markdownPath"/>.</summary>
    /// <param name="snippet">The block.</param>
    /// <param name="markdownPath">The Markdown file, as diagnostics name it.</param>
    /// <param name="className">The class that holds the block's top-level statements, if it has any.</param>
    public static string ToSource(Snippet snippet, string markdownPath, string className)
    {
        var root = CSharpSyntaxTree.ParseText(snippet.Code, new CSharpParseOptions(LanguageVersion.Latest)).GetCompilationUnitRoot();
        var source = new StringBuilder();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count == 0)
        {
            source.AppendLine($"#line {snippet.Line} \"{markdownPath}\"");
            source.AppendLine(snippet.Code);
            return source.ToString();
        }

        foreach (var node in root.Usings.Cast<SyntaxNode>().Concat(root.AttributeLists))
        {
            Append(source, snippet, node, markdownPath);
        }

        source.AppendLine("#line hidden");
        source.AppendLine($"internal static class {className}");
        source.AppendLine("{");
        source.AppendLine("#pragma warning disable CS1998 // a block need not await");
        source.AppendLine("    internal static async global::System.Threading.Tasks.Task RunAsync(string[] args)");
        source.AppendLine("    {");
        foreach (var statement in statements)
        {
            Append(source, snippet, statement, markdownPath);
        }

        source.AppendLine("#line hidden");
        source.AppendLine("    }");
        source.AppendLine("}");
        foreach (var member in root.Members.Where(static m => m is not GlobalStatementSyntax))
        {
            Append(source, snippet, member, markdownPath);
        }

        return source.ToString();
    }

    /// <summary>Writes <paramref name="node"/> at its line and column in the Markdown file.</summary>
    private static void Append(StringBuilder source, Snippet snippet, SyntaxNode node, string markdownPath)
    {
        var start = node.GetLocation().GetLineSpan().StartLinePosition;
        source.AppendLine($"#line {snippet.Line + start.Line} \"{markdownPath}\"");
        source.Append(' ', start.Character).AppendLine(node.ToString());
    }

    /// <summary>A <c>```csharp</c> block.</summary>
    /// <param name="Line">The Markdown line (1-based) of the block's first line of code.</param>
    /// <param name="Code">The code, without the fences.</param>
    internal sealed record Snippet(int Line, string Code);
}
