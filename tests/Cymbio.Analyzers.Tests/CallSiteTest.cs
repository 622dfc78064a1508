using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// An analyzer test against .NET 10, Cymbio.Client and Refit; afterwards the generator runs on the same sources and
/// manifest and the compilation must have no compiler errors.
/// </summary>
internal sealed class CallSiteTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public CallSiteTest(params string[] sources)
    {
        RoslynTestEnvironment.UseCymbioReferences(this, clientDependencies: true, TestState);
        foreach (var source in sources)
        {
            TestState.Sources.Add(source);
        }
    }

    /// <summary>Turns off the compilation-end report of unused grants, which most tests are not about.</summary>
    public CallSiteTest<TAnalyzer> WithoutUnusedGrants()
    {
        DisabledDiagnostics.Add(CallSiteDiagnosticIds.UnusedGrant);
        return this;
    }

    /// <summary>Adds a project manifest.</summary>
    public CallSiteTest<TAnalyzer> WithManifest(string manifest)
    {
        TestState.AdditionalFiles.Add((RoslynTestEnvironment.ManifestPath, manifest));
        return this;
    }

    /// <summary>Adds an assembly compiled from <paramref name="source"/> as a metadata (PE) reference.</summary>
    public CallSiteTest<TAnalyzer> WithLibrary(string source)
    {
        TestState.AdditionalReferences.Add(Library(source));
        return this;
    }

    /// <summary>Adds a compiled assembly as a metadata reference (Cymbio.Api, for example).</summary>
    public CallSiteTest<TAnalyzer> WithReference(MetadataReference reference)
    {
        TestState.AdditionalReferences.Add(reference);
        return this;
    }

    public CallSiteTest<TAnalyzer> Expect(params DiagnosticResult[] results)
    {
        ExpectedDiagnostics.AddRange(results);
        return this;
    }

    public async Task RunWithGeneratorAsync()
    {
        await RunAsync(CancellationToken.None);
        AssertCompilesWithGenerator(
            RoslynTestEnvironment.TestFiles(TestState.Sources.Select(s => RoslynTestEnvironment.StripMarkup(s.content.ToString()))),
            TestState.AdditionalFiles.Select(f => (f.filename, f.content.ToString())).ToArray(),
            TestState.AdditionalReferences,
            TestState.OutputKind ?? OutputKind.DynamicallyLinkedLibrary);
    }

    /// <summary>Runs the generator and the declaration analyzer; no crash, no compiler error.</summary>
    public static void AssertCompilesWithGenerator((string Source, string Path)[] sources, (string Path, string Content)[] files, IEnumerable<MetadataReference> extraReferences, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var references = RoslynTestEnvironment.References.AddRange(extraReferences.Where(r => r is not PortableExecutableReference { FilePath: { } path } || !RoslynTestEnvironment.References.OfType<PortableExecutableReference>().Any(e => e.FilePath == path)));
        var compilation = RoslynTestEnvironment.Compile(sources, references);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(outputKind));
        var outcome = RoslynTestEnvironment.Run(compilation, files.Select(f => RoslynTestEnvironment.Manifest(f.Content, f.Path)).ToArray());
        Xunit.Assert.Empty(outcome.Crashes);
        Xunit.Assert.Empty(outcome.Exceptions);
        Xunit.Assert.Empty(outcome.Errors.Where(d => !d.Id.StartsWith("CYM", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    public static MetadataReference Library(string source) =>
        RoslynTestEnvironment.EmitReference(RoslynTestEnvironment.Compile(new[] { (source, "/lib/Library.cs") }).WithAssemblyName("Sample.Library"));
}

/// <summary>Shorthands for the analyzer tests.</summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic<TAnalyzer>(string id)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        new(new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == id));

    /// <summary>CYM0012 at markup location <paramref name="location"/> (<c>{|#n:…|}</c>); the grant source is an additional location, not compared.</summary>
    public static DiagnosticResult Missing(int location, string method, string missing, string source) =>
        Diagnostic<ScopeCallAnalyzer>(CallSiteDiagnosticIds.MissingScopes)
            .WithLocation(location)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(method, missing, source);
}
