using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>CYM0014: the <c>[CymbioGrants]</c> arguments and manifest grants that no call of the project requires.</summary>
    private sealed partial class CompilationState
    {
        /// <summary>The <c>[CymbioGrants]</c> of a type or method, for <see cref="ReportUnusedGrants"/>.</summary>
        public void CollectGrantAttributes(SymbolAnalysisContext context) => CollectGrantAttributes(context.Symbol, context.Symbol.GetAttributes());

        /// <summary>
        /// The <c>[CymbioGrants]</c> of a local function or a lambda, which symbol actions never visit: found from the
        /// attribute list's syntax, one list at a time. No per-function operation action (the benchmark project has 5,000 calls).
        /// An assembly's attribute list is compared with the required scopes instead (CYM0019).
        /// </summary>
        public void CollectFunctionGrantAttributes(SyntaxNodeAnalysisContext context)
        {
            var list = (AttributeListSyntax)context.Node;
            if (list.Target is null && ScopeSymbols.FunctionOf(list, context.SemanticModel, context.CancellationToken) is { } function)
            {
                CollectGrantAttributes(function, ScopeSymbols.AttributesIn(function, list));
            }
            else if (list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true)
            {
                CompareAssemblyGrants(context, list);
            }
        }

        private void CollectGrantAttributes(ISymbol owner, IEnumerable<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (ScopeSymbols.IsGrantsAttribute(attribute))
                {
                    _grantAttributes.Add((attribute, $"[CymbioGrants] on '{DisplayName(owner)}'"));
                }
            }
        }

        /// <summary>
        /// A grant that no call of the project requires: every <c>[CymbioGrants]</c> argument and manifest grant that is a
        /// known scope. Used means required by a call of the project (by the generator's rule, see <see cref="MarkUsed"/>)
        /// or by a referenced assembly's <c>[assembly: CymbioRequiredScopes]</c>: the set the generator emits as
        /// <c>CymbioRequiredScopes.All</c>.
        /// </summary>
        public void ReportUnusedGrants(CompilationAnalysisContext context)
        {
            var used = new HashSet<string>(_used.Keys, StringComparer.Ordinal);
            foreach (var referenced in RequiredScopesModels.Referenced(context.Compilation))
            {
                used.UnionWith(referenced.Scopes);
            }

            var attributes = _grantAttributes.Concat(_assembly.GetAttributes().Where(ScopeSymbols.IsGrantsAttribute).Select(static a => (a, "[assembly: CymbioGrants]")));
            foreach (var (attribute, owner) in attributes)
            {
                foreach (var (scope, index) in ScopeSymbols.ScopeArguments(attribute, compilation: null, context.CancellationToken))
                {
                    if (scope.Kind == ScopeReferenceKind.Literal && !used.Contains(scope.Text) && !ReportedAsUnknown(scope.Text))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            CallSiteDescriptors.UnusedGrant, ScopeSymbols.ArgumentLocation(attribute, index, context.CancellationToken), scope.Text, owner));
                    }
                }
            }

            foreach (var (scope, location) in _manifest.Entries)
            {
                if (!used.Contains(scope) && !ReportedAsUnknown(scope))
                {
                    context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.UnusedGrant, location, scope, "scopes.json"));
                }
            }
        }
    }
}
