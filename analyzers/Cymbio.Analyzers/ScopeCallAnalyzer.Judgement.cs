using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>Judging one scoped call against the grants that serve it: the diagnostic, and the properties the code fix reads.</summary>
    private sealed partial class CompilationState
    {
        public Diagnostic? Judge(CallSite call, Grants? traced)
        {
            var grants = traced ?? EnclosingGrants(call.Operation, call.Owner);
            if (grants is null)
            {
                return Diagnostic.Create(CallSiteDescriptors.NoGrantSource, call.Location, call.DisplayName, Grants.Quote(call.Required));
            }

            if (grants.Covers(call.Required))
            {
                return null;
            }

            var missing = grants.Missing(call.Required);

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(CallSiteProperties.Missing, string.Join(" ", missing));
            properties.Add(CallSiteProperties.Required, string.Join(" ", call.Required));
            properties.Add(CallSiteProperties.SourceKind, grants.Kind.ToString());
            if (grants.Manifest is { EditPath: { } path } manifest)
            {
                properties.Add(CallSiteProperties.ManifestPath, path);
                properties.Add(CallSiteProperties.ManifestArrayEnd, manifest.ArrayEnd.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (call.CanPropagate)
            {
                properties.Add(CallSiteProperties.CanPropagate, "true");
            }

            return Diagnostic.Create(
                CallSiteDescriptors.MissingScopes,
                call.Location,
                grants.Location is { } location ? new[] { location } : null,
                properties.ToImmutable(),
                call.DisplayName,
                Grants.Quote(missing),
                grants.Description);
        }
    }

    /// <summary>A scoped call and what judging it needs. Its name, location and propagation are worked out only for a diagnostic.</summary>
    private sealed record CallSite(IOperation Operation, ISymbol Owner, IMethodSymbol Method, ImmutableArray<string> Required)
    {
        /// <summary>The called method as messages name it: <c>Type.Method</c>.</summary>
        public string DisplayName => (Method.ReducedFrom ?? Method).ContainingType.Name + "." + Method.Name;

        /// <summary>The called method's name in the source, what the editor squiggles.</summary>
        public Location Location => NameLocation(Operation.Syntax);

        /// <summary>Whether a <c>[CymbioScope]</c> on the enclosing ordinary method (not a lambda or local function in it) would serve the call.</summary>
        public bool CanPropagate => Owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } && !InsideFunction(Operation);
    }

    /// <summary>What calling one method on one receiver type means, shared by every such call of the compilation.</summary>
    private sealed class CallTarget
    {
        public static readonly CallTarget Unscoped = new(ImmutableArray<string>.Empty, null) { Marked = true };

        public CallTarget(ImmutableArray<string> required, string? inferredEndpoint)
        {
            Required = required;
            InferredEndpoint = inferredEndpoint;
        }

        /// <summary>The scopes the call requires, canonical; empty when it requires none or cannot be judged.</summary>
        public ImmutableArray<string> Required { get; }

        /// <summary>The endpoint id when the called endpoint's path was inferred (CYM0017).</summary>
        public string? InferredEndpoint { get; }

        /// <summary>Whether <see cref="Required"/> is already in the project's used scopes (a benign race marks twice).</summary>
        public bool Marked { get; set; }
    }
}
