using Microsoft.CodeAnalysis;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>Where a called Cymbio endpoint comes from: CYM0017 for an endpoint whose path was inferred.</summary>
    private sealed partial class CompilationState
    {
        // CymbioEvidence.Inferred (Cymbio.Client); the enum's value is what the attribute's argument holds.
        private const int InferredEvidence = 2;

        /// <summary>The id of the endpoint <paramref name="method"/> (an original definition) calls when its path is inferred; otherwise <see langword="null"/>. Read once per call target.</summary>
        private string? InferredEndpointId(IMethodSymbol method)
        {
            if (_symbols.EndpointAttribute is null)
            {
                return null;
            }

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
