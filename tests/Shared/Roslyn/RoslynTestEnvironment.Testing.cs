using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Cymbio.Tests.Shared.Roslyn;

/// <summary>
/// The part of <see cref="RoslynTestEnvironment"/> built on Microsoft.CodeAnalysis.Testing: the .NET 10 reference pack,
/// compilations against it, and the references every analyzer, code-fix and generator test starts from.
/// </summary>
internal static partial class RoslynTestEnvironment
{
    /// <summary>The .NET 10 reference pack (the one this SDK ships; NuGet serves it too).</summary>
    public static readonly ReferenceAssemblies Net100 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
        Net100.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>Framework + Cymbio.Client + Refit, resolved once per test run.</summary>
    public static ImmutableArray<MetadataReference> References => Framework.Value.Add(CymbioClient).Add(Refit);

    /// <summary><see cref="References"/> + <see cref="ClientDependencies"/>: what code calling Cymbio.Client compiles against.</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithClientDependencies => References.AddRange(ClientDependencies);

    /// <summary>Compiles <paramref name="sources"/> as <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, … (the testing library's names).</summary>
    public static CSharpCompilation Compile(params string[] sources) => Compile(TestFiles(sources));

    public static CSharpCompilation Compile((string Source, string Path)[] sources, IEnumerable<MetadataReference>? references = null) =>
        CreateCompilation("TestProject", sources, references ?? References);

    /// <summary>Names <paramref name="sources"/> as the testing library does: <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, ….</summary>
    public static (string Source, string Path)[] TestFiles(IEnumerable<string> sources) => sources.Select((s, i) => (s, $"/0/Test{i}.cs")).ToArray();

    /// <summary>
    /// Points a Microsoft.CodeAnalysis.Testing test at .NET 10 and adds Cymbio.Client and Refit to each of
    /// <paramref name="states"/>; with <paramref name="clientDependencies"/>, <see cref="ClientDependencies"/> too.
    /// </summary>
    public static void UseCymbioReferences<TVerifier>(AnalyzerTest<TVerifier> test, bool clientDependencies, params SolutionState[] states)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = Net100;
        foreach (var state in states)
        {
            state.AdditionalReferences.Add(CymbioClient);
            state.AdditionalReferences.Add(Refit);
            if (clientDependencies)
            {
                state.AdditionalReferences.AddRange(ClientDependencies);
            }
        }
    }

    /// <summary>Removes the testing library's <c>{|ID:…|}</c> and <c>[|…|]</c> markup.</summary>
    public static string StripMarkup(string source) => Regex.Replace(source, @"\{\|[^:|]*:|\|\}|\[\||\|\]", string.Empty);
}
