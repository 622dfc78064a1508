using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Generators.Tests;

/// <summary>References, compilations and drivers shared by the generator tests.</summary>
internal static class TestEnvironment
{
    /// <summary>The .NET 10 reference pack (the one this SDK ships; NuGet serves it too).</summary>
    public static readonly ReferenceAssemblies Net100 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static readonly MetadataReference CymbioClient = MetadataReference.CreateFromFile(typeof(Cymbio.ScopeSet).Assembly.Location);

    public static readonly MetadataReference Refit = MetadataReference.CreateFromFile(typeof(global::Refit.GetAttribute).Assembly.Location);

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
        Net100.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>Framework + Cymbio.Client + Refit, resolved once per test run.</summary>
    public static ImmutableArray<MetadataReference> References => Framework.Value.Add(CymbioClient).Add(Refit);

    public static string RepositoryManifest => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scopes.json"));

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => Cymbio.Tests.Shared.Repository.Root;

    public static CSharpCompilation Compile(params string[] sources) => Compile(sources.Select((s, i) => (s, $"/0/Test{i}.cs")).ToArray());

    public static CSharpCompilation Compile((string Source, string Path)[] sources, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "TestProject",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, ParseOptions, s.Path, Encoding.UTF8)),
            references ?? References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new ScopeGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

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

    public static AdditionalText Manifest(string content, string path = "/0/scopes.json") => new InMemoryAdditionalText(path, content);
}

internal sealed record RunOutcome(
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> AllDiagnostics)
{
    /// <summary>CS8784/CS8785 (generator failed) and AD0001 (analyzer threw): must never appear.</summary>
    public IEnumerable<Diagnostic> Crashes =>
        GeneratorDiagnostics.Concat(AllDiagnostics).Where(d => d.Id is "CS8784" or "CS8785" or "AD0001");

    public IEnumerable<Exception> Exceptions => Result.Results.Select(r => r.Exception).OfType<Exception>();

    public IEnumerable<Diagnostic> Cymbio => AllDiagnostics.Where(d => d.Id.StartsWith("CYM", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start);

    public IEnumerable<Diagnostic> Errors => AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Errors inside generated files other than our own deliberate <c>#error</c> (CS1029): generated code must compile
    /// whatever the input, or fail with a reason.
    /// </summary>
    public IEnumerable<Diagnostic> ErrorsInGeneratedCode => Errors.Where(d =>
        d.Id != "CS1029" && d.Location.SourceTree is { } tree && Result.GeneratedTrees.Contains(tree));

    public string? Generated(string hintName) =>
        Result.Results.SelectMany(r => r.GeneratedSources).Where(s => s.HintName == hintName).Select(s => s.SourceText.ToString()).FirstOrDefault();

    public IEnumerable<string> HintNames => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName);
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string content)
    {
        Path = path;
        _text = SourceText.From(content, Encoding.UTF8);
    }

    public InMemoryAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
