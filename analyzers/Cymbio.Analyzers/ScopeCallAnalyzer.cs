using System.Collections.Immutable;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Analyzers;

/// <summary>
/// Compares the scope requirement of every call (invocation, method group, delegate creation) with the grants that
/// serve it: the options or token provider traced to the receiver, else the nearest <c>[CymbioScope]</c> or
/// <c>[CymbioGrants]</c> on the enclosing code, else the project manifest's <c>grants</c> (docs/architecture.md, "Where grants come from").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class ScopeCallAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        CallSiteDescriptors.MissingScopes,
        CallSiteDescriptors.NoGrantSource,
        CallSiteDescriptors.UnusedGrant,
        CallSiteDescriptors.InferredEndpoint,
        CallSiteDescriptors.GrantsNotRequired);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (CymbioSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }

            var catalog = ManifestCatalog.Read(start);
            var state = new CompilationState(symbols, ManifestGrants.From(catalog), start.Compilation.Assembly)
            {
                // ScopeDeclarationAnalyzer reports these as CYM0006 (unknown scope): one diagnostic for one typo.
                ReportedAsUnknown = scope => catalog.CanCheck && !catalog.IsKnown(scope),
            };
            // Calls only: a block's locals and a type's own fields and properties are read when a scoped call's receiver
            // needs them. No symbol-start or per-block actions: a symbol-start action makes the compiler track the end
            // of every type of the compilation, which cost more than a quarter of a whole build (docs/benchmarks.md).
            start.RegisterOperationAction(state.OnCall, OperationKind.Invocation, OperationKind.MethodReference);
            start.RegisterSymbolAction(state.CollectGrantAttributes, SymbolKind.NamedType, SymbolKind.Method);
            // Local functions and lambdas are no symbols that symbol actions visit: their [CymbioGrants] come from attribute
            // lists, filtered by the list's parent before any semantic question (no per-function operation action).
            start.RegisterSyntaxNodeAction(state.CollectFunctionGrantAttributes, SyntaxKind.AttributeList);
            start.RegisterCompilationEndAction(state.ReportUnusedGrants);
            // CYM0019 compares the project's grants with the generator's [assembly: CymbioRequiredScopes], one document
            // at a time (a local diagnostic, so its fix shows in the editor without full solution analysis).
            start.RegisterAdditionalFileAction(state.CompareManifestGrants);
        });
    }
}
