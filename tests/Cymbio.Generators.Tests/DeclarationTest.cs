using System;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Cymbio.Generators.Tests;

/// <summary>An analyzer test of <see cref="ScopeDeclarationAnalyzer"/> against .NET 10, Cymbio.Client and Refit.</summary>
internal sealed class DeclarationTest : CSharpAnalyzerTest<ScopeDeclarationAnalyzer, DefaultVerifier>
{
    public const string ManifestPath = RoslynTestEnvironment.ManifestPath;

    private readonly string _source;

    public DeclarationTest(string source, string? manifest = null)
    {
        RoslynTestEnvironment.UseCymbioReferences(this, clientDependencies: false, TestState);
        TestCode = source;
        _source = RoslynTestEnvironment.StripMarkup(source);
        if (manifest is not null)
        {
            TestState.AdditionalFiles.Add((ManifestPath, manifest));
        }
    }

    /// <summary>
    /// Runs the analyzer test, then the generator on the same source and manifest: whatever the analyzer reported, the
    /// generator must not crash and its output must compile (compiler errors in the test source itself are the test's).
    /// </summary>
    public async Task RunWithGeneratorAsync()
    {
        await RunAsync();
        var texts = TestState.AdditionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.filename, f.content)).ToArray();
        var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(_source), texts);
        Xunit.Assert.Empty(outcome.Crashes);
        Xunit.Assert.Empty(outcome.Exceptions);
        Xunit.Assert.Empty(outcome.ErrorsInGeneratedCode);
        Xunit.Assert.DoesNotContain(outcome.Errors, d => d.Id == "CS1029");
    }

    /// <summary>The test source with the markup removed.</summary>
    public string SourceWithoutMarkup => _source;

    public static DiagnosticResult Diagnostic(string id) => new(
        DiagnosticDescriptorsAccessor.ForId(id));

    /// <summary>The span of the <paramref name="occurrence"/>-th <paramref name="token"/> in <paramref name="text"/>, 1-based like the testing library.</summary>
    public static DiagnosticResult At(DiagnosticResult result, string path, string text, string token, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(token, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{token}' occurs fewer than {occurrence} times.");
            }
        }

        var (line, column) = Position(text, index);
        var (endLine, endColumn) = Position(text, index + token.Length);
        return result.WithSpan(path, line, column, endLine, endColumn);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1 + text.Take(index).Count(c => c == '\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0)
        {
            lineStart = 0;
        }

        return (line, index - lineStart + 1);
    }
}

/// <summary>Reaches the analyzer's descriptors through its public surface.</summary>
internal static class DiagnosticDescriptorsAccessor
{
    public static DiagnosticDescriptor ForId(string id) =>
        new ScopeDeclarationAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
}
