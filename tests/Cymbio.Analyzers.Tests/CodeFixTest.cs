using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Tests.Shared.Roslyn;
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
    private readonly bool _runsGenerator;

    public CodeFixTest(string[] sources, string[] fixedSources, string? equivalenceKey = null)
    {
        RoslynTestEnvironment.UseCymbioReferences(this, clientDependencies: true, TestState, FixedState);
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

    /// <summary>
    /// Whether Cymbio's generator runs in the test's compilations (its <c>[assembly: CymbioRequiredScopes]</c> is what CYM0019 reads).
    /// The generated files themselves are the generator tests' concern, not checked here.
    /// </summary>
    public bool RunsGenerator
    {
        get => _runsGenerator;
        init
        {
            _runsGenerator = value;
            TestBehaviors |= value ? TestBehaviors.SkipGeneratedSourcesCheck : TestBehaviors.None;
        }
    }


    public CodeFixTest<TAnalyzer, TCodeFix> WithManifest(string before, string after)
    {
        TestState.AdditionalFiles.Add((RoslynTestEnvironment.ManifestPath, before));
        FixedState.AdditionalFiles.Add((RoslynTestEnvironment.ManifestPath, after));
        return this;
    }

    /// <summary>Adds a compiled assembly as a metadata reference, before and after the fix.</summary>
    public CodeFixTest<TAnalyzer, TCodeFix> WithReference(Microsoft.CodeAnalysis.MetadataReference reference)
    {
        TestState.AdditionalReferences.Add(reference);
        FixedState.AdditionalReferences.Add(reference);
        return this;
    }

    /// <inheritdoc/>
    protected override System.Collections.Generic.IEnumerable<System.Type> GetSourceGenerators() =>
        RunsGenerator ? new[] { typeof(Cymbio.Generators.ScopeGenerator) } : base.GetSourceGenerators();

    public async Task RunWithGeneratorAsync()
    {
        await RunAsync(CancellationToken.None);
        CallSiteTest<TAnalyzer>.AssertCompilesWithGenerator(
            RoslynTestEnvironment.TestFiles(FixedState.Sources.Select(s => RoslynTestEnvironment.StripMarkup(s.content.ToString()))),
            FixedState.AdditionalFiles.Select(f => (f.filename, f.content.ToString())).ToArray(),
            FixedState.AdditionalReferences);
    }
}
