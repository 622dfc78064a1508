using System.Collections.Generic;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>Grant sources 2 and 3 (docs/architecture.md): the nearest [CymbioScope] or [CymbioGrants] on the enclosing code, then the manifest; and the grants a provider type declares.</summary>
    private sealed partial class CompilationState
    {
        /// <summary>Grant source 2 (docs/architecture.md): the nearest [CymbioScope] or [CymbioGrants] outwards from the call; then level 3, the manifest.</summary>
        public Grants? EnclosingGrants(IOperation operation, ISymbol owner)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                var symbol = parent switch
                {
                    ILocalFunctionOperation local => local.Symbol,
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    _ => null,
                };
                if (symbol is not null && AttributeGrants(symbol) is { } grants)
                {
                    return grants;
                }
            }

            for (ISymbol? symbol = owner; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (AttributeGrants(symbol) is { } grants)
                {
                    return grants;
                }
            }

            return AttributeGrants(_assembly) ?? _manifest.AsSource();
        }

        private Grants? AttributeGrants(ISymbol symbol) =>
            _attributeGrants.TryGetValue(symbol, out var cached) ? cached : _attributeGrants.GetOrAdd(symbol, ReadAttributeGrants);

        private Grants? ReadAttributeGrants(ISymbol symbol)
        {
            var scopes = new List<string>();
            AttributeData? grantsAttribute = null;
            AttributeData? scopeAttribute = null;
            foreach (var attribute in symbol.GetAttributes())
            {
                var isGrants = ScopeSymbols.IsGrantsAttribute(attribute);
                var isScope = symbol is IMethodSymbol && ScopeSymbols.IsScopeAttribute(attribute);
                if (!isGrants && !isScope)
                {
                    continue;
                }

                if (isGrants)
                {
                    grantsAttribute ??= attribute;
                }
                else
                {
                    scopeAttribute ??= attribute;
                }

                foreach (var (scope, _) in ScopeSymbols.ScopeArguments(attribute))
                {
                    if (scope.Kind == ScopeReferenceKind.Literal)
                    {
                        scopes.Add(scope.Text);
                    }
                }
            }

            if (grantsAttribute is null && scopeAttribute is null)
            {
                return null;
            }

            var name = symbol is IAssemblySymbol ? null : symbol.Name;
            var canonical = ScopeSymbols.Canonical(scopes);
            if (grantsAttribute is not null)
            {
                var description = name is null ? "[assembly: CymbioGrants]" : $"[CymbioGrants] on '{DisplayName(symbol)}'";
                return new Grants(canonical, GrantSourceKind.Attribute, description, AttributeLocation(grantsAttribute));
            }

            return new Grants(canonical, GrantSourceKind.Propagated, $"the [CymbioScope] on '{DisplayName(symbol)}'", AttributeLocation(scopeAttribute!));
        }

        /// <summary>The grants a token-provider type declares with [CymbioGrants].</summary>
        public Grants? ProviderTypeGrants(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named || AttributeGrants(named.OriginalDefinition) is not { Kind: GrantSourceKind.Attribute } grants)
            {
                return null;
            }

            return grants with { Kind = GrantSourceKind.ProviderType };
        }

        private static Location? AttributeLocation(AttributeData attribute) =>
            attribute.ApplicationSyntaxReference is { } reference ? Location.Create(reference.SyntaxTree, reference.Span) : null;
    }
}
