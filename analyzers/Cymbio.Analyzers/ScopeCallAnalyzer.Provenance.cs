using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>Where a called Cymbio endpoint comes from: CYM0017 for an endpoint whose path was inferred.</summary>
    private sealed partial class CompilationState
    {
        // CymbioEvidence.Inferred (Cymbio.Client); the enum's value is what the attribute's argument holds.
        private const int InferredEvidence = 2;

        private readonly ConcurrentDictionary<IMethodSymbol, string?> _inferredEndpoints = new(SymbolEqualityComparer.Default);

        /// <summary>The id of the endpoint <paramref name="method"/> calls when its path is inferred; otherwise <see langword="null"/>.</summary>
        private string? InferredEndpointId(IMethodSymbol method)
        {
            if (_symbols.EndpointAttribute is null)
            {
                return null;
            }

            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return _inferredEndpoints.TryGetValue(method, out var cached) ? cached : _inferredEndpoints.GetOrAdd(method, ReadInferredEndpointId(method));
        }

        private string? ReadInferredEndpointId(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.EndpointAttribute)
                    && attribute.ConstructorArguments.Length >= 2
                    && attribute.ConstructorArguments[0].Value is string id
                    && attribute.ConstructorArguments[1].Value is int evidence)
                {
                    return evidence == InferredEvidence ? id : null;
                }
            }

            return null;
        }
    }
}
