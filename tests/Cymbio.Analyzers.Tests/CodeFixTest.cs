using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Generators.Tests;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cymbio.Analyzers.Tests;

/// <summary>A code-fix test (each fix, then Fix All) against .NET 10, Cymbio.Client and Refit; the fixed code must compile with the generator.</summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest(string[] sources, string[] fixedSources, string? equivalenceKey = null)
    {
        ReferenceAssemblies = TestEnvironment.Net100;
        foreach (var state in new[] { TestState, FixedState })
        {
            state.AdditionalReferences.Add(TestEnvironment.CymbioClient);
            state.AdditionalReferences.Add(TestEnvironment.Refit);
            state.AdditionalReferences.AddRange(CallSiteTest<TAnalyzer>.ClientDependencies);
        }

        foreach (var source in sources)
        {
            TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            FixedState.Sources.Add(source);
        }

        CodeActionEquivalenceKey = equivalenceKey;
        DisabledDiagnostics.Add(CallSiteDiagnosticIds.UnusedGrant);
    }

    public CodeFixTest<TAnalyzer, TCodeFix> WithManifest(string before, string after)
    {
        TestState.AdditionalFiles.Add((CallSiteTest<TAnalyzer>.ManifestPath, before));
        FixedState.AdditionalFiles.Add((CallSiteTest<TAnalyzer>.ManifestPath, after));
        return this;
    }

    public async Task RunWithGeneratorAsync()
    {
        await RunAsync(CancellationToken.None);
        CallSiteTest<TAnalyzer>.AssertCompilesWithGenerator(
            FixedState.Sources.Select((s, i) => (CallSiteTest<TAnalyzer>.Strip(s.content.ToString()), $"/0/Test{i}.cs")).ToArray(),
            FixedState.AdditionalFiles.Select(f => (f.filename, f.content.ToString())).ToArray(),
            FixedState.AdditionalReferences);
    }
}
