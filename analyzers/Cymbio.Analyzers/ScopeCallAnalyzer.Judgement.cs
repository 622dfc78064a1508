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
            var method = call.DisplayName;
            if (grants is null)
            {
                return Diagnostic.Create(CallSiteDescriptors.NoGrantSource, call.Location, method, Grants.Quote(call.Required));
            }

            var missing = grants.Missing(call.Required);
            if (missing.IsEmpty)
            {
                return null;
            }

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
                method,
                Grants.Quote(missing),
                grants.Description);
        }
    }

    /// <summary>A scoped call and what judging it needs.</summary>
    private sealed record CallSite(
        IOperation Operation,
        ISymbol Owner,
        IOperation? Receiver,
        ImmutableArray<string> Required,
        string DisplayName,
        Location Location,
        bool CanPropagate);
}
