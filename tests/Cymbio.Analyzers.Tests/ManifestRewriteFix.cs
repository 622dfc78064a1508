using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Analyzers.CodeFixes;
using Cymbio.Generators;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// CYM0019's fix on a diagnostic inside <c>scopes.json</c>, as the editor applies it: the testing library only fixes
/// diagnostics in C# documents, so this builds a workspace project (Cymbio's generator loaded as an analyzer reference,
/// as the package ships it), computes the diagnostics, asks the fix for its action through the additional document's
/// <see cref="CodeFixContext"/> and applies it.
/// </summary>
internal static class ManifestRewriteFix
{
    /// <summary>The manifest after the fix, and the CYM0019 diagnostics of the fixed project (none when the fix made the grants exact).</summary>
    public static async Task<(string Manifest, ImmutableArray<Diagnostic> Remaining, string Title)> ApplyAsync(string manifest, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "TestProject",
            "TestProject",
            LanguageNames.CSharp,
            compilationOptions: RoslynTestEnvironment.CompilationOptions,
            parseOptions: RoslynTestEnvironment.ParseOptions,
            metadataReferences: RoslynTestEnvironment.ReferencesWithClientDependencies,
            analyzerReferences: new AnalyzerReference[] { new GeneratorReference() }));
        foreach (var (source, path) in RoslynTestEnvironment.TestFiles(sources))
        {
            project = project.AddDocument(path, SourceText.From(source), filePath: path).Project;
        }

        var manifestDocument = project.AddAdditionalDocument("scopes.json", SourceText.From(manifest), filePath: RoslynTestEnvironment.ManifestPath);
        var solution = manifestDocument.Project.Solution;

        var diagnostic = Assert.Single(await GrantsNotRequiredAsync(manifestDocument.Project));
        Assert.Equal(RoslynTestEnvironment.ManifestPath, diagnostic.Location.GetLineSpan().Path);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(manifestDocument, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new GrantRequiredScopesCodeFix().RegisterCodeFixesAsync(context);
        var fix = Assert.Single(actions);
        Assert.Equal(GrantRequiredScopesCodeFix.Key, fix.EquivalenceKey);

        var operation = Assert.Single((await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedProject = operation.ChangedSolution.GetProject(project.Id)!;
        var text = await fixedProject.GetAdditionalDocument(manifestDocument.Id)!.GetTextAsync();
        return (text.ToString(), await GrantsNotRequiredAsync(fixedProject), fix.Title);
    }

    private static async Task<ImmutableArray<Diagnostic>> GrantsNotRequiredAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeCallAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == CallSiteDiagnosticIds.GrantsNotRequired).ToImmutableArray();
    }

    /// <summary>Cymbio's generator as the project's analyzer reference, so that its compilation holds what the generator emits.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        // One instance: the workspace maps each generator back to its reference.
        private readonly ImmutableArray<ISourceGenerator> _generators = ImmutableArray.Create(new ScopeGenerator().AsSourceGenerator());

        public override string FullPath => typeof(ScopeGenerator).Assembly.Location;

        public override object Id => nameof(GeneratorReference);

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) =>
            language == LanguageNames.CSharp ? _generators : ImmutableArray<ISourceGenerator>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => ImmutableArray<ISourceGenerator>.Empty;
    }
}
