using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cymbio.Package.Tests;

/// <summary>
/// How the package test turns README blocks into a consumer's sources: which blocks it takes, and that an error in a
/// block is reported at its line and column in the README. In process, without packing.
/// </summary>
public sealed class ReadmeSnippetsTests
{
    private const string Markdown = """
        # Title

        ```csharp
        using System;

        var name = "x";
        Console.WriteLine(nmae);

        sealed class Helper { }
        ```

        ```json
        { "not": "csharp" }
        ```

        ```csharp
        public sealed class Declared { }
        ```
        """;

    [Fact]
    public void Extract_TakesTheCSharpBlocks_WithTheLineOfTheirFirstCodeLine()
    {
        var snippets = ReadmeSnippets.Extract(Markdown);

        Assert.Equal(new[] { 4, 17 }, snippets.Select(static s => s.Line));
        Assert.StartsWith("using System;", snippets[0].Code, StringComparison.Ordinal);
        Assert.Equal("public sealed class Declared { }", snippets[1].Code);
    }

    [Fact]
    public void ToSource_ReportsAnErrorInABlock_AtItsReadmeLineAndColumn()
    {
        var snippets = ReadmeSnippets.Extract(Markdown);
        var sources = snippets.Select((snippet, i) => ReadmeSnippets.ToSource(snippet, "README.md", "Snippet" + i));

        var errors = Compile(sources).Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();

        // The statements became a method's body, the class stayed a type, and the one error is the typo, where the
        // README has it: line 7, column 19 ("nmae").
        var error = Assert.Single(errors);
        Assert.Equal("CS0103", error.Id);
        var position = error.Location.GetMappedLineSpan();
        Assert.Equal("README.md", position.Path);
        Assert.Equal((7, 19), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
    }

    private static IEnumerable<Diagnostic> Compile(IEnumerable<string> sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(static path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(static path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Snippets",
            sources.Select(static source => CSharpSyntaxTree.ParseText(source)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics();
    }
}
