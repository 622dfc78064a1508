using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Generators;

/// <summary>CYM0006 for the scope attributes that symbol actions never visit: on the assembly, a local function or a lambda.</summary>
public sealed partial class ScopeDeclarationAnalyzer
{
    private sealed partial class Catalog
    {
        /// <summary>
        /// <c>[assembly: CymbioGrants(…)]</c>, or <c>[CymbioGrants]</c> / <c>[CymbioScope]</c> on a local function or a
        /// lambda, in one attribute list: every scope must be known.
        /// </summary>
        public void AnalyzeAttributeList(SyntaxNodeAnalysisContext context)
        {
            var list = (AttributeListSyntax)context.Node;
            if (!CanCheck)
            {
                return;
            }

            ISymbol? owner = list.Target is { } target
                ? (target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) ? context.Compilation.Assembly : null)
                : ScopeSymbols.FunctionOf(list, context.SemanticModel, context.CancellationToken);
            if (owner is null)
            {
                return;
            }

            foreach (var attribute in ScopeSymbols.AttributesIn(owner, list))
            {
                CheckAttribute(attribute, context.ReportDiagnostic, context.CancellationToken);
            }
        }
    }
}
