using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Cymbio.Generators.Tests;

/// <summary>An analyzer test of <see cref="ScopeDeclarationAnalyzer"/> against .NET 10, Cymbio.Client and Refit.</summary>
internal sealed class DeclarationTest : CSharpAnalyzerTest<ScopeDeclarationAnalyzer, DefaultVerifier>
{
    public const string ManifestPath = "/0/scopes.json";

    public DeclarationTest(string source, string? manifest = null)
    {
        ReferenceAssemblies = TestEnvironment.Net100;
        TestState.AdditionalReferences.Add(TestEnvironment.CymbioClient);
        TestState.AdditionalReferences.Add(TestEnvironment.Refit);
        TestCode = source;
        if (manifest is not null)
        {
            TestState.AdditionalFiles.Add((ManifestPath, manifest));
        }
    }

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
