using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>
/// Attributes found from one attribute list: those of the assembly, of a local function or of a lambda, which symbol
/// actions never visit, so the analyzers start from the list's syntax node instead.
/// </summary>
internal static partial class ScopeSymbols
{
    /// <summary>The local function or lambda that <paramref name="list"/> is written on; <see langword="null"/> for any other list.</summary>
    public static IMethodSymbol? FunctionOf(AttributeListSyntax list, SemanticModel model, CancellationToken cancellationToken) => list.Parent switch
    {
        LocalFunctionStatementSyntax local => model.GetDeclaredSymbol(local, cancellationToken) as IMethodSymbol,
        ParenthesizedLambdaExpressionSyntax or SimpleLambdaExpressionSyntax => model.GetSymbolInfo(list.Parent, cancellationToken).Symbol as IMethodSymbol,
        _ => null,
    };

    /// <summary>The attributes of <paramref name="symbol"/> written in <paramref name="list"/> (not in its other lists, not <c>[return: …]</c>).</summary>
    public static List<AttributeData> AttributesIn(ISymbol symbol, AttributeListSyntax list)
    {
        var attributes = new List<AttributeData>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == list.SyntaxTree && list.Span.Contains(reference.Span))
            {
                attributes.Add(attribute);
            }
        }

        return attributes;
    }
}
