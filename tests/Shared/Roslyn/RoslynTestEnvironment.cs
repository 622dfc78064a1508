using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Tests.Shared.Roslyn;

/// <summary>
/// The Roslyn setup the generator tests, the analyzer tests and the benchmarks share: metadata references, parse and
/// compilation options, compilations, generator drivers and a run of the generator with the declaration analyzer.
/// Linked into the projects that set <c>CymbioSharedRoslyn</c> (tests/Directory.Build.props); the benchmarks link
/// this part but not <c>RoslynTestEnvironment.Testing.cs</c>, which needs Microsoft.CodeAnalysis.Testing.
/// </summary>
internal static partial class RoslynTestEnvironment
{
    /// <summary>Where the tests put a project's <c>scopes.json</c>.</summary>
    public const string ManifestPath = "/0/scopes.json";

    public static readonly MetadataReference CymbioClient = MetadataReference.CreateFromFile(typeof(Cymbio.ScopeSet).Assembly.Location);

    public static readonly MetadataReference Refit = MetadataReference.CreateFromFile(typeof(global::Refit.GetAttribute).Assembly.Location);

    /// <summary>Assemblies in Cymbio.Client's public signatures (logging, options).</summary>
    public static readonly MetadataReference[] ClientDependencies =
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Options.OptionsValidationException).Assembly.Location),
    };

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A library with nullable reference types enabled.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>Parses <paramref name="sources"/> (UTF-8, at their paths) into a compilation with <see cref="CompilationOptions"/>.</summary>
    public static CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<(string Source, string Path)> sources, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, ParseOptions, s.Path, Encoding.UTF8)),
            references,
            CompilationOptions);

    /// <summary>A driver for <paramref name="generators"/> with <see cref="ParseOptions"/>; no output kind is disabled.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<ISourceGenerator> generators, IEnumerable<AdditionalText>? additionalTexts, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            generators,
            additionalTexts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A driver for <see cref="ScopeGenerator"/> alone.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null, bool trackSteps = false) =>
        CreateDriver(new[] { new ScopeGenerator().AsSourceGenerator() }, additionalTexts, trackSteps);

    /// <summary>Runs the generator and the declaration analyzer; returns everything a test needs to judge the run.</summary>
    public static RunOutcome Run(Compilation compilation, params AdditionalText[] additionalTexts)
    {
        var driver = CreateDriver(additionalTexts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var analyzerOptions = new AnalyzerOptions(ImmutableArray.Create(additionalTexts));
        var withAnalyzers = output.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeDeclarationAnalyzer()),
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var analyzerDiagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return new RunOutcome(result, output, generatorDiagnostics.AddRange(result.Diagnostics), analyzerDiagnostics);
    }

    /// <summary>Emits <paramref name="compilation"/> to memory as a metadata (PE) reference; throws with the diagnostics if emit fails.</summary>
    public static MetadataReference EmitReference(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>A <c>scopes.json</c> (or any additional file) held in memory.</summary>
    public static AdditionalText Manifest(string content, string path = ManifestPath) => new InMemoryAdditionalText(path, content);
}
